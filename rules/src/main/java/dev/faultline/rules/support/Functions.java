package dev.faultline.rules.support;

import dev.faultline.core.graph.Edge;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.InvocationMode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.graph.ResourceGraph;
import dev.faultline.core.rule.RuleContext;
import java.util.List;
import java.util.Optional;

/** A Lambda function's settings as the SQS, ESM, Step Functions and Lambda rules read them. */
public final class Functions {

    /** Lambda's {@code Timeout} when absent, seconds. */
    public static final long DEFAULT_TIMEOUT_SECONDS = 3;

    private Functions() {}

    /**
     * The function's {@code Timeout} alternatives in seconds (SAM {@code Globals} are already merged
     * into the node; an absent branch is the 3 s default); empty when any branch is unknown.
     */
    public static Optional<List<Long>> timeouts(GraphNode fn, RuleContext ctx) {
        return Props.longs(ctx.property(fn, "Timeout"), DEFAULT_TIMEOUT_SECONDS);
    }

    /**
     * Whether a function's asynchronous failure settings (its {@code DeadLetterConfig}, an
     * EventInvokeConfig's destinations) can never be used: nothing invokes it asynchronously (in the
     * templates, or, by a permission or an exported ARN, from outside), while an event source mapping
     * or a synchronous invoker does. An invoker whose mode is not known counts as possibly
     * asynchronous. FL-LAMBDA-008 reports such settings; FL-OBS-001 does not call their queues failure
     * receivers.
     */
    public static boolean asyncSettingsNeverApply(GraphNode fn, RuleContext ctx) {
        ResourceGraph g = ctx.graph();
        if (g.outsideInvoker(fn) != null) {
            return false;
        }
        boolean invoked = false;
        for (Edge e : g.invocations(fn)) {
            if (e.mode() != InvocationMode.SYNC && e.mode() != InvocationMode.POLL) {
                return false;
            }
            invoked = true;
        }
        return invoked;
    }

    /**
     * Whether a function has an asynchronous failure setting (a {@code DeadLetterConfig}, an
     * EventInvokeConfig) that never applies ({@link #asyncSettingsNeverApply}): what FL-LAMBDA-008
     * reports, naming the real failure path of the invoker.
     */
    public static boolean hasUnusedFailureSetting(GraphNode fn, RuleContext ctx) {
        return (fn.property("DeadLetterConfig") != null
                        || !ctx.graph().eventInvokeConfigs(fn).isEmpty())
                && asyncSettingsNeverApply(fn, ctx);
    }

    /**
     * Whether a failure source (a {@code failsTo} edge's origin) is a function, or an EventInvokeConfig
     * of functions, whose asynchronous failure settings never apply ({@link #asyncSettingsNeverApply}):
     * its target is not said to receive failures (FL-OBS-001, FL-OBS-002).
     */
    public static boolean failureSettingNeverApplies(GraphNode source, RuleContext ctx) {
        if (source.kind() == NodeKind.FUNCTION) {
            return asyncSettingsNeverApply(source, ctx);
        }
        if (source.kind() != NodeKind.EVENT_INVOKE_CONFIG) {
            return false;
        }
        boolean any = false;
        for (GraphNode fn : ctx.graph().configures(source, NodeKind.FUNCTION)) {
            if (!asyncSettingsNeverApply(fn, ctx)) {
                return false;
            }
            any = true;
        }
        return any;
    }
}
