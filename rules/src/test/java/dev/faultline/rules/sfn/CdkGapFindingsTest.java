package dev.faultline.rules.sfn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.rule.Finding;
import dev.faultline.fixtures.FixtureHarness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three defects of the corpus's CDK apps that the precision audit found no rule for
 * (docs/precision-audit.md) are reported by FL-OBS-002, FL-SFN-012 and FL-SFN-013, on copies of the
 * synthesized templates under the fixtures.
 */
class CdkGapFindingsTest {

    @TempDir
    static Path extracted;

    @Test
    void unsubscribedStreamFailureTopicIsReported() {
        assertThat(findings("FL-ESM-001/cdk-stream-lambda.template.json", "FL-OBS-002"))
                .extracting(Finding::cdkPath)
                .containsExactly("StreamLambdaStack/StreamFailures/Resource");
    }

    @Test
    void shadowedRetrierAndParallelRetryAreReportedOnTheHardenedFlow() {
        List<Finding> shadowed = findings("FL-SFN-012/cdk-sfn-workflow.template.json", "FL-SFN-012");
        assertThat(shadowed).singleElement().satisfies(f -> {
            assertThat(f.cdkPath()).isEqualTo("WorkflowDevStack/HardenedOrderFlow/Resource");
            assertThat(f.message()).contains("'Validate' retrier 1 lists 'Lambda.ServiceException'", "retrier 0");
        });
        List<Finding> rerun = findings("FL-SFN-012/cdk-sfn-workflow.template.json", "FL-SFN-013");
        assertThat(rerun)
                .singleElement()
                .satisfies(
                        f -> assertThat(f.message()).contains("'Notify'", "all 2 branches", "task 'NotifyCustomer'"));
    }

    private static List<Finding> findings(String fixture, String ruleId) {
        Path f = FixtureHarness.builtinFixtures(extracted).resolve(fixture);
        return FixtureHarness.fromClassPath().check(f).findings().stream()
                .filter(x -> x.ruleId().equals(ruleId))
                .toList();
    }
}
