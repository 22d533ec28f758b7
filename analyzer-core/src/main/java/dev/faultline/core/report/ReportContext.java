package dev.faultline.core.report;

import dev.faultline.core.rule.Severity;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to write a report.
 *
 * @param toolVersion       the Faultline version written into reports that carry one
 * @param color             whether ANSI colour may be used (text only; the caller decides from the
 *                          terminal, {@code NO_COLOR} and {@code --color})
 * @param workingDirectory  the directory display paths are relative to
 * @param includeSuppressed whether suppressed findings are written (marked as such); they are always
 *                          counted in summaries
 * @param failOn            the lowest severity that fails the run ({@code --fail-on}; {@code null}: none
 *                          does); reports that mark failures (JUnit) mark only findings at or above it
 */
public record ReportContext(String toolVersion, boolean color, Path workingDirectory, boolean includeSuppressed,
                            Severity failOn) {

    /** Every finding fails ({@code --fail-on info}). */
    public ReportContext(String toolVersion, boolean color, Path workingDirectory, boolean includeSuppressed) {
        this(toolVersion, color, workingDirectory, includeSuppressed, Severity.INFO);
    }

    /** True when an active finding of severity {@code s} fails the run. */
    public boolean fails(Severity s) {
        return failOn != null && s.atLeast(failOn);
    }

    public ReportContext {
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
    }

    /** No colour, suppressed findings left out. */
    public static ReportContext plain(String toolVersion, Path workingDirectory) {
        return new ReportContext(toolVersion, false, workingDirectory, false);
    }
}
