package dev.faultline.core.report;

import java.nio.file.Path;

/**
 * What a reporter needs besides the result.
 *
 * @param toolVersion       the Faultline version
 * @param color             whether ANSI colours may be used
 * @param workingDirectory  the directory display paths are relative to
 * @param includeSuppressed whether suppressed findings are written too
 */
public record ReportContext(String toolVersion, boolean color, Path workingDirectory, boolean includeSuppressed) {
}
