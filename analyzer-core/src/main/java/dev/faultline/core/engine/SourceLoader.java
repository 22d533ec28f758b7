package dev.faultline.core.engine;

/**
 * Discovers, reads and parses inputs. The implementation lives in the {@code parsers} module and
 * is found with {@link java.util.ServiceLoader}. It never throws for bad input: every unreadable or
 * malformed file becomes a located FL-PARSE finding in the {@link Project}.
 */
public interface SourceLoader {

    Project load(AnalysisRequest request);
}
