package dev.faultline.core.report;

import dev.faultline.core.engine.AnalysisResult;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes an {@link AnalysisResult} in one output format. Implementations are stateless, write only
 * to {@code out} (never close it), and produce byte-identical output for the same result: findings
 * arrive already sorted in report order, and paths are already relative display paths.
 *
 * <p>A new format is added by writing a {@code Reporter} and registering it in {@link ReportFormat}.
 */
public interface Reporter {

    void write(AnalysisResult result, ReportContext ctx, Writer out) throws IOException;
}
