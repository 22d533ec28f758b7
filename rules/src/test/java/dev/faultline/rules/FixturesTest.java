package dev.faultline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.fixtures.FixtureHarness;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fixture against its markers (see {@code FixtureHarness} for which rules a fixture checks).
 * {@code -Dfaultline.rule=FL-SQS-003} (or a prefix such as {@code FL-SQS}) runs only the fixtures of
 * the matching rules: the fast loop of CONTRIBUTING.md.
 */
class FixturesTest {

    @TempDir
    static Path extracted;

    @TestFactory
    Stream<DynamicTest> everyFixtureMatchesItsMarkers() {
        Path root = FixtureHarness.builtinFixtures(extracted);
        String only = System.getProperty("faultline.rule", "");
        List<Path> fixtures = FixtureHarness.fixtures(root).stream()
                .filter(f -> root.relativize(f).toString().startsWith(only)).toList();
        assertThat(fixtures).as("fixtures matching '%s'", only).isNotEmpty();
        FixtureHarness harness = FixtureHarness.fromClassPath();
        return fixtures.stream().map(f -> DynamicTest.dynamicTest(root.relativize(f).toString(), () -> {
            FixtureHarness.Outcome o = harness.check(f);
            if (!o.passed()) {
                throw new AssertionError(o.describe());
            }
        }));
    }
}
