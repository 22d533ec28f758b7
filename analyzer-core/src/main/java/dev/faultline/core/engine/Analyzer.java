package dev.faultline.core.engine;

import dev.faultline.core.graph.GraphBuilder;
import dev.faultline.core.graph.ResourceGraph;
import dev.faultline.core.model.InputFile;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.Rule;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.suppress.Suppressor;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The one entry point the CLI, the Maven goal and the tests call: load, link, run the rules,
 * apply severities, sort, then apply suppressions (template Metadata, config file, baseline).
 */
public final class Analyzer {

    private final SourceLoader loader;
    private final RuleRegistry registry;
    private final Progress progress;

    /**
     * @param loader   reads the inputs (the parsers module registers one)
     * @param registry the rules to run
     */
    public Analyzer(SourceLoader loader, RuleRegistry registry) {
        this(loader, registry, Progress.NONE);
    }

    private Analyzer(SourceLoader loader, RuleRegistry registry, Progress progress) {
        this.loader = loader;
        this.registry = registry;
        this.progress = progress;
    }

    /**
     * The same analyzer, telling {@code p} what it does (for a status line on long runs).
     *
     * @param p where the phases are reported
     * @return a new analyzer
     */
    public Analyzer withProgress(Progress p) {
        return new Analyzer(loader, registry, p);
    }

    /** An analyzer with the loader and rules found on the class path. */
    public static Analyzer fromClassPath() {
        return new Analyzer(defaultLoader(Analyzer.class.getClassLoader()), RuleRegistry.load());
    }

    /** The {@link SourceLoader} registered with {@link ServiceLoader}. */
    public static SourceLoader defaultLoader(ClassLoader cl) {
        return ServiceLoader.load(SourceLoader.class, cl)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no SourceLoader on the class path (is the parsers module missing?)"));
    }

    /**
     * The same source loader with other rules, e.g. the registry plus plugin rules.
     *
     * @param rules the rules to run
     * @return a new analyzer
     */
    public Analyzer withRegistry(RuleRegistry rules) {
        return new Analyzer(loader, rules, progress);
    }

    /** @return the rules this analyzer runs */
    public RuleRegistry registry() {
        return registry;
    }

    /**
     * Runs one analysis.
     * @param request what to analyze and how
     * @return the findings (sorted, suppressions applied), the files, the rules and the graph
     */
    public AnalysisResult analyze(AnalysisRequest request) {
        RuleSelection selection = new RuleSelection(request.enabledRules(), request.disabledRules());
        List<Rule> active = new ArrayList<>();
        for (Rule r : registry.rules()) {
            if (selection.isOn(r.metadata().id())) {
                active.add(r);
            }
        }
        progress.status("reading files");
        Project project = loader.load(request);
        String read = "read " + project.files().size() + " files; ";
        progress.status(read + "building the resource graph");
        ResourceGraph graph = new GraphBuilder(request.threads()).build(project.templates(), project.stateMachines());
        progress.status(read + "linting " + project.templates().size() + " templates and "
                + project.stateMachines().size() + " state machines");
        Engine.Outcome outcome = new Engine(
                        active, request.severityOverrides(), request.ruleOptions(), request.threads())
                .run(graph, project.templates());

        List<Finding> all = new ArrayList<>(
                project.inputFindings().size() + outcome.findings().size());
        List<Finding> inputFindings = new ArrayList<>(project.inputFindings());
        inputFindings.addAll(graph.findings());
        for (Finding f : inputFindings) {
            if (selection.isOn(f.ruleId())) {
                Severity s = request.severityOverrides().get(f.ruleId());
                all.add(s == null ? f : f.withSeverity(s));
            }
        }
        all.addAll(outcome.findings());
        all.sort(Finding.ORDER);
        progress.status(read + "applying suppressions to " + all.size() + " findings");
        List<String> linted = new ArrayList<>(project.files().size());
        for (InputFile f : project.files()) {
            linted.add(f.displayPath());
        }
        List<Finding> done = new Suppressor(registry::exists, selection::isOn, id -> {
                    Severity s = request.severityOverrides().get(id);
                    if (s != null) {
                        return s;
                    }
                    RuleMetadata m = registry.metadata(id);
                    return m == null ? Severity.WARNING : m.severity();
                })
                .apply(
                        all,
                        project.templates(),
                        project.stateMachines(),
                        linted,
                        project.commentSuppressions(),
                        request.suppressions());

        List<RuleMetadata> rules = new ArrayList<>();
        for (RuleMetadata m : registry.allMetadata()) {
            if (selection.isOn(m.id())) {
                rules.add(m);
            }
        }
        return new AnalysisResult(project.files(), done, List.copyOf(rules), graph, outcome.toolErrors());
    }
}
