package dev.faultline.rules.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.Analyzer;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.Severity;
import dev.faultline.fixtures.FixtureHarness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FL-SNS-001 is a warning for endpoints that process messages and info for email and SMS (catalog revision 2). */
class SubscriptionSeverityByProtocolTest {

    @TempDir
    static Path extracted;

    @Test
    void emailAndSmsAreInfoTheRestWarning() {
        Path fixture = FixtureHarness.builtinFixtures(extracted).resolve("FL-SNS-001/protocols.yaml");
        List<Finding> found = Analyzer.fromClassPath()
                .analyze(AnalysisRequest.of(fixture.getParent(), List.of(fixture)).withThreads(1)).findings().stream()
                .filter(f -> f.ruleId().equals("FL-SNS-001")).toList();
        assertThat(found).extracting(f -> f.span().line(), Finding::severity).containsExactly(
                tuple(9, Severity.INFO), tuple(13, Severity.INFO), tuple(17, Severity.INFO),
                tuple(21, Severity.WARNING), tuple(25, Severity.WARNING), tuple(33, Severity.INFO));
        assertThat(found.get(0).message()).contains("notifies no one");
    }
}
