package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.Analyzer;
import dev.faultline.core.engine.RuleRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real pipeline (parsers and rules from the class path) through the command line. */
@Tag("integration")
class LintEndToEndTest {

    /** The repository root: Maven runs the tests in {@code cli/}. */
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run lint(Path workingDirectory, String... args) {
        List<String> all = new ArrayList<>();
        all.add("lint");
        all.addAll(List.of(args));
        return run(workingDirectory, all.toArray(new String[0]));
    }

    /** Any command line, with the real loader and rules. */
    static Run run(Path workingDirectory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment env = new CliEnvironment(new PrintWriter(out), new PrintWriter(err), workingDirectory,
                Map.of(), false, Analyzer::fromClassPath, RuleRegistry::load);
        int code = new Main(env).run(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theBundledExamplesHaveFindings() {
        Run r = lint(REPO, "examples/");
        assertThat(r.err()).doesNotContain("internal error").doesNotContain("tool error");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("examples/sam-orders/template.yaml:")
                .contains(" warning FL-SQS-001 Queue 'BillingQueue' is consumed by function 'BillingFunction'");
        assertThat(r.out()).doesNotContain("InvoiceQueue");
        assertThat(r.err()).containsPattern("\\d+ findings? \\(\\d+ errors?, \\d+ warnings?, \\d+ infos?\\) in 4 files\n");
    }

    @Test
    void theExamplesAsJsonListTheTemplateAndTheDefinition() {
        Run r = lint(REPO, "--format", "json", "examples");
        assertThat(r.code()).isEqualTo(1);
        JsonNode root = JsonMapper.builder().build().readTree(r.out());
        List<String> files = new ArrayList<>();
        for (JsonNode f : root.get("files")) {
            files.add(f.get("path").asString() + " " + f.get("kind").asString());
        }
        assertThat(files).containsExactly(
                "examples/custom-rule/src/test/resources/fixtures/ACME-SQS-001/queues.yaml cloudformation",
                "examples/maven-project/infra/orders.yaml cloudformation",
                "examples/sam-orders/statemachine/fulfil-order.asl.json asl",
                "examples/sam-orders/template.yaml sam");
        JsonNode first = root.get("findings").get(0);
        assertThat(first.get("file").asString()).isEqualTo(
                "examples/custom-rule/src/test/resources/fixtures/ACME-SQS-001/queues.yaml");
        assertThat(first.get("line").asInt()).isPositive();
        List<String> findingFiles = new ArrayList<>();
        for (JsonNode f : root.get("findings")) {
            findingFiles.add(f.get("file").asString());
        }
        // the definition file a template points to (DefinitionUri) gets findings too
        assertThat(findingFiles).contains("examples/sam-orders/statemachine/fulfil-order.asl.json");
        assertThat(root.get("summary").get("files").asInt()).isEqualTo(4);
    }

    @Test
    void aCleanTemplateExitsZero() throws IOException {
        write("ok/template.yaml", ""
                + "Resources:\n"
                + "  Queue:\n"
                + "    Type: AWS::SQS::Queue\n"
                + "    Properties:\n"
                + "      RedrivePolicy:\n"
                + "        deadLetterTargetArn: !GetAtt Dlq.Arn\n"
                + "        maxReceiveCount: 5\n"
                + "  Dlq:\n"
                + "    Type: AWS::SQS::Queue\n"
                + "    Properties:\n"
                + "      MessageRetentionPeriod: 1209600\n"
                + "  DlqAlarm:\n"
                + "    Type: AWS::CloudWatch::Alarm\n"
                + "    Properties:\n"
                + "      Namespace: AWS/SQS\n"
                + "      MetricName: ApproximateNumberOfMessagesVisible\n"
                + "      Dimensions: [{Name: QueueName, Value: !GetAtt Dlq.QueueName}]\n"
                + "      Statistic: Maximum\n"
                + "      Period: 60\n"
                + "      EvaluationPeriods: 1\n"
                + "      Threshold: 0\n"
                + "      ComparisonOperator: GreaterThanThreshold\n");
        Run r = lint(tmp, "ok");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("0 findings (0 errors, 0 warnings, 0 infos) in 1 file\n");
    }

    @Test
    void aDuplicateKeyIsALocatedErrorAndOtherFilesAreStillLinted() throws IOException {
        write("t/broken.yaml", ""
                + "Resources:\n"
                + "  Queue:\n"
                + "    Type: AWS::SQS::Queue\n"
                + "  Queue:\n"
                + "    Type: AWS::SNS::Topic\n");
        write("t/raw.yaml", ""
                + "Resources:\n"
                + "  Jobs:\n"
                + "    Type: AWS::SQS::Queue\n"
                + "  Worker:\n"
                + "    Type: AWS::Lambda::Function\n"
                + "    Properties:\n"
                + "      Handler: index.handler\n"
                + "      Runtime: nodejs20.x\n"
                + "      Role: arn:aws:iam::123456789012:role/worker\n"
                + "      Code:\n"
                + "        ZipFile: exports.handler = async () => {}\n"
                + "  JobsMapping:\n"
                + "    Type: AWS::Lambda::EventSourceMapping\n"
                + "    Properties:\n"
                + "      EventSourceArn: !GetAtt Jobs.Arn\n"
                + "      FunctionName: !Ref Worker\n");
        Run r = lint(tmp, "t", "--fail-on", "error");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("t/broken.yaml:4:3: error FL-PARSE-002 ");
        assertThat(r.out()).contains("t/raw.yaml:").contains(" warning FL-SQS-001 Queue 'Jobs'");

        Run onlyErrors = lint(tmp, "t", "--disable", "FL-PARSE");
        assertThat(onlyErrors.code()).isEqualTo(1);
        assertThat(onlyErrors.out()).doesNotContain("FL-PARSE");
        assertThat(lint(tmp, "t", "--disable", "FL-PARSE", "--fail-on", "error").code()).isZero();
    }

    @Test
    void aDirectoryWithoutTemplatesExitsZeroWithANote() throws IOException {
        write("docs/README.md", "# nothing to lint\n");
        Run r = lint(tmp, "docs");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("faultline: note: no templates or state machine definitions found in docs\n");
    }

    @Test
    void aMissingPathIsAUsageError() {
        Run r = lint(tmp, "nope.yaml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("faultline: no such file or directory: nope.yaml\n");
    }

    private void write(String relative, String content) throws IOException {
        Path p = tmp.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }
}
