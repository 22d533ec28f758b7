package dev.faultline.core.graph;

import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.model.Template;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All nodes and edges of one analysis, with the state machines found. Built once, then read-only.
 */
public final class ResourceGraph {

    private final Map<String, GraphNode> nodes = new LinkedHashMap<>();
    private final Map<NodeKind, List<GraphNode>> byKind = new EnumMap<>(NodeKind.class);
    private final List<Edge> edges = new ArrayList<>();
    private final Map<GraphNode, List<Edge>> out = new HashMap<>();
    private final Map<GraphNode, List<Edge>> in = new HashMap<>();
    private final Map<Template, Map<String, GraphNode>> byTemplate = new HashMap<>();
    private final List<StateMachine> stateMachines = new ArrayList<>();

    /** Adds a node; its id must be new. */
    public GraphNode add(GraphNode n) {
        if (nodes.putIfAbsent(n.id(), n) != null) {
            throw new IllegalStateException("duplicate graph node " + n.id());
        }
        byKind.computeIfAbsent(n.kind(), k -> new ArrayList<>()).add(n);
        if (n.template() != null) {
            byTemplate.computeIfAbsent(n.template(), t -> new HashMap<>()).putIfAbsent(n.name(), n);
        }
        return n;
    }

    /** Adds an edge between two nodes of this graph. Identical edges are kept once. */
    public void connect(Edge e) {
        List<Edge> o = out.computeIfAbsent(e.from(), k -> new ArrayList<>());
        for (Edge x : o) {
            if (x.kind() == e.kind() && x.to() == e.to() && x.mode() == e.mode()
                    && java.util.Objects.equals(x.qualifier(), e.qualifier())) {
                return;
            }
        }
        o.add(e);
        in.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
        edges.add(e);
    }

    public void addStateMachine(StateMachine m) {
        stateMachines.add(m);
    }

    public List<StateMachine> stateMachines() {
        return Collections.unmodifiableList(stateMachines);
    }

    public List<GraphNode> nodes() {
        return List.copyOf(nodes.values());
    }

    public List<GraphNode> nodes(NodeKind kind) {
        return Collections.unmodifiableList(byKind.getOrDefault(kind, List.of()));
    }

    public GraphNode node(String id) {
        return nodes.get(id);
    }

    /** The node named {@code name} (logical id, or implied name) in a template, or null. */
    public GraphNode find(Template t, String name) {
        Map<String, GraphNode> m = byTemplate.get(t);
        return m == null ? null : m.get(name);
    }

    public List<Edge> edges() {
        return Collections.unmodifiableList(edges);
    }

    public List<Edge> outgoing(GraphNode n) {
        return Collections.unmodifiableList(out.getOrDefault(n, List.of()));
    }

    public List<Edge> incoming(GraphNode n) {
        return Collections.unmodifiableList(in.getOrDefault(n, List.of()));
    }

    public List<Edge> outgoing(GraphNode n, EdgeKind kind) {
        return out.getOrDefault(n, List.of()).stream().filter(e -> e.kind() == kind).toList();
    }

    public List<Edge> incoming(GraphNode n, EdgeKind kind) {
        return in.getOrDefault(n, List.of()).stream().filter(e -> e.kind() == kind).toList();
    }
}
