package dev.faultline.core.graph;

import dev.faultline.core.eval.Arn;
import dev.faultline.core.eval.Evaluator;
import dev.faultline.core.eval.SubTexts;
import dev.faultline.core.eval.Value;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import java.util.List;
import java.util.Optional;

/**
 * What an event source mapping reads and how it batches, as written: raw
 * {@code AWS::Lambda::EventSourceMapping}, CDK output and SAM events (implied mapping nodes) alike.
 * The graph reads it once per mapping ({@link ResourceGraph#eventSource}) and its {@code consumes}
 * edges carry it, so rules do not classify sources again.
 *
 * @param mapping        the mapping node
 * @param family         what it reads, from its {@code EventSourceArn} or {@code SelfManagedEventSource};
 *                       when the source cannot be resolved (a parameter, an import), from what fixes the
 *                       family: the SAM event {@code Type}, or a property only one family has
 * @param batchSize      {@code BatchSize} as written, or null
 * @param batchingWindow {@code MaximumBatchingWindowInSeconds} as written, or null
 * @param retryAttempts  {@code MaximumRetryAttempts} as written, or null (streams and Kafka: a failing
 *                       batch is retried that many times; -1 or absent is infinite)
 * @param recordAge      {@code MaximumRecordAgeInSeconds} as written, or null
 * @param bisect         {@code BisectBatchOnFunctionError} as written, or null
 * @param responseTypes  {@code FunctionResponseTypes} as written, or null ({@code ReportBatchItemFailures}:
 *                       the function reports the failed items of a batch)
 */
public record EventSource(
        GraphNode mapping,
        SourceFamily family,
        Node batchSize,
        Node batchingWindow,
        Node retryAttempts,
        Node recordAge,
        Node bisect,
        Node responseTypes)
        implements Edge.Written {

    private static final List<String> STREAM_ONLY =
            List.of("BisectBatchOnFunctionError", "ParallelizationFactor", "TumblingWindowInSeconds");

    /**
     * Reads a mapping node with its template's evaluator; {@code sources} are the nodes its
     * {@code EventSourceArn} links to (the graph follows nested stacks and exports, which the
     * evaluator leaves unknown).
     */
    static EventSource of(GraphNode esm, ResourceGraph g, Evaluator ev, List<GraphNode> sources) {
        return new EventSource(
                esm,
                family(esm, g, ev, sources),
                esm.property("BatchSize"),
                esm.property("MaximumBatchingWindowInSeconds"),
                esm.property("MaximumRetryAttempts"),
                esm.property("MaximumRecordAgeInSeconds"),
                esm.property("BisectBatchOnFunctionError"),
                esm.property("FunctionResponseTypes"));
    }

    private static SourceFamily family(GraphNode esm, ResourceGraph g, Evaluator ev, List<GraphNode> sources) {
        Node arn = esm.property("EventSourceArn");
        if (arn == null) {
            return esm.property("SelfManagedEventSource") != null
                    ? SourceFamily.SELF_MANAGED_KAFKA
                    : hintedFamily(esm, ev);
        }
        Value v = ev.eval(arn);
        if (v instanceof Value.Unknown) {
            SourceFamily linked = linkedFamily(esm, sources);
            if (linked != null) {
                return linked;
            }
        }
        List<Value> alternatives = v instanceof Value.Unknown ? List.of() : v.alternatives();
        SourceFamily found = v instanceof Value.Unknown ? arnFamily(SubTexts.shape(arn)) : null;
        boolean unresolved = found == SourceFamily.UNKNOWN;
        if (unresolved) {
            found = null;
        }
        for (Value alt : alternatives) {
            SourceFamily f = family(esm, alt, g);
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
        SourceFamily hint = hintedFamily(esm, ev);
        if (found == null) {
            return hint;
        }
        return hint.admits(found) ? found : SourceFamily.UNKNOWN;
    }

    /**
     * The family a mapping's own settings fix, without its source: the SAM event {@code Type} it was
     * written as; {@code Topics} or a Kafka config (Kafka), {@code Queues} (Amazon MQ), a DocumentDB
     * config; a {@code StartingPosition} (stream or Kafka), with a stream-only setting (stream).
     */
    private static SourceFamily hintedFamily(GraphNode esm, Evaluator ev) {
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
        if (esm.property("SelfManagedKafkaEventSourceConfig") != null
                || esm.property("SelfManagedEventSource") != null) {
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
        if (ev.eval(esm.property("StartingPosition")).knownStrings().isEmpty()) {
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

    private static SourceFamily family(GraphNode esm, Value alt, ResourceGraph g) {
        if (alt instanceof Value.Str s) {
            return arnFamily(s.value());
        }
        Optional<String> id = alt.referencedResource();
        if (id.isEmpty()) {
            return SourceFamily.UNKNOWN;
        }
        GraphNode src = g.find(esm.template(), id.get());
        if (src == null) {
            return SourceFamily.UNKNOWN;
        }
        String attr = alt instanceof Value.Attr a ? a.attribute() : null;
        return typeFamily(src.type(), attr, false);
    }

    /**
     * The family of sources written in another template (a nested stack's output, an export): the
     * evaluator leaves them unknown and the graph links them; known when every one is of one family.
     */
    private static SourceFamily linkedFamily(GraphNode esm, List<GraphNode> sources) {
        SourceFamily found = null;
        for (GraphNode src : sources) {
            if (src.template() == null || src.template() == esm.template()) {
                return null;
            }
            SourceFamily f = typeFamily(src.type(), null, true);
            if (f == SourceFamily.UNKNOWN || (found != null && found != f)) {
                return null;
            }
            found = f;
        }
        return found;
    }

    /**
     * The family of a source resource type; {@code attr} is the {@code Fn::GetAtt} attribute, which
     * must name the queue's or table stream's ARN unless {@code linked} (the graph linked the node
     * through another template, where the attribute is not seen).
     */
    private static SourceFamily typeFamily(String type, String attr, boolean linked) {
        switch (type) {
            case "AWS::SQS::Queue":
                return linked || "Arn".equals(attr) ? SourceFamily.SQS : SourceFamily.UNKNOWN;
            case "AWS::Kinesis::Stream", "AWS::Kinesis::StreamConsumer":
                return SourceFamily.KINESIS;
            case "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable":
                return linked || "StreamArn".equals(attr) ? SourceFamily.DYNAMODB : SourceFamily.UNKNOWN;
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
    public static SourceFamily arnFamily(String text) {
        Arn arn = Arn.parse(text);
        if (arn == null || !arn.serviceKnown()) {
            return SourceFamily.UNKNOWN;
        }
        switch (arn.service()) {
            case "sqs":
                return SourceFamily.SQS;
            case "kinesis":
                return SourceFamily.KINESIS;
            case "dynamodb":
                return arn.resource().contains("/stream/") ? SourceFamily.DYNAMODB : SourceFamily.UNKNOWN;
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
}
