package dev.faultline.core.suppress;

import java.util.List;

/**
 * Suppressions that come from outside the templates: config-file path suppressions and a baseline.
 *
 * @param paths        path-scoped suppressions of the config file
 * @param baseline     the baseline to apply, or {@code null}
 * @param baselinePath the baseline's display path (where stale-entry findings point), or {@code null}
 */
public record SuppressionSettings(List<PathSuppression> paths, Baseline baseline, String baselinePath) {

    /** No config suppressions and no baseline. */
    public static final SuppressionSettings NONE = new SuppressionSettings(List.of(), null, null);

    public SuppressionSettings {
        paths = paths == null ? List.of() : List.copyOf(paths);
    }

    public SuppressionSettings withPaths(List<PathSuppression> p) {
        return new SuppressionSettings(p, baseline, baselinePath);
    }

    public SuppressionSettings withBaseline(Baseline b, String displayPath) {
        return new SuppressionSettings(paths, b, displayPath);
    }
}
