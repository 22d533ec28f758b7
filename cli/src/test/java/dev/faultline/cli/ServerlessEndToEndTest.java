package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cli.LintEndToEndTest.Run;
import dev.faultline.fixtures.SarifChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Serverless Framework service through the command line: SARIF locations in the service file and
 * in the file it includes, baseline fingerprints that survive moved lines, Metadata suppressions on
 * {@code resources:} entries and config-file path suppressions for functions and events.
 */
class ServerlessEndToEndTest {

    @TempDir
    Path repo;

    private static final String SERVICE = """
            service: shop
            provider:
              name: aws
              runtime: nodejs20.x
            functions:
              hello:
                handler: handler.hello
                events:
                  - sns: orders
                  - sqs:
                      arn: !GetAtt OrdersQueue.Arn
                      batchSize: 1
            resources:
              - ${file(resources/queues.yml)}
            """;

    @BeforeEach
    void service() throws Exception {
        Files.createDirectories(repo.resolve(".git"));
        Files.createDirectories(repo.resolve("resources"));
        Files.writeString(repo.resolve("serverless.yml"), SERVICE);
        Files.writeString(repo.resolve("resources/queues.yml"), """
                Resources:
                  OrdersQueue:
                    Type: AWS::SQS::Queue
                    Properties:
                      VisibilityTimeout: 60
                """);
    }

    @Test
    void textReportPointsAtTheServiceAndTheIncludedFile() {
        Run r = LintEndToEndTest.lint(repo, "--fail-on", "none");
        assertThat(r.out())
                .contains("resources/queues.yml:2:3: warning FL-SQS-001 Queue 'OrdersQueue'")
                .contains("serverless.yml:6:3: warning FL-LAMBDA-001 Function 'HelloLambdaFunction'")
                .contains("serverless.yml:9:9: warning FL-SNS-001 SNS subscription 'HelloSnsSubscriptionOrders'");
        assertThat(r.err()).contains("in 2 files");
    }

    @Test
    void sarifIsValidWithRelativeUris() {
        Run r = LintEndToEndTest.lint(repo, "--format", "sarif", "--fail-on", "none");
        assertThat(SarifChecks.problems(r.out())).isEmpty();
        assertThat(r.out()).contains("\"uri\" : \"serverless.yml\"").contains("\"uri\" : \"resources/queues.yml\"");
    }

    @Test
    void baselineMatchesAfterLinesMove() throws Exception {
        Run write = LintEndToEndTest.lint(repo, "--write-baseline", "baseline.json");
        assertThat(write.code()).isZero();
        Files.writeString(repo.resolve("serverless.yml"), "# a comment\n# and another\n" + SERVICE);
        Run r = LintEndToEndTest.lint(repo, "--baseline", "baseline.json");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.err()).contains("3 suppressed");
    }

    @Test
    void metadataOnResourcesAndPathSuppressionsForFunctionsAndEvents() throws Exception {
        Files.writeString(repo.resolve("resources/queues.yml"), """
                Resources:
                  OrdersQueue:
                    Type: AWS::SQS::Queue
                    Metadata:
                      faultline:
                        suppress:
                          - rule: FL-SQS-001
                            reason: the producer retries from its own outbox
                    Properties:
                      VisibilityTimeout: 60
                """);
        Files.writeString(repo.resolve(".faultline.yml"), """
                suppress:
                  - rule: FL-LAMBDA-001
                    paths: ["serverless.yml"]
                    reason: notifications are best effort
                  - rule: FL-SNS-001
                    paths: ["serverless.yml"]
                    reason: notifications are best effort
                """);
        Run r = LintEndToEndTest.lint(repo);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.err()).contains("0 findings").contains("3 suppressed");
    }

    @Test
    void commentSuppressionsOnFunctionsAndEvents() throws Exception {
        Files.writeString(repo.resolve("serverless.yml"), """
                service: shop
                provider:
                  name: aws
                  runtime: nodejs20.x
                functions:
                  # faultline-ignore FL-LAMBDA-001 notifications are best effort
                  hello:
                    handler: handler.hello
                    description: "# faultline-ignore FL-SQS-001 not a comment"
                    events:
                      - sns: orders # faultline-ignore FL-SNS-001 the publisher keeps an outbox
                      - sqs:
                          arn: !GetAtt OrdersQueue.Arn
                          batchSize: 1
                  # faultline-ignore FL-SQS-002 nothing of that rule here
                  other:
                    handler: handler.other
                    events:
                      - sns: refunds # faultline-ignore FL-SNS-001
                resources:
                  - ${file(resources/queues.yml)}
                """);
        Run text = LintEndToEndTest.lint(repo, "--fail-on", "none");
        assertThat(text.out())
                // the function's finding and the event's are suppressed; the queue's (another file) is not
                .doesNotContain("FL-LAMBDA-001 Function 'HelloLambdaFunction'")
                .doesNotContain("FL-SNS-001 SNS subscription 'HelloSnsSubscriptionOrders'")
                .contains("resources/queues.yml:2:3: warning FL-SQS-001")
                .doesNotContain("serverless.yml:9:")
                // a comment without a reason suppresses nothing and is reported; so is one that matches nothing
                .contains(
                        "serverless.yml:19:22: warning FL-CONFIG-001 Suppression comment for FL-SNS-001 has no reason")
                .contains("FL-SNS-001 SNS subscription 'OtherSnsSubscriptionRefunds'")
                .contains("serverless.yml:15:3: info FL-CONFIG-002 Suppression comment for FL-SQS-002 (lines 16-19)");
        assertThat(text.err()).contains("2 suppressed");

        Run sarif = LintEndToEndTest.lint(repo, "--format", "sarif", "--fail-on", "none", "--include-suppressed");
        assertThat(SarifChecks.problems(sarif.out())).isEmpty();
        assertThat(sarif.out())
                .contains("\"kind\" : \"inSource\"")
                .contains("\"justification\" : \"notifications are best effort\"")
                .contains("\"justification\" : \"the publisher keeps an outbox\"");
    }
}
