package dev.faultline.rules.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.rule.Finding;
import dev.faultline.fixtures.FixtureHarness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthesized CDK stacks of the corpus get their findings with the construct path of each. */
class CdkSynthFindingsTest {

    @TempDir
    static Path extracted;

    @Test
    void sqsLambdaFindingsCarryTheirCdkPath() {
        assertThat(described("FL-SQS-002/cdk-sqs-lambda.template.json"))
                .containsExactly(
                        "FL-SQS-003 SqsLambdaStack/OrdersQueue/Resource",
                        "FL-SQS-001 SqsLambdaStack/AuditQueue/Resource",
                        "FL-SQS-002 SqsLambdaStack/AuditQueue/Resource",
                        "FL-ESM-004 SqsLambdaStack/AuditConsumer/SqsEventSource:SqsLambdaStackAuditQueue985D6BDF/Resource",
                        "FL-SQS-004 SqsLambdaStack/PaymentsQueue/Resource");
    }

    @Test
    void streamLambdaFindingsCarryTheirCdkPath() {
        String metric =
                "StreamLambdaStack/MetricProcessor/KinesisEventSource:StreamLambdaStackMetricStream5389B8DE/Resource";
        String auditor =
                "StreamLambdaStack/AccountAuditor/DynamoDBEventSource:StreamLambdaStackAccountsC0247C02/Resource";
        assertThat(described("FL-ESM-001/cdk-stream-lambda.template.json"))
                .containsExactly(
                        "FL-ESM-001 " + metric,
                        "FL-ESM-002 " + metric,
                        "FL-ESM-003 " + metric,
                        "FL-ESM-003 StreamLambdaStack/AccountProjector/DynamoDBEventSource:StreamLambdaStackAccountsC0247C02/Resource",
                        "FL-ESM-001 " + auditor,
                        "FL-ESM-002 " + auditor,
                        "FL-ESM-003 " + auditor);
    }

    private static List<String> described(String fixture) {
        Path f = FixtureHarness.builtinFixtures(extracted).resolve(fixture);
        return FixtureHarness.fromClassPath().check(f).findings().stream()
                .filter(x -> x.ruleId().startsWith("FL-ESM") || x.ruleId().startsWith("FL-SQS"))
                .map(CdkSynthFindingsTest::describe)
                .toList();
    }

    private static String describe(Finding f) {
        return f.ruleId() + " " + f.cdkPath();
    }
}
