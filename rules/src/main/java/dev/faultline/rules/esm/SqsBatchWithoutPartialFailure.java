package dev.faultline.rules.esm;

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
import dev.faultline.rules.support.PollLimits;
import dev.faultline.rules.support.Props;
import java.util.List;
import java.util.Optional;

/**
 * FL-ESM-004: an SQS mapping with batches larger than one message and no
 * {@code ReportBatchItemFailures}: one failing message returns the whole batch to the queue.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html">Lambda: handling errors for an SQS event source</a>
 */
public final class SqsBatchWithoutPartialFailure extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-ESM-004")
            .name("SqsBatchWithoutPartialFailure")
            .severity(Severity.INFO)
            .summary("An SQS mapping takes batches but does not report partial batch failures.")
            .rationale("Without ReportBatchItemFailures, an error on any message of a batch makes every message "
                    + "of the batch visible again after the visibility timeout: messages that were processed are "
                    + "processed again, and all of them move towards maxReceiveCount and the dead-letter queue.")
            .howToFix("Return batchItemFailures from the function and add FunctionResponseTypes: "
                    + "[ReportBatchItemFailures] to the mapping (or use BatchSize 1).")
            .tags("reliability", "lambda", "event-source-mapping", "sqs", "duplicates")
            .docsUrl("https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html")
            .examplesOf(SqsBatchWithoutPartialFailure.class)
            .build();

    public SqsBatchWithoutPartialFailure() {
        super(METADATA, Subscription.nodes(NodeKind.EVENT_SOURCE_MAPPING));
    }

    @Override
    public void visitNode(GraphNode esm, RuleContext ctx) {
        SourceFamily family = EventSources.family(esm, ctx);
        if (family != SourceFamily.SQS) {
            return;
        }
        EventSource source = ctx.graph().eventSource(esm);
        Optional<List<Long>> batch = Props.longs(ctx.eval(esm, source.batchSize()), PollLimits.SQS_BATCH_SIZE_DEFAULT);
        Optional<List<Boolean>> partial = EventSources.reportsBatchItemFailures(esm, ctx);
        if (batch.isEmpty() || partial.isEmpty()) {
            return;
        }
        long largest = batch.get().stream().mapToLong(Long::longValue).max().orElse(1);
        if (largest <= 1 || !partial.get().contains(false)) {
            return;
        }
        boolean isDefault = source.batchSize() == null;
        ctx.report(
                Location.of(esm, "Properties/BatchSize"),
                EventSources.describe(esm, family, ctx)
                        + " takes batches of up to " + largest + (isDefault ? " messages (default)" : " messages")
                        + " without ReportBatchItemFailures: one failing message returns the whole batch to the queue");
    }
}
