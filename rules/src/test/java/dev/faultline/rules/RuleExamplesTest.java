package dev.faultline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.RuleRegistry;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.fixtures.MetadataExamples;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule's metadata examples, as {@code faultline explain}, the README and the SARIF help show
 * them: the bad example raises the rule, the good example does not, and both are complete inputs.
 * This covers the input rules ({@code FL-PARSE-*}, {@code FL-CONFIG-*}) too, but for the two
 * problems below, which no single-file snippet can show. {@code -Dfaultline.rule=FL-SQS-003} (or a
 * prefix) runs only the matching rules.
 */
class RuleExamplesTest {

    /** Problems an example cannot show on its own, with where they are tested instead. */
    private static final Map<String, String> NOT_SHOWN = Map.of(
            "FL-PARSE-005 the bad example does not raise the rule",
            "a safety limit takes 500 levels or 100 000 alias expansions: TreeParserTest, HostileInputsEndToEndTest",
            "FL-PARSE-004 the good example raises the rule",
            "the good example names a definition file of the project, which a snippet does not have: AslLoaderTest");

    @TempDir
    static Path dir;

    private static final List<RuleMetadata> ALL = RuleRegistry.load().allMetadata();

    @TestFactory
    Stream<DynamicTest> badExampleFiresAndGoodExampleIsSilent() {
        MetadataExamples examples = MetadataExamples.fromClassPath();
        String only = System.getProperty("faultline.rule", "");
        return ALL.stream().filter(m -> m.id().startsWith(only)).map(m -> DynamicTest.dynamicTest(m.id(), () -> {
            List<String> problems = examples.problems(m, dir.resolve(m.id())).stream()
                    .filter(p -> !NOT_SHOWN.containsKey(p.replaceFirst(": ", " ").replaceFirst(":.*", "")))
                    .toList();
            if (!problems.isEmpty()) {
                throw new AssertionError(String.join("\n", problems));
            }
        }));
    }

    @Test
    void theExceptionsAreStillNeeded() {
        MetadataExamples examples = MetadataExamples.fromClassPath();
        for (String key : NOT_SHOWN.keySet()) {
            String id = key.substring(0, key.indexOf(' '));
            RuleMetadata m = ALL.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
            assertThat(examples.problems(m, dir.resolve("again-" + id)))
                    .as("%s is exempt; remove the exemption if the example now works", key)
                    .anySatisfy(p -> assertThat(p.replaceFirst(": ", " ")).startsWith(key));
        }
    }
}
