package dev.faultline.rules.esm;

import dev.faultline.core.eval.Value;
import dev.faultline.core.graph.Edge;
import dev.faultline.core.graph.EdgeKind;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.tree.Node;
import dev.faultline.rules.support.Patterns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Graph helpers for event source mappings: which family a mapping reads, the function it invokes,
 * the queue it consumes. Raw {@code AWS::Lambda::EventSourceMapping}, CDK output and SAM events (as
 * implied nodes of the graph) all look alike here.
 */
public final class EventSources {

    private static final String[] ON_FAILURE_DESTINATION = {"DestinationConfig", "OnFailure", "Destination"};

    private EventSources() {
    }

    /** The source family of a mapping, from its {@code EventSourceArn} or {@code SelfManagedEventSource}. */
    public static SourceFamily family(GraphNode esm, RuleContext ctx) {
        Node arn = esm.property("EventSourceArn");
        if (arn == null) {
            return esm.property("SelfManagedEventSource") != null ? SourceFamily.SELF_MANAGED_KAFKA : SourceFamily.UNKNOWN;
        }
        Value v = ctx.eval(esm, arn);
        if (v instanceof Value.Unknown) {
            return arnFamily(Patterns.of(arn));
        }
        SourceFamily found = null;
        for (Value alt : v.alternatives()) {
            SourceFamily f = family(esm, alt, ctx);
            if (f == SourceFamily.UNKNOWN || (found != null && found != f)) {
                return SourceFamily.UNKNOWN;
            }
            found = f;
        }
        return found == null ? SourceFamily.UNKNOWN : found;
    }

    private static SourceFamily family(GraphNode esm, Value alt, RuleContext ctx) {
        if (alt instanceof Value.Str s) {
            return arnFamily(s.value());
        }
        Optional<String> id = alt.referencedResource();
        if (id.isEmpty()) {
            return SourceFamily.UNKNOWN;
        }
        GraphNode src = ctx.graph().find(esm.template(), id.get());
        if (src == null) {
            return SourceFamily.UNKNOWN;
        }
        String attr = alt instanceof Value.Attr a ? a.attribute() : null;
        switch (src.type()) {
            case "AWS::SQS::Queue":
                return "Arn".equals(attr) ? SourceFamily.SQS : SourceFamily.UNKNOWN;
            case "AWS::Kinesis::Stream", "AWS::Kinesis::StreamConsumer":
                return SourceFamily.KINESIS;
            case "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable":
                return "StreamArn".equals(attr) ? SourceFamily.DYNAMODB : SourceFamily.UNKNOWN;
            case "AWS::MSK::Cluster", "AWS::MSK::ServerlessCluster":
                return SourceFamily.MSK;
            case "AWS::AmazonMQ::Broker":
                return SourceFamily.MQ;
            case "AWS::DocDB::DBCluster":
                return SourceFamily.DOCUMENTDB;
            default:
                return SourceFamily.UNKNOWN;
        }
    }

    /** The family of an ARN text ({@code *} stands for an unresolved part). */
    static SourceFamily arnFamily(String arn) {
        if (arn == null) {
            return SourceFamily.UNKNOWN;
        }
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || parts[2].contains("*")) {
            return SourceFamily.UNKNOWN;
        }
        switch (parts[2].toLowerCase(Locale.ROOT)) {
            case "sqs":
                return SourceFamily.SQS;
            case "kinesis":
                return SourceFamily.KINESIS;
            case "dynamodb":
                return parts[5].contains("/stream/") ? SourceFamily.DYNAMODB : SourceFamily.UNKNOWN;
            case "kafka":
                return SourceFamily.MSK;
            case "mq":
                return SourceFamily.MQ;
            case "rds":
                return SourceFamily.DOCUMENTDB;
            default:
                return SourceFamily.UNKNOWN;
        }
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
        for (Value alt : ctx.property(esm, "FunctionResponseTypes").alternatives()) {
            if (alt instanceof Value.Absent) {
                out.add(false);
            } else if (alt instanceof Value.Seq seq) {
                boolean has = false;
                for (Value item : seq.items()) {
                    if (item.isUnknown()) {
                        return Optional.empty();
                    }
                    has |= item.asString().filter("ReportBatchItemFailures"::equals).isPresent();
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
