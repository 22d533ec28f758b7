package dev.faultline.core.graph;

import dev.faultline.core.eval.Arn;
import dev.faultline.core.eval.CrossStack;
import dev.faultline.core.eval.Evaluator;
import dev.faultline.core.eval.Refs;
import dev.faultline.core.eval.SubTexts;
import dev.faultline.core.model.Parameter;
import dev.faultline.core.model.Template;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves a value that names a resource ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}
 * variables, {@code Fn::If} branches, {@code Fn::Join} parts, parameters with defaults, literal
 * ARNs, URLs and names) to the graph nodes it can point at. Aliases and versions resolve to their
 * function, with the qualifier. Across templates ({@link CrossStack}): a parameter a parent stack
 * passes resolves to what the parent passed, {@code !GetAtt Stack.Outputs.X} to what the nested
 * template's output names, and {@code Fn::ImportValue} of an export of the run to what the export
 * names, each resolved in its own template.
 */
final class Resolver {

    /** A resolved target and the Lambda qualifier named on the way, or null. */
    record Target(GraphNode node, String qualifier) {}

    private static final int MAX_DEPTH = 16;

    private final ResourceGraph g;
    private final Template t;
    private final Evaluator ev;
    private final Map<String, List<GraphNode>> byLiteralName = new HashMap<>();
    private final CrossStack stacks;
    private final Function<Template, Resolver> others;

    Resolver(ResourceGraph g, Template t, Evaluator ev) {
        this(g, t, ev, CrossStack.NONE, x -> null);
    }

    /**
     * @param stacks what other templates pass in and export
     * @param others the resolver of another template of the run (null when it has none)
     */
    Resolver(ResourceGraph g, Template t, Evaluator ev, CrossStack stacks, Function<Template, Resolver> others) {
        this.g = g;
        this.t = t;
        this.ev = ev;
        this.stacks = stacks;
        this.others = others;
    }

    Evaluator evaluator() {
        return ev;
    }

    Template template() {
        return t;
    }

    /** Indexes nodes by the literal names they declare; call once all nodes of the template exist. */
    void index(List<GraphNode> nodes) {
        for (GraphNode n : nodes) {
            String prop = switch (n.kind()) {
                case FUNCTION -> "FunctionName";
                case QUEUE -> "QueueName";
                case TOPIC -> "TopicName";
                case STATE_MACHINE -> "StateMachineName";
                case EVENT_BUS -> "Name";
                case BUCKET -> "BucketName";
                case TABLE -> "TableName";
                case STREAM -> "Name";
                default -> null;
            };
            if (prop == null) {
                continue;
            }
            for (String name : ev.eval(n.property(prop)).knownStrings()) {
                if (!name.isEmpty()) {
                    byLiteralName.computeIfAbsent(name, k -> new ArrayList<>(1)).add(n);
                }
            }
        }
    }

    List<Target> resolve(Node n) {
        List<Target> out = new ArrayList<>(1);
        resolve(n, out, 0);
        return out;
    }

    /** The nodes among {@link #resolve} results, without qualifiers. */
    List<GraphNode> nodes(Node n) {
        List<GraphNode> out = new ArrayList<>(1);
        for (Target x : resolve(n)) {
            if (!out.contains(x.node())) {
                out.add(x.node());
            }
        }
        return out;
    }

    private void resolve(Node n, List<Target> out, int depth) {
        if (n == null || depth > MAX_DEPTH) {
            return;
        }
        if (n instanceof ScalarNode s) {
            literal(s.value(), out, depth);
            return;
        }
        if (!(n instanceof IntrinsicNode in)) {
            return;
        }
        Node arg = in.argument();
        switch (in.function()) {
            case "Ref" -> {
                String name = Refs.ref(in);
                if (name != null) {
                    byName(name, null, out, depth);
                }
            }
            case "Fn::GetAtt" -> {
                Refs.Target att = Refs.getAtt(in);
                if (att != null && !stackOutput(att, out, depth)) {
                    byName(att.resource(), null, out, depth);
                }
            }
            case "Fn::ImportValue" -> {
                for (String name : ev.eval(arg).knownStrings()) {
                    elsewhere(stacks.imported(name), out, depth);
                }
            }
            case "Fn::If" -> {
                if (arg instanceof ListNode l && l.size() == 3) {
                    resolve(l.get(1), out, depth + 1);
                    resolve(l.get(2), out, depth + 1);
                }
            }
            case "Fn::Sub" -> sub(in, out, depth);
            case "Fn::Join" -> join(in, out, depth);
            case "Fn::Select" -> {
                if (arg instanceof ListNode l && l.size() == 2 && l.get(1) instanceof ListNode items) {
                    var idx = ev.eval(l.get(0)).asLong();
                    if (idx.isPresent() && idx.getAsLong() >= 0 && idx.getAsLong() < items.size()) {
                        resolve(items.get((int) idx.getAsLong()), out, depth + 1);
                    }
                }
            }
            default -> {
                for (String s : ev.eval(in).knownStrings()) {
                    literal(s, out, depth);
                }
            }
        }
    }

    private void join(IntrinsicNode in, List<Target> out, int depth) {
        int before = out.size();
        for (String s : ev.eval(in).knownStrings()) {
            literal(s, out, depth);
        }
        if (out.size() > before) {
            return;
        }
        String shape = joinShape(in);
        if (shape != null) {
            literal(shape, out, depth);
            if (out.size() > before) {
                return;
            }
        }
        if (in.argument() instanceof ListNode l && l.size() == 2 && l.get(1) instanceof ListNode parts) {
            for (int i = 0; i < parts.size(); i++) {
                Node p = parts.get(i);
                if (!(p instanceof IntrinsicNode)) {
                    continue;
                }
                List<Target> found = new ArrayList<>(1);
                resolve(p, found, depth + 1);
                String q = null;
                if (i + 1 < parts.size()) {
                    q = qualifierAfter(parts.get(i + 1).text(), 0);
                }
                for (Target x : found) {
                    out.add(q != null && x.node().kind() == NodeKind.FUNCTION ? new Target(x.node(), q) : x);
                }
            }
        }
    }

    /**
     * The literal shape of an {@code Fn::Join} whose only unknown parts are pseudo parameters
     * ({@code arn:${AWS::Partition}:sqs:...:orders} as {@code arn:*:sqs:*:*:orders}), like an
     * {@code Fn::Sub} of pseudo parameters; null otherwise.
     */
    private String joinShape(IntrinsicNode in) {
        Refs.Join join = Refs.join(in);
        if (join == null) {
            return null;
        }
        ListNode parts = join.parts();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sb.append(join.delimiter());
            }
            Node p = parts.get(i);
            String name = Refs.ref(p);
            if (name != null && name.startsWith("AWS::")) {
                sb.append('*');
                continue;
            }
            var known = ev.eval(p).asString();
            if (known.isEmpty()) {
                return null;
            }
            sb.append(known.get());
        }
        return sb.toString();
    }

    private void sub(IntrinsicNode in, List<Target> out, int depth) {
        String text = Refs.subText(in);
        MapNode vars = Refs.subVariables(in);
        if (text == null) {
            return;
        }
        int before = out.size();
        boolean onlyPseudo = true;
        for (Refs.Variable v : Refs.variables(text)) {
            if (v.pseudo()) {
                continue;
            }
            String name = v.name();
            int end = v.end();
            onlyPseudo = false;
            String q = qualifierAfter(text, end + 1);
            List<Target> found = new ArrayList<>(1);
            if (vars != null && vars.has(name)) {
                resolve(vars.get(name), found, depth + 1);
            } else {
                Refs.Target target = v.target();
                if (!stackOutput(target, found, depth)) {
                    byName(target.resource(), null, found, depth);
                }
            }
            for (Target x : found) {
                out.add(q != null && x.node().kind() == NodeKind.FUNCTION ? new Target(x.node(), q) : x);
            }
        }
        if (out.size() == before && onlyPseudo) {
            literal(SubTexts.wildcard(text, SubTexts.PSEUDO_PARAMETER), out, depth);
        }
    }

    /**
     * The Lambda qualifier written right after a function ARN: {@code :live} at {@code from} up
     * to the end of the text, a {@code /} or a quote.
     */
    static String qualifierAfter(String text, int from) {
        if (text == null || from >= text.length() || text.charAt(from) != ':') {
            return null;
        }
        int i = from + 1;
        int j = i;
        while (j < text.length()) {
            char c = text.charAt(j);
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '$') {
                j++;
            } else {
                break;
            }
        }
        if (j == i) {
            return null;
        }
        if (j < text.length() && text.charAt(j) != '/' && text.charAt(j) != '"') {
            return null;
        }
        return text.substring(i, j);
    }

    private void byName(String name, String qualifier, List<Target> out, int depth) {
        if (name.startsWith("AWS::")) {
            return;
        }
        int dot = name.indexOf('.');
        if (dot > 0) {
            // SAM's Ref FunctionName.Alias / FunctionName.Version
            String base = name.substring(0, dot);
            String suffix = name.substring(dot + 1);
            GraphNode fn = g.find(t, base);
            if (fn != null && fn.kind() == NodeKind.FUNCTION && suffix.equals("Alias")) {
                String alias =
                        ev.eval(fn.property("AutoPublishAlias")).asString().orElse(Edge.UNKNOWN_QUALIFIER);
                out.add(new Target(fn, alias));
                return;
            }
            if (fn != null && fn.kind() == NodeKind.FUNCTION && suffix.equals("Version")) {
                out.add(new Target(fn, Edge.UNKNOWN_QUALIFIER));
                return;
            }
            name = base;
        }
        GraphNode n = g.find(t, name);
        if (n == null) {
            Parameter p = t.parameters().get(name);
            List<CrossStack.Written> passed = p == null ? List.of() : stacks.parameter(t, name);
            if (!passed.isEmpty()) {
                elsewhere(passed, out, depth);
                return;
            }
            if (p != null && p.defaultValue() != null) {
                for (String s : ev.eval(p.defaultValue()).knownStrings()) {
                    literal(s, out, depth);
                }
            }
            return;
        }
        if ((n.kind() == NodeKind.ALIAS || n.kind() == NodeKind.VERSION) && depth < MAX_DEPTH) {
            List<Target> fns = new ArrayList<>(1);
            resolve(n.property("FunctionName"), fns, depth + 1);
            String q = n.kind() == NodeKind.ALIAS
                    ? ev.eval(n.property("Name")).asString().orElse(Edge.UNKNOWN_QUALIFIER)
                    : Edge.UNKNOWN_QUALIFIER;
            for (Target x : fns) {
                if (x.node().kind() == NodeKind.FUNCTION) {
                    out.add(new Target(x.node(), q));
                }
            }
            if (!fns.isEmpty()) {
                return;
            }
        }
        out.add(new Target(n, qualifier));
    }

    /** Resolves {@code !GetAtt Stack.Outputs.X} through the nested template; false when not such a reference. */
    private boolean stackOutput(Refs.Target att, List<Target> out, int depth) {
        if (att.stackOutput() == null) {
            return false;
        }
        elsewhere(stacks.output(t, att.resource(), att.stackOutput()), out, depth);
        return true;
    }

    /** Resolves values written in other templates, each with its own template's resolver. */
    private void elsewhere(List<CrossStack.Written> written, List<Target> out, int depth) {
        for (CrossStack.Written w : written) {
            Resolver there = others.apply(w.template());
            if (there != null && depth < MAX_DEPTH) {
                int before = out.size();
                there.resolve(w.value(), out, depth + 1);
                if (out.size() > before) {
                    g.recordCrossing(t, w.template(), w.via());
                }
            }
        }
    }

    /** Matches a literal ARN, queue URL or name to nodes declaring that literal name. */
    private void literal(String s, List<Target> out, int depth) {
        if (s == null || s.isEmpty() || byLiteralName.isEmpty()) {
            return;
        }
        String name = s;
        String qualifier = null;
        if (s.startsWith("arn:")) {
            Arn arn = Arn.parse(s);
            if (arn == null) {
                return;
            }
            String res = arn.resource();
            switch (arn.service()) {
                case "lambda" -> {
                    if (!arn.resourceType().equals("function") || res.indexOf(':') != "function".length()) {
                        return;
                    }
                    name = arn.resourceName();
                    qualifier = arn.qualifier();
                }
                case "states" -> {
                    if (!arn.resourceType().equals("stateMachine") || res.indexOf(':') != "stateMachine".length()) {
                        return;
                    }
                    name = arn.resourceName();
                }
                case "apigateway" -> {
                    int f = s.indexOf("/functions/");
                    int inv = s.lastIndexOf("/invocations");
                    if (f > 0 && inv > f && depth < MAX_DEPTH) {
                        literal(s.substring(f + "/functions/".length(), inv), out, depth + 1);
                    }
                    return;
                }
                case "events" -> {
                    int slash = res.indexOf('/');
                    name = slash < 0 ? res : res.substring(slash + 1);
                }
                case "s3" -> name = res;
                case "dynamodb", "kinesis" -> {
                    if (res.indexOf('/') < 0) {
                        return;
                    }
                    name = arn.resourceName();
                }
                default -> name = res.substring(res.lastIndexOf(':') + 1);
            }
        } else if (s.startsWith("https://sqs.") || s.startsWith("https://queue.")) {
            name = s.substring(s.lastIndexOf('/') + 1);
        } else if (s.indexOf(':') >= 0 || s.indexOf('/') >= 0 || s.indexOf('*') >= 0) {
            return;
        }
        if (name.isEmpty() || name.equals("*")) {
            return;
        }
        List<GraphNode> found = byLiteralName.get(name);
        if (found != null) {
            for (GraphNode n : found) {
                out.add(new Target(n, n.kind() == NodeKind.FUNCTION ? qualifier : null));
            }
        }
    }
}
