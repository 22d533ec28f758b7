package dev.faultline.core.engine;

import dev.faultline.core.graph.ResourceGraph;
import dev.faultline.core.model.InputFile;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of one analysis: findings in report order (suppressed ones included and marked),
 * the files seen, the rules that ran, the graph, and any tool errors. (Plain loops, no streams: these
 * run once per command, on the start-up path of a small lint.)
 */
public record AnalysisResult(List<InputFile> files, List<Finding> findings, List<RuleMetadata> rules,
                             ResourceGraph graph, List<ToolError> toolErrors) {

    /** Findings that are not suppressed. */
    public List<Finding> activeFindings() {
        List<Finding> active = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (!f.suppressed()) {
                active.add(f);
            }
        }
        return Collections.unmodifiableList(active);
    }

    /**
     * @param s a severity
     * @return the number of active (not suppressed) findings of that severity
     */
    public long count(Severity s) {
        long n = 0;
        for (Finding f : findings) {
            if (!f.suppressed() && f.severity() == s) {
                n++;
            }
        }
        return n;
    }

    /**
     * @return the number of suppressed findings
     */
    public long suppressedCount() {
        long n = 0;
        for (Finding f : findings) {
            if (f.suppressed()) {
                n++;
            }
        }
        return n;
    }

    /** True when an active finding is at or above the threshold ({@code null}: never). */
    public boolean failsAt(Severity threshold) {
        if (threshold == null) {
            return false;
        }
        for (Finding f : findings) {
            if (!f.suppressed() && f.severity().atLeast(threshold)) {
                return true;
            }
        }
        return false;
    }
}
