package dev.faultline.rules.esm;

import dev.faultline.core.eval.Value;
import dev.faultline.core.graph.Edge;
import dev.faultline.core.graph.EdgeKind;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.tree.MapNode;
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

    /**
     * The source family of a mapping, from its {@code EventSourceArn} or {@code SelfManagedEventSource};
     * when the source cannot be resolved (a parameter, an import), from what fixes the family: the SAM
     * event {@code Type}, or a property only one family has ({@link #hintedFamily}). Rules that need the
     * source's own settings read the source node, which such a mapping does not have.
     */
    public static SourceFamily family(GraphNode esm, RuleContext ctx) {
        Node arn = esm.property("EventSourceArn");
        if (arn == null) {
            return esm.property("SelfManagedEventSource") != null ? SourceFamily.SELF_MANAGED_KAFKA
                    : hintedFamily(esm, ctx);
        }
        Value v = ctx.eval(esm, arn);
        List<Value> alternatives = v instanceof Value.Unknown ? List.of() : v.alternatives();
        SourceFamily found = v instanceof Value.Unknown ? arnFamily(Patterns.of(arn)) : null;
        boolean unresolved = found == SourceFamily.UNKNOWN;
        if (unresolved) {
            found = null;
        }
        for (Value alt : alternatives) {
            SourceFamily f = family(esm, alt, ctx);
            if (f == SourceFamily.UNKNOWN) {
                unresolved = true;
            } else if (found != null && found != f) {
                return SourceFamily.UNKNOWN;
            } else {
                found = f;
            }
        }
        if (!unresolved) {
            return found == null ? SourceFamily.UNKNOWN : found;
        }
        SourceFamily hint = hintedFamily(esm, ctx);
        if (found == null) {
            return hint;
        }
        return hint.admits(found) ? found : SourceFamily.UNKNOWN;
    }

    private static final List<String> STREAM_ONLY = List.of("BisectBatchOnFunctionError", "ParallelizationFactor",
            "TumblingWindowInSeconds");

    /**
     * The family a mapping's own settings fix, without its source: the SAM event {@code Type} it was
     * written as; {@code Topics} or a Kafka config (Kafka), {@code Queues} (Amazon MQ), a DocumentDB
     * config; a {@code StartingPosition} (stream or Kafka), with a stream-only setting (stream).
     */
    static SourceFamily hintedFamily(GraphNode esm, RuleContext ctx) {
        String samType = samEventType(esm);
        if (samType != null) {
            switch (samType) {
                case "SQS":
                    return SourceFamily.SQS;
                case "Kinesis":
                    return SourceFamily.KINESIS;
                case "DynamoDB":
                    return SourceFamily.DYNAMODB;
                case "MSK":
                    return SourceFamily.MSK;
                case "SelfManagedKafka":
                    return SourceFamily.SELF_MANAGED_KAFKA;
                case "MQ":
                    return SourceFamily.MQ;
                case "DocumentDB":
                    return SourceFamily.DOCUMENTDB;
                default:
                    break;
            }
        }
        if (esm.property("SelfManagedKafkaEventSourceConfig") != null || esm.property("SelfManagedEventSource") != null) {
            return SourceFamily.SELF_MANAGED_KAFKA;
        }
        if (esm.property("AmazonManagedKafkaEventSourceConfig") != null || esm.property("Topics") != null) {
            return SourceFamily.MSK;
        }
        if (esm.property("Queues") != null) {
            return SourceFamily.MQ;
        }
        if (esm.property("DocumentDBEventSourceConfig") != null) {
            return SourceFamily.DOCUMENTDB;
        }
        if (ctx.property(esm, "StartingPosition").knownStrings().isEmpty()) {
            return SourceFamily.UNKNOWN;
        }
        for (String k : STREAM_ONLY) {
            if (esm.property(k) != null) {
                return SourceFamily.STREAM;
            }
        }
        return SourceFamily.STREAM_OR_KAFKA;
    }

    /** The {@code Type} of the SAM event an implied mapping comes from ({@code SQS}, {@code Kinesis}), or null. */
    private static String samEventType(GraphNode esm) {
        if (!esm.implied() || esm.resource() == null) {
            return null;
        }
        String marker = "/Properties/Events/";
        String path = esm.logicalPath();
        int at = path.indexOf(marker);
        if (at < 0) {
            return null;
        }
        String rest = path.substring(at + marker.length());
        String event = rest.indexOf('/') < 0 ? rest : rest.substring(0, rest.indexOf('/'));
        if (!rest.equals(event)) {
            return null; // a mapping SAM derives from another event (an SNS SqsSubscription)
        }
        MapNode events = esm.resource().properties().getMap("Events");
        MapNode declared = events == null ? null : events.getMap(event);
        return declared == null ? null : declared.getText("Type");
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
