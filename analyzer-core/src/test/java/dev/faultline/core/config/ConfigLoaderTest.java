package dev.faultline.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.RuleRegistry;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.testing.JsonTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    static final String VALID = """
            {
              "rules": {
                "FL-CONFIG-002": "off",
                "FL-PARSE-003": "warning",
                "FL-CONFIG-001": {"severity": "error"}
              },
              "include": ["templates/**"],
              "exclude": ["**/node_modules/**"],
              "suppress": [{"rule": "FL-PARSE-003", "paths": ["legacy/**"], "reason": "imported stacks"}],
              "plugins": ["com.example:rules"]
            }
            """;

    @Test
    void readsAValidFile() throws ConfigException {
        FaultlineConfig c = ConfigLoader.fromTree(JsonTree.parse(".faultline.yml", VALID), ".faultline.yml");
        assertThat(c.rules().get("FL-CONFIG-002").off()).isTrue();
        assertThat(c.rules().get("FL-PARSE-003").severity()).isEqualTo(Severity.WARNING);
        assertThat(c.rules().get("FL-CONFIG-001").severity()).isEqualTo(Severity.ERROR);
        assertThat(c.include()).containsExactly("templates/**");
        assertThat(c.exclude()).containsExactly("**/node_modules/**");
        assertThat(c.suppress()).singleElement().satisfies(s -> {
            assertThat(s.rule()).isEqualTo("FL-PARSE-003");
            assertThat(s.paths()).containsExactly("legacy/**");
            assertThat(s.reason()).isEqualTo("imported stacks");
            assertThat(s.span().line()).isEqualTo(9);
        });
        assertThat(c.plugins()).containsExactly("com.example:rules");
        c.checkAgainst(RuleRegistry.of(List.of()));
    }

    @Test
    void schemaErrorsAreLocated() {
        String bad = """
                {
                  "rules": {
                    "FL-PARSE-003": "loud"
                  },
                  "suppress": [
                    {"rule": "FL-PARSE-003"}
                  ],
                  "colour": true
                }
                """;
        assertThatThrownBy(
                        () -> ConfigLoader.fromTree(JsonTree.parse("repo/.faultline.yml", bad), "repo/.faultline.yml"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> {
                    List<String> p = ((ConfigException) e).problems();
                    assertThat(p).anyMatch(s -> s.startsWith("repo/.faultline.yml:3:21: rules.FL-PARSE-003:"));
                    assertThat(p)
                            .anyMatch(
                                    s -> s.startsWith("repo/.faultline.yml:6:5: suppress[0]:") && s.contains("reason"));
                    assertThat(p).anyMatch(s -> s.startsWith("repo/.faultline.yml:8:3:") && s.contains("colour"));
                });
    }

    @Test
    void unknownRulesAndOptionsAreLocated() throws ConfigException {
        FaultlineConfig c = ConfigLoader.fromTree(JsonTree.parse("f.yml", """
                {"rules": {
                  "FL-NOPE-999": "off",
                  "FL-PARSE-001": {"options": {"depth": 3}}}}
                """), "f.yml");
        assertThatThrownBy(() -> c.checkAgainst(RuleRegistry.of(List.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("f.yml:2:3: unknown rule 'FL-NOPE-999'")
                .hasMessageContaining("f.yml:3:3: rule FL-PARSE-001 has no option 'depth'");
    }

    @Test
    void commandLineWinsOverFile() throws ConfigException {
        FaultlineConfig c = ConfigLoader.fromTree(JsonTree.parse(".faultline.yml", VALID), ".faultline.yml");
        AnalysisRequest cli = new AnalysisRequest(
                List.of(Path.of(".")),
                Path.of("."),
                List.of(),
                List.of("x/**"),
                List.of("FL-CONFIG"),
                List.of(),
                Map.of("FL-PARSE-003", Severity.ERROR),
                Map.of(),
                1);
        AnalysisRequest merged = c.applyTo(cli);
        assertThat(merged.disabledRules()).doesNotContain("FL-CONFIG-002");
        assertThat(merged.severityOverrides())
                .containsEntry("FL-PARSE-003", Severity.ERROR)
                .containsEntry("FL-CONFIG-001", Severity.ERROR);
        assertThat(merged.includes()).containsExactly("templates/**");
        assertThat(merged.excludes()).containsExactly("**/node_modules/**", "x/**");
        assertThat(merged.suppressions().paths()).hasSize(1);

        AnalysisRequest plain = c.applyTo(AnalysisRequest.of(Path.of("."), List.of(Path.of("."))));
        assertThat(plain.disabledRules()).containsExactly("FL-CONFIG-002");
        assertThat(plain.severityOverrides()).containsEntry("FL-PARSE-003", Severity.WARNING);
    }

    @Test
    void discoveryStopsAtTheRepositoryRoot(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        Path deep = repo.resolve("a/b");
        Files.createDirectories(deep);
        Files.createDirectories(repo.resolve(".git"));
        Files.writeString(tmp.resolve(".faultline.yml"), "{}", StandardCharsets.UTF_8);
        assertThat(ConfigLoader.discover(deep)).isEmpty();
        Files.writeString(repo.resolve(".faultline.yaml"), "{}", StandardCharsets.UTF_8);
        assertThat(ConfigLoader.discover(deep))
                .contains(repo.resolve(".faultline.yaml").toAbsolutePath());
        Files.writeString(deep.resolve(".faultline.yml"), "{}", StandardCharsets.UTF_8);
        assertThat(ConfigLoader.discover(deep))
                .contains(deep.resolve(".faultline.yml").toAbsolutePath());
    }

    @Test
    void publishedSchemaIsTheBundledOne() throws Exception {
        Path docs = Path.of("../docs/faultline-config.schema.json");
        assertThat(Files.readString(docs, StandardCharsets.UTF_8)).isEqualTo(ConfigLoader.schemaText());
    }
}
