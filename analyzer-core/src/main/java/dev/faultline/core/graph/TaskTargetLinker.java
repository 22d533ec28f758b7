package dev.faultline.core.graph;

import dev.faultline.core.asl.Placeholder;
import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.asl.TaskCall;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Links the Task states of a template's state machine to what they call: {@code taskTarget} edges
 * from the state machine node, and for Lambda tasks an {@code invokes} edge (sync, or async with
 * {@code InvocationType: Event}). Resources and parameters are resolved through the placeholders
 * the definition loader left (CDK {@code Fn::Join} tokens, {@code Fn::Sub} variables,
 * {@code DefinitionSubstitutions}), intrinsics inside an inline {@code Definition}, and literal ARNs.
 */
final class TaskTargetLinker {

    private final ResourceGraph g;

    TaskTargetLinker(ResourceGraph g) {
        this.g = g;
    }

    void link(StateMachine m, GraphNode sm, Resolver r) {
        for (State st : m.allStates()) {
            if (!st.isType("Task")) {
                continue;
            }
            Node resNode = st.field("Resource");
            String res = st.resourceText();
            MapNode params = st.body().getMap("Parameters");
            if (params == null) {
                params = st.body().getMap("Arguments");
            }
            boolean lambda = false;
            boolean machine = false;
            InvocationMode mode = InvocationMode.SYNC;
            String fact = "Step Functions Lambda task (request-response)";
            Node targetNode = null;
            String field = null;
            boolean direct = false;
            if (res != null && res.contains(":states:::")) {
                String api = res.substring(res.indexOf(":states:::") + ":states:::".length());
                if (api.startsWith("lambda:invoke")) {
                    lambda = true;
                    field = "FunctionName";
                    if (params != null) {
                        String it = params.getText("InvocationType");
                        if ("Event".equals(it)) {
                            mode = InvocationMode.ASYNC;
                            fact = "Step Functions lambda:invoke task with InvocationType Event";
                        }
                    }
                } else if (api.startsWith("sqs:")) {
                    field = "QueueUrl";
                } else if (api.startsWith("sns:")) {
                    field = "TopicArn";
                } else if (api.startsWith("states:startExecution")) {
                    field = "StateMachineArn";
                    machine = true;
                    mode = api.contains(".sync") ? InvocationMode.SYNC : InvocationMode.ASYNC;
                    fact = mode == InvocationMode.SYNC
                            ? "Step Functions startExecution.sync task"
                            : "Step Functions startExecution task without .sync";
                } else if (api.startsWith("dynamodb:")) {
                    field = "TableName";
                } else if (api.startsWith("events:putEvents")) {
                    field = null;
                }
                if (field != null && params != null) {
                    targetNode = params.get(field);
                }
            } else if (resNode != null) {
                targetNode = resNode;
                direct = true;
                lambda = res == null || res.contains(":lambda:") || !res.startsWith("arn:");
            }
            if (targetNode == null) {
                continue;
            }
            List<Resolver.Target> targets = resolve(targetNode, m, sm, r);
            List<Edge> edges = new ArrayList<>(targets.size());
            TaskCall call = TaskCall.of(st, m);
            for (Resolver.Target x : targets) {
                if (x.node() == sm) {
                    continue;
                }
                boolean function = x.node().kind() == NodeKind.FUNCTION;
                if (lambda && !function && !(direct && x.node().kind() == NodeKind.ACTIVITY)) {
                    continue;
                }
                Edge e = new Edge(
                        EdgeKind.TASK_TARGET,
                        sm,
                        x.node(),
                        lambda && function ? mode : InvocationMode.NONE,
                        targetNode.span(),
                        x.qualifier(),
                        null,
                        new TaskIntegration(integration(call, x.node())));
                g.connect(e);
                edges.add(e);
                if ((lambda && function) || (machine && x.node().kind() == NodeKind.STATE_MACHINE)) {
                    Evidence ev = new Evidence(st.logicalPath(), fact, mode == InvocationMode.SYNC, null);
                    g.connect(new Edge(EdgeKind.INVOKES, sm, x.node(), mode, targetNode.span(), x.qualifier(), ev));
                }
            }
            g.recordTaskTargets(st, edges);
        }
    }

    /** A call whose {@code Resource} is only a placeholder is what its target is: a function, an activity. */
    private static TaskCall integration(TaskCall call, GraphNode target) {
        if (call.integration() != TaskCall.Integration.UNKNOWN) {
            return call;
        }
        return switch (target.kind()) {
            case FUNCTION -> call.as(TaskCall.Integration.LAMBDA);
            case ACTIVITY -> call.as(TaskCall.Integration.ACTIVITY);
            default -> call;
        };
    }

    private List<Resolver.Target> resolve(Node n, StateMachine m, GraphNode sm, Resolver r) {
        if (n instanceof IntrinsicNode || n instanceof ListNode || n instanceof MapNode) {
            return r.resolve(n);
        }
        if (!(n instanceof ScalarNode s)) {
            return List.of();
        }
        String text = s.value();
        List<Resolver.Target> out = new ArrayList<>(1);
        Map<String, Placeholder> ph = m.placeholders();
        if (ph != null && !ph.isEmpty()) {
            for (Map.Entry<String, Placeholder> e : ph.entrySet()) {
                int at = text.indexOf(e.getKey());
                if (at < 0) {
                    continue;
                }
                String q = Resolver.qualifierAfter(text, at + e.getKey().length());
                for (Resolver.Target x : resolvePlaceholder(e.getValue().value(), r)) {
                    out.add(q != null && x.node().kind() == NodeKind.FUNCTION ? new Resolver.Target(x.node(), q) : x);
                }
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        if (text.contains("${")) {
            MapNode subs = sm.properties().getMap("DefinitionSubstitutions");
            int i = 0;
            while (true) {
                int start = text.indexOf("${", i);
                int end = start < 0 ? -1 : text.indexOf('}', start);
                if (end < 0) {
                    break;
                }
                i = end + 1;
                String name = text.substring(start + 2, end).trim();
                String q = Resolver.qualifierAfter(text, end + 1);
                List<Resolver.Target> found = subs != null && subs.has(name) ? r.resolve(subs.get(name)) : List.of();
                for (Resolver.Target x : found) {
                    out.add(q != null && x.node().kind() == NodeKind.FUNCTION ? new Resolver.Target(x.node(), q) : x);
                }
            }
            return out;
        }
        return r.resolve(s);
    }

    private static List<Resolver.Target> resolvePlaceholder(Node value, Resolver r) {
        return value == null ? List.of() : r.resolve(value);
    }
}
