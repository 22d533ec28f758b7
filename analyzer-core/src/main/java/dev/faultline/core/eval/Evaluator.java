package dev.faultline.core.eval;

import dev.faultline.core.model.Parameter;
import dev.faultline.core.model.Template;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A small partial evaluator over one template: parameter defaults, {@code Fn::If} (both branches
 * kept), {@code Fn::Sub} with known variables, {@code Fn::Join}, {@code Fn::Select},
 * {@code Fn::FindInMap} on literal mappings. Across templates ({@link CrossStack}): a parameter a
 * parent stack passes, a nested stack's {@code Outputs.X} and an {@code Fn::ImportValue} of an export
 * of the run evaluate to the value written in the other template, when that value does not name a
 * resource there (resource relations cross files through the graph, not through values). Pseudo
 * parameters, other imports and anything else that is only known at deploy time evaluate to
 * {@link Value.Unknown}.
 */
public final class Evaluator {

    private static final int MAX_DEPTH = 64;
    private final Template template;
    private final CrossStack stacks;
    private final Predicate<Node> illTyped;

    /**
     * Internal: rules get evaluators from {@link dev.faultline.core.rule.RuleContext#evaluator}.
     *
     * @param template the template whose parameters, conditions and mappings are used
     */
    public Evaluator(Template template) {
        this(template, CrossStack.NONE);
    }

    /**
     * Internal: an evaluator that also follows nested-stack parameters and outputs and exports.
     *
     * @param template the template whose parameters, conditions and mappings are used
     * @param stacks   what the other templates of the run pass in and export
     */
    public Evaluator(Template template, CrossStack stacks) {
        this(template, stacks, NOTHING_ILL_TYPED);
    }

    private static final Predicate<Node> NOTHING_ILL_TYPED = new Predicate<>() {
        @Override
        public boolean test(Node n) {
            return false;
        }
    };

    /**
     * Internal: an evaluator over a graph, for which the literals that can never be valid for their
     * property (reported as FL-PARSE-007 when the graph is built) are {@link Value.Unknown}, so that
     * the rules that need them stay silent.
     *
     * @param template the template whose parameters, conditions and mappings are used
     * @param stacks   what the other templates of the run pass in and export
     * @param illTyped whether a located value was found ill-typed
     */
    public Evaluator(Template template, CrossStack stacks, Predicate<Node> illTyped) {
        this.template = template;
        this.stacks = stacks == null ? CrossStack.NONE : stacks;
        this.illTyped = illTyped;
    }

    /**
     * @param node a located value
     * @return whether it is a literal that can never be valid where it is written (FL-PARSE-007)
     */
    public boolean isIllTyped(Node node) {
        return node != null && illTyped.test(node);
    }

    /**
     * @return the template this evaluator belongs to
     */
    public Template template() {
        return template;
    }

    /** Evaluates a node; {@code null} (an absent property) evaluates to {@link Value.Absent}. */
    public Value eval(Node node) {
        return eval(node, 0);
    }

    private Value eval(Node node, int depth) {
        if (node == null) {
            return new Value.Absent();
        }
        if (depth > MAX_DEPTH) {
            return new Value.Unknown("nested too deeply");
        }
        if (illTyped.test(node)) {
            return new Value.Unknown("ill-typed value (FL-PARSE-007)");
        }
        if (node instanceof ScalarNode s) {
            return scalar(s);
        }
        if (node instanceof ListNode l) {
            List<Value> items = new ArrayList<>(l.size());
            for (Node n : l.items()) {
                items.add(eval(n, depth + 1));
            }
            return new Value.Seq(items);
        }
        if (node instanceof MapNode m) {
            return new Value.Obj(m);
        }
        return intrinsic((IntrinsicNode) node, depth);
    }

    private static Value scalar(ScalarNode s) {
        switch (s.kind()) {
            case INT, FLOAT:
                try {
                    return new Value.Num(new BigDecimal(s.raw().replace("_", "")));
                } catch (NumberFormatException e) {
                    return new Value.Str(s.raw());
                }
            case BOOL:
                String t = s.raw().toLowerCase(java.util.Locale.ROOT);
                return new Value.Bool(t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y"));
            case NULL:
                return new Value.Absent();
            default:
                return new Value.Str(s.raw());
        }
    }

    private Value intrinsic(IntrinsicNode in, int depth) {
        Node arg = in.argument();
        switch (in.function()) {
            case "Ref":
                return ref(arg == null ? null : arg.text(), depth);
            case "Fn::GetAtt":
                return getAtt(Refs.getAtt(in), depth);
            case "Fn::ImportValue":
                return imported(arg, depth);
            case "Fn::If":
                if (arg instanceof ListNode l && l.size() == 3) {
                    return new Value.Choice(List.of(eval(l.get(1), depth + 1), eval(l.get(2), depth + 1)));
                }
                return new Value.Unknown("malformed Fn::If");
            case "Fn::Sub":
                return sub(arg, depth);
            case "Fn::Join":
                return join(arg, depth);
            case "Fn::Select":
                return select(arg, depth);
            case "Fn::FindInMap":
                return findInMap(arg, depth);
            default:
                return new Value.Unknown(in.function());
        }
    }

    private Value ref(String name, int depth) {
        if (name == null) {
            return new Value.Unknown("malformed Ref");
        }
        if (name.equals("AWS::NoValue")) {
            return new Value.Absent();
        }
        if (name.startsWith("AWS::")) {
            return new Value.Unknown(name);
        }
        Parameter p = template.parameters().get(name);
        if (p != null) {
            List<CrossStack.Written> passed = stacks.parameter(template, name);
            if (!passed.isEmpty()) {
                return elsewhere(passed, depth);
            }
            if (p.defaultValue() == null) {
                return new Value.Unknown("parameter " + name + " has no default");
            }
            Value v = eval(p.defaultValue(), depth + 1);
            if (p.type() != null && p.type().startsWith("List<") || "CommaDelimitedList".equals(p.type())) {
                return v.asString()
                        .<Value>map(s -> {
                            List<Value> items = new ArrayList<>();
                            for (String part : s.split(",", -1)) {
                                items.add(new Value.Str(part.trim()));
                            }
                            return new Value.Seq(items);
                        })
                        .orElse(v);
            }
            return v;
        }
        if (template.resources().containsKey(name)) {
            return new Value.ResourceRef(name);
        }
        return new Value.Unknown("unresolved reference " + name);
    }

    private Value getAtt(Refs.Target att, int depth) {
        if (att == null || att.attribute() == null || !template.resources().containsKey(att.resource())) {
            return new Value.Unknown("unresolved Fn::GetAtt");
        }
        if (att.stackOutput() != null) {
            List<CrossStack.Written> out = stacks.output(template, att.resource(), att.stackOutput());
            return out.isEmpty() ? new Value.Unknown("output of a nested stack") : elsewhere(out, depth);
        }
        return new Value.Attr(att.resource(), att.attribute());
    }

    private Value imported(Node name, int depth) {
        var n = eval(name, depth + 1).asString();
        if (n.isEmpty()) {
            return new Value.Unknown("Fn::ImportValue of an unknown name");
        }
        List<CrossStack.Written> exported = stacks.imported(n.get());
        return exported.isEmpty() ? new Value.Unknown("import of " + n.get()) : elsewhere(exported, depth);
    }

    /**
     * Values written in other templates, evaluated there; one naming a resource of its own template
     * is unknown here (the graph links it).
     */
    private Value elsewhere(List<CrossStack.Written> written, int depth) {
        List<Value> options = new ArrayList<>(written.size());
        for (CrossStack.Written w : written) {
            Value v = new Evaluator(w.template(), stacks, illTyped).eval(w.value(), depth + 1);
            for (Value alt : v.alternatives()) {
                if (alt instanceof Value.ResourceRef || alt instanceof Value.Attr) {
                    v = new Value.Unknown("a resource of " + w.template().displayPath());
                }
            }
            options.add(v);
        }
        return options.size() == 1 ? options.get(0) : new Value.Choice(options);
    }

    private Value sub(Node arg, int depth) {
        String text;
        MapNode vars = null;
        if (arg instanceof ListNode l && l.size() >= 1) {
            text = l.get(0).text();
            if (l.size() > 1) {
                vars = l.get(1).asMap();
            }
        } else {
            text = arg == null ? null : arg.text();
        }
        if (text == null) {
            return new Value.Unknown("malformed Fn::Sub");
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                sb.append(text, i, text.length());
                break;
            }
            sb.append(text, i, start);
            if (start + 2 < text.length() && text.charAt(start + 2) == '!') {
                // "${!Literal}" renders as "${Literal}"
                int end = text.indexOf('}', start);
                if (end < 0) {
                    return new Value.Unknown("malformed Fn::Sub");
                }
                sb.append("${").append(text, start + 3, end + 1);
                i = end + 1;
                continue;
            }
            int end = text.indexOf('}', start);
            if (end < 0) {
                return new Value.Unknown("malformed Fn::Sub");
            }
            String name = text.substring(start + 2, end).trim();
            Value v;
            if (vars != null && vars.has(name)) {
                v = eval(vars.get(name), depth + 1);
            } else if (name.contains(".")) {
                int dot = name.indexOf('.');
                v = getAtt(new Refs.Target(name.substring(0, dot), name.substring(dot + 1)), depth + 1);
            } else {
                v = ref(name, depth + 1);
            }
            var s = v.asString();
            if (s.isEmpty()) {
                return new Value.Unknown("Fn::Sub variable " + name);
            }
            sb.append(s.get());
            i = end + 1;
        }
        return new Value.Str(sb.toString());
    }

    private Value join(Node arg, int depth) {
        if (!(arg instanceof ListNode l) || l.size() != 2) {
            return new Value.Unknown("malformed Fn::Join");
        }
        String sep = l.get(0).text();
        Value items = eval(l.get(1), depth + 1);
        if (sep == null || !(items instanceof Value.Seq seq)) {
            return new Value.Unknown("Fn::Join");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < seq.items().size(); i++) {
            var s = seq.items().get(i).asString();
            if (s.isEmpty()) {
                return new Value.Unknown("Fn::Join part");
            }
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(s.get());
        }
        return new Value.Str(sb.toString());
    }

    private Value select(Node arg, int depth) {
        if (!(arg instanceof ListNode l) || l.size() != 2) {
            return new Value.Unknown("malformed Fn::Select");
        }
        var idx = eval(l.get(0), depth + 1).asLong();
        Value list = eval(l.get(1), depth + 1);
        if (idx.isPresent()
                && list instanceof Value.Seq seq
                && idx.getAsLong() >= 0
                && idx.getAsLong() < seq.items().size()) {
            return seq.items().get((int) idx.getAsLong());
        }
        return new Value.Unknown("Fn::Select");
    }

    private Value findInMap(Node arg, int depth) {
        if (!(arg instanceof ListNode l) || l.size() < 3) {
            return new Value.Unknown("malformed Fn::FindInMap");
        }
        var map = eval(l.get(0), depth + 1).asString();
        var k1 = eval(l.get(1), depth + 1).asString();
        var k2 = eval(l.get(2), depth + 1).asString();
        if (map.isEmpty() || k1.isEmpty() || k2.isEmpty()) {
            return new Value.Unknown("Fn::FindInMap key");
        }
        MapNode m = template.mappings().getMap(map.get());
        MapNode top = m == null ? null : m.getMap(k1.get());
        Node v = top == null ? null : top.get(k2.get());
        return v == null ? new Value.Unknown("Fn::FindInMap entry") : eval(v, depth + 1);
    }
}
