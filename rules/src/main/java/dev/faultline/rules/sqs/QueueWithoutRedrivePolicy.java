package dev.faultline.rules.sqs;

import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import java.util.List;

/**
 * FL-SQS-001: a queue consumed by Lambda (an event source mapping, raw or SAM) or by a pipe, with no
 * {@code RedrivePolicy}. A message whose processing always fails is received again and again until
 * the queue's retention period ends, then deleted without a trace.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html">Lambda: handling errors for an SQS event source</a>
 */
public final class QueueWithoutRedrivePolicy extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SQS-001")
            .name("QueueWithoutRedrivePolicy")
            .severity(Severity.WARNING)
            .summary("A queue consumed by Lambda or a pipe has no RedrivePolicy.")
            .rationale("When the consumer fails on a message, the message becomes visible again after the "
                    + "visibility timeout and is received again, over and over, until the queue's "
                    + "MessageRetentionPeriod (4 days by default) ends; then SQS deletes it. A poison message "
                    + "is retried for days, costs invocations, and finally vanishes without a trace. For an "
                    + "SQS event source the Lambda OnFailure destination and the function's DeadLetterConfig "
                    + "do not apply: only the queue's redrive policy moves failed messages aside.")
            .howToFix("Add a dead-letter queue and a RedrivePolicy with deadLetterTargetArn and a "
                    + "maxReceiveCount of at least 5, and alarm on the dead-letter queue's depth.")
            .tags("reliability", "sqs", "lambda", "dead-letter-queue")
            .docsUrl("https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html")
            .examplesOf(QueueWithoutRedrivePolicy.class)
            .precision(Precision.HIGH)
            .build();

    public QueueWithoutRedrivePolicy() {
        super(METADATA, Subscription.nodes(NodeKind.QUEUE));
    }

    @Override
    public void visitNode(GraphNode queue, RuleContext ctx) {
        if (queue.property("RedrivePolicy") != null) {
            // present in some form (object, JSON string, or an intrinsic we cannot resolve): not missing
            return;
        }
        List<GraphNode> consumers = ctx.graph().consumersOf(queue, NodeKind.EVENT_SOURCE_MAPPING, NodeKind.PIPE);
        if (consumers.isEmpty()) {
            return;
        }
        GraphNode first = consumers.get(0);
        String by = first.kind() == NodeKind.PIPE
                ? "pipe '" + first.name() + "'" + ctx.graph().where(first, queue)
                : consumerName(first, queue, ctx);
        ctx.report(
                Location.of(queue, "Properties/RedrivePolicy"),
                "Queue '" + queue.name() + "' is consumed by "
                        + by + " but has no RedrivePolicy; a poison message is retried until its retention period "
                        + "expires, then deleted without a trace");
    }

    private static String consumerName(GraphNode esm, GraphNode queue, RuleContext ctx) {
        GraphNode fn = ctx.graph().functionOf(esm);
        if (fn != null) {
            return "function '" + fn.name() + "'" + ctx.graph().where(fn, queue);
        }
        return "event source mapping '" + esm.name() + "'" + ctx.graph().where(esm, queue);
    }
}
