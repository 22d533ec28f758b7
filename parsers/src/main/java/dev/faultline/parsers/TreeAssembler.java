package dev.faultline.parsers;

import dev.faultline.core.rule.InputRules;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a located tree from a stream of start/end/value events with an explicit stack (no
 * recursion, so no input can overflow the Java stack). Shared by the YAML and the JSON front-ends:
 * it checks duplicate keys, turns long-form intrinsics into {@code IntrinsicNode}s and knows the
 * logical path of the current position for findings.
 */
final class TreeAssembler {

    /** One open collection. */
    static final class Frame {
        final boolean map;
        final Span start;
        final String tag;
        final String anchor;
        final boolean flow;
        final List<Node> items;
        final List<MapNode.Entry> entries;
        /** Where each key was first written; made only when the map grows past {@link MapNode#LINEAR_MAX}. */
        Map<String, Span> keys;

        String key;
        Span keySpan;
        boolean hasKey;
        long weight = 1;

        Frame(boolean map, Span start, String tag, String anchor, boolean flow) {
            this.map = map;
            this.start = start;
            this.tag = tag;
            this.anchor = anchor;
            this.flow = flow;
            this.items = map ? null : new ArrayList<>();
            this.entries = map ? new ArrayList<>() : null;
        }
    }

    private final FindingSink sink;
    private final ArrayList<Frame> stack = new ArrayList<>();
    private Node root;
    private long rootWeight;
    private boolean hasRoot;

    TreeAssembler(FindingSink sink) {
        this.sink = sink;
    }

    int depth() {
        return stack.size();
    }

    Frame top() {
        return stack.isEmpty() ? null : stack.get(stack.size() - 1);
    }

    boolean expectingKey() {
        Frame f = top();
        return f != null && f.map && !f.hasKey;
    }

    boolean hasRoot() {
        return hasRoot;
    }

    Node root() {
        return root;
    }

    long rootWeight() {
        return rootWeight;
    }

    void start(boolean map, Span start, String tag, String anchor, boolean flow) {
        stack.add(new Frame(map, start, tag, anchor, flow));
    }

    /** Closes the innermost collection; {@code end} is the span of its end event. */
    Frame end(Span end) {
        Frame f = stack.remove(stack.size() - 1);
        Span last = null;
        if (!f.flow) {
            if (f.map && !f.entries.isEmpty()) {
                MapNode.Entry e = f.entries.get(f.entries.size() - 1);
                last = later(e.keySpan(), e.value().span());
            } else if (!f.map && !f.items.isEmpty()) {
                last = f.items.get(f.items.size() - 1).span();
            }
        }
        Span span = last != null
                ? new Span(f.start.file(), f.start.line(), f.start.column(), last.endLine(), last.endColumn())
                : new Span(f.start.file(), f.start.line(), f.start.column(), end.endLine(), end.endColumn());
        Node node;
        if (f.map) {
            if (f.hasKey && f.key != null) {
                // a key without a value cannot come from a well-formed stream; keep the key with null
                f.entries.add(new MapNode.Entry(f.key, f.keySpan, ScalarNodes.nullAt(f.keySpan)));
            }
            MapNode m = new MapNode(span, f.entries);
            if (f.tag != null && isLocalTag(f.tag)) {
                // "!ImportValue" over a block "Fn::Sub: ..." (YAML allows one tag per node, so this
                // is how a short form takes an intrinsic argument): the argument is that intrinsic
                Node arg = m.size() == 1
                                && Intrinsics.isLongFormKey(m.entries().get(0).key())
                        ? Intrinsics.fromMap(m, sink, logicalPath())
                        : m;
                node = Intrinsics.fromTaggedCollection(f.tag, arg, sink, logicalPath());
            } else if (m.size() == 1
                    && Intrinsics.isLongFormKey(m.entries().get(0).key())) {
                // the logical path is only built for a possible intrinsic (it is costly per map)
                node = Intrinsics.fromMap(m, sink, logicalPath());
            } else {
                node = m;
            }
        } else {
            ListNode l = new ListNode(span, f.items);
            node = f.tag != null && isLocalTag(f.tag)
                    ? Intrinsics.fromTaggedCollection(f.tag, l, sink, logicalPath())
                    : l;
        }
        value(node, f.weight);
        lastNode = node;
        return f;
    }

    private Node lastNode;

    /** The node built by the last {@link #end} call. */
    Node lastNode() {
        return lastNode;
    }

    private static Span later(Span a, Span b) {
        if (a == null) {
            return b;
        }
        boolean bLater = b.endLine() > a.endLine() || (b.endLine() == a.endLine() && b.endColumn() > a.endColumn());
        return bLater ? b : a;
    }

    static boolean isLocalTag(String tag) {
        return tag.length() > 1 && tag.charAt(0) == '!' && tag.charAt(1) != '!';
    }

    /** A key of the innermost map (JSON property names, YAML scalar keys). */
    void key(String key, Span span) {
        Frame f = top();
        Span first = earlier(f, key, span);
        f.key = key;
        f.keySpan = span;
        f.hasKey = true;
        if (first != null) {
            sink.add(
                    InputRules.PARSE_DUPLICATE_KEY,
                    "Duplicate key '" + key + "' (first defined at line " + first.line() + ", column " + first.column()
                            + ")",
                    span,
                    logicalPath());
        }
    }

    /**
     * Where {@code key} was first written in the map of {@code f}, or {@code null} when it is new there.
     * Small maps (most of a template) are searched in order; a hash index is made only when a map
     * grows past {@link MapNode#LINEAR_MAX} entries.
     */
    private static Span earlier(Frame f, String key, Span span) {
        if (f.keys != null) {
            return f.keys.putIfAbsent(key, span);
        }
        List<MapNode.Entry> entries = f.entries;
        int n = entries.size();
        if (n < MapNode.LINEAR_MAX) {
            for (int i = 0; i < n; i++) {
                MapNode.Entry e = entries.get(i);
                if (key.equals(e.key())) {
                    return e.keySpan();
                }
            }
            return null;
        }
        f.keys = new HashMap<>(2 * n + 2);
        for (int i = 0; i < n; i++) {
            MapNode.Entry e = entries.get(i);
            f.keys.putIfAbsent(e.key(), e.keySpan());
        }
        return f.keys.putIfAbsent(key, span);
    }

    /** A complete value at the current position; {@code weight} counts nodes including alias expansion. */
    void value(Node node, long weight) {
        Frame f = top();
        if (f == null) {
            root = node;
            rootWeight = weight;
            hasRoot = true;
            return;
        }
        f.weight = saturatedAdd(f.weight, weight);
        if (f.map && !f.hasKey) {
            // a collection where a key was expected (YAML "? [a, b]" or "{a: 1}: x"): CloudFormation
            // keys are strings. The pair is left out of the tree (reported here, so nothing is skipped
            // silently); its value is still read as its value, so the pairs after it keep their keys
            sink.add(
                    InputRules.PARSE_SYNTAX,
                    "A mapping key is a collection; CloudFormation mapping keys are strings, so this key"
                            + " and its value are left out",
                    node.span(),
                    logicalPath());
            f.key = null;
            f.keySpan = node.span();
            f.hasKey = true;
            return;
        }
        if (f.map) {
            if (f.key != null) { // null: the value of a collection key, left out
                f.entries.add(new MapNode.Entry(f.key, f.keySpan, node));
            }
            f.hasKey = false;
            f.key = null;
            f.keySpan = null;
        } else {
            f.items.add(node);
        }
    }

    static long saturatedAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    /** {@code Resources/Queue/Properties/Tags/0}: where the stream is now. */
    String logicalPath() {
        StringBuilder sb = new StringBuilder();
        for (Frame f : stack) {
            String part;
            if (f.map) {
                if (!f.hasKey) {
                    break;
                }
                part = f.key == null ? "?" : f.key;
            } else {
                part = Integer.toString(f.items.size());
            }
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(part);
        }
        return sb.toString();
    }
}
