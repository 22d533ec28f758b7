package dev.faultline.rules.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.AnalysisResult;
import dev.faultline.core.engine.Analyzer;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.Severity;
import dev.faultline.fixtures.FixtureHarness;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FL-SFN-003 is a warning, except the missing-jitter case, which the catalog makes info. */
class UnsafeRetrierSeverityTest {

    @TempDir
    static Path extracted;

    private static List<Finding> sfn003(Map<String, Severity> overrides) {
        Path fixture = FixtureHarness.builtinFixtures(extracted).resolve("FL-SFN-003/sam.yaml");
        AnalysisRequest base =
                AnalysisRequest.of(fixture.getParent(), List.of(fixture)).withThreads(1);
        AnalysisRequest req = new AnalysisRequest(
                base.paths(),
                base.workingDirectory(),
                List.of(),
                List.of(),
                List.of("FL-SFN-003"),
                List.of(),
                overrides,
                Map.of(),
                1);
        AnalysisResult r = Analyzer.fromClassPath().analyze(req);
        return r.findings().stream()
                .filter(f -> f.ruleId().equals("FL-SFN-003"))
                .toList();
    }

    @Test
    void missingJitterIsInfoAndTheRestWarning() {
        assertThat(sfn003(Map.of()))
                .extracting(f -> f.span().line(), Finding::severity)
                .containsExactly(tuple(19, Severity.WARNING), tuple(53, Severity.INFO));
    }

    @Test
    void aConfiguredSeverityWinsForEveryCase() {
        assertThat(sfn003(Map.of("FL-SFN-003", Severity.ERROR)))
                .extracting(Finding::severity)
                .containsExactly(Severity.ERROR, Severity.ERROR);
    }
}
