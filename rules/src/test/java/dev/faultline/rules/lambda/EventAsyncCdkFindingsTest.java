package dev.faultline.rules.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.rule.Finding;
import dev.faultline.fixtures.FixtureHarness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus's synthesized {@code event-async} CDK app (a copy under the fixtures) gets the async,
 * SNS, EventBridge and alarm findings a reviewer expects, each with its construct path; the
 * functions with an OnFailure destination or a DLQ and the rule DLQ with its queue policy are not
 * flagged.
 */
class EventAsyncCdkFindingsTest {

    @TempDir
    static Path extracted;

    @Test
    void mainStackFindingsCarryTheirCdkPath() {
        assertThat(described("FL-LAMBDA-001/cdk-event-async.template.json"))
                .containsExactly(
                        "FL-OBS-001 EventAsyncStack/RuleTargetDlq/Resource",
                        "FL-OBS-001 EventAsyncStack/AsyncFailures/Resource",
                        "FL-LAMBDA-001 EventAsyncStack/NightlyJob/Resource",
                        "FL-EVENTS-001 EventAsyncStack/Nightly/Resource",
                        "FL-OBS-001 EventAsyncStack/SignupSubscriptionDlq/Resource",
                        "FL-OBS-001 EventAsyncStack/AnalyticsHandler/DeadLetterQueue/Resource",
                        "FL-SNS-001 EventAsyncStack/AnalyticsHandler/SignupTopic/Resource",
                        "FL-LAMBDA-001 EventAsyncStack/CrmSyncHandler/Resource",
                        "FL-SNS-001 EventAsyncStack/CrmSyncHandler/SignupTopic/Resource");
    }

    @Test
    void nestedStackFindingsCarryTheirCdkPath() {
        assertThat(described("FL-SNS-001/cdk-event-async-nested.template.json"))
                .containsExactly(
                        "FL-LAMBDA-001 EventAsyncStack/Notifications/LegacyHandler/Resource",
                        "FL-SNS-001 EventAsyncStack/Notifications/LegacyHandler/LegacyTopic/Resource");
    }

    private static List<String> described(String fixture) {
        Path f = FixtureHarness.builtinFixtures(extracted).resolve(fixture);
        return FixtureHarness.fromClassPath().check(f).findings().stream()
                .filter(x -> !x.ruleId().equals("FL-LAMBDA-007"))
                .map(x -> x.ruleId() + " " + x.cdkPath())
                .toList();
    }

    @Test
    void triggeredFunctionsWithoutTimeoutAreInfo() {
        Path f = FixtureHarness.builtinFixtures(extracted).resolve("FL-LAMBDA-001/cdk-event-async.template.json");
        List<Finding> info = FixtureHarness.fromClassPath().check(f).findings().stream()
                .filter(x -> x.ruleId().equals("FL-LAMBDA-007"))
                .toList();
        assertThat(info)
                .extracting(Finding::cdkPath)
                .containsExactly(
                        "EventAsyncStack/BillingHandler/Resource",
                        "EventAsyncStack/NightlyJob/Resource",
                        "EventAsyncStack/WelcomeHandler/Resource",
                        "EventAsyncStack/AnalyticsHandler/Resource",
                        "EventAsyncStack/CrmSyncHandler/Resource");
    }
}
