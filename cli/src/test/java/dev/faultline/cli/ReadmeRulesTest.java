package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.Analyzer;
import dev.faultline.core.engine.RuleRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule table in README.md is generated; this keeps it in step with the registered rules. */
class ReadmeRulesTest {

    private static final String BEGIN = "<!-- BEGIN GENERATED RULES: ./faultline rules --format markdown -->\n";
    private static final String END = "<!-- END GENERATED RULES -->";

    @Test
    void readmeRuleTableMatchesTheRegistry() throws IOException {
        Path readme = Path.of("").toAbsolutePath().getParent().resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int from = text.indexOf(BEGIN);
        int to = text.indexOf(END);
        assertThat(from).as("README.md has the generated-rules markers").isNotNegative();
        assertThat(to).isGreaterThan(from);

        StringWriter out = new StringWriter();
        CliEnvironment env = new CliEnvironment(
                new PrintWriter(out),
                new PrintWriter(new StringWriter()),
                readme.getParent(),
                Map.of(),
                false,
                Analyzer::fromClassPath,
                RuleRegistry::load);
        assertThat(new Main(env).run("rules", "--format", "markdown")).isZero();

        assertThat(text.substring(from + BEGIN.length(), to))
                .as("README.md rule table is stale: regenerate the part between the markers with "
                        + "'./faultline rules --format markdown'")
                .isEqualTo(out.toString());
    }
}
