package dev.faultline.core.engine;

import dev.faultline.core.graph.ResourceGraph;
import dev.faultline.core.model.InputFile;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import java.util.List;

/**
 * The outcome of one analysis: findings in report order (suppressed ones included and marked),
 * the files seen, the rules that ran, the graph, and any tool errors.
 */
public record AnalysisResult(List<InputFile> files, List<Finding> findings, List<RuleMetadata> rules,
                             ResourceGraph graph, List<ToolError> toolErrors) {

    /** Findings that are not suppressed. */
    public List<Finding> activeFindings() {
        return findings.stream().filter(f -> !f.suppressed()).toList();
    }

    /**
     * @param s a severity
     * @return the number of active (not suppressed) findings of that severity
     */
    public long count(Severity s) {
        return findings.stream().filter(f -> !f.suppressed() && f.severity() == s).count();
    }

    /**
     * @return the number of suppressed findings
     */
    public long suppressedCount() {
        return findings.stream().filter(Finding::suppressed).count();
    }

    /** True when an active finding is at or above the threshold ({@code null}: never). */
    public boolean failsAt(Severity threshold) {
        if (threshold == null) {
            return false;
        }
        return findings.stream().anyMatch(f -> !f.suppressed() && f.severity().atLeast(threshold));
    }
}
