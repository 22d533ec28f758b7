package dev.faultline.core.report;

import dev.faultline.core.engine.AnalysisResult;
import java.io.IOException;
import java.io.Writer;

/** Writes an {@link AnalysisResult} in one output format. Implementations are deterministic. */
public interface Reporter {

    /** Writes the whole report for {@code result} to {@code out}. */
    void write(AnalysisResult result, ReportContext ctx, Writer out) throws IOException;
}
