package dev.faultline.core.report;

import dev.faultline.core.engine.AnalysisResult;
import dev.faultline.core.rule.Severity;

/**
 * The counts every format reports: files read, active findings by severity, suppressed findings.
 *
 * @param files      files the loader reported (every classification, "other" included)
 * @param findings   active (not suppressed) findings
 * @param error      active findings of severity error
 * @param warning    active findings of severity warning
 * @param info       active findings of severity info
 * @param suppressed suppressed findings
 */
public record ReportSummary(long files, long findings, long error, long warning, long info, long suppressed) {

    /** The counts of one result. */
    public static ReportSummary of(AnalysisResult result) {
        long e = result.count(Severity.ERROR);
        long w = result.count(Severity.WARNING);
        long i = result.count(Severity.INFO);
        return new ReportSummary(result.files().size(), e + w + i, e, w, i, result.suppressedCount());
    }

    /**
     * One line for humans: {@code 3 findings (1 error, 2 warnings, 0 infos) in 4 files}, plus the
     * number of suppressed findings when there are any.
     */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(plural(findings, "finding"))
                .append(" (")
                .append(plural(error, "error"))
                .append(", ")
                .append(plural(warning, "warning"))
                .append(", ")
                .append(plural(info, "info"))
                .append(") in ")
                .append(plural(files, "file"));
        if (suppressed > 0) {
            sb.append(", ").append(suppressed).append(" suppressed");
        }
        return sb.toString();
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
