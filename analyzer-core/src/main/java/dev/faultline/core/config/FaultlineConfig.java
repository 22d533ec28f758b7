package dev.faultline.core.config;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.RuleRegistry;
import dev.faultline.core.rule.Rule;
import dev.faultline.core.rule.RuleOption;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.suppress.PathSuppression;
import dev.faultline.core.suppress.SuppressionSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content of a {@code .faultline.yml}, validated against the published schema
 * ({@code faultline-config.schema.json}) by {@link ConfigLoader}.
 *
 * @param source   the display path of the file ({@code null} for the empty default)
 * @param rules    settings by rule id, sorted
 * @param include  include globs
 * @param exclude  exclude globs
 * @param suppress path-scoped suppressions
 * @param plugins  rule plugin jars as written in the file (relative to the file); see {@link #pluginJars(Path)}
 */
public record FaultlineConfig(
        String source,
        Map<String, RuleSetting> rules,
        List<String> include,
        List<String> exclude,
        List<PathSuppression> suppress,
        List<String> plugins) {

    /** No file: every default. */
    public static final FaultlineConfig EMPTY =
            new FaultlineConfig(null, Map.of(), List.of(), List.of(), List.of(), List.of());

    public FaultlineConfig {
        rules = Collections.unmodifiableMap(new TreeMap<>(rules));
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        suppress = List.copyOf(suppress);
        plugins = List.copyOf(plugins);
    }

    /**
     * The {@code plugins:} jars, resolved against the directory of the config file, in the order
     * written, each with the name to show for it ({@code <path as written> (<config file>)}).
     *
     * @param configFile the config file this was read from
     * @return jar path to display name, in order; for {@link RuleRegistry#withPlugins}
     */
    public Map<Path, String> pluginJars(Path configFile) {
        Path dir = configFile.toAbsolutePath().normalize().getParent();
        Map<Path, String> jars = new LinkedHashMap<>();
        for (String p : plugins) {
            jars.put(dir.resolve(p).normalize(), source == null ? p : p + " (" + source + ")");
        }
        return jars;
    }

    /**
     * Checks what the schema cannot: every rule id exists, and every option is one the rule reads
     * and has a value of its type.
     */
    public void checkAgainst(RuleRegistry registry) throws ConfigException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, RuleSetting> e : rules.entrySet()) {
            String id = e.getKey();
            RuleSetting s = e.getValue();
            if (!registry.exists(id)) {
                problems.add(s.span() + ": unknown rule '" + id + "' (see `faultline rules`)");
                continue;
            }
            Rule rule = registry.rule(id);
            Map<String, RuleOption<?>> known = new LinkedHashMap<>();
            if (rule != null) {
                for (RuleOption<?> o : rule.options()) {
                    known.put(o.name(), o);
                }
            }
            for (Map.Entry<String, String> o : new TreeMap<>(s.options()).entrySet()) {
                RuleOption<?> opt = known.get(o.getKey());
                if (opt == null) {
                    problems.add(s.span() + ": rule " + id + " has no option '" + o.getKey() + "'"
                            + (known.isEmpty() ? "" : " (options: " + String.join(", ", known.keySet()) + ")"));
                    continue;
                }
                try {
                    opt.parse(o.getValue());
                } catch (RuntimeException ex) {
                    problems.add(s.span() + ": option " + id + "." + o.getKey() + " expects a "
                            + opt.type().getSimpleName().toLowerCase(Locale.ROOT) + ", not '" + o.getValue() + "'");
                }
            }
        }
        for (PathSuppression p : suppress) {
            if (!registry.exists(p.rule())) {
                problems.add(p.span() + ": suppression names unknown rule '" + p.rule() + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /**
     * Merges this file under the command line: defaults &lt; file &lt; (template Metadata) &lt; command
     * line. A rule the file turns off stays on when the command line enables it; command-line
     * severities and options win over the file's; the command line's includes replace the file's,
     * excludes add up; the file's path suppressions come before any already in the request.
     */
    public AnalysisRequest applyTo(AnalysisRequest commandLine) {
        List<String> disabled = new ArrayList<>();
        Map<String, Severity> severities = new TreeMap<>();
        Map<String, String> options = new TreeMap<>();
        for (Map.Entry<String, RuleSetting> e : rules.entrySet()) {
            String id = e.getKey();
            RuleSetting s = e.getValue();
            if (s.off() && !matchesAny(commandLine.enabledRules(), id)) {
                disabled.add(id);
            }
            if (s.severity() != null) {
                severities.put(id, s.severity());
            }
            for (Map.Entry<String, String> o : s.options().entrySet()) {
                options.put(id + "." + o.getKey(), o.getValue());
            }
        }
        disabled.addAll(commandLine.disabledRules());
        severities.putAll(commandLine.severityOverrides());
        options.putAll(commandLine.ruleOptions());
        List<String> includes = commandLine.includes().isEmpty() ? include : commandLine.includes();
        List<String> excludes = new ArrayList<>(exclude);
        excludes.addAll(commandLine.excludes());
        List<PathSuppression> paths = new ArrayList<>(suppress);
        paths.addAll(commandLine.suppressions().paths());
        SuppressionSettings settings = commandLine.suppressions().withPaths(paths);
        return commandLine
                .withRules(commandLine.enabledRules(), disabled, severities)
                .withRuleOptions(options)
                .withIncludes(includes, excludes)
                .withSuppressions(settings);
    }

    private static boolean matchesAny(List<String> patterns, String id) {
        for (String p : patterns) {
            String q = p.trim().toUpperCase(Locale.ROOT);
            if (id.equals(q) || id.startsWith(q.endsWith("-") ? q : q + "-")) {
                return true;
            }
        }
        return false;
    }
}
