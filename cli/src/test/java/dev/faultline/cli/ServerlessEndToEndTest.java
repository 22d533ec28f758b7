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
}
