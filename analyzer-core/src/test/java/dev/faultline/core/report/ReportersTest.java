package dev.faultline.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.AnalysisResult;
import dev.faultline.core.model.InputFile;
import dev.faultline.core.model.InputKind;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.tree.Span;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReportersTest {

    private static final Path WD = Path.of("/work");

    static AnalysisResult sample() {
        List<Finding> findings = new ArrayList<>(List.of(
                new Finding(
                        "FL-PARSE-001",
                        Severity.ERROR,
                        "Mapping values are not allowed here.",
                        new Span("a/broken.yaml", 3, 7, 3, 8),
                        null,
                        null,
                        null,
                        null,
                        null),
                new Finding(
                        "FL-SQS-001",
                        Severity.WARNING,
                        "Queue 'OrdersQueue' has no RedrivePolicy; poison messages retry until they expire.",
                        new Span("b/template.yaml", 12, 5, 14, 20),
                        "OrdersQueue",
                        "App/Orders/Resource",
                        "Resources/OrdersQueue",
                        null,
                        null),
                new Finding(
                        "FL-SQS-001",
                        Severity.WARNING,
                        "Queue 'Old' has no RedrivePolicy.",
                        new Span("b/template.yaml", 30, 5, 31, 9),
                        "Old",
                        null,
                        "Resources/Old",
                        null,
                        "replayed from S3")));
        findings.sort(Finding.ORDER);
        return new AnalysisResult(
                List.of(
                        new InputFile(WD.resolve("a/broken.yaml"), "a/broken.yaml", InputKind.UNPARSEABLE),
                        new InputFile(WD.resolve("b/template.yaml"), "b/template.yaml", InputKind.SAM)),
                findings,
                List.of(),
                null,
                List.of());
    }

    static String write(Reporter r, AnalysisResult result, ReportContext ctx) throws IOException {
        StringWriter w = new StringWriter();
        r.write(result, ctx, w);
        return w.toString();
    }

    @Test
    void textIsOneCompilerStyleLinePerActiveFinding() throws IOException {
        String out = write(new TextReporter(), sample(), ReportContext.plain("1.0", WD));
        assertThat(out)
                .isEqualTo(""
                        + "a/broken.yaml:3:7: error FL-PARSE-001 Mapping values are not allowed here.\n"
                        + "b/template.yaml:12:5: warning FL-SQS-001 Queue 'OrdersQueue' has no RedrivePolicy; "
                        + "poison messages retry until they expire. [cdk: App/Orders/Resource]\n");
    }

    @Test
    void textShowsSuppressedOnlyWhenAsked() throws IOException {
        String out = write(new TextReporter(), sample(), new ReportContext("1.0", false, WD, true));
        assertThat(out)
                .contains("b/template.yaml:30:5: warning FL-SQS-001 Queue 'Old' has no RedrivePolicy. "
                        + "[suppressed: replayed from S3]\n");
    }

    @Test
    void textColourOnlyWhenAllowed() throws IOException {
        assertThat(write(new TextReporter(), sample(), ReportContext.plain("1.0", WD)))
                .doesNotContain("\u001b[");
        String coloured = write(new TextReporter(), sample(), new ReportContext("1.0", true, WD, false));
        assertThat(coloured).contains("\u001b[31merror\u001b[0m").contains("\u001b[33mwarning\u001b[0m");
    }

    @Test
    void summaryCountsActiveFindingsAndSuppressedSeparately() {
        ReportSummary s = ReportSummary.of(sample());
        assertThat(s).isEqualTo(new ReportSummary(2, 2, 1, 1, 0, 1));
        assertThat(s.toText()).isEqualTo("2 findings (1 error, 1 warning, 0 infos) in 2 files, 1 suppressed");
        assertThat(new ReportSummary(1, 1, 0, 0, 1, 0).toText())
                .isEqualTo("1 finding (0 errors, 0 warnings, 1 info) in 1 file");
    }

    @Test
    void jsonHasTheDocumentedKeysInOrderWithNulls() throws IOException {
        String out = write(new JsonReporter(), sample(), ReportContext.plain("1.2.3", WD));
        assertThat(out)
                .startsWith("{\n  \"version\": \"1.2.3\",\n  \"files\": [\n")
                .endsWith("}\n");
        assertThat(out)
                .contains("\"ruleId\": \"FL-PARSE-001\",\n      \"severity\": \"error\",\n"
                        + "      \"message\": \"Mapping values are not allowed here.\",\n"
                        + "      \"file\": \"a/broken.yaml\",\n      \"line\": 3,\n      \"column\": 7,\n"
                        + "      \"endLine\": 3,\n      \"endColumn\": 8,\n      \"resource\": null,\n"
                        + "      \"cdkPath\": null,\n      \"fingerprint\": \"");
        assertThat(out).doesNotContain("suppression").doesNotContain("\r");
        assertThat(out)
                .contains("\"summary\": {\n    \"files\": 2,\n    \"findings\": 2,\n    \"error\": 1,\n"
                        + "    \"warning\": 1,\n    \"info\": 0,\n    \"suppressed\": 1\n  }\n}\n");
    }

    @Test
    void jsonBytesDoNotDependOnInputOrder() throws IOException {
        AnalysisResult a = sample();
        List<Finding> shuffled = new ArrayList<>(a.findings());
        Collections.shuffle(shuffled, new Random(7));
        shuffled.sort(Finding.ORDER);
        AnalysisResult b = new AnalysisResult(a.files(), shuffled, a.rules(), null, a.toolErrors());
        ReportContext ctx = ReportContext.plain("1.0", WD);
        assertThat(write(new JsonReporter(), b, ctx)).isEqualTo(write(new JsonReporter(), a, ctx));
    }

    @Test
    void formatTableParsesNamesCaseInsensitively() {
        assertThat(ReportFormat.parse("JSON").reporter()).isInstanceOf(JsonReporter.class);
        assertThat(ReportFormat.parse("text").reporter()).isInstanceOf(TextReporter.class);
        assertThat(ReportFormat.names()).startsWith("text, json");
    }
}
