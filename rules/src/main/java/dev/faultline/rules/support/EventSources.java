package dev.faultline.rules.support;

import dev.faultline.core.eval.Value;
import dev.faultline.core.graph.Edge;
import dev.faultline.core.graph.EdgeKind;
import dev.faultline.core.graph.EventSource;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.graph.SourceFamily;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.tree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Graph helpers for event source mappings: which family a mapping reads (read by the graph), the function it invokes,
 * the queue it consumes. Raw {@code AWS::Lambda::EventSourceMapping}, CDK output and SAM events (as
 * implied nodes of the graph) all look alike here.
 */
public final class EventSources {

    private static final String[] ON_FAILURE_DESTINATION = {"DestinationConfig", "OnFailure", "Destination"};

    private EventSources() {}

    /**
     * The source family of a mapping, as the graph read it ({@link EventSource}); unknown for a node
     * that is not a mapping.
     */
    public static SourceFamily family(GraphNode esm, RuleContext ctx) {
        EventSource s = ctx.graph().eventSource(esm);
        return s == null ? SourceFamily.UNKNOWN : s.family();
    }

    /**
     * The functions a mapping invokes: the targets of its {@code invokes} edges (the graph resolves
     * aliases, versions and literal names and ARNs to their function).
     */
    public static List<GraphNode> functions(GraphNode esm, RuleContext ctx) {
        List<GraphNode> out = new ArrayList<>(1);
        for (Edge e : ctx.graph().outgoing(esm, EdgeKind.INVOKES)) {
            if (e.to().kind() == NodeKind.FUNCTION && !out.contains(e.to())) {
                out.add(e.to());
            }
        }
        return out;
    }

    /** The queues a mapping consumes (usually one; one per {@code Fn::If} branch). */
    public static List<GraphNode> queues(GraphNode esm, RuleContext ctx) {
        List<GraphNode> out = new ArrayList<>(1);
        for (Edge e : ctx.graph().incoming(esm, EdgeKind.CONSUMES)) {
            if (e.from().kind() == NodeKind.QUEUE && !out.contains(e.from())) {
                out.add(e.from());
            }
        }
        return out;
    }

    /** The Lambda event source mappings that read a queue (pipes left out). */
    public static List<GraphNode> consumers(GraphNode queue, RuleContext ctx) {
        List<GraphNode> out = new ArrayList<>(1);
        for (GraphNode c : ctx.graph().consumersOf(queue)) {
            if (c.kind() == NodeKind.EVENT_SOURCE_MAPPING) {
                out.add(c);
            }
        }
        return out;
    }

    /** The SQS event source mappings that invoke a function. */
    public static List<GraphNode> sqsMappingsOf(GraphNode function, RuleContext ctx) {
        List<GraphNode> out = new ArrayList<>();
        for (GraphNode esm : ctx.graph().invokers(function)) {
            if (esm.kind() == NodeKind.EVENT_SOURCE_MAPPING && family(esm, ctx) == SourceFamily.SQS) {
                out.add(esm);
            }
        }
        return out;
    }

    /** A queue's {@code VisibilityTimeout} alternatives in seconds (30 s when absent); empty when unknown. */
    public static Optional<List<Long>> visibilityTimeouts(GraphNode queue, RuleContext ctx) {
        return Props.longs(ctx.property(queue, "VisibilityTimeout"), PollLimits.VISIBILITY_TIMEOUT_DEFAULT);
    }

    /** A mapping's {@code DestinationConfig.OnFailure.Destination} (absent, unknown or per {@code Fn::If} branch). */
    public static Value onFailureDestination(GraphNode esm, RuleContext ctx) {
        return Props.path(ctx, esm, ON_FAILURE_DESTINATION);
    }

    /** Where {@link #onFailureDestination} is written, or null. */
    public static Node onFailureDestinationNode(GraphNode esm) {
        return Props.node(esm, ON_FAILURE_DESTINATION);
    }

    /** {@code Kinesis mapping 'X' of function 'F'} for messages. */
    public static String describe(GraphNode esm, SourceFamily family, RuleContext ctx) {
        List<GraphNode> fns = functions(esm, ctx);
        String what = (family == SourceFamily.UNKNOWN ? "" : family.label() + " ") + "event source mapping '"
                + esm.name() + "'";
        return fns.size() == 1 ? what + " of function '" + fns.get(0).name() + "'" : what;
    }

    /**
     * Per alternative of {@code FunctionResponseTypes}: whether it lists {@code ReportBatchItemFailures};
     * empty when any alternative is unknown.
     */
    public static Optional<List<Boolean>> reportsBatchItemFailures(GraphNode esm, RuleContext ctx) {
        List<Boolean> out = new ArrayList<>();
        for (Value alt :
                ctx.eval(esm, ctx.graph().eventSource(esm).responseTypes()).alternatives()) {
            if (alt instanceof Value.Absent) {
                out.add(false);
            } else if (alt instanceof Value.Seq seq) {
                boolean has = false;
                for (Value item : seq.items()) {
                    if (item.isUnknown()) {
                        return Optional.empty();
                    }
                    has |= item.asString()
                            .filter("ReportBatchItemFailures"::equals)
                            .isPresent();
                }
                out.add(has);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    /** The default {@code BatchSize} of a family. */
    public static long defaultBatchSize(SourceFamily family) {
        return family == SourceFamily.SQS ? PollLimits.SQS_BATCH_SIZE_DEFAULT : PollLimits.OTHER_BATCH_SIZE_DEFAULT;
    }
}
