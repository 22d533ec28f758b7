package dev.faultline.rules.support;

import dev.faultline.core.eval.Value;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/** Reading nested property values with defaults; shared by the ESM and SQS rules. */
public final class Props {

    private Props() {}

    /**
     * The value at {@code Properties/keys...} of a node, following {@code Fn::If} branches; a
     * branch that is absent anywhere along the path is {@link Value.Absent}, one that is not a
     * literal mapping where a mapping is needed is {@link Value.Unknown}.
     */
    public static Value path(RuleContext ctx, GraphNode node, String... keys) {
        Value v = ctx.property(node, keys[0]);
        for (int i = 1; i < keys.length; i++) {
            v = step(ctx, node, v, keys[i]);
        }
        return v;
    }

    /** One step of {@link #path} from an already evaluated value. */
    public static Value step(RuleContext ctx, GraphNode owner, Value v, String key) {
        List<Value> out = new ArrayList<>();
        for (Value alt : v.alternatives()) {
            if (alt instanceof Value.Obj o) {
                out.addAll(ctx.eval(owner, o.node().get(key)).alternatives());
            } else if (alt instanceof Value.Absent) {
                out.add(alt);
            } else {
                out.add(new Value.Unknown("not a mapping"));
            }
        }
        return out.size() == 1 ? out.get(0) : new Value.Choice(out);
    }

    /** The literal node at {@code Properties/keys...} (for locating a finding), or null. */
    public static Node node(GraphNode node, String... keys) {
        Node cur = node.properties();
        for (String k : keys) {
            if (!(cur instanceof MapNode m)) {
                return null;
            }
            cur = m.get(k);
        }
        return cur;
    }

    /**
     * Where to point at a property: its value, or for a block mapping or list (whose span starts at
     * its first entry, on the next line) a node standing at the property's key. Null when absent.
     */
    public static Node at(GraphNode node, String key) {
        MapNode.Entry e = node.properties().entry(key);
        if (e == null) {
            return null;
        }
        if (e.value() instanceof MapNode || e.value() instanceof ListNode) {
            return new ScalarNode(e.keySpan(), key, ScalarNode.Kind.STRING);
        }
        return e.value();
    }

    /**
     * Every alternative as an integer with {@code def} for absent ones; empty when any alternative is
     * unknown or not a number.
     */
    public static Optional<List<Long>> longs(Value v, long def) {
        List<Long> out = new ArrayList<>();
        for (Value alt : v.alternatives()) {
            if (alt instanceof Value.Absent) {
                out.add(def);
                continue;
            }
            var l = alt.asLong();
            if (l.isEmpty()) {
                return Optional.empty();
            }
            out.add(l.getAsLong());
        }
        return Optional.of(out);
    }

    /** Every alternative as a boolean with {@code def} for absent ones; empty when any is unknown. */
    public static Optional<List<Boolean>> bools(Value v, boolean def) {
        List<Boolean> out = new ArrayList<>();
        for (Value alt : v.alternatives()) {
            if (alt instanceof Value.Absent) {
                out.add(def);
                continue;
            }
            var b = alt.asBool();
            if (b.isEmpty()) {
                return Optional.empty();
            }
            out.add(b.get());
        }
        return Optional.of(out);
    }

    /**
     * A pair of values (each with its {@code Fn::If} alternatives) that is certainly bad: when only
     * one side has alternatives, some branch is bad; when both have, we cannot tell which branches
     * go together, so every combination must be bad. Returns the first bad pair, or empty.
     */
    public static Optional<long[]> badPair(List<Long> a, List<Long> b, BiPredicate<Long, Long> bad) {
        boolean some = a.size() == 1 || b.size() == 1;
        long[] first = null;
        for (long x : a) {
            for (long y : b) {
                if (bad.test(x, y)) {
                    if (first == null) {
                        first = new long[] {x, y};
                    }
                } else if (!some) {
                    return Optional.empty();
                }
            }
        }
        return Optional.ofNullable(first);
    }

    /** Seconds for messages: {@code 30 s} or {@code 30 s (default)}. */
    public static String seconds(long value, boolean isDefault) {
        return value + " s" + (isDefault ? " (default)" : "");
    }

    /**
     * The literal text of a value: a string, or the literal parts of an {@code Fn::Join} or
     * {@code Fn::Sub} concatenated (a Join's references and delimiter dropped, a Sub's text as written),
     * for questions such as "which service does this ARN name"; never a value to compare whole.
     */
    public static String literalText(Node n) {
        StringBuilder sb = new StringBuilder();
        flat(n, sb, 0);
        return sb.toString();
    }

    private static void flat(Node n, StringBuilder sb, int depth) {
        if (depth > 6 || n == null) {
            return;
        }
        if (n.text() != null) {
            sb.append(n.text());
        } else if (n instanceof ListNode l) {
            for (int i = 0; i < l.size(); i++) {
                flat(l.get(i), sb, depth + 1);
            }
        } else if (n instanceof IntrinsicNode in && (in.is("Fn::Join") || in.is("Fn::Sub"))) {
            Node arg = in.argument();
            if (in.is("Fn::Join") && arg instanceof ListNode l && l.size() == 2) {
                flat(l.get(1), sb, depth + 1);
            } else if (arg instanceof ListNode l && l.size() >= 1) {
                flat(l.get(0), sb, depth + 1);
            } else {
                flat(arg, sb, depth + 1);
            }
        }
    }
}
