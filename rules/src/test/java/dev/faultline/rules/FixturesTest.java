package dev.faultline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.fixtures.FixtureHarness;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every rule over every fixture: the (line, rule id) pairs found must equal the markers. */
class FixturesTest {

    @TempDir
    static Path extracted;

    @TestFactory
    Stream<DynamicTest> everyFixtureMatchesItsMarkers() {
        Path root = FixtureHarness.builtinFixtures(extracted);
        List<Path> fixtures = FixtureHarness.fixtures(root);
        assertThat(fixtures).isNotEmpty();
        FixtureHarness harness = FixtureHarness.fromClassPath();
        return fixtures.stream().map(f -> DynamicTest.dynamicTest(root.relativize(f).toString(), () -> {
            FixtureHarness.Outcome o = harness.check(f);
            if (!o.passed()) {
                throw new AssertionError(o.describe());
            }
        }));
    }
}
