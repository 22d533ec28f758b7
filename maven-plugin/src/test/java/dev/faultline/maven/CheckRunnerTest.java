package dev.faultline.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.AnalysisResult;
import dev.faultline.core.engine.Analyzer;
import dev.faultline.core.engine.Project;
import dev.faultline.core.engine.RuleRegistry;
import dev.faultline.core.model.InputFile;
import dev.faultline.core.model.InputKind;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.suppress.Baseline;
import dev.faultline.core.tree.Span;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckRunnerTest {

    @TempDir
    Path base;

    private final RecordingLog log = new RecordingLog();
    private final StringWriter stdout = new StringWriter();
    private final List<AnalysisRequest> requests = new ArrayList<>();
    private List<Finding> findings = List.of();

    @BeforeEach
    void templates() throws IOException {
        Files.createDirectories(base.resolve("infra"));
        Files.writeString(base.resolve("infra/app.yaml"), "Resources: {}\n");
    }

    private Analyzer analyzer() {
        return new Analyzer(
                request -> {
                    requests.add(request);
                    return new Project(
                            List.of(new InputFile(
                                    base.resolve("infra/app.yaml"), "infra/app.yaml", InputKind.CLOUDFORMATION)),
                            List.of(),
                            List.of(),
                            findings);
                },
                RuleRegistry.of(List.of()));
    }

    private static Finding finding(String rule, int line, int col, String message) {
        return new Finding(
                rule, Severity.ERROR, message, Span.at("infra/app.yaml", line, col), null, null, null, null, null);
    }

    private CheckSettings settings(boolean failOnViolation, Severity threshold, int maxAllowed) {
        return settings(failOnViolation, threshold, maxAllowed, List.of(), null);
    }

    private CheckSettings settings(
            boolean failOnViolation, Severity threshold, int maxAllowed, List<String> formats, Path baseline) {
        return new CheckSettings(
                base,
                base.resolve("target"),
                List.of(base),
                List.of(),
                List.of("tmp/**"),
                formats,
                base.resolve("target/faultline"),
                null,
                baseline,
                failOnViolation,
                threshold,
                maxAllowed,
                true,
                "test");
    }

    @Test
    void reportsAreWrittenEvenWhenTheBuildFails() {
        findings = List.of(finding("FL-PARSE-001", 3, 5, "Not well-formed YAML"));

        assertThatThrownBy(() -> new CheckRunner(analyzer(), log, stdout)
                        .run(settings(
                                true,
                                Severity.WARNING,
                                0,
                                List.of("sarif", "junit", "github", "SARIF", "json", "text"),
                                null)))
                .isInstanceOf(MojoFailureException.class);

        assertThat(base.resolve("target/faultline/faultline.sarif"))
                .content()
                .contains("\"ruleId\" : \"FL-PARSE-001\"");
        assertThat(base.resolve("target/faultline/faultline-junit.xml"))
                .content()
                .contains("FL-PARSE-001");
        assertThat(base.resolve("target/faultline/faultline.json")).content().contains("\"ruleId\"");
        assertThat(base.resolve("target/faultline/faultline.txt")).content().contains("FL-PARSE-001");
        assertThat(stdout.toString()).startsWith("::error file=infra/app.yaml,line=3,");
        assertThat(log.at("INFO"))
                .contains(
                        "Faultline: wrote target/faultline/faultline.sarif",
                        "Faultline: wrote target/faultline/faultline-junit.xml");
    }

    @Test
    void theFailureMessageNamesTheReportsWhenThereAreAny() {
        findings = List.of(finding("FL-PARSE-001", 3, 5, "Not well-formed YAML"));

        assertThatThrownBy(() -> new CheckRunner(analyzer(), log, stdout)
                        .run(settings(true, Severity.WARNING, 0, List.of("sarif"), null)))
                .hasMessage(
                        "Faultline found 1 violation at or above severity 'warning'; reports are in target/faultline");
    }

    @Test
    void theNearestConfigFileApplies() throws Exception {
        Files.writeString(base.resolve(".faultline.yml"), "rules:\n  FL-PARSE-001: info\n");
        findings = List.of(finding("FL-PARSE-001", 3, 5, "Not well-formed YAML"));

        AnalysisResult r = new CheckRunner(analyzer(), log, stdout).run(settings(true, Severity.WARNING, 0));

        assertThat(r.findings()).extracting(Finding::severity).containsExactly(Severity.INFO);
    }

    @Test
    void pluginsOfTheConfigFileAreLoadedRelativeToIt() throws Exception {
        Path jar = Path.of(System.getProperty("faultline.examplePlugin")).toAbsolutePath();
        Files.createDirectories(base.resolve("tools"));
        Files.copy(jar, base.resolve("tools/acme.jar"));
        Files.writeString(
                base.resolve(".faultline.yml"), "plugins:\n  - tools/acme.jar\nrules:\n  ACME-SQS-001: error\n");

        new CheckRunner(analyzer(), log, stdout).run(settings(true, Severity.WARNING, 0));

        assertThat(requests)
                .singleElement()
                .satisfies(r -> assertThat(r.severityOverrides()).containsEntry("ACME-SQS-001", Severity.ERROR));
    }

    @Test
    void aConfigPluginThatCannotBeLoadedIsAnExecutionError() throws Exception {
        Files.writeString(base.resolve(".faultline.yml"), "plugins:\n  - tools/missing.jar\n");

        assertThatThrownBy(() -> new CheckRunner(analyzer(), log, stdout).run(settings(true, Severity.WARNING, 0)))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("Faultline could not load a rule plugin of .faultline.yml: "
                        + "plugin tools/missing.jar (.faultline.yml): no such file");
        assertThat(requests).isEmpty();
    }

    @Test
    void anInvalidConfigFileIsAnExecutionError() throws Exception {
        Files.writeString(base.resolve(".faultline.yml"), "rules:\n  FL-NOPE-001: info\n");

        assertThatThrownBy(() -> new CheckRunner(analyzer(), log, stdout).run(settings(true, Severity.WARNING, 0)))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("Invalid Faultline configuration .faultline.yml:")
                .hasMessageContaining("unknown rule 'FL-NOPE-001'");
        assertThat(requests).isEmpty();
    }

    @Test
    void anUnknownFormatIsAnExecutionError() {
        assertThatThrownBy(() -> new CheckRunner(analyzer(), log, stdout)
                        .run(settings(true, Severity.WARNING, 0, List.of("pdf"), null)))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("faultline.formats: unknown format 'pdf' (known: text, json, sarif");
        assertThat(requests).isEmpty();
    }

    @Test
    void baselinedFindingsDoNotFailTheBuild() throws Exception {
        findings = List.of(finding("FL-PARSE-001", 3, 5, "Not well-formed YAML"));
        Path baseline = base.resolve("faultline-baseline.json");
        try (Writer w = Files.newBufferedWriter(baseline)) {
            Baseline.of(findings).write(w);
        }

        AnalysisResult r = new CheckRunner(analyzer(), log, stdout)
                .run(settings(true, Severity.WARNING, 0, List.of(), Path.of("faultline-baseline.json")));

        assertThat(r.suppressedCount()).isEqualTo(1);
        assertThat(log.at("ERROR")).isEmpty();
        assertThat(log.at("INFO"))
                .contains("Faultline: 1 file linted, 0 findings (0 error, 0 warning, 0 info), 1 suppressed");
    }

    @Test
    void aMissingBaselineIsAnExecutionError() {
        assertThatThrownBy(() -> new CheckRunner(analyzer(), log, stdout)
                        .run(settings(true, Severity.WARNING, 0, List.of(), Path.of("nope.json"))))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("faultline.baselineFile:")
                .hasMessageEndingWith("nope.json does not exist");
    }

    @Test
    void cleanProjectPassesAndSaysWhatItLinted() throws Exception {
        AnalysisResult r = new CheckRunner(analyzer(), log, stdout).run(settings(true, Severity.WARNING, 0));

        assertThat(r.findings()).isEmpty();
        assertThat(log.at("INFO"))
                .containsExactly("Faultline: 1 file linted, 0 findings (0 error, 0 warning, 0 info), 0 suppressed");
        AnalysisRequest req = requests.get(0);
        assertThat(req.paths()).containsExactly(base.toAbsolutePath().normalize());
        assertThat(req.workingDirectory()).isEqualTo(base.toAbsolutePath().normalize());
        assertThat(req.excludes()).containsExactly("tmp/**", "target/**");
    }

    @Test
    void findingsAreLoggedCompilerStyleAndFailTheBuild() {
        findings = List.of(finding("FL-PARSE-001", 3, 5, "Not well-formed YAML"));

        assertThatThrownBy(() -> new CheckRunner(analyzer(), log, stdout).run(settings(true, Severity.WARNING, 0)))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("Faultline found 1 violation at or above severity 'warning'");
        assertThat(log.at("ERROR"))
                .containsExactly(base.resolve("infra/app.yaml").toAbsolutePath().normalize()
                        + ":[3,5] FL-PARSE-001 Not well-formed YAML");
    }

    @Test
    void violationsWithinTheAllowanceOnlyWarn() throws Exception {
        findings = List.of(finding("FL-PARSE-001", 3, 5, "Not well-formed YAML"));

        new CheckRunner(analyzer(), log, stdout).run(settings(true, Severity.WARNING, 1));

        assertThat(log.at("WARN"))
                .containsExactly(
                        "Faultline found 1 violation at or above severity 'warning'" + " (maximum allowed: 1)");
    }

    @Test
    void failOnViolationFalseOnlyWarns() throws Exception {
        findings = List.of(finding("FL-PARSE-001", 3, 5, "a"), finding("FL-PARSE-002", 4, 1, "b"));

        new CheckRunner(analyzer(), log, stdout).run(settings(false, Severity.ERROR, 0));

        assertThat(log.at("WARN")).containsExactly("Faultline found 2 violations at or above severity 'error'");
        assertThat(log.at("ERROR")).hasSize(2);
    }

    @Test
    void findingsBelowTheThresholdPass() throws Exception {
        findings = List.of(finding("FL-PARSE-001", 3, 5, "a").withSeverity(Severity.INFO));

        new CheckRunner(analyzer(), log, stdout).run(settings(true, Severity.WARNING, 0));

        assertThat(log.at("INFO"))
                .contains(base.resolve("infra/app.yaml").toAbsolutePath().normalize() + ":[3,5] FL-PARSE-001 a");
        assertThat(log.at("WARN")).isEmpty();
    }

    @Test
    void noThresholdNeverFails() throws Exception {
        findings = List.of(finding("FL-PARSE-001", 3, 5, "a"));

        new CheckRunner(analyzer(), log, stdout).run(settings(true, null, 0));

        assertThat(log.at("ERROR")).hasSize(1);
    }

    @Test
    void aBrokenLoaderIsAnExecutionError() {
        Analyzer broken = new Analyzer(
                request -> {
                    throw new IllegalStateException("boom");
                },
                RuleRegistry.of(List.of()));

        assertThatThrownBy(() -> new CheckRunner(broken, log, stdout).run(settings(true, Severity.WARNING, 0)))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("Faultline failed to analyze .: boom");
    }

    @Test
    void missingSourceDirectoriesAreSkipped() throws Exception {
        CheckSettings s = new CheckSettings(
                base,
                base.resolve("target"),
                List.of(base.resolve("nope")),
                List.of(),
                List.of(),
                List.of(),
                base.resolve("target/faultline"),
                null,
                null,
                true,
                Severity.WARNING,
                0,
                true,
                "test");

        assertThat(new CheckRunner(analyzer(), log, stdout).run(s)).isNull();
        assertThat(requests).isEmpty();
        assertThat(log.at("INFO")).containsExactly("Faultline: no source directory exists, nothing to lint");
    }

    @Test
    void sourcesOutsideTheBaseDirectoryWidenTheWorkingDirectory() {
        Path project = base.resolve("app");
        Path infra = base.resolve("infra");

        assertThat(CheckRunner.workingDirectory(project, List.of(project.resolve("src"))))
                .isEqualTo(project.toAbsolutePath().normalize());
        assertThat(CheckRunner.workingDirectory(project, List.of(project, infra)))
                .isEqualTo(base.toAbsolutePath().normalize());
    }

    @Test
    void failOnSeverityAcceptsNoneAndRejectsNonsense() throws Exception {
        assertThat(CheckMojo.severity("none")).isNull();
        assertThat(CheckMojo.severity(" Error ")).isEqualTo(Severity.ERROR);
        assertThatThrownBy(() -> CheckMojo.severity("fatal"))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("error, warning, info or none");
    }

    @Test
    void commaSeparatedListsAreSplit() {
        assertThat(CheckMojo.clean(List.of("json, sarif", " ", "text"))).containsExactly("json", "sarif", "text");
        assertThat(CheckMojo.clean(null)).isEmpty();
    }
}
