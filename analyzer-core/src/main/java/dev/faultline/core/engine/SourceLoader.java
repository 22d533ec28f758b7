package dev.faultline.core.engine;

/**
 * Discovers, reads and parses inputs. The implementation lives in the {@code parsers} module and
 * is found with {@link java.util.ServiceLoader}. It never throws for bad input: every unreadable or
 * malformed file becomes a located FL-PARSE finding in the {@link Project}.
 */
public interface SourceLoader {

    /**
     * Reads every input of a request.
     * @param request the inputs, globs and working directory
     * @return the parsed templates, state machines and input findings
     */
    Project load(AnalysisRequest request);
}
