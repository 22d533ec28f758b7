package dev.faultline.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.faultline.core.engine.AnalysisResult;
import dev.faultline.core.model.InputFile;
import dev.faultline.core.rule.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code --format json} report: one object
 * {@code {"version", "files": [{"path", "kind"}], "findings": [...], "summary": {...}}} with every
 * key always present (absent values are {@code null}), keys in a fixed order, two-space indent and
 * {@code \n} line breaks, so the bytes depend only on the result.
 */
public final class JsonReporter implements Reporter {

    private static final ObjectWriter WRITER = createWriter();

    /** The whole document. */
    @JsonPropertyOrder({"version", "files", "findings", "summary"})
    public record Report(String version, List<FileEntry> files, List<FindingEntry> findings, SummaryEntry summary) {}

    /** One input file and its classification. */
    @JsonPropertyOrder({"path", "kind"})
    public record FileEntry(String path, String kind) {}

    /** One finding; {@code suppression} appears only for suppressed findings. */
    @JsonPropertyOrder({
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
        "logicalPath",
        "suppression"
    })
    public record FindingEntry(
            String ruleId,
            String severity,
            String message,
            String file,
            int line,
            int column,
            int endLine,
            int endColumn,
            String resource,
            String cdkPath,
            String fingerprint,
            String logicalPath,
            @JsonInclude(JsonInclude.Include.NON_NULL) String suppression) {}

    /** The counts. */
    @JsonPropertyOrder({"files", "findings", "error", "warning", "info", "suppressed"})
    public record SummaryEntry(long files, long findings, long error, long warning, long info, long suppressed) {}

    @Override
    public void write(AnalysisResult result, ReportContext ctx, Writer out) throws IOException {
        try {
            WRITER.writeValue(out, toReport(result, ctx));
        } catch (JacksonException e) {
            throw new IOException("cannot write the JSON report: " + e.getOriginalMessage(), e);
        }
        out.write('\n');
    }

    /** The document for a result, as records. */
    public static Report toReport(AnalysisResult result, ReportContext ctx) {
        List<FileEntry> files = new ArrayList<>(result.files().size());
        for (InputFile f : result.files()) {
            files.add(new FileEntry(f.displayPath(), f.kind().label()));
        }
        List<FindingEntry> findings = new ArrayList<>(result.findings().size());
        for (Finding f : result.findings()) {
            if (f.suppressed() && !ctx.includeSuppressed()) {
                continue;
            }
            findings.add(new FindingEntry(
                    f.ruleId(),
                    f.severity().label(),
                    f.message(),
                    f.span().file(),
                    f.span().line(),
                    f.span().column(),
                    f.span().endLine(),
                    f.span().endColumn(),
                    f.resource(),
                    f.cdkPath(),
                    f.fingerprint(),
                    f.logicalPath(),
                    f.suppression()));
        }
        ReportSummary s = ReportSummary.of(result);
        return new Report(
                ctx.toolVersion(),
                files,
                findings,
                new SummaryEntry(s.files(), s.findings(), s.error(), s.warning(), s.info(), s.suppressed()));
    }

    private static ObjectWriter createWriter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(
                        Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        JsonMapper mapper = JsonMapper.builder()
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .build();
        return mapper.writer().with(printer);
    }
}
