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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Graph helpers for event source mappings: which family a mapping reads, the function it invokes,
 * the queue it consumes. Raw {@code AWS::Lambda::EventSourceMapping}, CDK output and SAM events (as
 * implied nodes of the graph) all look alike here.
 */
public final class EventSources {

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
     * The functions a mapping invokes: the targets of its {@code invokes} edges, through an alias or
     * version to its function, or (without an edge) a function of the same template whose
     * {@code FunctionName} equals the mapping's.
     */
    public static List<GraphNode> functions(GraphNode esm, RuleContext ctx) {
        Set<GraphNode> out = new LinkedHashSet<>();
        for (Edge e : ctx.graph().outgoing(esm, EdgeKind.INVOKES)) {
            GraphNode to = e.to();
            if (to.kind() == NodeKind.FUNCTION) {
                out.add(to);
            } else if (to.kind() == NodeKind.ALIAS || to.kind() == NodeKind.VERSION) {
                for (Value v : ctx.property(to, "FunctionName").alternatives()) {
                    v.referencedResource().map(id -> ctx.graph().find(to.template(), id))
                            .filter(f -> f.kind() == NodeKind.FUNCTION).ifPresent(out::add);
                }
            }
        }
        if (out.isEmpty()) {
            ctx.property(esm, "FunctionName").asString().ifPresent(name -> {
                for (GraphNode f : ctx.graph().nodes(NodeKind.FUNCTION)) {
                    if (f.template() == esm.template() && ctx.property(f, "FunctionName").asString()
                            .filter(name::equals).isPresent()) {
                        out.add(f);
                    }
                }
            });
        }
        return new ArrayList<>(out);
    }

    /** The queues of the template a mapping consumes (usually one). */
    public static List<GraphNode> queues(GraphNode esm, RuleContext ctx) {
        Set<GraphNode> out = new LinkedHashSet<>();
        for (Edge e : ctx.graph().incoming(esm, EdgeKind.CONSUMES)) {
            if (e.from().kind() == NodeKind.QUEUE) {
                out.add(e.from());
            }
        }
        if (out.isEmpty()) {
            for (Value v : ctx.property(esm, "EventSourceArn").alternatives()) {
                v.referencedResource().map(id -> ctx.graph().find(esm.template(), id))
                        .filter(q -> q.kind() == NodeKind.QUEUE).ifPresent(out::add);
            }
        }
        return new ArrayList<>(out);
    }

    /** The Lambda event source mappings that read a queue. */
    public static List<GraphNode> consumers(GraphNode queue, RuleContext ctx) {
        Set<GraphNode> out = new LinkedHashSet<>();
        for (Edge e : ctx.graph().outgoing(queue, EdgeKind.CONSUMES)) {
            if (e.to().kind() == NodeKind.EVENT_SOURCE_MAPPING) {
                out.add(e.to());
            }
        }
        if (out.isEmpty()) {
            for (GraphNode esm : ctx.graph().nodes(NodeKind.EVENT_SOURCE_MAPPING)) {
                if (esm.template() == queue.template() && queues(esm, ctx).contains(queue)) {
                    out.add(esm);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** The SQS event source mappings that invoke a function. */
    public static List<GraphNode> sqsMappingsOf(GraphNode function, RuleContext ctx) {
        List<GraphNode> out = new ArrayList<>();
        for (GraphNode esm : ctx.graph().nodes(NodeKind.EVENT_SOURCE_MAPPING)) {
            if (esm.template() == function.template() && functions(esm, ctx).contains(function)
                    && family(esm, ctx) == SourceFamily.SQS) {
                out.add(esm);
            }
        }
        return out;
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
