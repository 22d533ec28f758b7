package dev.faultline.core.report;

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
 */
public record ReportContext(String toolVersion, boolean color, Path workingDirectory, boolean includeSuppressed) {

    public ReportContext {
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
    }

    /** No colour, suppressed findings left out. */
    public static ReportContext plain(String toolVersion, Path workingDirectory) {
        return new ReportContext(toolVersion, false, workingDirectory, false);
    }
}
