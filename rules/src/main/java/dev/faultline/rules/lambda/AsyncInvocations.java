package dev.faultline.rules.lambda;

import dev.faultline.core.eval.Value;
import dev.faultline.core.graph.Edge;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.InvocationMode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import java.util.ArrayList;
import java.util.List;

/** What the graph says about how a function is invoked asynchronously, shared by the FL-LAMBDA rules. */
final class AsyncInvocations {

    /** The qualifier an unqualified invocation runs. */
    static final String LATEST = "$LATEST";

    private AsyncInvocations() {}

    /**
     * The asynchronous {@code invokes} edges into a function. CloudFormation custom resources are
     * left out: their failure surfaces as a failed stack operation, not a lost event (CDK's
     * {@code Custom::S3BucketNotifications} stands for the bucket and stays).
     */
    static List<Edge> asyncEdges(RuleContext ctx, GraphNode fn) {
        List<Edge> out = new ArrayList<>(2);
        for (Edge e : triggers(ctx, fn)) {
            if (e.mode() == InvocationMode.ASYNC) {
                out.add(e);
            }
        }
        return out;
    }

    /** The invocations that count as triggers (everything but custom resources). */
    static List<Edge> triggers(RuleContext ctx, GraphNode fn) {
        List<Edge> out = new ArrayList<>(2);
        for (Edge e : ctx.graph().invocations(fn)) {
            if (e.from().kind() != NodeKind.CUSTOM_RESOURCE
                    || (BUCKET_NOTIFICATIONS.equals(e.from().type())
                            && e.evidence() != null
                            && e.evidence().path().contains("/NotificationConfiguration/"))) {
                out.add(e);
            }
        }
        return out;
    }

    /** CDK's custom resource that writes S3 bucket notifications. */
    private static final String BUCKET_NOTIFICATIONS = "Custom::S3BucketNotifications";

    /** The qualifier an edge targets: {@code $LATEST} when unqualified, null when unknown. */
    static String invokedQualifier(Edge e) {
        if (e.qualifier() == null) {
            return LATEST;
        }
        return Edge.UNKNOWN_QUALIFIER.equals(e.qualifier()) ? null : e.qualifier();
    }

    /** An EventInvokeConfig's {@code Qualifier}, or null when it cannot be known. */
    static String configQualifier(RuleContext ctx, GraphNode eic) {
        Value v = ctx.property(eic, "Qualifier");
        return v.asString().orElse(null);
    }

    /** Whether an EventInvokeConfig has an OnFailure destination (an unknown form counts as present). */
    static boolean hasOnFailure(GraphNode eic) {
        Node dc = eic.property("DestinationConfig");
        if (dc == null) {
            return false;
        }
        if (!(dc instanceof MapNode dm)) {
            return true;
        }
        Node of = dm.get("OnFailure");
        if (of == null) {
            return false;
        }
        // a SAM Type without Destination that SAM did not turn into a queue or topic (a wrong Type,
        // FL-PARSE-007) is an unknown destination, not a missing one
        return !(of instanceof MapNode om) || om.get("Destination") != null || om.get("Type") != null;
    }
}
