package dev.faultline.maven;

import dev.faultline.core.engine.AnalysisResult;
import dev.faultline.core.report.ReportContext;
import dev.faultline.core.report.ReportFormat;
import dev.faultline.core.report.Reporter;
import dev.faultline.core.rule.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The report formats the goal writes, each to a fixed file name in the output directory. */
final class Reports {

    /** A format: its reporter and the file it goes to ({@code null}: standard output). */
    record Format(String name, Reporter reporter, String fileName, boolean includeSuppressed) {
    }

    private Reports() {
    }

    /** Where each format goes ({@code null}: standard output), by {@link ReportFormat}. */
    private static String fileName(ReportFormat f) {
        return switch (f) {
            case TEXT -> "faultline.txt";
            case JSON -> "faultline.json";
            case SARIF -> "faultline.sarif";
            case JUNIT -> "faultline-junit.xml";
            case MARKDOWN -> "faultline.md";
            // Workflow commands only work on standard output, at the start of a line.
            case GITHUB -> null;
        };
    }

    /** The formats named, without duplicates, or an exception naming the known ones. */
    static List<Format> parse(List<String> names) {
        List<ReportFormat> seen = new ArrayList<>();
        List<Format> out = new ArrayList<>();
        for (String n : names) {
            ReportFormat f = ReportFormat.parse(n);
            if (!seen.contains(f)) {
                seen.add(f);
                // SARIF keeps suppressed findings, marked, so code scanning shows them as dismissed.
                out.add(new Format(f.label(), f.reporter(), fileName(f), f == ReportFormat.SARIF));
            }
        }
        return out;
    }

    /** Writes each report; returns the files written. */
    static List<Path> write(List<Format> formats, AnalysisResult result, Path outputDirectory, String toolVersion,
                            Path workingDirectory, Severity failOn, Writer stdout) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Format f : formats) {
            ReportContext ctx = new ReportContext(toolVersion, false, workingDirectory, f.includeSuppressed(),
                    failOn);
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
