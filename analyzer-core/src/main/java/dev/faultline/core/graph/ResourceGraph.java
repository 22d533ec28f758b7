package dev.faultline.core.graph;

import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.asl.TaskCall;
import dev.faultline.core.eval.CrossStack;
import dev.faultline.core.model.Template;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.tree.Node;
import dev.faultline.core.util.Lists;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All nodes and edges of one analysis, with the state machines found. Built once (by
 * {@link GraphBuilder}), then read-only.
 *
 * <p>Besides raw access ({@link #nodes(NodeKind)}, {@link #incoming(GraphNode, EdgeKind)}, ...) it
 * offers the questions rules ask, so that a rule is written once for raw CloudFormation, SAM and
 * CDK output: {@link #invokers(GraphNode)}, {@link #isAsyncInvoked(GraphNode)},
 * {@link #failureTargets(GraphNode)}, {@link #isFailureTarget(GraphNode)},
 * {@link #consumersOf(GraphNode)}, {@link #functionOf(GraphNode)}, {@link #alarmsOn(GraphNode)},
 * {@link #eventInvokeConfigs(GraphNode)}, {@link #taskTargets(State)}, and small named predicates
 * ({@link #isRedriveTarget(GraphNode)}, {@link #isSubscribed(GraphNode)}, {@link #invocation(GraphNode,
 * InvocationMode)}, {@link #configuredBy(GraphNode, NodeKind)}, {@link #destinations(GraphNode)}, ...) so
 * that rules do not loop over edges by hand. Every answer is based on
 * what could be resolved statically: a target written as an import or an unknown value has no
 * edge, so "no edge" means "not known", and a rule that needs certainty should also check that
 * the property itself is absent.
 */
public final class ResourceGraph {

    private final Map<String, GraphNode> nodes = new HashMap<>();
    private final List<GraphNode> nodeList = new ArrayList<>();
    private final Map<NodeKind, List<GraphNode>> byKind = new EnumMap<>(NodeKind.class);
    private final List<Edge> edges = new ArrayList<>();
    private final Map<GraphNode, List<Edge>> out = new HashMap<>();
    private final Map<GraphNode, List<Edge>> in = new HashMap<>();
    private final Map<Template, Map<String, GraphNode>> byTemplate = new IdentityHashMap<>();
    private final List<StateMachine> stateMachines = new ArrayList<>();
    private final Map<State, List<Edge>> stateTargets = new IdentityHashMap<>();
    private final Map<Template, List<GraphNode>> nodesByTemplate = new IdentityHashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private final Set<Node> illTyped = Collections.newSetFromMap(new IdentityHashMap<>());
    private CrossStack crossStack = CrossStack.NONE;
    private final Map<Template, Map<Template, String>> crossings = new IdentityHashMap<>();
    private final Map<GraphNode, List<Redrive>> redrives = new HashMap<>();
    private final Map<GraphNode, EventSource> eventSources = new HashMap<>();

    /**
     * Internal: set by the graph builder.
     *
     * @param stacks how the templates of the run pass values to each other
     */
    public void crossStack(CrossStack stacks) {
        this.crossStack = stacks;
    }

    /**
     * Internal: records that a relation between two templates was resolved {@code via} a nested
     * stack or an export (the first way found is kept).
     */
    public void recordCrossing(Template a, Template b, String via) {
        if (a == null || b == null || a == b) {
            return;
        }
        crossingsOf(a).putIfAbsent(b, via);
        crossingsOf(b).putIfAbsent(a, via);
    }

    private Map<Template, String> crossingsOf(Template t) {
        Map<Template, String> m = crossings.get(t);
        if (m == null) {
            m = new IdentityHashMap<>();
            crossings.put(t, m);
        }
        return m;
    }

    /**
     * How a relation between two templates was resolved ({@code nested stack 'Queues'},
     * {@code export 'prod-orders-arn'}), or null when none was recorded or they are one template.
     */
    public String crossing(Template a, Template b) {
        if (a == null || b == null || a == b) {
            return null;
        }
        Map<Template, String> m = crossings.get(a);
        return m == null ? null : m.get(b);
    }

    /**
     * Where node {@code n} is written, for the message of a finding on {@code about}: empty when
     * both are in one template, else {@code " in parent.yaml (through nested stack 'Queues')"} or
     * {@code " in app.yaml (through export 'prod-orders-arn')"}.
     *
     * @param n     the node named in the message
     * @param about the node the finding is reported on
     * @return the text to append after the node's name
     */
    public String where(GraphNode n, GraphNode about) {
        if (n.template() == null || about.template() == null || n.template() == about.template()) {
            return "";
        }
        Map<Template, String> m = crossings.get(n.template());
        String via = m == null ? null : m.get(about.template());
        return " in " + n.template().displayPath() + (via == null ? "" : " (through " + via + ")");
    }

    /**
     * @return how the templates of this run pass values to each other (nested stack parameters and
     *         outputs, exports); evaluators of this run's templates follow it
     */
    public CrossStack crossStack() {
        return crossStack;
    }

    private final Map<GraphNode, String> outsideInvokers = new HashMap<>();

    /**
     * Adds a node; its id must be new. Internal: called by the graph builder, not by rules.
     *
     * @param n the node
     * @return the node
     */
    public GraphNode add(GraphNode n) {
        if (nodes.putIfAbsent(n.id(), n) != null) {
            throw new IllegalStateException("duplicate graph node " + n.id());
        }
        nodeList.add(n);
        Lists.in(byKind, n.kind()).add(n);
        if (n.template() != null) {
            Map<String, GraphNode> named = byTemplate.get(n.template());
            if (named == null) {
                named = new HashMap<>();
                byTemplate.put(n.template(), named);
            }
            named.putIfAbsent(n.name(), n);
            Lists.in(nodesByTemplate, n.template()).add(n);
        }
        return n;
    }

    /**
     * Adds an edge between two nodes of this graph. Identical edges are kept once. Internal: called
     * by the graph builder, not by rules.
     *
     * @param e the edge
     */
    public void connect(Edge e) {
        List<Edge> o = Lists.in(out, e.from());
        for (Edge x : o) {
            if (x.kind() == e.kind()
                    && x.to() == e.to()
                    && x.mode() == e.mode()
                    && java.util.Objects.equals(x.qualifier(), e.qualifier())) {
                return;
            }
        }
        o.add(e);
        Lists.in(in, e.to()).add(e);
        edges.add(e);
    }

    /**
     * Internal: called by the graph builder.
     *
     * @param m a state machine
     */
    public void addStateMachine(StateMachine m) {
        stateMachines.add(m);
    }

    /**
     * @return every state machine (from templates and standalone ASL files), in input order
     */
    public List<StateMachine> stateMachines() {
        return Collections.unmodifiableList(stateMachines);
    }

    /**
     * @return every node, in input order
     */
    public List<GraphNode> nodes() {
        return Collections.unmodifiableList(nodeList);
    }

    /**
     * @return the number of nodes
     */
    public int size() {
        return nodeList.size();
    }

    /**
     * @param kind a node kind
     * @return the nodes of that kind, in input order
     */
    public List<GraphNode> nodes(NodeKind kind) {
        return Collections.unmodifiableList(byKind.getOrDefault(kind, List.of()));
    }

    /**
     * @param id a node id
     * @return the node, or {@code null}
     */
    public GraphNode node(String id) {
        return nodes.get(id);
    }

    /** The node named {@code name} (logical id, or implied name) in a template, or null. */
    public GraphNode find(Template t, String name) {
        Map<String, GraphNode> m = byTemplate.get(t);
        return m == null ? null : m.get(name);
    }

    /**
     * @return every edge
     */
    public List<Edge> edges() {
        return Collections.unmodifiableList(edges);
    }

    /** The edges of one kind, in creation order. */
    public List<Edge> edges(EdgeKind kind) {
        return ofKind(edges, kind);
    }

    /** The edges of one kind (an unmodifiable list; a plain loop, rules ask this for every node). */
    private static List<Edge> ofKind(List<Edge> edges, EdgeKind kind) {
        if (edges == null) {
            return List.of();
        }
        List<Edge> hits = null;
        for (Edge e : edges) {
            if (e.kind() == kind) {
                if (hits == null) {
                    hits = new ArrayList<>(2);
                }
                hits.add(e);
            }
        }
        return hits == null ? List.of() : Collections.unmodifiableList(hits);
    }

    /**
     * @param n a node
     * @return the edges from it
     */
    public List<Edge> outgoing(GraphNode n) {
        return Collections.unmodifiableList(out.getOrDefault(n, List.of()));
    }

    /**
     * @param n a node
     * @return the edges to it
     */
    public List<Edge> incoming(GraphNode n) {
        return Collections.unmodifiableList(in.getOrDefault(n, List.of()));
    }

    /**
     * @param n    a node
     * @param kind a relation
     * @return the edges of that kind from it
     */
    public List<Edge> outgoing(GraphNode n, EdgeKind kind) {
        return ofKind(out.get(n), kind);
    }

    /**
     * @param n    a node
     * @param kind a relation
     * @return the edges of that kind to it
     */
    public List<Edge> incoming(GraphNode n, EdgeKind kind) {
        return ofKind(in.get(n), kind);
    }

    /** The nodes of one template (resources, then implied nodes), in creation order. */
    public List<GraphNode> nodesOf(Template t) {
        return Collections.unmodifiableList(nodesByTemplate.getOrDefault(t, List.of()));
    }

    /** The nodes of one kind in one template, in creation order (the roles a template defines, ...). */
    public List<GraphNode> nodesOf(Template t, NodeKind kind) {
        return withKind(nodesOf(t), kind);
    }

    /**
     * Adds a finding about the inputs found while linking (FL-PARSE-003). Internal: called by the
     * graph builder; rules report through {@link dev.faultline.core.rule.RuleContext}.
     *
     * @param f the finding
     */
    public void addFinding(Finding f) {
        findings.add(f);
    }

    /**
     * Records a literal that can never be valid where it is written (reported as FL-PARSE-007).
     * Internal: called by the graph builder.
     *
     * @param value the located value
     */
    public void markIllTyped(Node value) {
        illTyped.add(value);
    }

    /**
     * Whether a located value is a literal that can never be valid where it is written (FL-PARSE-007).
     * The rules' evaluators read such a value as unknown, so one wrong literal gives one finding.
     *
     * @param value a located value of a template or a state machine
     * @return whether it was reported as FL-PARSE-007
     */
    public boolean isIllTyped(Node value) {
        return !illTyped.isEmpty() && illTyped.contains(value);
    }

    /** {@link #isIllTyped} as a predicate, for evaluators (one object, no lambda class per caller). */
    public java.util.function.Predicate<Node> illTypedTest() {
        return illTypedTest;
    }

    private final IllTyped illTypedTest = new IllTyped();

    private final class IllTyped implements java.util.function.Predicate<Node> {
        @Override
        public boolean test(Node value) {
            return isIllTyped(value);
        }
    }

    /**
     * Findings about the inputs found while linking: FL-PARSE-007 (literals of the wrong type) and FL-PARSE-003 (references to names that do not
     * exist), sorted. The {@code Analyzer} reports them like the loaders' FL-PARSE findings.
     */
    public List<Finding> findings() {
        return Collections.unmodifiableList(findings);
    }

    /**
     * Records the {@code taskTarget} edges found for one Task state. Internal: called by the graph
     * builder, not by rules.
     *
     * @param state   a Task state
     * @param targets its {@code taskTarget} edges
     */
    public void recordTaskTargets(State state, List<Edge> targets) {
        stateTargets.put(state, List.copyOf(targets));
    }

    /**
     * The {@code taskTarget} edges of a Task state (from its state machine's node to the function,
     * queue, topic, table or state machine it calls); empty when the target could not be resolved,
     * or when the machine is a standalone ASL file.
     */
    public List<Edge> taskTargets(State state) {
        return stateTargets.getOrDefault(state, List.of());
    }

    /**
     * What a Task state calls and whether the call writes ({@link TaskCall}): read from its
     * {@code Resource}, and where that is only a placeholder, from its {@code taskTarget} edges (a
     * function is a Lambda call, an activity an activity task).
     */
    public TaskCall taskCall(State task, StateMachine machine) {
        TaskCall c = TaskCall.of(task, machine);
        if (c.integration() != TaskCall.Integration.UNKNOWN) {
            return c;
        }
        for (Edge e : taskTargets(task)) {
            TaskIntegration t = e.taskIntegration();
            if (t != null && t.call().integration() != TaskCall.Integration.UNKNOWN) {
                return t.call();
            }
        }
        return c;
    }

    /**
     * The function a Lambda Task state runs (its first {@code taskTarget} edge to a function: the
     * {@code FunctionName} of {@code lambda:invoke}, or the function ARN its {@code Resource} names),
     * or null when the target is not a function of the run.
     */
    public GraphNode taskFunction(State task) {
        for (Edge e : taskTargets(task)) {
            if (e.to().kind() == NodeKind.FUNCTION) {
                return e.to();
            }
        }
        return null;
    }

    /** Whether the Task state's target was analysed and resolved to at least one node. */
    public boolean hasResolvedTaskTarget(State state) {
        return !taskTargets(state).isEmpty();
    }

    /** The graph node of a template state machine, or null for a standalone definition. */
    public GraphNode nodeOf(StateMachine m) {
        if (m.template() == null || m.resource() == null) {
            return null;
        }
        return find(m.template(), m.resource().logicalId());
    }

    /**
     * Records that something outside the templates may invoke a function, in any mode: a permission
     * for a principal other than a request-response service, whose source is not in the template, or
     * an exported ARN. Internal: called by the graph builder; the first reason is kept.
     *
     * @param fn  the function
     * @param why what shows it ({@code permission 'P' for 123456789012})
     */
    public void addOutsideInvoker(GraphNode fn, String why) {
        outsideInvokers.putIfAbsent(fn, why);
    }

    /**
     * What shows that something outside the templates may invoke {@code fn} in a mode the graph
     * cannot know (a permission for an account, an unknown or asynchronous principal whose source is
     * not in the template; an {@code Export} of its ARN), or null when nothing does.
     */
    public String outsideInvoker(GraphNode fn) {
        return outsideInvokers.get(fn);
    }

    // ---- queries for rules ------------------------------------------------------------------

    /**
     * The {@code invokes} edges into a function (or state machine): ESMs (poll), SNS
     * subscriptions and topics, EventBridge rules, schedules, S3 buckets, log subscription filters,
     * IoT rules (async), API Gateway methods/integrations/APIs, target groups, Cognito user pools,
     * AppSync data sources, Step Functions machines (sync unless {@code InvocationType: Event}),
     * pipes (by their invocation type). {@link Edge#qualifier()} tells which alias/version is hit.
     */
    public List<Edge> invocations(GraphNode fn) {
        return incoming(fn, EdgeKind.INVOKES);
    }

    /** The distinct nodes that invoke {@code fn}, in edge order. */
    public List<GraphNode> invokers(GraphNode fn) {
        return distinctFrom(invocations(fn), null);
    }

    /** The distinct nodes that invoke {@code fn} with the given mode. */
    public List<GraphNode> invokers(GraphNode fn, InvocationMode mode) {
        return distinctFrom(invocations(fn), mode);
    }

    /**
     * Whether anything in the graph invokes {@code fn} asynchronously (its async settings matter),
     * including a permission that lets an asynchronous service invoke it from outside the template.
     */
    public boolean isAsyncInvoked(GraphNode fn) {
        for (Edge e : invocations(fn)) {
            if (e.mode() == InvocationMode.ASYNC) {
                return true;
            }
        }
        return false;
    }

    /** The first invocation of {@code fn} with the given mode, in edge order, or null (the async starter of a machine). */
    public Edge invocation(GraphNode fn, InvocationMode mode) {
        for (Edge e : invocations(fn)) {
            if (e.mode() == mode) {
                return e;
            }
        }
        return null;
    }

    /** The distinct nodes of one kind that invoke {@code fn} (the user pools it is a trigger of, ...). */
    public List<GraphNode> invokers(GraphNode fn, NodeKind kind) {
        return withKind(invokers(fn), kind);
    }

    /** The distinct nodes an invoker (subscription, event source mapping, rule...) invokes, in edge order. */
    public List<GraphNode> invoked(GraphNode invoker) {
        return distinctTo(outgoing(invoker, EdgeKind.INVOKES));
    }

    /** Whether anything in the graph invokes {@code fn} at all. */
    public boolean isInvoked(GraphNode fn) {
        return !invocations(fn).isEmpty();
    }

    /**
     * The {@code failsTo} edges out of a node: a function's {@code DeadLetterConfig} and
     * EventInvokeConfig {@code OnFailure} (qualifier = the config's {@code Qualifier}), an
     * EventInvokeConfig's or ESM's {@code OnFailure}, a queue's redrive DLQ, an SNS subscription's,
     * EventBridge target's, schedule's or pipe's dead-letter queue, an IoT rule's error action.
     */
    public List<Edge> failureEdges(GraphNode node) {
        return outgoing(node, EdgeKind.FAILS_TO);
    }

    /** The distinct nodes failures of {@code node} go to (see {@link #failureEdges}). */
    public List<GraphNode> failureTargets(GraphNode node) {
        return distinctTo(failureEdges(node));
    }

    /** The distinct nodes of one kind failures of {@code node} go to (the queues of a dead-letter config). */
    public List<GraphNode> failureTargets(GraphNode node, NodeKind kind) {
        return withKind(failureTargets(node), kind);
    }

    /**
     * The distinct nodes failures or successful results of {@code node} go to (dead-letter queues,
     * {@code OnFailure} and {@code OnSuccess} destinations), in edge order: where its service delivers.
     */
    public List<GraphNode> destinations(GraphNode node) {
        List<GraphNode> out = new ArrayList<>(2);
        for (Edge e : outgoing(node)) {
            if ((e.kind() == EdgeKind.FAILS_TO || e.kind() == EdgeKind.SUCCEEDS_TO) && !out.contains(e.to())) {
                out.add(e.to());
            }
        }
        return out;
    }

    /** The distinct nodes successful results of {@code node} go to ({@code OnSuccess}). */
    public List<GraphNode> successTargets(GraphNode node) {
        return distinctTo(outgoing(node, EdgeKind.SUCCEEDS_TO));
    }

    /** The distinct nodes whose failures go to {@code target}. */
    public List<GraphNode> failureSources(GraphNode target) {
        return distinctFrom(incoming(target, EdgeKind.FAILS_TO), null);
    }

    /** Whether {@code node} receives failures of anything (it is a DLQ or failure destination). */
    public boolean isFailureTarget(GraphNode node) {
        return !incoming(node, EdgeKind.FAILS_TO).isEmpty();
    }

    /** Internal: records what an event source mapping reads (the graph builder calls it). */
    public void addEventSource(EventSource s) {
        eventSources.put(s.mapping(), s);
    }

    /**
     * What an event source mapping reads (its source family, {@link SourceFamily#UNKNOWN} when not
     * known) and its batch settings as written; null for a node that is not a mapping.
     */
    public EventSource eventSource(GraphNode esm) {
        return eventSources.get(esm);
    }

    /** Internal: records a redrive policy written on {@code r.source()} (the graph builder calls it). */
    public void addRedrive(Redrive r) {
        Lists.in(redrives, r.source()).add(r);
    }

    /**
     * The redrive policies written on a queue or SNS subscription, one per known document (each
     * {@code Fn::If} branch that is one), in file order, each with the dead-letter queue it links to;
     * empty when it has none or none can be read.
     */
    public List<Redrive> redrives(GraphNode source) {
        List<Redrive> r = redrives.get(source);
        return r == null ? List.of() : r;
    }

    /** Whether {@code queue} is the dead-letter queue of another queue's redrive policy. */
    public boolean isRedriveTarget(GraphNode queue) {
        for (Edge e : incoming(queue, EdgeKind.FAILS_TO)) {
            if (e.from().kind() == NodeKind.QUEUE) {
                return true;
            }
        }
        return false;
    }

    /** The event source mappings and pipes that read {@code source} (a queue, stream, table...). */
    public List<GraphNode> consumersOf(GraphNode source) {
        return distinctTo(outgoing(source, EdgeKind.CONSUMES));
    }

    /** The consumers of {@code source} of the given kinds (event source mappings, pipes), in edge order. */
    public List<GraphNode> consumersOf(GraphNode source, NodeKind... kinds) {
        List<GraphNode> out = new ArrayList<>(1);
        for (GraphNode c : consumersOf(source)) {
            if (List.of(kinds).contains(c.kind())) {
                out.add(c);
            }
        }
        return out;
    }

    /** The functions that poll {@code source} through an event source mapping. */
    public List<GraphNode> consumingFunctions(GraphNode source) {
        List<GraphNode> out = new ArrayList<>(1);
        for (GraphNode esm : consumersOf(source)) {
            for (Edge e : outgoing(esm, EdgeKind.INVOKES)) {
                if (!out.contains(e.to())) {
                    out.add(e.to());
                }
            }
        }
        return out;
    }

    /** Whether something in the graph (an event source mapping or pipe) consumes {@code source}. */
    public boolean isConsumed(GraphNode source) {
        return !outgoing(source, EdgeKind.CONSUMES).isEmpty();
    }

    /** The function an event source mapping invokes, or null when it cannot be resolved. */
    public GraphNode functionOf(GraphNode esm) {
        for (Edge e : outgoing(esm, EdgeKind.INVOKES)) {
            return e.to();
        }
        return null;
    }

    /** The queue, stream, table or cluster an event source mapping or pipe reads, or null. */
    public GraphNode sourceOf(GraphNode consumer) {
        for (Edge e : incoming(consumer, EdgeKind.CONSUMES)) {
            return e.from();
        }
        return null;
    }

    /** The CloudWatch alarms whose dimensions name {@code node} (queue, function, topic...). */
    public List<GraphNode> alarmsOn(GraphNode node) {
        return distinctFrom(incoming(node, EdgeKind.ALARMS), null);
    }

    /** Whether some CloudWatch alarm watches {@code node}. */
    public boolean isAlarmed(GraphNode node) {
        return !incoming(node, EdgeKind.ALARMS).isEmpty();
    }

    /**
     * The EventInvokeConfig nodes that apply to a function (raw resources and SAM's implied
     * {@code <Function>EventInvokeConfig}); each edge's qualifier is the config's {@code Qualifier}.
     */
    public List<GraphNode> eventInvokeConfigs(GraphNode fn) {
        return configuredBy(fn, NodeKind.EVENT_INVOKE_CONFIG);
    }

    /** The distinct nodes of one kind that configure {@code target} (a queue's queue policies, a function's EventInvokeConfigs). */
    public List<GraphNode> configuredBy(GraphNode target, NodeKind kind) {
        return withKind(distinctFrom(incoming(target, EdgeKind.CONFIGURES), null), kind);
    }

    /** The distinct nodes of one kind a configuration applies to (the functions of an EventInvokeConfig). */
    public List<GraphNode> configures(GraphNode config, NodeKind kind) {
        return withKind(distinctTo(outgoing(config, EdgeKind.CONFIGURES)), kind);
    }

    /** The topics a subscription, or the buses a rule, listen to. */
    public List<GraphNode> subscribedTo(GraphNode node) {
        return distinctTo(outgoing(node, EdgeKind.SUBSCRIBES));
    }

    /** Whether a subscription or rule in the graph listens to {@code node} (a topic, bus or queue). */
    public boolean isSubscribed(GraphNode node) {
        return !incoming(node, EdgeKind.SUBSCRIBES).isEmpty();
    }

    /** The distinct nodes whose properties name {@code node} ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}). */
    public List<GraphNode> referencedBy(GraphNode node) {
        return distinctFrom(incoming(node, EdgeKind.REFERENCES), null);
    }

    private static List<GraphNode> withKind(List<GraphNode> nodes, NodeKind kind) {
        List<GraphNode> out = new ArrayList<>(nodes.size());
        for (GraphNode n : nodes) {
            if (n.kind() == kind) {
                out.add(n);
            }
        }
        return out;
    }

    private static List<GraphNode> distinctTo(List<Edge> edges) {
        List<GraphNode> out = new ArrayList<>(edges.size());
        for (Edge e : edges) {
            if (!out.contains(e.to())) {
                out.add(e.to());
            }
        }
        return out;
    }

    private static List<GraphNode> distinctFrom(List<Edge> edges, InvocationMode mode) {
        List<GraphNode> out = new ArrayList<>(edges.size());
        for (Edge e : edges) {
            if ((mode == null || e.mode() == mode) && !out.contains(e.from())) {
                out.add(e.from());
            }
        }
        return out;
    }
}
