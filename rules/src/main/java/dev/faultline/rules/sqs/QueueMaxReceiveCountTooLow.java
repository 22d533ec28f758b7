package dev.faultline.rules.sqs;

import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.graph.Redrive;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Fix;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.RuleOption;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.core.tree.ScalarNode;
import dev.faultline.rules.support.EventSources;
import dev.faultline.rules.support.PollLimits;
import java.util.List;

/**
 * FL-SQS-004: {@code maxReceiveCount} below 5 (option {@code minimumReceiveCount}) on a queue that
 * Lambda consumes. Throttled invocations return batches to the queue and count as receives, so
 * healthy messages can be dead-lettered. A literal count comes with a fix that sets the minimum.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html">Lambda: handling errors for an SQS event source</a>
 */
public final class QueueMaxReceiveCountTooLow extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SQS-004")
            .name("QueueMaxReceiveCountTooLow")
            .severity(Severity.WARNING)
            .summary("A Lambda-consumed queue dead-letters messages after fewer than 5 receives.")
            .rationale("Every time Lambda's pollers receive a message and the invocation is throttled or the batch "
                    + "fails because of another message, the receive count grows. With maxReceiveCount below 5, "
                    + "throttling or one bad neighbour in a batch is enough to move a healthy message to the "
                    + "dead-letter queue. AWS recommends at least 5 for Lambda consumers.")
            .howToFix("Set maxReceiveCount to 5 or more in the queue's RedrivePolicy.")
            .tags("reliability", "sqs", "lambda", "dead-letter-queue", "throttling")
            .docsUrl("https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html")
            .examplesOf(QueueMaxReceiveCountTooLow.class)
            .build();

    /** The smallest maxReceiveCount accepted for a Lambda-consumed queue. */
    static final RuleOption<Long> MINIMUM_RECEIVE_COUNT = new RuleOption<>(
            "minimumReceiveCount",
            Long.class,
            PollLimits.MIN_MAX_RECEIVE_COUNT,
            "the smallest maxReceiveCount accepted for a queue Lambda consumes " + "(AWS recommends at least 5)");

    public QueueMaxReceiveCountTooLow() {
        super(METADATA, Subscription.nodes(NodeKind.QUEUE), MINIMUM_RECEIVE_COUNT);
    }

    @Override
    public void visitNode(GraphNode queue, RuleContext ctx) {
        List<GraphNode> consumers = EventSources.consumers(queue, ctx);
        if (consumers.isEmpty()) {
            return;
        }
        long minimum = ctx.option(MINIMUM_RECEIVE_COUNT);
        for (Redrive r : ctx.graph().redrives(queue)) {
            for (long count : ctx.eval(queue, r.maxReceiveCount()).knownLongs()) {
                if (count < minimum) {
                    var reported = ctx.report(
                            Location.of(queue, "Properties/RedrivePolicy/maxReceiveCount")
                                    .at(r.maxReceiveCount()),
                            "Queue '" + queue.name() + "' consumed by "
                                    + consumer(consumers.get(0), ctx) + " has maxReceiveCount " + count + ", below "
                                    + minimum
                                    + ": throttling or a failing neighbour in a batch alone can move healthy messages to the "
                                    + "dead-letter queue");
                    if (r.maxReceiveCount() instanceof ScalarNode literal) {
                        reported.withFix(
                                new Fix("Set maxReceiveCount to " + minimum, literal.span(), String.valueOf(minimum)));
                    }
                    return;
                }
            }
        }
    }

    private static String consumer(GraphNode esm, RuleContext ctx) {
        List<GraphNode> fns = EventSources.functions(esm, ctx);
        return fns.size() == 1 ? "function '" + fns.get(0).name() + "'" : "event source mapping '" + esm.name() + "'";
    }
}
