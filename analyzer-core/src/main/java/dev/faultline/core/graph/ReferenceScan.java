package dev.faultline.core.graph;

import dev.faultline.core.eval.Refs;
import dev.faultline.core.model.Resource;
import dev.faultline.core.model.Template;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the reference walks of one template find before any graph exists: the FL-PARSE-003
 * candidates ({@link ReferenceChecker}) and, per resource that is not SAM's, the names its
 * properties reference. The graph builder finishes both: a candidate is reported unless the graph
 * has a node of that name (SAM implies some under names the template chose, such as an event's
 * {@code QueueLogicalId}), and a reference becomes an edge when its name is a node.
 *
 * <p>The loader makes a scan right after parsing a file, while its tree is still in the
 * processor's cache: the same walks over the trees of a whole repository, once they are all
 * parsed, cost about three times as much (most of it waiting for memory). The graph builder scans
 * the templates that come without one (trees a loader built, tests) itself; the result is the same.
 *
 * <p><b>Internal</b>: not part of the rule API (see {@code docs/rule-api.md}).
 */
public final class ReferenceScan {

    /** A name referenced by a {@code Ref}, {@code Fn::GetAtt} or {@code Fn::Sub} variable. */
    record Reference(String target, IntrinsicNode at) {}

    /**
     * An FL-PARSE-003 finding, reported unless the graph has a node named {@code name} in the template.
     */
    record Unresolved(String name, Finding finding) {}

    private final Template template;
    private final List<Unresolved> unresolved;
    private final Map<Resource, List<Reference>> references;

    private ReferenceScan(Template template, List<Unresolved> unresolved, Map<Resource, List<Reference>> references) {
        this.template = template;
        this.unresolved = unresolved;
        this.references = references;
    }

    /**
     * Scans one template.
     *
     * @param t the template
     * @return its scan
     */
    public static ReferenceScan of(Template t) {
        List<Unresolved> unresolved = new ArrayList<>(0);
        new ReferenceChecker(t, unresolved).check();
        Map<Resource, List<Reference>> refs = new IdentityHashMap<>();
        for (Resource r : t.allResources()) {
            if (!SamExpander.isSamType(r.type())) {
                List<Reference> out = new ArrayList<>(0);
                collect(r.properties(), out);
                refs.put(r, out);
            }
        }
        return new ReferenceScan(t, unresolved, refs);
    }

    /** @return the template scanned */
    public Template template() {
        return template;
    }

    /** The FL-PARSE-003 findings, given the nodes of the graph. */
    List<Finding> findings(ResourceGraph g) {
        List<Finding> out = new ArrayList<>(unresolved.size());
        for (Unresolved u : unresolved) {
            if (u.name() == null || g.find(template, u.name()) == null) {
                out.add(u.finding());
            }
        }
        return out;
    }

    /**
     * The references in the properties of {@code r} as the template declares them, in walk order,
     * or {@code null} when they were not scanned (SAM resources, whose node has other properties).
     */
    List<Reference> references(Resource r) {
        return references.get(r);
    }

    /**
     * Adds the names that {@code node} references, depth first in document order: a {@code Ref}'s
     * name, an {@code Fn::GetAtt}'s resource, each {@code Fn::Sub} variable that is not a pseudo
     * parameter, and those in every intrinsic's argument.
     */
    static void collect(Node node, List<Reference> out) {
        if (node == null || node instanceof ScalarNode) {
            return;
        }
        if (node instanceof MapNode m) {
            if (!m.containsIntrinsic()) {
                return;
            }
            List<MapNode.Entry> entries = m.entries();
            for (int i = 0, size = entries.size(); i < size; i++) {
                collect(entries.get(i).value(), out);
            }
        } else if (node instanceof ListNode l) {
            List<Node> items = l.items();
            for (int i = 0, size = items.size(); i < size; i++) {
                collect(items.get(i), out);
            }
        } else if (node instanceof IntrinsicNode in) {
            Refs.Target att = Refs.getAtt(in);
            if (in.is("Ref")) {
                add(Refs.ref(in), in, out);
            } else if (att != null) {
                add(att.resource(), in, out);
            } else if (in.is("Fn::Sub")) {
                for (Refs.Variable v : Refs.variables(Refs.subText(in))) {
                    if (!v.pseudo()) {
                        add(v.target().resource(), in, out);
                    }
                }
            }
            collect(in.argument(), out);
        }
    }

    private static void add(String target, IntrinsicNode in, List<Reference> out) {
        if (target != null) {
            out.add(new Reference(target, in));
        }
    }
}
