package dev.faultline.core.graph;

import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.eval.Evaluator;
import dev.faultline.core.eval.Refs;
import dev.faultline.core.model.Resource;
import dev.faultline.core.model.Template;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import dev.faultline.core.util.InOrder;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Links templates into a {@link ResourceGraph}, the same way for raw CloudFormation, SAM and CDK
 * output:
 * <ol>
 *   <li>one node per resource; SAM resources get their {@code Globals} merged and their properties
 *       in CloudFormation shape, and the resources SAM would generate (event source mappings,
 *       subscriptions, rules, schedules, EventInvokeConfig, SAM-created queues and topics, the
 *       AutoPublishAlias alias, implicit APIs) become <em>implied</em> nodes;</li>
 *   <li>{@code references} edges for {@code Ref}, {@code Fn::GetAtt} and {@code Fn::Sub};</li>
 *   <li>typed edges: {@code consumes}, {@code invokes} (with the {@link InvocationMode} of every
 *       kind of invoker), {@code failsTo}, {@code succeedsTo}, {@code subscribes}, {@code alarms},
 *       {@code configures}, and {@code taskTarget} from state machines to what their tasks call;</li>
 *   <li>FL-PARSE-003 findings for references to names that do not exist, and FL-PARSE-007 findings
 *       for literals of the wrong type where the linker and the rules read them ({@link TypeChecker};
 *       such a value is unknown to every evaluator that reads the graph), in
 *       {@link ResourceGraph#findings()}.</li>
 * </ol>
 * Targets are resolved through the {@link Evaluator} (parameter defaults, both {@code Fn::If}
 * branches, {@code Fn::Sub} variables) and through literal ARNs and names that match a resource's
 * literal name property in the same template.
 *
 * <p><b>Internal</b>: not part of the rule API (see {@code docs/rule-api.md}); it may change
 * without notice.
 */
public final class GraphBuilder {

    private final int threads;

    /** A builder that works on the calling thread. */
    public GraphBuilder() {
        this(1);
    }

    /**
     * A builder that checks references (FL-PARSE-003) of several templates at once on up to
     * {@code threads} threads; the graph and its findings are the same whatever the count.
     */
    public GraphBuilder(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** Builds the graph of all templates and state machines of one analysis. */
    public ResourceGraph build(List<Template> templates, List<StateMachine> machines) {
        ResourceGraph g = new ResourceGraph();
        StackLinks stacks = new StackLinks(templates);
        g.crossStack(stacks);
        Map<Template, Resolver> resolvers = new IdentityHashMap<>();
        List<SamExpander.Pending> pending = new ArrayList<>();
        Map<Template, SamExpander> expanders = new IdentityHashMap<>();
        for (Template t : templates) {
            Evaluator ev = new Evaluator(t, stacks);
            SamExpander sam = new SamExpander(g, t, ev, pending);
            expanders.put(t, sam);
            for (Resource r : t.allResources()) {
                String id = id(t, r.logicalId());
                if (g.node(id) != null) {
                    continue;
                }
                if (SamExpander.isSamType(r.type())) {
                    sam.addMain(r, id);
                } else {
                    g.add(new GraphNode(
                            id,
                            r.logicalId(),
                            r.type(),
                            ResourceTypes.kindOf(r.type()),
                            t,
                            r,
                            r.properties(),
                            r.span(),
                            r.logicalPath(),
                            false));
                }
            }
        }
        // FL-PARSE-007 before linking: a literal of the wrong type is unknown to the linker and the rules
        List<Finding> typeFindings = new ArrayList<>();
        TypeChecker types = new TypeChecker(g, typeFindings);
        // one template at a time, while its tree is in the processor's cache: its implied nodes, its
        // types and, with one thread, its reference walks (none of them reads another template's
        // nodes, and nodes are still added in template order)
        List<Walked> walked = threads <= 1 ? new ArrayList<>(templates.size()) : null;
        for (Template t : templates) {
            addImplied(g, t, expanders.get(t));
            types.check(t);
            if (walked != null) {
                walked.add(walk(g, t));
            }
        }
        for (StateMachine m : machines) {
            types.check(m);
        }
        java.util.function.Function<Template, Resolver> others = new java.util.function.Function<>() {
            @Override
            public Resolver apply(Template other) {
                return resolvers.get(other);
            }
        };
        for (Template t : templates) {
            Resolver res = new Resolver(g, t, new Evaluator(t, stacks, g.illTypedTest()), stacks, others);
            res.index(g.nodesOf(t));
            resolvers.put(t, res);
        }
        if (walked == null) {
            // every node exists now: the read-only walks (references to link, FL-PARSE-003) run on
            // templates in parallel; the edges are then connected on this thread in the same order
            // as a sequential build (a node's references, then its typed edges), so the graph is the same
            walked = InOrder.map(templates, threads, "faultline-graph", new java.util.function.Function<>() {
                @Override
                public Walked apply(Template t) {
                    return walk(g, t);
                }
            });
        }
        List<Linker> linkers = new ArrayList<>(templates.size());
        for (int ti = 0; ti < templates.size(); ti++) {
            Template t = templates.get(ti);
            Linker linker = new Linker(g, resolvers.get(t));
            linkers.add(linker);
            List<GraphNode> nodes = g.nodesOf(t);
            List<List<Edge>> refs = walked.get(ti).references();
            for (int i = 0; i < nodes.size(); i++) {
                for (Edge e : refs.get(i)) {
                    g.connect(e);
                }
                linker.link(nodes.get(i));
            }
        }
        for (Template t : templates) {
            exports(g, t, resolvers.get(t));
        }
        for (SamExpander.Pending p : pending) {
            new Linker(g, resolvers.get(p.target().template())).linkPending(p);
        }
        TaskTargetLinker tasks = new TaskTargetLinker(g);
        for (StateMachine m : machines) {
            g.addStateMachine(m);
            if (m.template() == null || m.resource() == null) {
                continue;
            }
            Resolver res = resolvers.get(m.template());
            GraphNode sm = g.find(m.template(), m.resource().logicalId());
            if (res != null && sm != null && sm.kind() == NodeKind.STATE_MACHINE) {
                tasks.link(m, sm, res);
            }
        }
        for (Linker linker : linkers) {
            linker.linkUnseen(); // after every other invocation, task targets included
        }
        List<Finding> findings = new ArrayList<>(typeFindings);
        for (Walked w : walked) {
            findings.addAll(w.findings());
        }
        findings.sort(Finding.ORDER);
        for (Finding f : findings) {
            g.addFinding(f);
        }
        return g;
    }

    /** A function whose ARN or name a template exports may be invoked by other stacks, in any mode. */
    private static void exports(ResourceGraph g, Template t, Resolver res) {
        if (t.outputs() == null || res == null) {
            return;
        }
        for (MapNode.Entry e : t.outputs().entries()) {
            if (e.value() instanceof MapNode out && out.get("Export") != null) {
                for (GraphNode fn : res.nodes(out.get("Value"))) {
                    if (fn.kind() == NodeKind.FUNCTION) {
                        g.addOutsideInvoker(fn, "its ARN exported in Outputs/" + e.key());
                    }
                }
            }
        }
    }

    /** Adds the nodes a template's SAM resources imply (after every template's main nodes). */
    private static void addImplied(ResourceGraph g, Template t, SamExpander sam) {
        if (!SamExpander.hasSamResources(t)) {
            return;
        }
        for (Resource r : t.allResources()) {
            if (SamExpander.isSamType(r.type())) {
                GraphNode main = g.find(t, r.logicalId());
                if (main != null && main.resource() == r) {
                    sam.addImplied(r, main);
                }
            }
        }
    }

    /** The read-only walks of one template: FL-PARSE-003 and each node's references. */
    private static Walked walk(ResourceGraph g, Template t) {
        List<Finding> out = new ArrayList<>();
        new ReferenceChecker(g, t, out).check();
        List<GraphNode> nodes = g.nodesOf(t);
        List<List<Edge>> refs = new ArrayList<>(nodes.size());
        for (GraphNode n : nodes) {
            List<Edge> es = new ArrayList<>(0);
            if (!n.implied()) {
                linkReferences(g, t, n, n.properties(), es);
            }
            refs.add(es);
        }
        return new Walked(refs, out);
    }

    /** What the walk of one template found: per node (in nodesOf order) its references. */
    private record Walked(List<List<Edge>> references, List<Finding> findings) {}

    /** The graph id of a node named {@code name} in template {@code t}. */
    static String id(Template t, String name) {
        return t.displayPath() + "#" + name;
    }

    private static void linkReferences(ResourceGraph g, Template t, GraphNode from, Node node, List<Edge> out) {
        if (node == null || node instanceof ScalarNode) {
            return;
        }
        if (node instanceof MapNode m) {
            if (!m.containsIntrinsic()) {
                return;
            }
            List<MapNode.Entry> entries = m.entries();
            for (int i = 0, size = entries.size(); i < size; i++) {
                linkReferences(g, t, from, entries.get(i).value(), out);
            }
        } else if (node instanceof ListNode l) {
            if (!l.containsIntrinsic()) {
                return;
            }
            List<Node> items = l.items();
            for (int i = 0, size = items.size(); i < size; i++) {
                linkReferences(g, t, from, items.get(i), out);
            }
        } else if (node instanceof IntrinsicNode in) {
            Refs.Target att = Refs.getAtt(in);
            if (in.is("Ref")) {
                refTo(g, t, from, Refs.ref(in), in, out);
            } else if (att != null) {
                refTo(g, t, from, att.resource(), in, out);
            } else if (in.is("Fn::Sub")) {
                for (Refs.Variable v : Refs.variables(Refs.subText(in))) {
                    if (!v.pseudo()) {
                        refTo(g, t, from, v.target().resource(), in, out);
                    }
                }
            }
            linkReferences(g, t, from, in.argument(), out);
        }
    }

    private static void refTo(
            ResourceGraph g, Template t, GraphNode from, String target, IntrinsicNode in, List<Edge> out) {
        if (target == null) {
            return;
        }
        GraphNode to = g.find(t, target);
        if (to != null && to != from) {
            out.add(new Edge(EdgeKind.REFERENCES, from, to, in.span()));
        }
    }
}
