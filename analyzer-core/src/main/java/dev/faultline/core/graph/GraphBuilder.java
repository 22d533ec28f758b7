package dev.faultline.core.graph;

import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.eval.Evaluator;
import dev.faultline.core.eval.Value;
import dev.faultline.core.model.Resource;
import dev.faultline.core.model.Template;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import java.util.List;

/**
 * Links templates into a {@link ResourceGraph}: one node per resource, {@code references} edges
 * for {@code Ref}/{@code Fn::GetAtt}, and the event source mapping edges ({@code consumes} from the
 * queue or stream, {@code invokes} in poll mode to the function).
 */
public final class GraphBuilder {

    /** Builds the graph of all templates and state machines of one analysis. */
    public ResourceGraph build(List<Template> templates, List<StateMachine> machines) {
        ResourceGraph g = new ResourceGraph();
        for (Template t : templates) {
            for (Resource r : t.allResources()) {
                g.add(new GraphNode(t.displayPath() + "#" + r.logicalId(), r.logicalId(), r.type(),
                        ResourceTypes.kindOf(r.type()), t, r, r.properties(), r.span(), r.logicalPath(), false));
            }
        }
        for (Template t : templates) {
            Evaluator ev = new Evaluator(t);
            for (Resource r : t.allResources()) {
                GraphNode from = g.find(t, r.logicalId());
                linkReferences(g, t, from, r.properties());
                if (from.kind() == NodeKind.EVENT_SOURCE_MAPPING) {
                    linkMapping(g, t, ev, from);
                }
            }
        }
        for (StateMachine m : machines) {
            g.addStateMachine(m);
        }
        return g;
    }

    private static void linkReferences(ResourceGraph g, Template t, GraphNode from, Node node) {
        if (node == null) {
            return;
        }
        if (node instanceof MapNode m) {
            for (MapNode.Entry e : m.entries()) {
                linkReferences(g, t, from, e.value());
            }
        } else if (node instanceof ListNode l) {
            for (Node n : l.items()) {
                linkReferences(g, t, from, n);
            }
        } else if (node instanceof IntrinsicNode in) {
            String target = null;
            if (in.is("Ref")) {
                target = in.argument() == null ? null : in.argument().text();
            } else if (in.is("Fn::GetAtt") && in.argument() instanceof ListNode l && l.size() > 0) {
                target = l.get(0).text();
            }
            if (target != null) {
                GraphNode to = g.find(t, target);
                if (to != null && to != from) {
                    g.connect(new Edge(EdgeKind.REFERENCES, from, to, in.span()));
                }
            }
            linkReferences(g, t, from, in.argument());
        }
    }

    private static void linkMapping(ResourceGraph g, Template t, Evaluator ev, GraphNode esm) {
        Node source = esm.property("EventSourceArn");
        for (Value v : ev.eval(source).alternatives()) {
            v.referencedResource().map(id -> g.find(t, id)).ifPresent(src ->
                    g.connect(new Edge(EdgeKind.CONSUMES, src, esm, source.span())));
        }
        Node fn = esm.property("FunctionName");
        for (Value v : ev.eval(fn).alternatives()) {
            v.referencedResource().map(id -> g.find(t, id)).ifPresent(target ->
                    g.connect(new Edge(EdgeKind.INVOKES, esm, target, InvocationMode.POLL, fn.span(), null)));
        }
    }
}
