package dev.faultline.core.engine;

import dev.faultline.core.rule.Severity;
import dev.faultline.core.suppress.SuppressionSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to analyze and how: built by the CLI and the Maven goal alike.
 *
 * @param paths             files and directories to lint
 * @param workingDirectory  display paths are relative to it; template paths may not escape it
 * @param includes          include globs (empty: the default file types)
 * @param excludes          exclude globs, on top of the default excludes
 * @param enabledRules      rule ids or prefixes to enable (empty: all default rules)
 * @param disabledRules     rule ids or prefixes to disable
 * @param severityOverrides effective severity per rule id
 * @param ruleOptions       option values by {@code RULE-ID.name}
 * @param threads           worker threads (1: single-threaded)
 * @param suppressions      config-file path suppressions and the baseline (never {@code null})
 */
public record AnalysisRequest(
        List<Path> paths,
        Path workingDirectory,
        List<String> includes,
        List<String> excludes,
        List<String> enabledRules,
        List<String> disabledRules,
        Map<String, Severity> severityOverrides,
        Map<String, String> ruleOptions,
        int threads,
        SuppressionSettings suppressions) {

    /** Copies the lists and maps. */
    public AnalysisRequest {
        paths = List.copyOf(paths);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        enabledRules = List.copyOf(enabledRules);
        disabledRules = List.copyOf(disabledRules);
        severityOverrides = Map.copyOf(severityOverrides);
        ruleOptions = Map.copyOf(ruleOptions);
        threads = Math.max(1, threads);
        suppressions = suppressions == null ? SuppressionSettings.NONE : suppressions;
    }

    /** The request without config suppressions or baseline (the original constructor). */
    public AnalysisRequest(
            List<Path> paths,
            Path workingDirectory,
            List<String> includes,
            List<String> excludes,
            List<String> enabledRules,
            List<String> disabledRules,
            Map<String, Severity> severityOverrides,
            Map<String, String> ruleOptions,
            int threads) {
        this(
                paths,
                workingDirectory,
                includes,
                excludes,
                enabledRules,
                disabledRules,
                severityOverrides,
                ruleOptions,
                threads,
                SuppressionSettings.NONE);
    }

    /** A request for some paths with every default. */
    public static AnalysisRequest of(Path workingDirectory, List<Path> paths) {
        return new AnalysisRequest(
                paths,
                workingDirectory,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                Map.of(),
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param options rule options, {@code RULE-ID.name} to text
     * @return a copy with these rule options
     */
    public AnalysisRequest withRuleOptions(Map<String, String> options) {
        return new AnalysisRequest(
                paths,
                workingDirectory,
                includes,
                excludes,
                enabledRules,
                disabledRules,
                severityOverrides,
                options,
                threads,
                suppressions);
    }

    /**
     * @param n worker threads, at least 1
     * @return a copy with this number of threads
     */
    public AnalysisRequest withThreads(int n) {
        return new AnalysisRequest(
                paths,
                workingDirectory,
                includes,
                excludes,
                enabledRules,
                disabledRules,
                severityOverrides,
                ruleOptions,
                n,
                suppressions);
    }

    /**
     * @param s config-file and baseline suppressions
     * @return a copy with these suppressions
     */
    public AnalysisRequest withSuppressions(SuppressionSettings s) {
        return new AnalysisRequest(
                paths,
                workingDirectory,
                includes,
                excludes,
                enabledRules,
                disabledRules,
                severityOverrides,
                ruleOptions,
                threads,
                s);
    }

    /**
     * @param in include globs
     * @param ex exclude globs
     * @return a copy with these globs
     */
    public AnalysisRequest withIncludes(List<String> in, List<String> ex) {
        return new AnalysisRequest(
                paths,
                workingDirectory,
                in,
                ex,
                enabledRules,
                disabledRules,
                severityOverrides,
                ruleOptions,
                threads,
                suppressions);
    }

    /**
     * @param enabled    rule ids or prefixes to run (empty: all)
     * @param disabled   rule ids or prefixes not to run
     * @param severities severity overrides by rule id
     * @return a copy with this rule selection
     */
    public AnalysisRequest withRules(List<String> enabled, List<String> disabled, Map<String, Severity> severities) {
        return new AnalysisRequest(
                paths,
                workingDirectory,
                includes,
                excludes,
                enabled,
                disabled,
                severities,
                ruleOptions,
                threads,
                suppressions);
    }
}
