package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cli.LintEndToEndTest.Run;
import dev.faultline.fixtures.SarifChecks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every report format over one fixture set (real parsers and rules), compared with golden files:
 * {@code src/test/resources/ci-fixtures} has an error (FL-PARSE-002), warnings (FL-SQS-001,
 * FL-CONFIG-001), an info (FL-CONFIG-002, an unused suppression), a finding suppressed in template
 * Metadata, one suppressed by the discovered {@code .faultline.yml}, a CDK finding with its
 * construct path, and findings inside an ASL definition embedded in a template (FL-ASL-002 from the
 * rules, FL-PARSE-002 from the ASL loader). Run with {@code -Dfaultline.updateGolden=true} to rewrite the golden files.
 */
class CiReportsTest {

    static final Path FIXTURES = Path.of("src/test/resources/ci-fixtures");
    static final Path GOLDEN = Path.of("src/test/resources/golden/ci");
    static final boolean UPDATE = Boolean.getBoolean("faultline.updateGolden");
    static final String SUMMARY = "9 findings (4 errors, 4 warnings, 1 info) in 6 files, 2 suppressed\n";

    @TempDir
    Path tmp;

    /** A copy of the fixtures, with a {@code .git} so that config discovery stops there. */
    Path repo;

    @BeforeEach
    void copyFixtures() throws IOException {
        repo = tmp.resolve("repo");
        copy(FIXTURES, repo);
        Files.createDirectories(repo.resolve(".git"));
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /**
     * The rules the fixtures are about, so that the golden files change only when these do, not
     * whenever a rule lands on main.
     */
    static final String RULES = "FL-PARSE,FL-CONFIG,FL-SQS-001,FL-ASL-002";

    private Run lint(String... args) {
        List<String> all = new ArrayList<>(List.of("--enable", RULES));
        all.addAll(List.of(args));
        return LintEndToEndTest.lint(repo, all.toArray(new String[0]));
    }

    /** The report with the machine-specific SARIF {@code %SRCROOT%} base replaced. */
    private String normalize(String report) {
        String root = repo.toAbsolutePath().normalize().toUri().toString();
        return report.replace(root.endsWith("/") ? root : root + "/", "file:///REPO/");
    }

    private void assertGolden(String name, String actual) throws IOException {
        Path golden = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} include-suppressed={1}")
    @CsvSource({
        "text,  false, lint.txt",
        "json,  false, lint.json",
        "sarif, false, lint.sarif",
        "junit, false, lint.junit.xml",
        "github, false, lint.github.txt",
        "text,  true,  lint-include-suppressed.txt",
        "json,  true,  lint-include-suppressed.json",
        "sarif, true,  lint-include-suppressed.sarif",
        "junit, true,  lint-include-suppressed.junit.xml",
    })
    void everyFormatMatchesItsGoldenFile(String format, boolean includeSuppressed, String golden) throws IOException {
        List<String> args = new ArrayList<>(List.of("--format", format));
        if (includeSuppressed) {
            args.add("--include-suppressed");
        }
        Run r = lint(args.toArray(new String[0]));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo(SUMMARY);
        String report = normalize(r.out());
        assertGolden(golden, report);
        if (format.equals("sarif")) {
            assertThat(SarifChecks.problems(report)).isEmpty();
        }
    }

    @Test
    void theGoldenSarifHasWhatCodeScanningNeeds() throws IOException {
        JsonNode run = JsonMapper.builder().build()
                .readTree(Files.readString(GOLDEN.resolve("lint-include-suppressed.sarif"))).get("runs").get(0);
        List<String> levels = new ArrayList<>();
        JsonNode asl = null;
        JsonNode cdk = null;
        for (JsonNode res : run.get("results")) {
            levels.add(res.get("ruleId").asString() + " " + res.get("level").asString()
                    + (res.has("suppressions") ? " " + res.get("suppressions").get(0).get("kind").asString() : ""));
            String uri = res.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asString();
            if (res.get("ruleId").asString().startsWith("FL-ASL-") && asl == null) {
                asl = res;
            }
            if (uri.startsWith("cdk.out/") && res.get("ruleId").asString().equals("FL-SQS-001")) {
                cdk = res;
            }
        }
        assertThat(levels).contains("FL-PARSE-002 error", "FL-CONFIG-002 note", "FL-SQS-001 warning",
                "FL-SQS-001 warning inSource", "FL-CONFIG-001 warning", "FL-PARSE-002 error external");
        assertThat(asl).as("an ASL rule finding inside app/template.yaml").isNotNull();
        assertThat(asl.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asString())
                .isEqualTo("app/template.yaml");
        assertThat(asl.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt())
                .isBetween(73, 79);
        assertThat(cdk).isNotNull();
        assertThat(cdk.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asString())
                .isEqualTo("cdk.out/OrdersStack.template.json");
        assertThat(cdk.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asString())
                .isEqualTo("cdk.out/OrdersStack.template.json");
        assertThat(cdk.get("locations").get(0).get("logicalLocations").get(1).get("fullyQualifiedName").asString())
                .isEqualTo("OrdersStack/IngestQueue/Resource");
        assertThat(cdk.get("partialFingerprints").get("logicalPath/v1").asString()).hasSize(32);
    }

    @Test
    void junitFailuresAreOnlyTheFindingsAtOrAboveFailOn() throws IOException {
        // --fail-on error: the warnings and the info are listed, but as passing testcases (system-out)
        Run r = lint("--format", "junit", "--fail-on", "error");
        assertThat(r.code()).isEqualTo(1);
        org.w3c.dom.Document doc = xml(r.out());
        org.w3c.dom.NodeList cases = doc.getElementsByTagName("testcase");
        int failures = 0;
        int passingWithFindings = 0;
        for (int i = 0; i < cases.getLength(); i++) {
            org.w3c.dom.Element c = (org.w3c.dom.Element) cases.item(i);
            org.w3c.dom.NodeList failure = c.getElementsByTagName("failure");
            org.w3c.dom.NodeList out = c.getElementsByTagName("system-out");
            if (failure.getLength() > 0) {
                failures++;
                assertThat(((org.w3c.dom.Element) failure.item(0)).getAttribute("type")).isEqualTo("error");
                assertThat(out.getLength()).isZero();
            } else if (out.getLength() > 0) {
                passingWithFindings++;
                assertThat(out.item(0).getTextContent()).doesNotContain(": error ");
            }
        }
        assertThat(failures).isPositive();
        assertThat(passingWithFindings).as("warning and info testcases kept as system-out").isPositive();
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo(Integer.toString(failures));

        // --fail-on none: exit 0 and no failure at all, the findings are still in the report
        Run none = lint("--format", "junit", "--fail-on", "none");
        assertThat(none.code()).isZero();
        assertThat(none.out()).doesNotContain("<failure").contains("<system-out>").contains("FL-SQS-001");
        assertThat(xml(none.out()).getDocumentElement().getAttribute("failures")).isEqualTo("0");
    }

    private static org.w3c.dom.Document xml(String text) {
        try {
            return javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new org.xml.sax.InputSource(new java.io.StringReader(text)));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + e.getMessage(), e);
        }
    }

    @Test
    void oneRunWritesSeveralReportsIdenticalToSingleFormatRuns() throws IOException {
        Files.createDirectories(tmp.resolve("out"));
        Run r = lint("--format", "github", "--report", "sarif=../out/f.sarif",
                "--report", "junit=../out/f.xml", "--report", "json=../out/f.json", "--report", "text=../out/f.txt");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo(SUMMARY);
        assertThat(r.out()).isEqualTo(Files.readString(GOLDEN.resolve("lint.github.txt")));
        assertThat(normalize(Files.readString(tmp.resolve("out/f.sarif")))).isEqualTo(
                Files.readString(GOLDEN.resolve("lint.sarif")));
        assertThat(Files.readString(tmp.resolve("out/f.xml"))).isEqualTo(Files.readString(GOLDEN.resolve("lint.junit.xml")));
        assertThat(Files.readString(tmp.resolve("out/f.json"))).isEqualTo(Files.readString(GOLDEN.resolve("lint.json")));
        assertThat(Files.readString(tmp.resolve("out/f.txt"))).isEqualTo(Files.readString(GOLDEN.resolve("lint.txt")));
    }

    // --- baseline ---------------------------------------------------------------------------

    @Test
    void aBaselineStillMatchesAfterLinesAreInsertedAndResourcesReordered() throws IOException {
        Run write = lint("--write-baseline", "../baseline.json");
        assertThat(write.code()).isZero();
        assertThat(write.err()).isEqualTo("faultline: wrote a baseline of 9 findings to ../baseline.json\n" + SUMMARY);
        String baseline = Files.readString(tmp.resolve("baseline.json"));
        assertThat(baseline).startsWith("{\n  \"version\" : 1,").doesNotContain("\"line\"");

        Path template = repo.resolve("app/template.yaml");
        String before = Files.readString(template);
        String edited = moveOrdersQueueToTheEnd(insertLinesAfterDescription(before));
        Files.writeString(template, edited);
        Path cdk = repo.resolve("cdk.out/OrdersStack.template.json");
        Files.writeString(cdk, "\n\n\n" + Files.readString(cdk));

        Run moved = lint();
        assertThat(moved.out()).contains("app/template.yaml:" + (lineOf(edited, "  OrdersQueue:")) + ":3: warning FL-SQS-001 Queue 'OrdersQueue'")
                .doesNotContain("app/template.yaml:13:3:")
                .contains("cdk.out/OrdersStack.template.json:6:5: warning FL-SQS-001");

        Run r = lint("--baseline", "../baseline.json");
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("0 findings (0 errors, 0 warnings, 0 infos) in 6 files, 11 suppressed\n");
        assertThat(r.code()).isZero();

        // a new defect is new; a resource that went away leaves a stale entry (FL-CONFIG-002, info)
        Files.writeString(template, edited.replace("  RetryQueue:", "  NewQueue:")
                .replace("!GetAtt RetryQueue.Arn", "!GetAtt NewQueue.Arn"));
        Run changed = lint("--baseline", "../baseline.json", "--format", "json");
        assertThat(changed.code()).isEqualTo(1);
        JsonNode findings = JsonMapper.builder().build().readTree(changed.out()).get("findings");
        List<String> seen = new ArrayList<>();
        for (JsonNode f : findings) {
            seen.add(f.get("file").asString() + " " + f.get("ruleId").asString() + " " + f.get("message").asString());
        }
        assertThat(seen).containsExactlyInAnyOrder(
                "../baseline.json FL-CONFIG-002 Baseline entry FL-CONFIG-001 in app/template.yaml at "
                        + "Resources/RetryQueue/Metadata/faultline/suppress/0 matches no finding any more; regenerate the baseline.",
                "../baseline.json FL-CONFIG-002 Baseline entry FL-SQS-001 in app/template.yaml at "
                        + "Resources/RetryQueue/Properties/RedrivePolicy matches no finding any more; regenerate the baseline.",
                "app/template.yaml FL-CONFIG-001 Suppression of FL-SQS-001 has no 'reason'; say why the finding does not apply.",
                "app/template.yaml FL-SQS-001 Queue 'NewQueue' is consumed by function 'Worker' but has no RedrivePolicy; "
                        + "a poison message is retried until its retention period expires, then deleted without a trace");
    }

    @Test
    void writingABaselineOverAnOldOneKeepsTheAcceptedFindingsAndDropsStaleEntries() throws IOException {
        assertThat(lint("--write-baseline", "../b1.json").code()).isZero();
        Path template = repo.resolve("app/template.yaml");
        Files.writeString(template, Files.readString(template).replace("  RetryQueue:", "  NewQueue:")
                .replace("!GetAtt RetryQueue.Arn", "!GetAtt NewQueue.Arn"));
        Run r = lint("--baseline", "../b1.json", "--write-baseline", "../b2.json");
        assertThat(r.code()).isZero();
        String b2 = Files.readString(tmp.resolve("b2.json"));
        assertThat(b2).contains("Resources/NewQueue/Properties/RedrivePolicy")
                .contains("Resources/OrdersQueue/Properties/RedrivePolicy")
                .doesNotContain("RetryQueue").doesNotContain("baseline/");
        Run clean = lint("--baseline", "../b2.json");
        assertThat(clean.code()).isZero();
        assertThat(clean.out()).isEmpty();
    }

    @Test
    void aBrokenBaselineIsAUsageError() throws IOException {
        Files.writeString(tmp.resolve("bad.json"), "{\"version\": 7, \"findings\": []}");
        Run r = lint("--baseline", "../bad.json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("faultline: --baseline: ../bad.json: unsupported baseline version 7 (expected 1)\n");
        assertThat(lint("--baseline", "../none.json").err())
                .isEqualTo("faultline: --baseline: no such file: ../none.json\n");
    }

    private static String insertLinesAfterDescription(String text) {
        String marker = "Description: Orders - findings of every severity, and suppressions in Metadata.\n";
        assertThat(text).contains(marker);
        return text.replace(marker, marker + "\n# four lines inserted above every resource\n#\n#\n");
    }

    /** Cuts the OrdersQueue and OrdersMapping resources out and appends them after the last resource. */
    private static String moveOrdersQueueToTheEnd(String text) {
        int from = text.indexOf("  # a warning: consumed by a function");
        int to = text.indexOf("  # suppressed in source");
        assertThat(from).isPositive();
        assertThat(to).isGreaterThan(from);
        String block = text.substring(from, to);
        String rest = text.substring(0, from) + text.substring(to);
        return rest + "\n" + block;
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        assertThat(at).isNotNegative();
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
