package dev.faultline.parsers;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;

/**
 * Jazzer fuzz tests of the parsers and the ASL loader. In the normal build they run in regression
 * mode: every seed under {@code src/test/resources/dev/faultline/parsers/ParserFuzzTestInputs/<method>/}
 * is replayed. A real fuzzing run (coverage-guided, new inputs) is
 * {@code JAZZER_FUZZ=1 ./mvnw -B -pl parsers -am test -Dtest=ParserFuzzTest#yaml -Dsurefire.failIfNoSpecifiedTests=false}
 * (one method at a time; {@code maxDuration} bounds it). A crash is written next to the seeds as
 * {@code crash-*}; keep it there as a regression input once fixed.
 */
@Tag("fuzz")
class ParserFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void yaml(FuzzedDataProvider data) {
        FuzzTargets.yaml(data.consumeRemainingAsString());
    }

    @FuzzTest(maxDuration = "5m")
    void json(FuzzedDataProvider data) {
        FuzzTargets.json(data.consumeRemainingAsString());
    }

    @FuzzTest(maxDuration = "5m")
    void asl(FuzzedDataProvider data) {
        FuzzTargets.asl(data.consumeRemainingAsString());
    }
}
