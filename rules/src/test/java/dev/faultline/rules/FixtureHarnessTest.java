package dev.faultline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.fixtures.FixtureFile;
import dev.faultline.fixtures.FixtureHarness;
import dev.faultline.fixtures.Marker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixture harness: which rules a fixture checks, message fragments, markers in Comment fields. */
class FixtureHarnessTest {

    @TempDir
    Path dir;

    private final FixtureHarness harness = FixtureHarness.fromClassPath();

    /** A queue without a redrive policy consumed by a function (FL-SQS-001), and a DLQ nobody watches (FL-OBS-001). */
    private static final String QUEUES = """
            Resources:
              Orders: # expect: FL-SQS-001%s
                Type: AWS::SQS::Queue
                Properties:
                  VisibilityTimeout: 60
              Worker:
                Type: AWS::Lambda::Function
                Properties:
                  Timeout: 10
              Mapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties:
                  EventSourceArn: !GetAtt Orders.Arn
                  FunctionName: !Ref Worker
            """;

    /** Writes a fixture that must match its markers. */
    private Path passes(String relative, String text) throws IOException {
        Path f = write(relative, text);
        FixtureHarness.Outcome o = harness.check(f);
        assertThat(o.passed()).as(o.describe()).isTrue();
        return f;
    }

    /** Writes a fixture that must not match its markers. */
    private FixtureHarness.Outcome fails(String relative, String text) throws IOException {
        FixtureHarness.Outcome o = harness.check(write(relative, text));
        assertThat(o.passed()).isFalse();
        return o;
    }

    private Path write(String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void aFixtureChecksItsOwnRuleAndTheRulesItsMarkersName() throws IOException {
        String yaml = QUEUES.formatted("");
        FixtureHarness.Outcome own = harness.check(write("FL-SQS-001/queues.yaml", yaml));
        assertThat(own.passed()).as(own.describe()).isTrue();
        assertThat(own.checked()).containsExactly("FL-SQS-001");
        assertThat(own.findings()).extracting(f -> f.ruleId()).contains("FL-SQS-001");

        assertThat(own.findings()).extracting(f -> f.ruleId()).contains("FL-ESM-004"); // found, not checked

        // the same file outside a rule's directory checks every rule: the mapping's FL-ESM-004 is unexpected
        FixtureHarness.Outcome all = harness.check(write("misc/queues.yaml", yaml));
        assertThat(all.checked()).isEmpty();
        assertThat(all.passed()).isFalse();
        assertThat(all.unexpected()).singleElement().asString().startsWith("10 FL-ESM-004  (");

        // a marker of another rule brings that rule in, and it must then match exactly
        FixtureHarness.Outcome other = harness.check(write("FL-ESM-004/queues.yaml", yaml));
        assertThat(other.checked()).containsExactly("FL-ESM-004", "FL-SQS-001");
        assertThat(other.unexpected()).singleElement().asString().startsWith("10 FL-ESM-004  (");
        FixtureHarness.Outcome marked = harness.check(write(
                "FL-ESM-004/marked.yaml",
                yaml.replace("  Mapping:", "  Mapping: # expect: FL-ESM-004 \"without ReportBatchItemFailures\"")));
        assertThat(marked.passed()).as(marked.describe()).isTrue();
    }

    @Test
    void aMissingFindingOfTheOwnRuleFails() throws IOException {
        String yaml = QUEUES.formatted("")
                .replace("# expect: FL-SQS-001", "")
                .replace("Timeout: 10", "Timeout: 10 # expect: FL-SQS-001");
        FixtureHarness.Outcome o = harness.check(write("FL-SQS-001/moved.yaml", yaml));
        assertThat(o.passed()).isFalse();
        assertThat(o.missing()).containsExactly("9 FL-SQS-001");
        assertThat(o.unexpected()).singleElement().asString().startsWith("2 FL-SQS-001  (Queue 'Orders'");
    }

    @Test
    void aMarkerMayCarryAPieceOfTheMessage() throws IOException {
        FixtureHarness.Outcome right = harness.check(write("FL-SQS-001/right.yaml", QUEUES.formatted(" \"Orders\"")));
        assertThat(right.passed()).as(right.describe()).isTrue();

        FixtureHarness.Outcome wrong =
                harness.check(write("FL-SQS-001/wrong.yaml", QUEUES.formatted(" \"no such text\"")));
        assertThat(wrong.passed()).isFalse();
        assertThat(wrong.missing())
                .singleElement()
                .asString()
                .startsWith("2 FL-SQS-001 \"no such text\"  (found, but the message is: Queue 'Orders'");
        assertThat(wrong.unexpected()).isEmpty();
    }

    @Test
    void markersParseIdsFragmentsAndCommas() throws IOException {
        Path f = write(
                "FL-SQS-003/m.yaml",
                "# options: FL-SQS-004.minimumReceiveCount=3\n"
                        + "a: 1 # expect: FL-SQS-003 \"6 × 30, or more\", FL-OBS-001\n");
        FixtureFile ff = FixtureFile.read(f);
        assertThat(ff.markers())
                .containsExactly(new Marker(2, "FL-SQS-003", "6 × 30, or more"), new Marker(2, "FL-OBS-001", null));
        assertThat(ff.markedRules()).containsExactly("FL-OBS-001", "FL-SQS-003", "FL-SQS-004");
        Path bad = write("FL-SQS-003/bad.yaml", "a: 1 # expect: FL-SQS-003 6 x 30\n");
        assertThatThrownBy(() -> FixtureFile.read(bad)).hasMessageContaining("bad.yaml:1: a marker is RULE-ID");
    }

    /** A callback task without a heartbeat or timeout (FL-SFN-004) and one with a timeout. */
    private static final String MACHINE = """
            {
              "Comment": "two callback tasks",
              "StartAt": "Approve",
              "States": {
                "Approve": {
                  "Comment": "expect: FL-SFN-004 \\"Approve\\"",
                  "Type": "Task",
                  "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                  "Parameters": {
                    "QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/orders",
                    "MessageBody": {"Token.$": "$$.Task.Token"}
                  },
                  "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done"}],
                  "Next": "Bounded"
                },
                "Bounded": {
                  "Comment": "%s",
                  "Type": "Task",
                  "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                  "TimeoutSeconds": 3600,
                  "Parameters": {
                    "QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/orders",
                    "MessageBody": {"Token.$": "$$.Task.Token"}
                  },
                  "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done"}],
                  "Next": "Done"
                },
                "Done": {"Type": "Succeed"}
              }
            }
            """;

    @Test
    void jsonFixturesCarryMarkersInCommentFields() throws IOException {
        Path ok = passes("FL-SFN-004/machine.asl.json", MACHINE.formatted("bounded: no finding"));
        assertThat(FixtureFile.read(ok).markers()).containsExactly(new Marker(5, 15, "FL-SFN-004", "Approve"));
        assertThat(fails("FL-SFN-004/wrong.asl.json", MACHINE.formatted("expect: FL-SFN-004"))
                        .missing())
                .containsExactly("16-27 FL-SFN-004");
    }

    /** Two callback tasks without a heartbeat or timeout, the marker on the machine. */
    private static final String TWO_UNBOUNDED = """
            {
              "Comment": "%s",
              "StartAt": "First",
              "States": {
                "First": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "Next": "Second"},
                "Second": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish.waitForTaskToken", "Next": "Done"},
                "Done": {"Type": "Succeed"}
              }
            }
            """;

    @Test
    void aCommentMarkerNamesItsRuleOncePerFindingInTheObject() throws IOException {
        passes("FL-SFN-004/twice.asl.json", TWO_UNBOUNDED.formatted("expect: FL-SFN-004, FL-SFN-004"));
        assertThat(fails("FL-SFN-004/once.asl.json", TWO_UNBOUNDED.formatted("expect: FL-SFN-004"))
                        .missing())
                .singleElement()
                .asString()
                .contains("1 expected in the object, 2 found");
    }

    /** A CDK state machine: its definition as {@code Fn::Join} pieces, one state a line. */
    private static final String CDK_MACHINE = """
            {
              "Resources": {
                "Flow": {
                  "Type": "AWS::StepFunctions::StateMachine",
                  "Properties": {
                    "RoleArn": "arn:aws:iam::123456789012:role/sfn",
                    "DefinitionString": {"Fn::Join": ["", [
                      "{\\"StartAt\\":\\"Approve\\",\\"States\\":{",
                      "\\"Approve\\":{%s\\"Type\\":\\"Task\\",\\"Resource\\":\\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\\",\\"Parameters\\":{\\"QueueUrl\\":\\"https://sqs.us-east-1.amazonaws.com/123456789012/orders\\",\\"MessageBody\\":{\\"Token.$\\":\\"$$.Task.Token\\"}},\\"Catch\\":[{\\"ErrorEquals\\":[\\"States.ALL\\"],\\"Next\\":\\"Done\\"}],\\"Next\\":\\"Done\\"},",
                      "\\"Done\\":{\\"Type\\":\\"Succeed\\"}}}"
                    ]]}
                  }
                }
              }
            }
            """;

    @Test
    void embeddedDefinitionsCarryEscapedCommentMarkersForTheirLine() throws IOException {
        String marker = "\\\"Comment\\\":\\\"expect: FL-SFN-004\\\",";
        Path ok = passes("FL-SFN-004/cdk.json", CDK_MACHINE.formatted(marker));
        assertThat(FixtureFile.read(ok).markers()).containsExactly(new Marker(9, 9, "FL-SFN-004", null));
        FixtureHarness.Outcome u = fails("FL-SFN-004/unmarked.json", CDK_MACHINE.formatted(""));
        assertThat(FixtureFile.read(u.fixture()).markers()).isEmpty();
        assertThat(u.unexpected()).singleElement().asString().startsWith("9 FL-SFN-004");
    }
}
