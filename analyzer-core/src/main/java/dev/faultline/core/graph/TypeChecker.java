package dev.faultline.core.graph;

import dev.faultline.core.asl.Retrier;
import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.eval.Evaluator;
import dev.faultline.core.eval.JsonDocuments;
import dev.faultline.core.eval.PropertyTypes;
import dev.faultline.core.eval.PropertyTypes.Typed;
import dev.faultline.core.eval.Value;
import dev.faultline.core.eval.ValueType;
import dev.faultline.core.model.Resource;
import dev.faultline.core.model.Template;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.InputRules;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * FL-PARSE-007: a literal that can never be a value of the property (or States Language field) it
 * is written at, by the types of {@link PropertyTypes}: a non-numeric string for an integer, a
 * non-boolean for a boolean, an unknown enumeration value, a JSON-string policy that does not parse,
 * a list where a single value belongs. Each wrong literal is reported once, where the user wrote it
 * (a SAM {@code Globals} value at the Globals line, a SAM event property at the event, a field of a
 * definition held in a {@code DefinitionString} in the template), and marked in the graph so that
 * every evaluator reads it as unknown: the rules that needed it stay silent.
 *
 * <p>Only literals are judged: both branches of {@code Fn::If}, never another intrinsic function,
 * a parameter or a placeholder (their values are unknown here).
 */
final class TypeChecker {

    private static final int MAX_DEPTH = 32;
    private final ResourceGraph g;
    private final List<Finding> out;
    private final Set<Node> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<String> seenAt = new HashSet<>();
    /** The framework keys of the Serverless Framework service being checked, else null. */
    private ServerlessValues serverless;

    TypeChecker(ResourceGraph g, List<Finding> out) {
        this.g = g;
        this.out = out;
    }

    /** Where a value is reported: the resource (or null) and the logical path of what holds it. */
    private record Owner(
            String resource,
            String cdkPath,
            String fixedWhat,
            String property,
            String path,
            String consumer,
            MapNode written,
            String writtenPath) {
        Owner(String resource, String cdkPath, String what, String path, String consumer) {
            this(resource, cdkPath, what, null, path, consumer, null, null);
        }

        /** What holds the values, for messages: {@code 'Name' property} for a resource's (made only for a finding). */
        String what() {
            return fixedWhat != null ? fixedWhat : "'" + property + "' property";
        }
    }

    /** Checks the SAM Globals and every node of a template. */
    void check(Template t) {
        serverless = ServerlessValues.of(t);
        if (serverless != null) {
            onErrors(t);
        }
        try {
            checkNodes(t);
        } finally {
            serverless = null;
        }
    }

    private void checkNodes(Template t) {
        Evaluator ev = new Evaluator(t);
        MapNode fnGlobals = t.globals() == null ? null : t.globals().getMap("Function");
        if (fnGlobals != null) {
            Owner o = new Owner(null, null, "Globals Function property", "Globals/Function", "CloudFormation");
            typed(fnGlobals, PropertyTypes.of("AWS::Serverless::Function"), o, ev);
            typed(fnGlobals, PropertyTypes.of("AWS::Lambda::Function"), o, ev);
        }
        for (GraphNode n : g.nodesOf(t)) {
            Resource r = n.resource();
            String path = n.logicalPath() + "/Properties";
            Owner o = new Owner(
                    n.resourceId(),
                    n.cdkPath(),
                    null,
                    n.name(),
                    path,
                    "CloudFormation",
                    n.implied() ? eventProperties(n) : null,
                    path);
            if (!n.implied() && r != null && "AWS::Serverless::Function".equals(r.type())) {
                typed(r.properties(), PropertyTypes.of(r.type()), o, ev);
            }
            typed(n.properties(), PropertyTypes.of(n.type()), o, ev);
        }
    }

    /**
     * A Serverless Framework {@code onError} that is not an SNS topic ARN: the framework's schema
     * rejects it (and under {@code configValidationMode: warn} it grants {@code sns:Publish} on it,
     * not the permission the target needs).
     */
    private void onErrors(Template t) {
        MapNode functions = t.root().getMap("functions");
        for (MapNode.Entry f : functions == null ? List.<MapNode.Entry>of() : functions.entries()) {
            MapNode.Entry onError = f.value() instanceof MapNode fn ? fn.entry("onError") : null;
            String problem = onError == null ? null : ServerlessValues.onErrorProblem(onError.value());
            if (problem == null || !seen.add(onError.value())) {
                continue;
            }
            String id = ServerlessExpander.functionLogicalId(f.key());
            g.markIllTyped(onError.value());
            out.add(new Finding(
                    InputRules.PARSE_TYPE.id(),
                    InputRules.PARSE_TYPE.severity(),
                    "functions." + f.key() + ".onError is " + problem + ", but the Serverless Framework accepts only "
                            + "an SNS topic ARN there (or an intrinsic function); it rejects the service, or under "
                            + "configValidationMode: warn grants sns:Publish instead of the permission the "
                            + "dead-letter target needs, and failed events are lost",
                    onError.value().span(),
                    id,
                    null,
                    "Resources/" + id + "/Properties/DeadLetterConfig/TargetArn",
                    null,
                    null));
        }
    }

    /**
     * The {@code Properties} of the SAM event an implied node comes from, as the user wrote them
     * (keys such as {@code Queue} become {@code EventSourceArn} on the node), or null.
     */
    private static MapNode eventProperties(GraphNode n) {
        String path = n.logicalPath();
        int at = path.lastIndexOf("/Events/");
        if (n.resource() == null || at < 0 || path.indexOf('/', at + "/Events/".length()) >= 0) {
            return null;
        }
        MapNode events = n.resource().properties().getMap("Events");
        MapNode event = events == null ? null : events.getMap(path.substring(at + "/Events/".length()));
        return event == null ? null : event.getMap("Properties");
    }

    /** Checks the typed fields of a state machine definition. */
    void check(StateMachine m) {
        Resource r = m.resource();
        String id = r == null ? null : r.logicalId();
        String cdk = r == null ? null : r.cdkPath();
        String machine = "State machine '" + m.name() + "' field";
        MapNode top = m.top().body();
        typedAsl(
                m,
                top,
                PropertyTypes.aslMachine(),
                new Owner(id, cdk, machine, m.top().logicalPath(), "Step Functions"));
        for (State s : m.allStates()) {
            String state = "State '" + s.name() + "'";
            typedAsl(
                    m,
                    s.body(),
                    PropertyTypes.aslState(),
                    new Owner(id, cdk, state + " field", s.logicalPath(), "Step Functions"));
            for (Retrier rt : s.retriers()) {
                typedAsl(
                        m,
                        rt.body(),
                        PropertyTypes.aslRetrier(),
                        new Owner(
                                id,
                                cdk,
                                state + " retrier " + rt.index() + " field",
                                s.logicalPath() + "/Retry/" + rt.index(),
                                "Step Functions"));
            }
        }
    }

    private void typed(MapNode props, List<Typed> types, Owner o, Evaluator ev) {
        if (props == null) {
            return;
        }
        for (Typed t : types) {
            walk(props, t, 0, o.path(), o, ev, null, 0);
        }
    }

    private void typedAsl(StateMachine m, MapNode body, List<Typed> types, Owner o) {
        if (body == null) {
            return;
        }
        for (Typed t : types) {
            walk(body, t, 0, o.path(), o, null, m, 0);
        }
    }

    /**
     * Follows {@code t}'s path from {@code cur} (segment {@code i} on), through both branches of
     * {@code Fn::If}, list items for {@code *}, and JSON text below a JSON property.
     */
    private void walk(Node cur, Typed t, int i, String path, Owner o, Evaluator ev, StateMachine m, int depth) {
        if (cur == null || depth > MAX_DEPTH) {
            return;
        }
        if (cur instanceof IntrinsicNode in) {
            if (in.is("Fn::If") && in.argument() instanceof ListNode l && l.size() == 3) {
                walk(l.get(1), t, i, path, o, ev, m, depth + 1);
                walk(l.get(2), t, i, path, o, ev, m, depth + 1);
            }
            return;
        }
        List<String> segs = t.segments();
        if (i == segs.size()) {
            judge(cur, t.type(), path, null, o, m);
            return;
        }
        String seg = segs.get(i);
        if (seg.equals("*")) {
            if (cur instanceof ListNode l) {
                for (int k = 0; k < l.size(); k++) {
                    walk(l.get(k), t, i + 1, path + "/" + k, o, ev, m, depth + 1);
                }
            }
            return;
        }
        if (cur instanceof MapNode map) {
            // most typed properties are not written: the path is built only for those that are
            Node next = map.get(seg);
            if (next != null) {
                walk(next, t, i + 1, path + "/" + seg, o, ev, m, depth + 1);
            }
        } else if (cur instanceof ScalarNode s && s.kind() == ScalarNode.Kind.STRING && ev != null) {
            // a JSON-string document: its values carry the string's span
            if (JsonDocuments.read(s, ev) instanceof Value.Obj doc) {
                walk(doc.node(), t, i, path, o, ev, m, depth + 1);
            }
        }
    }

    /** Judges a value found at {@code path}; {@code name} (the path below the owner, dotted) is made when needed. */
    private void judge(Node value, ValueType type, String path, String name, Owner o, StateMachine m) {
        if (seen.contains(value) || m != null && unknownInAsl(m, value)) {
            return;
        }
        var found = type.problem(value);
        if (name == null && (found.isPresent() || type instanceof ValueType.Seq && value instanceof ListNode)) {
            name = path.substring(o.path().length() + 1).replace('/', '.');
        }
        if (found.isEmpty()) {
            if (type instanceof ValueType.Seq seq && value instanceof ListNode l) {
                for (int k = 0; k < l.size(); k++) {
                    judge(l.get(k), seq.item(), path + "/" + k, name + "[" + k + "]", o, m);
                }
            }
            return;
        }
        seen.add(value);
        if (o.written() != null) {
            // name the key the user wrote in the SAM event (Queue, not EventSourceArn)
            for (MapNode.Entry e : o.written().entries()) {
                if (e.value() == value) {
                    name = e.key();
                    path = o.writtenPath() + "/" + e.key();
                }
            }
        }
        if (!seenAt.add(value.span() + " " + path)) {
            return;
        }
        g.markIllTyped(value);
        String key = serverless == null || o.written() != null ? null : serverless.keyOf(value);
        String subject = key == null ? o.what() + " " + name : key + " (compiled to " + o.what() + " " + name + ")";
        String message = subject + " is " + found.get() + ", but " + o.consumer() + " accepts only " + type.allowed()
                + "; the deployment fails, and the failure checks that need this value skip it";
        out.add(new Finding(
                InputRules.PARSE_TYPE.id(),
                InputRules.PARSE_TYPE.severity(),
                message,
                value.span(),
                o.resource(),
                o.cdkPath(),
                path,
                null,
                null));
    }

    /** A JSONata expression or a placeholder that stood for an intrinsic: the value is not known here. */
    private static boolean unknownInAsl(StateMachine m, Node value) {
        if (!(value instanceof ScalarNode s) || s.kind() != ScalarNode.Kind.STRING) {
            return false;
        }
        String t = s.raw().trim();
        if (t.startsWith("{%") && t.endsWith("%}")) {
            return true;
        }
        for (Map.Entry<String, ?> e : m.placeholders().entrySet()) {
            if (!e.getKey().isEmpty() && t.contains(e.getKey())) {
                return true;
            }
        }
        return false;
    }
}
