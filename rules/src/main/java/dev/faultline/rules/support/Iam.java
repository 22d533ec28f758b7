package dev.faultline.rules.support;

import dev.faultline.core.eval.Refs;
import dev.faultline.core.eval.Value;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.graph.ResourceGraph;
import dev.faultline.core.model.Template;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.util.Lists;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether an IAM role defined in a template, or a resource policy, lets a principal perform an
 * action on a resource. Only what is written in the template is read; anything that cannot be
 * known (an AWS managed policy, an imported policy, an intrinsic in a statement) makes the answer
 * {@link Answer#UNKNOWN}, and rules stay silent on it.
 */
public final class Iam {

    /** The answer to "is it allowed?". */
    public enum Answer {
        ALLOWED,
        NOT_ALLOWED,
        UNKNOWN
    }

    /** Managed policies that are known not to grant anything on queues, topics, functions, buses or buckets. */
    private static final List<String> HARMLESS_MANAGED = List.of(
            "service-role/AWSLambdaBasicExecutionRole",
            "service-role/AWSLambdaVPCAccessExecutionRole",
            "AWSXRayDaemonWriteAccess",
            "AWSXrayWriteOnlyAccess",
            "service-role/AWSLambdaSQSQueueExecutionRole",
            "service-role/AWSLambdaKinesisExecutionRole",
            "service-role/AWSLambdaDynamoDBExecutionRole",
            "CloudWatchLambdaInsightsExecutionRolePolicy");

    private Iam() {}

    /** The role node a {@code Role}/{@code RoleArn} value names, or null. */
    public static GraphNode role(RuleContext ctx, GraphNode owner, Node roleValue) {
        String name = Targets.referencedName(roleValue);
        if (name == null) {
            return null;
        }
        GraphNode n = ctx.graph().find(owner.template(), name);
        return n != null && n.kind() == NodeKind.ROLE ? n : null;
    }

    /** Whether the identity policies of {@code role} allow {@code action} on {@code target}. */
    public static Answer roleAllows(RuleContext ctx, GraphNode role, String action, GraphNode target) {
        List<Node> statements = statementsOf(ctx, role);
        return statements == null ? Answer.UNKNOWN : allows(ctx, role, statements, action, target, null);
    }

    /**
     * Whether the identity policies of {@code role} may allow {@code action} on anything: false when
     * {@link #roleAllows} cannot answer {@link Answer#ALLOWED} for any target (no statement that is an
     * Allow of a matching action), so that a question asked of every role can skip the role.
     */
    public static boolean mayAllow(RuleContext ctx, GraphNode role, String action) {
        List<Node> statements = statementsOf(ctx, role);
        if (statements == null) {
            return false;
        }
        for (Node st : each(statements)) {
            if (allowsAction(ctx, role, st, action) == Answer.ALLOWED) {
                return true;
            }
        }
        return false;
    }

    /** The statements of statement lists: a policy's {@code Statement} is a list or a single statement. */
    private static List<Node> each(List<Node> statementLists) {
        List<Node> out = new ArrayList<>();
        for (Node list : statementLists) {
            if (list instanceof ListNode l) {
                out.addAll(l.items());
            } else if (list != null) {
                out.add(list);
            }
        }
        return out;
    }

    /**
     * The statement lists of a role's identity policies (managed policies of the template, inline
     * policies, policies attached by name), or null when they are not all known.
     */
    private static List<Node> statementsOf(RuleContext ctx, GraphNode role) {
        List<Node> statements = new ArrayList<>();
        Node managed = role.property("ManagedPolicyArns");
        if (managed != null) {
            if (!(managed instanceof ListNode ml)) {
                return null;
            }
            for (Node m : ml.items()) {
                String name = Targets.referencedName(m);
                GraphNode mp = name == null ? null : ctx.graph().find(role.template(), name);
                if (mp != null && mp.kind() == NodeKind.POLICY) {
                    statements.add(mp.properties().path("PolicyDocument", "Statement"));
                    continue;
                }
                if (!harmless(ctx, role, m)) {
                    return null;
                }
            }
        }
        Node inline = role.property("Policies");
        if (inline != null) {
            if (!(inline instanceof ListNode il)) {
                return null;
            }
            for (Node p : il.items()) {
                if (!(p instanceof MapNode pm)) {
                    return null;
                }
                statements.add(pm.path("PolicyDocument", "Statement"));
            }
        }
        statements.addAll(ATTACHED.get(role.template(), ctx.graph()).getOrDefault(role.name(), List.of()));
        return statements;
    }

    /**
     * The statements of the policies a template attaches to its roles by name
     * ({@code AWS::IAM::Policy} {@code Roles}, {@code AWS::IAM::RolePolicy} {@code RoleName}), per role
     * logical id, each role's in node order. Made once per template and kept while the rules visit
     * its nodes: looking through every node of the template for each role asked about made the rules
     * that ask (one question per function or rule target) quadratic in the size of the template.
     */
    private static Map<String, List<Node>> attachedStatements(Template t, ResourceGraph graph) {
        Map<String, List<Node>> out = new HashMap<>();
        Set<String> names = new LinkedHashSet<>();
        for (GraphNode n : graph.nodesOf(t)) {
            names.clear();
            if (n.kind() == NodeKind.POLICY && n.property("Roles") instanceof ListNode roles) {
                for (Node r : roles.items()) {
                    String name = Targets.referencedName(r);
                    if (name != null) {
                        names.add(name);
                    }
                }
            }
            if ("AWS::IAM::RolePolicy".equals(n.type())) {
                String name = Targets.referencedName(n.property("RoleName"));
                if (name != null) {
                    names.add(name);
                }
            }
            for (String name : names) {
                Lists.in(out, name).add(n.properties().path("PolicyDocument", "Statement"));
            }
        }
        return out;
    }

    /** {@link #attachedStatements} of the template asked last. */
    private static final LastAsked<Template, ResourceGraph, Map<String, List<Node>>> ATTACHED =
            new LastAsked<>(Iam::attachedStatements);

    /**
     * Whether a resource policy's statements allow {@code action} on {@code target} to a service
     * principal ({@code events.amazonaws.com}).
     */
    public static Answer resourcePolicyAllows(
            RuleContext ctx, GraphNode policy, String action, GraphNode target, String servicePrincipal) {
        return allows(
                ctx,
                policy,
                java.util.Collections.singletonList(policy.properties().path("PolicyDocument", "Statement")),
                action,
                target,
                servicePrincipal);
    }

    private static boolean harmless(RuleContext ctx, GraphNode owner, Node m) {
        for (String s : ctx.eval(owner, m).knownStrings()) {
            for (String h : HARMLESS_MANAGED) {
                if (s.endsWith(":policy/" + h)) {
                    return true;
                }
            }
        }
        if (m instanceof IntrinsicNode in && in.is("Fn::Join") || m instanceof IntrinsicNode in2 && in2.is("Fn::Sub")) {
            String flat = Props.literalText(m);
            for (String h : HARMLESS_MANAGED) {
                if (flat.endsWith(":policy/" + h)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Answer allows(
            RuleContext ctx,
            GraphNode owner,
            List<Node> statementLists,
            String action,
            GraphNode target,
            String servicePrincipal) {
        boolean unknown = false;
        for (Node st : each(statementLists)) {
            Answer a = statement(ctx, owner, st, action, target, servicePrincipal);
            if (a == Answer.ALLOWED) {
                return a;
            }
            unknown |= a == Answer.UNKNOWN;
        }
        return unknown ? Answer.UNKNOWN : Answer.NOT_ALLOWED;
    }

    private static Answer statement(
            RuleContext ctx, GraphNode owner, Node st, String action, GraphNode target, String servicePrincipal) {
        Answer act = allowsAction(ctx, owner, st, action);
        if (act != Answer.ALLOWED) {
            return act;
        }
        MapNode m = (MapNode) st;
        if (servicePrincipal != null) {
            Answer p = principal(ctx, owner, m.get("Principal"), servicePrincipal);
            if (p != Answer.ALLOWED) {
                return p;
            }
        }
        return resource(ctx, owner, m.get("Resource"), target);
    }

    /**
     * The part of a statement's answer that does not depend on the resource or principal: a map, an
     * {@code Allow}, no {@code NotAction}/{@code NotResource}/{@code NotPrincipal}, and an action that
     * matches {@code action}.
     */
    private static Answer allowsAction(RuleContext ctx, GraphNode owner, Node st, String action) {
        if (!(st instanceof MapNode m)) {
            return Answer.UNKNOWN;
        }
        var effect = ctx.eval(owner, m.get("Effect")).asString();
        if (effect.isEmpty()) {
            return Answer.UNKNOWN;
        }
        if (!effect.get().equals("Allow")) {
            return Answer.NOT_ALLOWED;
        }
        if (m.has("NotAction") || m.has("NotResource") || m.has("NotPrincipal")) {
            return Answer.UNKNOWN;
        }
        return anyMatches(
                ctx, owner, m.get("Action"), v -> glob(v.toLowerCase(Locale.ROOT), action.toLowerCase(Locale.ROOT)));
    }

    private static Answer principal(RuleContext ctx, GraphNode owner, Node principal, String service) {
        if (principal == null) {
            return Answer.NOT_ALLOWED;
        }
        if ("*".equals(principal.text())) {
            return Answer.ALLOWED;
        }
        if (!(principal instanceof MapNode pm)) {
            return Answer.UNKNOWN;
        }
        Answer a = Answer.NOT_ALLOWED;
        for (MapNode.Entry e : pm.entries()) {
            Answer x = anyMatches(
                    ctx, owner, e.value(), v -> v.equals("*") || e.key().equals("Service") && v.equals(service));
            if (x == Answer.ALLOWED) {
                return x;
            }
            if (x == Answer.UNKNOWN) {
                a = Answer.UNKNOWN;
            }
        }
        return a;
    }

    private static Answer resource(RuleContext ctx, GraphNode owner, Node res, GraphNode target) {
        if (res == null) {
            return Answer.UNKNOWN;
        }
        List<Node> items = res instanceof ListNode l ? l.items() : List.of(res);
        boolean unknown = false;
        for (Node r : items) {
            String name = Targets.referencedName(r);
            if (name != null) {
                if (name.equals(target.name())) {
                    return Answer.ALLOWED;
                }
                if (ctx.graph().find(owner.template(), name) == null) {
                    unknown = true;
                }
                continue;
            }
            if (r instanceof IntrinsicNode && flatReferences(r, target.name())) {
                return Answer.ALLOWED;
            }
            Value v = ctx.eval(owner, r);
            for (Value alt : v.alternatives()) {
                var s = alt.asString();
                if (s.isEmpty()) {
                    var ref = alt.referencedResource();
                    if (ref.isPresent() && ref.get().equals(target.name())) {
                        return Answer.ALLOWED;
                    }
                    unknown |= ref.isEmpty();
                    continue;
                }
                if (s.get().contains("*") || physicalNameMatches(ctx, target, s.get())) {
                    return Answer.ALLOWED;
                }
            }
        }
        return unknown ? Answer.UNKNOWN : Answer.NOT_ALLOWED;
    }

    /** Whether an intrinsic mentions the target ({@code ${Dlq.Arn}} in a Sub, a Ref/GetAtt in a Join). */
    private static boolean flatReferences(Node n, String name) {
        if (n instanceof IntrinsicNode in) {
            if (name.equals(Targets.referencedName(in))) {
                return true;
            }
            if (in.is("Fn::Sub")) {
                String text = Refs.subText(in);
                return text != null && (text.contains("${" + name + ".") || text.contains("${" + name + "}"));
            }
            return flatReferences(in.argument(), name);
        }
        if (n instanceof ListNode l) {
            for (Node i : l.items()) {
                if (flatReferences(i, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean physicalNameMatches(RuleContext ctx, GraphNode target, String arn) {
        String prop = switch (target.kind()) {
            case QUEUE -> "QueueName";
            case TOPIC -> "TopicName";
            case FUNCTION -> "FunctionName";
            case EVENT_BUS -> "Name";
            case BUCKET -> "BucketName";
            default -> null;
        };
        if (prop == null) {
            return false;
        }
        for (String n : ctx.property(target, prop).knownStrings()) {
            if (arn.endsWith(":" + n) || arn.endsWith("/" + n) || arn.endsWith(":" + n + "/*")) {
                return true;
            }
        }
        return false;
    }

    private interface StringTest {
        boolean test(String s);
    }

    /** ALLOWED when some known string matches, UNKNOWN when some value is unknown, else NOT_ALLOWED. */
    private static Answer anyMatches(RuleContext ctx, GraphNode owner, Node value, StringTest test) {
        if (value == null) {
            return Answer.NOT_ALLOWED;
        }
        Value v = ctx.eval(owner, value);
        List<Value> flat = new ArrayList<>();
        for (Value alt : v.alternatives()) {
            if (alt instanceof Value.Seq seq) {
                for (Value i : seq.items()) {
                    flat.addAll(i.alternatives());
                }
            } else {
                flat.add(alt);
            }
        }
        boolean unknown = false;
        for (Value x : flat) {
            var s = x.asString();
            if (s.isEmpty()) {
                unknown = true;
            } else if (test.test(s.get())) {
                return Answer.ALLOWED;
            }
        }
        return unknown ? Answer.UNKNOWN : Answer.NOT_ALLOWED;
    }

    /** A small IAM glob: {@code *} matches any run, {@code ?} one character; case as given. */
    static boolean glob(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
