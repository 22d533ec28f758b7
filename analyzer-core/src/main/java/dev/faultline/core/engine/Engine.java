package dev.faultline.core.engine;

import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.eval.Evaluator;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.graph.ResourceGraph;
import dev.faultline.core.model.Template;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.Fix;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Reported;
import dev.faultline.core.rule.Rule;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleOption;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.util.InOrder;
import dev.faultline.core.util.Lists;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs rules over a graph: one walk over nodes, machines, states and templates, dispatching each
 * to the rules subscribed to it. A rule that throws becomes a {@link ToolError}; the walk goes on.
 */
final class Engine {

    private final List<Rule> rules;
    private final Map<String, Severity> severities;
    private final Map<String, String> options;
    private final int threads;

    Engine(List<Rule> rules, Map<String, Severity> severities, Map<String, String> options) {
        this(rules, severities, options, 1);
    }

    /**
     * @param threads how many partitions (templates, standalone state machines) are checked at once;
     *                the outcome is the same whatever the count
     */
    Engine(List<Rule> rules, Map<String, Severity> severities, Map<String, String> options, int threads) {
        this.rules = List.copyOf(rules);
        this.severities = Map.copyOf(severities);
        this.options = Map.copyOf(options);
        this.threads = Math.max(1, threads);
    }

    /**
     * The findings and tool errors of all rules over one graph and its templates. The graph is
     * split into partitions that share no node: one per template (its nodes, its state machines,
     * the template itself), one per standalone state machine, and one for the rest. Partitions run
     * on up to {@code threads} threads (the graph is read-only by now); the findings are sorted
     * ({@link Finding#ORDER}) and the tool errors too, so the outcome does not depend on the count.
     */
    public Outcome run(ResourceGraph graph, List<Template> templates) {
        Map<Template, Evaluator> evaluators = new IdentityHashMap<>();
        for (Template t : templates) {
            evaluators.put(t, new Evaluator(t, graph.crossStack(), graph.illTypedTest()));
        }
        Dispatch dispatch = new Dispatch(rules);
        List<Partition> parts = partitions(graph, templates);
        List<Outcome> outcomes =
                InOrder.map(parts, threads, "faultline-rules", p -> runPartition(p, graph, evaluators, dispatch));
        List<Finding> findings = new ArrayList<>();
        List<ToolError> errors = new ArrayList<>();
        for (Outcome o : outcomes) {
            findings.addAll(o.findings());
            errors.addAll(o.toolErrors());
        }
        findings.sort(Finding.ORDER);
        errors.sort(TOOL_ERROR_ORDER);
        return new Outcome(findings, errors);
    }

    /** Tool errors by location, then rule, then message. */
    private static final java.util.Comparator<ToolError> TOOL_ERROR_ORDER = new java.util.Comparator<>() {
        @Override
        public int compare(ToolError a, ToolError b) {
            int c = a.location().compareTo(b.location());
            if (c == 0) {
                c = a.ruleId().compareTo(b.ruleId());
            }
            return c != 0 ? c : a.message().compareTo(b.message());
        }
    };

    /** What one partition holds: nodes, state machines and templates, each in input order. */
    private record Partition(List<GraphNode> nodes, List<StateMachine> machines, List<Template> templates) {}

    private static List<Partition> partitions(ResourceGraph graph, List<Template> templates) {
        Map<Template, List<StateMachine>> machinesOf = new IdentityHashMap<>();
        for (Template t : templates) {
            machinesOf.put(t, new ArrayList<>(0));
        }
        List<Partition> parts = new ArrayList<>(templates.size() + 1);
        List<StateMachine> standalone = new ArrayList<>();
        for (StateMachine m : graph.stateMachines()) {
            List<StateMachine> own = m.template() == null ? null : machinesOf.get(m.template());
            if (own != null) {
                own.add(m);
            } else {
                standalone.add(m);
            }
        }
        int covered = 0;
        for (Template t : templates) {
            List<GraphNode> nodes = graph.nodesOf(t);
            covered += nodes.size();
            parts.add(new Partition(nodes, machinesOf.get(t), List.of(t)));
        }
        for (StateMachine m : standalone) {
            parts.add(new Partition(List.of(), List.of(m), List.of()));
        }
        if (covered != graph.size()) {
            // nodes without a template of this analysis (none today): one more partition, in input order
            List<GraphNode> rest = new ArrayList<>();
            for (GraphNode n : graph.nodes()) {
                if (n.template() == null || !machinesOf.containsKey(n.template())) {
                    rest.add(n);
                }
            }
            parts.add(new Partition(rest, List.of(), List.of()));
        }
        return parts;
    }

    /** The rules by what they subscribe to; read-only once built. */
    private static final class Dispatch {
        final Map<NodeKind, List<Rule>> byKind = new EnumMap<>(NodeKind.class);
        final List<Rule> machineRules = new ArrayList<>();
        final List<Rule> stateRules = new ArrayList<>();
        final List<Rule> templateRules = new ArrayList<>();

        Dispatch(List<Rule> rules) {
            for (Rule r : rules) {
                for (NodeKind k : r.subscription().nodeKinds()) {
                    Lists.in(byKind, k).add(r);
                }
                if (r.subscription().wantsMachines()) {
                    machineRules.add(r);
                }
                if (!r.subscription().stateTypes().isEmpty()) {
                    stateRules.add(r);
                }
                if (r.subscription().wantsTemplates()) {
                    templateRules.add(r);
                }
            }
        }
    }

    private Outcome runPartition(Partition p, ResourceGraph graph, Map<Template, Evaluator> evaluators, Dispatch d) {
        List<Finding> findings = new ArrayList<>();
        List<ToolError> errors = new ArrayList<>(0);
        // made on a rule's first visit: most partitions see only a few of the rules
        Contexts contexts = new Contexts(graph, evaluators, findings);
        for (GraphNode n : p.nodes()) {
            for (Rule r : d.byKind.getOrDefault(n.kind(), List.of())) {
                try {
                    r.visitNode(n, contexts.apply(r));
                } catch (RuntimeException | StackOverflowError e) {
                    errors.add(toolError(r, n.span().toString(), e));
                }
            }
        }
        for (StateMachine m : p.machines()) {
            for (Rule r : d.machineRules) {
                try {
                    r.visitStateMachine(m, contexts.apply(r));
                } catch (RuntimeException | StackOverflowError e) {
                    errors.add(toolError(r, m.span().toString(), e));
                }
            }
            if (d.stateRules.isEmpty()) {
                continue;
            }
            for (State s : m.allStates()) {
                for (Rule r : d.stateRules) {
                    if (!r.subscription().wantsState(s.type())) {
                        continue;
                    }
                    try {
                        r.visitState(s, m, contexts.apply(r));
                    } catch (RuntimeException | StackOverflowError e) {
                        errors.add(toolError(r, s.keySpan().toString(), e));
                    }
                }
            }
        }
        for (Template t : p.templates()) {
            for (Rule r : d.templateRules) {
                try {
                    r.visitTemplate(t, contexts.apply(r));
                } catch (RuntimeException | StackOverflowError e) {
                    errors.add(toolError(r, t.displayPath(), e));
                }
            }
        }
        return new Outcome(findings, errors);
    }

    private static ToolError toolError(Rule r, String where, Throwable e) {
        return new ToolError(
                r.metadata().id(),
                where,
                e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                e);
    }

    /** Findings and tool errors of one run. */
    record Outcome(List<Finding> findings, List<ToolError> toolErrors) {}

    /** The rule contexts of one partition, each made on its rule's first visit. */
    private final class Contexts {
        private final Map<Rule, Ctx> made = new IdentityHashMap<>();
        private final ResourceGraph graph;
        private final Map<Template, Evaluator> evaluators;
        private final List<Finding> findings;

        Contexts(ResourceGraph graph, Map<Template, Evaluator> evaluators, List<Finding> findings) {
            this.graph = graph;
            this.evaluators = evaluators;
            this.findings = findings;
        }

        Ctx apply(Rule r) {
            Ctx c = made.get(r);
            if (c == null) {
                c = new Ctx(r, graph, evaluators, findings);
                made.put(r, c);
            }
            return c;
        }
    }

    private final class Ctx implements RuleContext {
        private final Rule rule;
        private final ResourceGraph graph;
        private final Map<Template, Evaluator> evaluators;
        private final List<Finding> sink;
        private final Severity severity;

        Ctx(Rule rule, ResourceGraph graph, Map<Template, Evaluator> evaluators, List<Finding> sink) {
            this.rule = rule;
            this.graph = graph;
            this.evaluators = evaluators;
            this.sink = sink;
            this.severity = severities.getOrDefault(
                    rule.metadata().id(), rule.metadata().severity());
        }

        @Override
        public ResourceGraph graph() {
            return graph;
        }

        @Override
        public Evaluator evaluator(Template template) {
            // shared by the partitions, so only read here; an evaluator holds no state
            Evaluator e = evaluators.get(template);
            return e != null ? e : new Evaluator(template, graph.crossStack(), graph.illTypedTest());
        }

        @Override
        public <T> T option(RuleOption<T> option) {
            String v = options.get(rule.metadata().id() + "." + option.name());
            return v == null ? option.defaultValue() : option.parse(v);
        }

        @Override
        public Reported report(Location where, String message) {
            int index = sink.size();
            sink.add(new Finding(
                    rule.metadata().id(),
                    severity,
                    message,
                    where.span(),
                    where.resource(),
                    where.cdkPath(),
                    where.logicalPath(),
                    null,
                    null));
            return new Reported() {
                @Override
                public Reported withFix(Fix fix) {
                    Finding f = sink.get(index);
                    sink.set(
                            index,
                            new Finding(
                                    f.ruleId(),
                                    f.severity(),
                                    f.message(),
                                    f.span(),
                                    f.resource(),
                                    f.cdkPath(),
                                    f.logicalPath(),
                                    fix,
                                    f.suppression()));
                    return this;
                }

                @Override
                public Reported withSeverity(Severity s) {
                    if (!severities.containsKey(rule.metadata().id())) {
                        sink.set(index, sink.get(index).withSeverity(s));
                    }
                    return this;
                }
            };
        }
    }
}
