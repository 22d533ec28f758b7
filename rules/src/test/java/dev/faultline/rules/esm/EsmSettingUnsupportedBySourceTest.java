package dev.faultline.rules.esm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.Severity;
import dev.faultline.fixtures.FixtureHarness;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FL-ESM-005 reports unsupported destinations as errors and stream-only tuning on SQS as warnings. */
class EsmSettingUnsupportedBySourceTest {

    @TempDir
    static Path extracted;

    @Test
    void streamTuningOnSqsIsAWarningAndTheRestErrors() {
        Path fixture = FixtureHarness.builtinFixtures(extracted).resolve("FL-ESM-005/raw-cloudformation.yaml");
        Map<Integer, Severity> byLine = new TreeMap<>();
        for (Finding f : FixtureHarness.fromClassPath().check(fixture).findings()) {
            if (f.ruleId().equals("FL-ESM-005")) {
                byLine.put(f.span().line(), f.severity());
            }
        }
        assertThat(byLine)
                .containsEntry(41, Severity.ERROR) // StartingPosition on SQS
                .containsEntry(42, Severity.WARNING) // MaximumRetryAttempts on SQS
                .containsEntry(43, Severity.WARNING) // BisectBatchOnFunctionError on SQS
                .containsEntry(44, Severity.ERROR); // DestinationConfig on SQS
    }
}
