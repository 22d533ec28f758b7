package dev.faultline.rules.sfn;

import dev.faultline.core.asl.Placeholder;
import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.eval.Refs;
import dev.faultline.core.eval.Value;
import dev.faultline.core.graph.Edge;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.model.Resource;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.rules.support.Asl;
import dev.faultline.rules.support.Targets;

/**
 * What a Task state calls, read from its {@code Resource} (placeholders resolved through the
 * owning template): the integration, its pattern, and for Lambda the function resource.
 */
public final class TaskTarget {

    /** The service integration. */
    public enum Kind {
        LAMBDA_INVOKE,
        LAMBDA_FUNCTION_ARN,
        HTTP,
        ACTIVITY,
        OTHER
    }

    /** The integration pattern. */
    public enum Pattern {
        REQUEST_RESPONSE,
        SYNC,
        CALLBACK
    }

    private final Kind kind;
    private final Pattern pattern;

    private TaskTarget(Kind kind, Pattern pattern) {
        this.kind = kind;
        this.pattern = pattern;
    }

    public Kind kind() {
        return kind;
    }

    public Pattern pattern() {
        return pattern;
    }

    public boolean invokesLambda() {
        return kind == Kind.LAMBDA_INVOKE || kind == Kind.LAMBDA_FUNCTION_ARN;
    }

    /** The target of a Task state, or null when the state is not a Task or has no text Resource. */
    public static TaskTarget of(State state, StateMachine machine, RuleContext ctx) {
        if (!state.isType("Task")) {
            return null;
        }
        Node resNode = state.field("Resource");
        String res = text(resNode);
        if (res == null || res.isBlank()) {
            Resource direct = intrinsicTarget(machine, resNode, ctx);
            if (direct != null && isFunction(direct)) {
                return new TaskTarget(Kind.LAMBDA_FUNCTION_ARN, Pattern.REQUEST_RESPONSE);
            }
            if (direct != null && "AWS::StepFunctions::Activity".equals(direct.type())) {
                return new TaskTarget(Kind.ACTIVITY, Pattern.CALLBACK);
            }
            return null;
        }
        Pattern pattern = res.endsWith(".waitForTaskToken")
                ? Pattern.CALLBACK
                : (res.endsWith(".sync") || res.contains(".sync:")) ? Pattern.SYNC : Pattern.REQUEST_RESPONSE;
        if (res.contains(":states:::lambda:invoke")) {
            return new TaskTarget(Kind.LAMBDA_INVOKE, pattern);
        }
        if (res.contains(":states:::http:invoke")) {
            return new TaskTarget(Kind.HTTP, pattern);
        }
        if (res.contains(":lambda:") && res.contains(":function:")) {
            return new TaskTarget(Kind.LAMBDA_FUNCTION_ARN, Pattern.REQUEST_RESPONSE);
        }
        if (res.contains(":states:") && res.contains(":activity:")) {
            return new TaskTarget(Kind.ACTIVITY, Pattern.CALLBACK);
        }
        Resource target = referencedResource(machine, res, ctx);
        if (target != null) {
            if (isFunction(target)) {
                return new TaskTarget(Kind.LAMBDA_FUNCTION_ARN, Pattern.REQUEST_RESPONSE);
            }
            if ("AWS::StepFunctions::Activity".equals(target.type())) {
                return new TaskTarget(Kind.ACTIVITY, Pattern.CALLBACK);
            }
        }
        return new TaskTarget(Kind.OTHER, pattern);
    }

    /**
     * The graph node of the Lambda function a task invokes, or null when it cannot be resolved: a
     * {@code taskTarget} edge of the state (ResourceGraph.taskTargets), else the placeholder in the {@code Resource}
     * (direct form) or {@code FunctionName} (optimized integration).
     */
    public static GraphNode function(State state, StateMachine machine, RuleContext ctx) {
        GraphNode viaEdge = functionByEdge(state, machine, ctx);
        if (viaEdge != null) {
            return viaEdge;
        }
        if (machine.template() == null) {
            return null;
        }
        Node at = state.field("Resource");
        String text = text(at);
        if (text != null && text.contains(":states:::lambda:invoke")) {
            at = functionNameNode(state);
            text = text(at);
        }
        Resource r = text == null ? intrinsicTarget(machine, at, ctx) : referencedResource(machine, text, ctx);
        if (r == null || !isFunction(r)) {
            return null;
        }
        GraphNode n = ctx.graph().find(machine.template(), r.logicalId());
        return n != null && n.kind() == NodeKind.FUNCTION ? n : null;
    }

    /** {@code Parameters.FunctionName} (JSONPath) or {@code Arguments.FunctionName} (JSONata). */
    public static Node functionNameNode(State state) {
        for (String holder : new String[] {"Parameters", "Arguments"}) {
            MapNode m = state.body().getMap(holder);
            if (m != null && m.get("FunctionName") != null) {
                return m.get("FunctionName");
            }
        }
        return null;
    }

    /**
     * The text of a Resource-like value: a scalar's text, or the template text of an inline
     * {@code Fn::Sub} (SAM inline definitions keep intrinsics); null for other intrinsics.
     */
    static String text(Node n) {
        if (n == null) {
            return null;
        }
        if (n.text() != null) {
            return n.text();
        }
        return Refs.subText(n);
    }

    /** The template resource an intrinsic value ({@code !GetAtt Fn.Arn}, {@code !Ref Fn}, {@code !Sub}) names. */
    private static Resource intrinsicTarget(StateMachine machine, Node n, RuleContext ctx) {
        if (n == null || n.asIntrinsic() == null || machine.template() == null) {
            return null;
        }
        IntrinsicNode in = n.asIntrinsic();
        String id = null;
        if (in.is("Fn::Sub")) {
            id = Targets.referencedName(in);
        } else {
            id = ctx.evaluator(machine.template()).eval(n).referencedResource().orElse(null);
        }
        return id == null ? null : machine.template().resource(id);
    }

    private static GraphNode functionByEdge(State state, StateMachine machine, RuleContext ctx) {
        for (Edge e : ctx.graph().taskTargets(state)) {
            if (e.to().kind() == NodeKind.FUNCTION) {
                return e.to();
            }
        }
        return null;
    }

    private static boolean isFunction(Resource r) {
        return "AWS::Lambda::Function".equals(r.type()) || "AWS::Serverless::Function".equals(r.type());
    }

    /**
     * The resource of the machine's template that a placeholder in the text stands for (through
     * {@code Ref}/{@code Fn::GetAtt}, also inside {@code DefinitionSubstitutions}), or null.
     */
    static Resource referencedResource(StateMachine machine, String text, RuleContext ctx) {
        if (text == null || machine.template() == null) {
            return null;
        }
        for (Placeholder p : Asl.placeholdersIn(machine, text)) {
            if (p.value() == null) {
                continue;
            }
            Value v = ctx.evaluator(machine.template()).eval(p.value());
            String id = v.referencedResource().orElse(null);
            if (id == null && p.value() instanceof dev.faultline.core.tree.ScalarNode sc) {
                // a Fn::Sub variable kept as its name: ${Worker.Arn} or ${Worker}
                String name = sc.value();
                int dot = name.indexOf('.');
                id = dot < 0 ? name : name.substring(0, dot);
            }
            if (id != null && machine.template().resource(id) != null) {
                return machine.template().resource(id);
            }
        }
        return null;
    }
}
