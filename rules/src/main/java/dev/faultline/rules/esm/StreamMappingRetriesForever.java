package dev.faultline.rules.esm;

import dev.faultline.core.eval.Value;
import dev.faultline.core.graph.EventSource;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.graph.SourceFamily;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.core.tree.Node;
import dev.faultline.rules.support.EventSources;
import dev.faultline.rules.support.PollLimits;
import dev.faultline.rules.support.Props;
import java.util.List;
import java.util.Optional;

/**
 * FL-ESM-001: a stream or Kafka mapping that leaves both {@code MaximumRetryAttempts} and
 * {@code MaximumRecordAgeInSeconds} at -1. A failing batch is retried until its records leave the
 * stream's retention, and every record behind it on the shard waits. (A Kafka mapping with an
 * OnFailure destination is exempt: Lambda then caps infinite retries at 10.)
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-errors.html">Lambda: Kinesis error handling</a>
 */
public final class StreamMappingRetriesForever extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-ESM-001")
            .name("StreamMappingRetriesForever")
            .severity(Severity.WARNING)
            .summary("A stream or Kafka event source mapping retries a failing batch until the records expire.")
            .rationale("For Kinesis, DynamoDB Streams, MSK and self-managed Kafka, MaximumRetryAttempts and "
                    + "MaximumRecordAgeInSeconds default to -1 (infinite). Records of a shard are processed in "
                    + "order, so one record the function cannot process is retried until it leaves the stream's "
                    + "retention (24 hours by default, up to a week or more for Kinesis), and the whole shard "
                    + "stops behind it: IteratorAge grows and fresh data waits or expires.")
            .howToFix("Set MaximumRetryAttempts (for example 3) and/or MaximumRecordAgeInSeconds, together with "
                    + "BisectBatchOnFunctionError and an OnFailure destination so discarded records can be found.")
            .tags("reliability", "lambda", "event-source-mapping", "kinesis", "dynamodb", "kafka", "poison-message")
            .docsUrl("https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-errors.html")
            .examplesOf(StreamMappingRetriesForever.class)
            .build();

    public StreamMappingRetriesForever() {
        super(METADATA, Subscription.nodes(NodeKind.EVENT_SOURCE_MAPPING));
    }

    @Override
    public void visitNode(GraphNode esm, RuleContext ctx) {
        SourceFamily family = EventSources.family(esm, ctx);
        if (!family.isStreamOrKafka()) {
            return;
        }
        if (family.mayBeKafka() && !EventSources.onFailureDestination(esm, ctx).isAbsent()) {
            return; // Kafka: infinite retries with an OnFailure destination are capped at 10 by Lambda
        }
        EventSource source = ctx.graph().eventSource(esm);
        Optional<List<Long>> retries = Props.longs(ctx.eval(esm, source.retryAttempts()), PollLimits.INFINITE);
        Optional<List<Long>> age = Props.longs(ctx.eval(esm, source.recordAge()), PollLimits.INFINITE);
        if (retries.isEmpty() || age.isEmpty()) {
            return;
        }
        if (Props.badPair(retries.get(), age.get(), (r, a) -> r == PollLimits.INFINITE && a == PollLimits.INFINITE)
                .isEmpty()) {
            return;
        }
        Node at = source.retryAttempts();
        ctx.report(
                Location.of(esm, "Properties/MaximumRetryAttempts").at(at),
                EventSources.describe(esm, family, ctx)
                        + " leaves MaximumRetryAttempts and MaximumRecordAgeInSeconds at -1 (infinite): one failing record "
                        + "blocks its "
                        + (family.isKafka() ? "partition" : family.isStream() ? "shard" : "shard or partition")
                        + " until it leaves "
                        + retention(esm, family, ctx));
    }

    private static String retention(GraphNode esm, SourceFamily family, RuleContext ctx) {
        if (family == SourceFamily.DYNAMODB) {
            return "the stream's 24 h retention";
        }
        if (family.isKafka()) {
            return "the topic's retention";
        }
        if (!family.isStream()) {
            return "the source's retention";
        }
        for (Value v : ctx.property(esm, "EventSourceArn").alternatives()) {
            Optional<GraphNode> stream = v.referencedResource()
                    .map(id -> ctx.graph().find(esm.template(), id))
                    .filter(n -> n.type().equals("AWS::Kinesis::Stream"));
            if (stream.isPresent()) {
                Optional<List<Long>> hours = Props.longs(
                        ctx.property(stream.get(), "RetentionPeriodHours"), PollLimits.STREAM_RETENTION_HOURS_DEFAULT);
                if (hours.isPresent() && hours.get().size() == 1) {
                    return "stream '" + stream.get().name() + "' after its "
                            + hours.get().get(0) + " h retention";
                }
                return "the stream's retention"; // set, but not known here
            }
        }
        return "the stream's retention (24 h by default)";
    }
}
