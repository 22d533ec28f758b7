package dev.faultline.cli;

import static dev.faultline.cli.CliHarness.FILE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cli.CliHarness.InfoRule;
import dev.faultline.cli.CliHarness.Run;
import dev.faultline.cli.CliHarness.ThrowingRule;
import dev.faultline.cli.CliHarness.WarningRule;
import dev.faultline.core.engine.SourceLoader;
import dev.faultline.core.rule.InputRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MainTest {

    @TempDir
    Path wd;

    CliHarness cli;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(wd.resolve("app"));
        cli = new CliHarness(wd);
    }

    private CliHarness withFindings() {
        return cli.loader(CliHarness.loader(wd, List.of(CliHarness.parseError())), new WarningRule(), new InfoRule());
    }

    // --- exit codes ------------------------------------------------------------------------------

    @Test
    void exit0WhenNothingIsFound() {
        Run r = cli.loader(CliHarness.loader(wd, List.of())).run("lint", "app");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("0 findings (0 errors, 0 warnings, 0 infos) in 2 files\n");
    }

    @Test
    void exit1WhenAFindingIsAtOrAboveTheDefaultThreshold() {
        Run r = cli.loader(CliHarness.loader(wd, List.of()), new WarningRule()).run("lint");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).startsWith(FILE + ":1:1: warning FL-TEST-001 ");
        assertThat(r.err()).isEqualTo("1 finding (0 errors, 1 warning, 0 infos) in 2 files\n");
    }

    @Test
    void failOnMovesTheThreshold() {
        cli.loader(CliHarness.loader(wd, List.of()), new WarningRule(), new InfoRule());
        assertThat(cli.run("lint", "--fail-on", "error").code()).isZero();
        assertThat(cli.run("lint", "--fail-on", "none").code()).isZero();
        assertThat(cli.run("lint", "--fail-on", "warning").code()).isEqualTo(1);
        assertThat(cli.run("lint", "--fail-on", "WARNING").code()).isEqualTo(1);
        cli.loader(CliHarness.loader(wd, List.of()), new InfoRule());
        assertThat(cli.run("lint").code()).isZero();
        assertThat(cli.run("lint", "--fail-on", "info").code()).isEqualTo(1);
    }

    @Test
    void parseErrorsFailTheRun() {
        Run r = cli.loader(CliHarness.loader(wd, List.of(CliHarness.parseError())))
                .run("lint", "--fail-on", "error");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEqualTo(FILE + ":7:7: error FL-PARSE-002 Duplicate key 'Timeout'.\n");
    }

    @Test
    void exit2ForAMissingPath() {
        Run r = cli.run("lint", "app", "does/not/exist.yaml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("faultline: no such file or directory: does/not/exist.yaml\n");
    }

    @Test
    void exit2ForAMissingConfigFile() {
        Run r = cli.run("lint", "-c", "missing.faultline.yml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("faultline: --config: no such file: missing.faultline.yml\n");
    }

    @Test
    void exit2ForABadReportOption() {
        Run noFile = cli.run("lint", "--report", "sarif");
        assertThat(noFile.code()).isEqualTo(2);
        assertThat(noFile.err())
                .startsWith("faultline: Invalid value for option '--report' (FORMAT=FILE): expected FORMAT=FILE");
        Run unknown = cli.run("lint", "--report", "xml=out.xml");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err())
                .contains("FORMAT one of text, json, sarif, junit, github, markdown but was 'xml=out.xml'");
        Run same = cli.run("lint", "-o", "r.txt", "--report", "json=./r.txt");
        assertThat(same.code()).isEqualTo(2);
        assertThat(same.err()).isEqualTo("faultline: two reports are written to the same file: ./r.txt\n");
        Run noDir = cli.run("lint", "--report", "sarif=no/such/dir/r.sarif");
        assertThat(noDir.code()).isEqualTo(2);
        assertThat(noDir.err()).isEqualTo("faultline: --report: directory does not exist: no/such/dir/r.sarif\n");
    }

    @Test
    void exit2ForBadOptionValues() {
        assertThat(cli.run("lint", "--format", "xml").err())
                .startsWith(
                        "faultline: Invalid value for option '--format': expected one of text, json, sarif, junit, github, markdown but was 'xml'");
        assertThat(cli.run("lint", "--format", "xml").code()).isEqualTo(2);
        assertThat(cli.run("lint", "--fail-on", "sometimes").code()).isEqualTo(2);
        assertThat(cli.run("lint", "--color", "maybe").code()).isEqualTo(2);
        assertThat(cli.run("lint", "--threads", "0").code()).isEqualTo(2);
        assertThat(cli.run("lint", "--no-such-option").code()).isEqualTo(2);
        assertThat(cli.run("frobnicate").code()).isEqualTo(2);
        Run none = cli.run();
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("missing command").contains("Usage: faultline");
    }

    @Test
    void exit2ForRuleNamesThatMatchNothing() {
        cli.loader(CliHarness.loader(wd, List.of()), new WarningRule());
        Run r = cli.run("lint", "--enable", "FL-NOPE");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("faultline: --enable: no rule matches 'FL-NOPE'; run 'faultline rules' to list them\n");
        assertThat(cli.run("lint", "--disable", "FL-TEST-999").code()).isEqualTo(2);
    }

    @Test
    void aMistypedOptionCommandOrRuleGetsOneShortMessageWithASuggestion() {
        cli.loader(CliHarness.loader(wd, List.of()), new WarningRule(), new InfoRule());
        Run option = cli.run("lint", "--fial-on", "error", "app");
        assertThat(option.code()).isEqualTo(2);
        assertThat(option.err())
                .isEqualTo("faultline: unknown option '--fial-on' (did you mean --fail-on?)\n"
                        + "faultline: run 'faultline lint --help' for the usage\n");
        Run withValue = cli.run("lint", "--formt=json");
        assertThat(withValue.err()).startsWith("faultline: unknown option '--formt' (did you mean --format?)\n");
        Run command = cli.run("lnt", "app");
        assertThat(command.code()).isEqualTo(2);
        assertThat(command.err()).startsWith("faultline: unexpected argument 'lnt' (did you mean lint?)\n");
        Run far = cli.run("lint", "--zzzzzzzz");
        assertThat(far.err())
                .isEqualTo("faultline: unknown option '--zzzzzzzz'\n"
                        + "faultline: run 'faultline lint --help' for the usage\n");
        Run rule = cli.run("lint", "--enable", "FL-TEST-01");
        assertThat(rule.code()).isEqualTo(2);
        assertThat(rule.err())
                .isEqualTo("faultline: --enable: no rule matches 'FL-TEST-01' (did you mean FL-TEST-001?);"
                        + " run 'faultline rules' to list them\n");
        Run explain = cli.run("explain", "FL-TSET-002");
        assertThat(explain.code()).isEqualTo(2);
        assertThat(explain.err()).contains("unknown rule 'FL-TSET-002' (did you mean FL-TEST-002?)");
    }

    @Test
    void enableAndDisableSelectRulesByIdOrPrefix() {
        withFindings();
        assertThat(cli.run("lint", "--disable", "FL-TEST", "--disable", "FL-PARSE")
                        .code())
                .isZero();
        Run onlyInfo = cli.run("lint", "--enable", "fl-test-002", "--disable", "FL-PARSE-002");
        assertThat(onlyInfo.code()).isZero();
        assertThat(onlyInfo.out()).isEqualTo(FILE + ":1:1: info FL-TEST-002 A safer setting exists.\n");
        Run twoRules = cli.run("lint", "--disable", "FL-TEST-001,FL-TEST-002");
        assertThat(twoRules.out()).doesNotContain("FL-TEST");
    }

    @Test
    void exit3AfterTheReportWhenARuleThrows() {
        Run r = cli.loader(CliHarness.loader(wd, List.of()), new ThrowingRule(), new WarningRule())
                .run("lint");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("FL-TEST-001");
        assertThat(r.err())
                .startsWith("faultline: tool error: rule FL-TEST-003 failed at " + FILE
                        + ": IllegalStateException: rule bug\n");
        assertThat(r.err()).endsWith("1 finding (0 errors, 1 warning, 0 infos) in 2 files\n");
        assertThat(r.err()).doesNotContain("\tat ");
        Run debug = cli.run("lint", "--debug");
        assertThat(debug.code()).isEqualTo(3);
        assertThat(debug.err())
                .contains(": IllegalStateException: rule bug\njava.lang.IllegalStateException: rule bug\n\tat ")
                .contains("ThrowingRule");
        assertThat(cli.run("--debug", "lint").err()).contains("java.lang.IllegalStateException: rule bug\n\tat ");
    }

    @Test
    void exit3WithOneLineForAnUncaughtException() {
        SourceLoader broken = request -> {
            throw new IllegalStateException("boom");
        };
        cli.loader(broken);
        Run r = cli.run("lint");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err())
                .isEqualTo("faultline: internal error: java.lang.IllegalStateException: boom\n"
                        + "faultline: run again with --debug for the stack trace\n");
        Run debug = cli.run("lint", "--debug");
        assertThat(debug.code()).isEqualTo(3);
        assertThat(debug.err())
                .startsWith("faultline: internal error: java.lang.IllegalStateException: boom\n"
                        + "java.lang.IllegalStateException: boom\n\tat ");
        assertThat(cli.run("--debug", "lint").err()).contains("\tat ");
    }

    @Test
    void anEmptyDirectoryIsCleanWithANote() {
        Run r = cli.loader(CliHarness.emptyLoader(wd)).run("lint", "app");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .isEqualTo("faultline: note: no templates or state machine definitions found in app\n"
                        + "0 findings (0 errors, 0 warnings, 0 infos) in 1 file\n");
    }

    // --- output ----------------------------------------------------------------------------------

    @Test
    void textOutputMatchesTheGoldenFile() throws IOException {
        Run r = withFindings().run("lint");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEqualTo(resource("/golden/lint.txt"));
        assertThat(r.err()).isEqualTo("3 findings (1 error, 1 warning, 1 info) in 2 files\n");
    }

    @Test
    void colourFollowsTheTerminalNoColorAndTheColorOption() {
        withFindings();
        assertThat(cli.run("lint").out()).doesNotContain("\u001b[");
        assertThat(cli.run("lint", "--color", "always").out()).contains("\u001b[31merror\u001b[0m");
        cli.terminal(true);
        assertThat(cli.run("lint").out()).contains("\u001b[33mwarning\u001b[0m");
        assertThat(cli.run("lint", "--color", "never").out()).doesNotContain("\u001b[");
        assertThat(cli.run("lint", "--format", "json").out()).doesNotContain("\u001b[");
        cli.env("NO_COLOR", "1");
        assertThat(cli.run("lint").out()).doesNotContain("\u001b[");
        assertThat(cli.run("lint", "--color", "always").out()).contains("\u001b[");
    }

    @Test
    void outputOptionWritesTheReportToAFile() throws IOException {
        Run r = withFindings().run("lint", "--format", "json", "-o", "out/report.json");
        assertThat(r.out()).isEmpty();
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("faultline: --output: directory does not exist: out/report.json\n");

        Files.createDirectories(wd.resolve("out"));
        Run ok = cli.run("lint", "--format", "json", "-o", "out/report.json");
        assertThat(ok.code()).isEqualTo(1);
        assertThat(ok.out()).isEmpty();
        JsonNode root = JsonMapper.builder()
                .build()
                .readTree(wd.resolve("out/report.json").toFile());
        assertThat(root.get("summary").get("findings").asInt()).isEqualTo(3);
        assertThat(ok.err()).isEqualTo("3 findings (1 error, 1 warning, 1 info) in 2 files\n");
    }

    @Test
    void jsonHasExactlyTheDocumentedShape() {
        Run r = withFindings().run("lint", "--format", "json");
        assertThat(r.code()).isEqualTo(1);
        JsonNode root = JsonMapper.builder().build().readTree(r.out());
        assertThat(names(root)).containsExactly("version", "files", "findings", "summary");
        assertThat(root.get("version").asString()).isEqualTo(Version.get());

        assertThat(root.get("files")).hasSize(2);
        JsonNode file = root.get("files").get(0);
        assertThat(names(file)).containsExactly("path", "kind");
        assertThat(file.get("path").asString()).isEqualTo(FILE);
        assertThat(file.get("kind").asString()).isEqualTo("sam");
        assertThat(root.get("files").get(1).get("kind").asString()).isEqualTo("other");

        JsonNode findings = root.get("findings");
        assertThat(findings).hasSize(3);
        JsonNode parse = findings.get(2);
        assertThat(names(parse))
                .containsExactly(
                        "ruleId",
                        "severity",
                        "message",
                        "file",
                        "line",
                        "column",
                        "endLine",
                        "endColumn",
                        "resource",
                        "cdkPath",
                        "fingerprint",
                        "logicalPath");
        assertThat(parse.get("ruleId").asString()).isEqualTo("FL-PARSE-002");
        assertThat(parse.get("severity").asString()).isEqualTo("error");
        assertThat(parse.get("message").asString()).isEqualTo("Duplicate key 'Timeout'.");
        assertThat(parse.get("file").asString()).isEqualTo(FILE);
        assertThat(parse.get("line").asInt()).isEqualTo(7);
        assertThat(parse.get("column").asInt()).isEqualTo(7);
        assertThat(parse.get("endLine").asInt()).isEqualTo(7);
        assertThat(parse.get("endColumn").asInt()).isEqualTo(14);
        assertThat(parse.get("resource").asString()).isEqualTo("Fn");
        assertThat(parse.get("cdkPath").isNull()).isTrue();
        assertThat(parse.get("fingerprint").asString()).matches("[0-9a-f]{32}");
        assertThat(parse.get("logicalPath").asString()).isEqualTo("Resources/Fn/Properties/Timeout");
        assertThat(findings.get(0).get("ruleId").asString()).isEqualTo("FL-TEST-001");
        assertThat(findings.get(0).get("severity").asString()).isEqualTo("warning");
        assertThat(findings.get(1).get("severity").asString()).isEqualTo("info");
        assertThat(findings.get(1).get("resource").isNull()).isTrue();

        JsonNode summary = root.get("summary");
        assertThat(names(summary)).containsExactly("files", "findings", "error", "warning", "info", "suppressed");
        assertThat(summary.get("files").asInt()).isEqualTo(2);
        assertThat(summary.get("findings").asInt()).isEqualTo(3);
        assertThat(summary.get("error").asInt()).isEqualTo(1);
        assertThat(summary.get("warning").asInt()).isEqualTo(1);
        assertThat(summary.get("info").asInt()).isEqualTo(1);
        assertThat(summary.get("suppressed").asInt()).isZero();
    }

    @Test
    void jsonIsByteIdenticalAcrossRuns() {
        withFindings();
        assertThat(cli.run("lint", "--format", "json", "--threads", "1").out())
                .isEqualTo(cli.run("lint", "--format", "json", "--threads", "2").out());
    }

    // --- rules, explain, version, help ------------------------------------------------------------

    @Test
    void rulesListsEveryRuleSortedById() {
        Run r = cli.run("rules");
        assertThat(r.code()).isZero();
        List<String> lines = r.out().lines().toList();
        // the input rules (FL-PARSE-*, FL-CONFIG-*) and the two test rules
        assertThat(lines).hasSize(InputRules.ALL.size() + 2);
        assertThat(lines.get(0)).startsWith("FL-CONFIG-001  warning  InvalidSuppression");
        assertThat(lines)
                .anySatisfy(
                        l -> assertThat(l)
                                .isEqualTo(
                                        "FL-TEST-001    warning  TemplateWarning         Flags every template (TemplateWarning)."));
        assertThat(lines.get(lines.size() - 1)).startsWith("FL-TEST-002    info     TemplateInfo");
    }

    @Test
    void rulesAsJson() {
        Run r = cli.run("rules", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode root = JsonMapper.builder().build().readTree(r.out());
        assertThat(root.isArray()).isTrue();
        assertThat(root).hasSize(InputRules.ALL.size() + 2);
        JsonNode last = root.get(root.size() - 1);
        assertThat(names(last))
                .containsExactly(
                        "id",
                        "name",
                        "severity",
                        "area",
                        "summary",
                        "rationale",
                        "howToFix",
                        "tags",
                        "docsUrl",
                        "precision",
                        "badExample",
                        "goodExample");
        assertThat(last.get("id").asString()).isEqualTo("FL-TEST-002");
        assertThat(last.get("area").asString()).isEqualTo("TEST");
        assertThat(last.get("severity").asString()).isEqualTo("info");
        assertThat(last.get("tags").get(1).asString()).isEqualTo("cli");
        assertThat(last.get("precision").asString()).isEqualTo("high");
    }

    @Test
    void rulesAsMarkdown() {
        Run r = cli.run("rules", "--format", "markdown");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("| Rule | Severity | Name | What it flags |\n|---|---|---|---|\n");
        assertThat(r.out())
                .contains("| [FL-TEST-001](https://example.com/FL-TEST-001) | warning | TemplateWarning "
                        + "| Flags every template (TemplateWarning). |\n");
        assertThat(cli.run("rules", "--format", "yaml").code()).isEqualTo(2);
    }

    @Test
    void explainPrintsTheWholeRuleCard() {
        Run r = cli.run("explain", "fl-test-001");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .isEqualTo(""
                        + "FL-TEST-001 TemplateWarning (warning)\n"
                        + "\n"
                        + "Flags every template (TemplateWarning).\n"
                        + "\n"
                        + "Why it matters:\n"
                        + "    A test rule.\n"
                        + "    It has two lines.\n"
                        + "\n"
                        + "How to fix:\n"
                        + "    Nothing to fix.\n"
                        + "\n"
                        + "Bad:\n"
                        + "    Resources:\n"
                        + "      Q:\n"
                        + "        Type: AWS::SQS::Queue\n"
                        + "\n"
                        + "Good:\n"
                        + "    Resources: {}\n"
                        + "\n"
                        + "Tags: test, cli\n"
                        + "Docs: https://example.com/FL-TEST-001\n");
    }

    @Test
    void explainAnUnknownRuleIsAUsageError() {
        Run r = cli.run("explain", "FL-NOPE-001");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("faultline: unknown rule 'FL-NOPE-001'; run 'faultline rules' to list them\n");
        assertThat(cli.run("explain").code()).isEqualTo(2);
    }

    @Test
    void versionComesFromTheBuild() {
        Run r = cli.run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).matches("faultline \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Run r = cli.run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("lint", "rules", "explain", "Exit codes: 0 no finding");
        Run lint = cli.run("lint", "--help");
        assertThat(lint.code()).isZero();
        assertThat(lint.out())
                .contains(
                        "--format=FORMAT",
                        "text, json, sarif, junit, github,",
                        "markdown (default: text)",
                        "--fail-on=LEVEL",
                        "--include=GLOB",
                        "--exclude=GLOB",
                        "--enable=RULE",
                        "--disable=RULE",
                        "--threads=N",
                        "--output=FILE");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            names.add(it.next().getKey());
        }
        return names;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MainTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
