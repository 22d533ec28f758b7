package dev.faultline.rules.esm;

import dev.faultline.core.eval.SubTexts;
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
import dev.faultline.rules.support.EventSources;
import dev.faultline.rules.support.Props;

/**
 * FL-ESM-008: {@code FilterCriteria} on an SQS mapping, or on an EventBridge pipe with an SQS source
 * ({@code SourceParameters.FilterCriteria}). Lambda (and Pipes, which filter the same way) deletes every
 * message that matches no filter; it is not left in the queue for another consumer.
 *
 * @see <a href="https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-event-filtering.html">EventBridge Pipes: event filtering</a>
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-sqs-filtering.html">Lambda: filtering SQS events</a>
 */
public final class SqsFilterDeletesMessages extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-ESM-008")
            .name("SqsFilterDeletesMessages")
            .severity(Severity.WARNING)
            .summary("An SQS event source mapping or pipe filters messages: the ones that do not match are deleted.")
            .rationale("With FilterCriteria on an SQS source, Lambda still receives every message, and deletes "
                    + "those that match none of the filters without invoking the function. They are not left for "
                    + "another consumer and never reach the dead-letter queue: a filter that is too narrow (or a "
                    + "producer that changes its message shape) silently loses messages. EventBridge Pipes with an "
                    + "SQS source filter the same way (SourceParameters.FilterCriteria).")
            .howToFix("Filter at the producer (SNS subscription filter policy, EventBridge rule) or use one queue per "
                    + "consumer; if the filter is intended, document that non-matching messages are dropped and "
                    + "monitor the queue's NumberOfMessagesDeleted against the function's invocations.")
            .tags("reliability", "lambda", "event-source-mapping", "sqs", "data-loss")
            .docsUrl("https://docs.aws.amazon.com/lambda/latest/dg/with-sqs-filtering.html")
            .examplesOf(SqsFilterDeletesMessages.class)
            .build();

    public SqsFilterDeletesMessages() {
        super(METADATA, Subscription.nodes(NodeKind.EVENT_SOURCE_MAPPING, NodeKind.PIPE));
    }

    @Override
    public void visitNode(GraphNode esm, RuleContext ctx) {
        if (esm.kind() == NodeKind.PIPE) {
            pipe(esm, ctx);
            return;
        }
        SourceFamily family = EventSources.family(esm, ctx);
        if (family != SourceFamily.SQS || !hasFilters(Props.path(ctx, esm, "FilterCriteria", "Filters"))) {
            return;
        }
        String queue = EventSources.queues(esm, ctx).stream()
                .findFirst()
                .map(q -> " of queue '" + q.name() + "'")
                .orElse("");
        ctx.report(
                Location.of(esm, "Properties/FilterCriteria").at(Props.at(esm, "FilterCriteria")),
                EventSources.describe(esm, family, ctx)
                        + " has FilterCriteria: messages" + queue + " that match no filter are deleted, not left for "
                        + "another consumer or the dead-letter queue");
    }

    /** A pipe that reads an SQS queue and filters: EventBridge Pipes filter like Lambda, deleting non-matching messages. */
    private static void pipe(GraphNode pipe, RuleContext ctx) {
        if (!hasFilters(Props.path(ctx, pipe, "SourceParameters", "FilterCriteria", "Filters"))) {
            return;
        }
        GraphNode source = ctx.graph().sourceOf(pipe);
        boolean sqs = source != null
                ? source.kind() == NodeKind.QUEUE
                : Props.node(pipe, "SourceParameters", "SqsQueueParameters") != null
                        || EventSource.arnFamily(SubTexts.shape(pipe.property("Source"))) == SourceFamily.SQS
                        || ctx.property(pipe, "Source").knownStrings().stream()
                                .anyMatch(s -> EventSource.arnFamily(s) == SourceFamily.SQS);
        if (!sqs) {
            return;
        }
        String queue = source == null ? "" : " of queue '" + source.name() + "'";
        ctx.report(
                Location.of(pipe, "Properties/SourceParameters/FilterCriteria")
                        .at(Props.node(pipe, "SourceParameters", "FilterCriteria")),
                "Pipe '" + pipe.name() + "' reads an SQS queue and has FilterCriteria: messages" + queue
                        + " that match no filter are deleted, not left for another consumer or the dead-letter queue");
    }

    private static boolean hasFilters(Value filters) {
        for (Value alt : filters.alternatives()) {
            if (alt instanceof Value.Seq s && !s.items().isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
