package dev.faultline.rules.support;

import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.rules.esm.Props;
import java.util.List;
import java.util.Optional;

/** A Lambda function's settings as the SQS, ESM, Step Functions and Lambda rules read them. */
public final class Functions {

    /** Lambda's {@code Timeout} when absent, seconds. */
    public static final long DEFAULT_TIMEOUT_SECONDS = 3;

    private Functions() {
    }

    /**
     * The function's {@code Timeout} alternatives in seconds (SAM {@code Globals} are already merged
     * into the node; an absent branch is the 3 s default); empty when any branch is unknown.
     */
    public static Optional<List<Long>> timeouts(GraphNode fn, RuleContext ctx) {
        return Props.longs(ctx.property(fn, "Timeout"), DEFAULT_TIMEOUT_SECONDS);
    }
}
