package dev.faultline.rules.sfn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.rules.sfn.TestMachines.Reported;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FL-SFN-001: reported on the Map or Parallel that strands writes, never on a single Task or a nested state. */
class FailureStrandsCompletedWorkTest {

    private static List<Reported> run(String definition) {
        return TestMachines.run(new FailureStrandsCompletedWork(), definition);
    }

    private static String map(String extra, String task) {
        return """
                StartAt: All
                States:
                  All:
                    Type: Map
                    ItemsPath: $.items
                %s
                    ItemProcessor:
                      StartAt: Each
                      States:
                        Each:
                %s
                          End: true
                    End: true
                """.formatted(extra.indent(4).stripTrailing(), task.indent(10).stripTrailing());
    }

    @Test
    void aSingleTaskWithoutCatchIsNotReported() {
        assertThat(run("""
                StartAt: Charge
                States:
                  Charge:
                    Type: Task
                    Resource: arn:aws:states:::dynamodb:putItem
                    Next: Notify
                  Notify:
                    Type: Task
                    Resource: arn:aws:states:::lambda:invoke
                    End: true
                """)).isEmpty();
    }

    @Test
    void mapWhoseItemsWriteIsReportedOnTheMapOnly() {
        List<Reported> r = run(map("", """
                Type: Task
                Resource: arn:aws:states:::dynamodb:putItem
                """));
        assertThat(r).extracting(Reported::line).containsExactly(3);
        assertThat(r.get(0).message()).startsWith("Map 'All' has no Catch and its items run 'Each'")
                .contains("stops the other iterations");
    }

    @Test
    void lambdaItemsCountAsWriting() {
        assertThat(run(map("", """
                Type: Task
                Resource: arn:aws:states:::lambda:invoke
                """))).extracting(Reported::line).containsExactly(3);
    }

    @Test
    void readOnlyItemsAreSilent() {
        assertThat(run(map("", """
                Type: Task
                Resource: arn:aws:states:::aws-sdk:s3:getObject
                """))).isEmpty();
        assertThat(run(map("", """
                Type: Task
                Resource: arn:aws:states:::http:invoke
                Parameters: {Method: GET, ApiEndpoint: "https://example.com"}
                """))).isEmpty();
    }

    @Test
    void failureHandledInsideTheProcessorOnTheMapOrTolerated() {
        assertThat(run("""
                StartAt: All
                States:
                  All:
                    Type: Map
                    ItemProcessor:
                      StartAt: Each
                      States:
                        Each:
                          Type: Task
                          Resource: arn:aws:states:::dynamodb:putItem
                          Catch:
                            - {ErrorEquals: [States.ALL], Next: Failed}
                          End: true
                        Failed: {Type: Pass, End: true}
                    End: true
                """)).isEmpty();
        assertThat(run(map("""
                Catch:
                  - {ErrorEquals: [States.TaskFailed], Next: All}
                """, """
                Type: Task
                Resource: arn:aws:states:::dynamodb:putItem
                """))).isEmpty();
        String tolerant = """
                StartAt: All
                States:
                  All:
                    Type: Map
                    ToleratedFailurePercentage: %s
                    ItemProcessor:
                      ProcessorConfig: {Mode: DISTRIBUTED, ExecutionType: STANDARD}
                      StartAt: Each
                      States:
                        Each:
                          Type: Task
                          Resource: arn:aws:states:::dynamodb:putItem
                          End: true
                    End: true
                """;
        assertThat(run(tolerant.formatted("5"))).isEmpty();
        assertThat(run(tolerant.formatted("0"))).extracting(Reported::line).containsExactly(3);
    }

    @Test
    void nestedMapIsNotReportedAgain() {
        List<Reported> r = run("""
                StartAt: Outer
                States:
                  Outer:
                    Type: Map
                    ItemProcessor:
                      StartAt: Inner
                      States:
                        Inner:
                          Type: Map
                          ItemProcessor:
                            StartAt: Put
                            States:
                              Put:
                                Type: Task
                                Resource: arn:aws:states:::sqs:sendMessage
                                End: true
                          End: true
                    End: true
                """);
        assertThat(r).extracting(Reported::line).containsExactly(3);
    }

    @Test
    void parallelNeedsTwoWritingBranchesAndNoCatch() {
        String parallel = """
                StartAt: Fan
                States:
                  Fan:
                    Type: Parallel
                    Branches:
                      - StartAt: A
                        States:
                          A:
                            Type: Task
                            Resource: arn:aws:states:::dynamodb:putItem
                            End: true
                      - StartAt: B
                        States:
                          B:
                            Type: Task
                            Resource: %s
                            End: true
                    End: true
                """;
        List<Reported> r = run(parallel.formatted("arn:aws:states:::sns:publish"));
        assertThat(r).extracting(Reported::line).containsExactly(3);
        assertThat(r.get(0).message()).contains("2 of its branches write ('A', 'B')");
        // a Lambda branch's effect is unknown, a read-only branch does not write
        assertThat(run(parallel.formatted("arn:aws:states:::lambda:invoke"))).isEmpty();
        assertThat(run(parallel.formatted("arn:aws:states:::dynamodb:getItem"))).isEmpty();
        // a Catch on the Parallel handles the half-done writes
        assertThat(run(parallel.formatted("arn:aws:states:::sns:publish")
                .replace("    Type: Parallel\n", "    Type: Parallel\n    Catch: [{ErrorEquals: [States.ALL], Next: Fan}]\n")))
                .isEmpty();
    }
}
