package dev.faultline.maven;

import dev.faultline.core.engine.AnalysisResult;
import dev.faultline.core.report.GithubReporter;
import dev.faultline.core.report.JunitReporter;
import dev.faultline.core.report.ReportContext;
import dev.faultline.core.report.Reporter;
import dev.faultline.core.report.SarifReporter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report formats the goal writes, each to a fixed file name in the output directory. */
final class Reports {

    /** A format: its reporter and the file it goes to ({@code null}: standard output). */
    record Format(String name, Reporter reporter, String fileName, boolean includeSuppressed) {
    }

    private Reports() {
    }

    /** The known formats, in the order they are listed. */
    static Map<String, Format> known() {
        Map<String, Format> m = new LinkedHashMap<>();
        // SARIF keeps suppressed findings, marked, so code scanning shows them as dismissed.
        m.put("sarif", new Format("sarif", new SarifReporter(), "faultline.sarif", true));
        m.put("junit", new Format("junit", new JunitReporter(), "faultline-junit.xml", false));
        // Workflow commands only work on standard output, at the start of a line.
        m.put("github", new Format("github", new GithubReporter(), null, false));
        return m;
    }

    /** The formats named, without duplicates, or an exception naming the known ones. */
    static List<Format> parse(List<String> names) {
        Map<String, Format> known = known();
        List<Format> out = new ArrayList<>();
        for (String n : names) {
            Format f = known.get(n.trim().toLowerCase(Locale.ROOT));
            if (f == null) {
                throw new IllegalArgumentException("unknown report format '" + n + "' (known: "
                        + String.join(", ", known.keySet()) + ")");
            }
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /** Writes each report; returns the files written. */
    static List<Path> write(List<Format> formats, AnalysisResult result, Path outputDirectory, String toolVersion,
                            Path workingDirectory, Writer stdout) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Format f : formats) {
            ReportContext ctx = new ReportContext(toolVersion, false, workingDirectory, f.includeSuppressed());
            if (f.fileName() == null) {
                f.reporter().write(result, ctx, stdout);
                stdout.flush();
                continue;
            }
            Files.createDirectories(outputDirectory);
            Path file = outputDirectory.resolve(f.fileName());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                f.reporter().write(result, ctx, w);
            }
            written.add(file);
        }
        return written;
    }
}
