package dev.faultline.rules.sqs;

import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.graph.Redrive;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.rules.support.Fifo;
import dev.faultline.rules.support.PollLimits;
import dev.faultline.rules.support.Props;
import java.util.List;
import java.util.Optional;

/**
 * FL-SQS-006: the dead-letter queue of a standard queue keeps messages no longer than the source.
 * A moved message keeps its original enqueue time, so it can expire from the DLQ almost at once.
 * (FIFO queues reset the timestamp on move, so they are not checked.)
 *
 * @see <a href="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/setting-up-dead-letter-queue-retention.html">SQS dead-letter queue retention</a>
 */
public final class DeadLetterQueueRetentionNotLonger extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SQS-006")
            .name("DeadLetterQueueRetentionNotLonger")
            .severity(Severity.WARNING)
            .summary("A standard queue's dead-letter queue does not keep messages longer than the source queue.")
            .rationale("For standard queues, the expiration of a message is based on its original enqueue time: "
                    + "moving it to the dead-letter queue does not reset it. If the DLQ's MessageRetentionPeriod is "
                    + "not longer than the source's (both are 4 days by default), a message that spent days being "
                    + "retried expires from the DLQ almost as soon as it arrives, before anyone can inspect or "
                    + "redrive it.")
            .howToFix("Set the dead-letter queue's MessageRetentionPeriod longer than the source queue's, "
                    + "typically the maximum of 1209600 s (14 days).")
            .tags("reliability", "sqs", "dead-letter-queue", "retention", "data-loss")
            .docsUrl(
                    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/setting-up-dead-letter-queue-retention.html")
            .examplesOf(DeadLetterQueueRetentionNotLonger.class)
            .build();

    public DeadLetterQueueRetentionNotLonger() {
        super(METADATA, Subscription.nodes(NodeKind.QUEUE));
    }

    @Override
    public void visitNode(GraphNode source, RuleContext ctx) {
        if (!Fifo.of(source, ctx).equals(Optional.of(false))) {
            return;
        }
        Optional<List<Long>> sourceRetention =
                Props.longs(ctx.property(source, "MessageRetentionPeriod"), PollLimits.MESSAGE_RETENTION_DEFAULT);
        if (sourceRetention.isEmpty()) {
            return;
        }
        for (Redrive r : ctx.graph().redrives(source)) {
            GraphNode dlq = r.dlq();
            if (dlq == null || dlq == source || !Fifo.of(dlq, ctx).equals(Optional.of(false))) {
                continue;
            }
            Optional<List<Long>> dlqRetention =
                    Props.longs(ctx.property(dlq, "MessageRetentionPeriod"), PollLimits.MESSAGE_RETENTION_DEFAULT);
            if (dlqRetention.isEmpty()) {
                continue;
            }
            Optional<long[]> bad = Props.badPair(dlqRetention.get(), sourceRetention.get(), (d, s) -> d <= s);
            if (bad.isEmpty()) {
                continue;
            }
            ctx.report(
                    Location.of(dlq, "Properties/MessageRetentionPeriod"),
                    "Dead-letter queue '" + dlq.name() + "' keeps messages "
                            + Props.seconds(bad.get()[0], dlq.property("MessageRetentionPeriod") == null)
                            + ", no longer than its source queue '"
                            + source.name() + "'" + ctx.graph().where(source, dlq) + " ("
                            + Props.seconds(bad.get()[1], source.property("MessageRetentionPeriod") == null)
                            + "); a moved message keeps its original enqueue time and can expire from the dead-letter queue "
                            + "almost at once");
        }
    }
}
