package dev.faultline.core.graph;

import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import dev.faultline.core.tree.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Small helpers to build the CloudFormation-shaped property maps of SAM nodes: values stay the
 * user's located nodes, only keys are renamed; values SAM would generate get the span of the SAM
 * declaration that implies them.
 */
final class Trees {

    private Trees() {}

    static ScalarNode str(Span span, String text) {
        return new ScalarNode(span, text, ScalarNode.Kind.STRING);
    }

    static IntrinsicNode ref(Span span, String name) {
        return new IntrinsicNode(span, "Ref", str(span, name));
    }

    static IntrinsicNode arn(Span span, String name) {
        return new IntrinsicNode(span, "Fn::GetAtt", new ListNode(span, List.of(str(span, name), str(span, "Arn"))));
    }

    static MapNode.Entry entry(String key, Span keySpan, Node value) {
        return new MapNode.Entry(key, keySpan, value);
    }

    static MapNode map(Span span, List<MapNode.Entry> entries) {
        return new MapNode(span, entries);
    }

    static MapNode map(Span span, String key, Node value) {
        return new MapNode(span, List.of(new MapNode.Entry(key, span, value)));
    }

    static ListNode list(Span span, Node... items) {
        return new ListNode(span, List.of(items));
    }

    /**
     * SAM's Globals merge: maps are merged key by key (the resource wins on a conflict, recursively),
     * lists are concatenated (Globals first), anything else is taken from the resource.
     */
    static Node merge(Node global, Node local) {
        if (global == null) {
            return local;
        }
        if (local == null) {
            return global;
        }
        if (global instanceof MapNode g && local instanceof MapNode l) {
            return mergeMaps(g, l);
        }
        if (global instanceof ListNode g && local instanceof ListNode l) {
            List<Node> items = new ArrayList<>(g.size() + l.size());
            items.addAll(g.items());
            items.addAll(l.items());
            return new ListNode(l.span(), items);
        }
        return local;
    }

    static MapNode mergeMaps(MapNode global, MapNode local) {
        if (global == null || global.isEmpty()) {
            return local;
        }
        List<MapNode.Entry> out = new ArrayList<>(global.size() + local.size());
        for (MapNode.Entry e : local.entries()) {
            MapNode.Entry g = global.entry(e.key());
            out.add(g == null ? e : new MapNode.Entry(e.key(), e.keySpan(), merge(g.value(), e.value())));
        }
        for (MapNode.Entry g : global.entries()) {
            if (!local.has(g.key())) {
                out.add(g);
            }
        }
        return new MapNode(local.span(), out);
    }

    /** Entries of {@code m} with keys renamed by pairs {@code from, to, from, to...}; others kept. */
    static List<MapNode.Entry> renamed(MapNode m, String... pairs) {
        List<MapNode.Entry> out = new ArrayList<>(m.size() + 2);
        for (MapNode.Entry e : m.entries()) {
            String key = e.key();
            for (int i = 0; i + 1 < pairs.length; i += 2) {
                if (pairs[i].equals(key)) {
                    key = pairs[i + 1];
                    break;
                }
            }
            out.add(new MapNode.Entry(key, e.keySpan(), e.value()));
        }
        return out;
    }

    /** The entries of {@code m} except the given keys. */
    static List<MapNode.Entry> without(MapNode m, String... keys) {
        List<MapNode.Entry> out = new ArrayList<>(m.size());
        outer:
        for (MapNode.Entry e : m.entries()) {
            for (String k : keys) {
                if (k.equals(e.key())) {
                    continue outer;
                }
            }
            out.add(e);
        }
        return out;
    }

    /** Copies one entry of {@code from} into {@code out} under {@code newKey}, if present. */
    static void copy(MapNode from, String key, String newKey, List<MapNode.Entry> out) {
        MapNode.Entry e = from.entry(key);
        if (e != null) {
            out.add(new MapNode.Entry(newKey, e.keySpan(), e.value()));
        }
    }

    /** Replaces or appends {@code key} in {@code entries}. */
    static void put(List<MapNode.Entry> entries, MapNode.Entry e) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).key().equals(e.key())) {
                entries.set(i, e);
                return;
            }
        }
        entries.add(e);
    }

    static MapNode asMap(Node n, Span fallback) {
        return n instanceof MapNode m ? m : MapNode.empty(n == null ? fallback : n.span());
    }
}
