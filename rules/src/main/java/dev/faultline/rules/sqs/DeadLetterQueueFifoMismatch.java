package dev.faultline.rules.sqs;

import dev.faultline.core.eval.Arn;
import dev.faultline.core.eval.Value;
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
import java.util.Optional;

/**
 * FL-SQS-005: a FIFO queue with a standard dead-letter queue, or a standard queue with a FIFO one.
 * SQS requires the DLQ to be of the same type as its source.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html">SQS dead-letter queues</a>
 */
public final class DeadLetterQueueFifoMismatch extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SQS-005")
            .name("DeadLetterQueueFifoMismatch")
            .severity(Severity.ERROR)
            .summary("A queue and its dead-letter queue are not both FIFO or both standard.")
            .rationale("The dead-letter queue of a FIFO queue must be a FIFO queue, and the dead-letter queue of a "
                    + "standard queue must be a standard queue. SQS rejects a RedrivePolicy that mixes them, so "
                    + "the stack fails to deploy (or failed messages have nowhere to go).")
            .howToFix("Give a FIFO queue a FIFO dead-letter queue (FifoQueue: true, name ending in .fifo), and a "
                    + "standard queue a standard one.")
            .tags("correctness", "sqs", "fifo", "dead-letter-queue", "deployment")
            .docsUrl(
                    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html")
            .examplesOf(DeadLetterQueueFifoMismatch.class)
            .build();

    public DeadLetterQueueFifoMismatch() {
        super(METADATA, Subscription.nodes(NodeKind.QUEUE));
    }

    @Override
    public void visitNode(GraphNode queue, RuleContext ctx) {
        Optional<Boolean> sourceFifo = Fifo.of(queue, ctx);
        if (sourceFifo.isEmpty()) {
            return;
        }
        for (Redrive r : ctx.graph().redrives(queue)) {
            Value target = ctx.eval(queue, r.target());
            Optional<Boolean> dlqFifo = r.dlq() != null ? Fifo.of(r.dlq(), ctx) : literalFifo(target);
            if (dlqFifo.isEmpty() || dlqFifo.get().equals(sourceFifo.get())) {
                continue;
            }
            String dlq = r.dlq() != null
                    ? "'" + r.dlq().name() + "'"
                    : target.asString().orElse("?");
            ctx.report(
                    Location.of(queue, "Properties/RedrivePolicy/deadLetterTargetArn")
                            .at(r.target()),
                    (sourceFifo.get() ? "FIFO" : "Standard")
                            + " queue '" + queue.name() + "' has " + (dlqFifo.get() ? "FIFO" : "standard") + " queue "
                            + dlq
                            + " as its dead-letter queue; SQS requires both to be "
                            + (sourceFifo.get() ? "FIFO" : "standard")
                            + ", so the redrive policy is rejected");
            return;
        }
    }

    /** Whether a DLQ named by one literal ARN (outside the run) is FIFO, from the {@code .fifo} end of its name. */
    private static Optional<Boolean> literalFifo(Value target) {
        if (target.alternatives().size() != 1) {
            return Optional.empty();
        }
        Arn arn = Arn.parse(target.asString().orElse(null));
        return arn == null ? Optional.empty() : Optional.ofNullable(arn.fifo());
    }
}
