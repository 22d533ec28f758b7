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
 * FL-ESM-003: a Kinesis or DynamoDB Streams mapping with batches larger than one record, no
 * {@code BisectBatchOnFunctionError} and no {@code ReportBatchItemFailures}: one bad record fails
 * the whole batch on every retry.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-batchfailurereporting.html">Lambda: partial batch responses for Kinesis</a>
 */
public final class StreamBatchWithoutBisectOrPartialFailure extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-ESM-003")
            .name("StreamBatchWithoutBisectOrPartialFailure")
            .severity(Severity.INFO)
            .summary(
                    "A stream mapping retries whole batches: no BisectBatchOnFunctionError, no ReportBatchItemFailures.")
            .rationale("When the function fails, Lambda retries the entire batch. With BatchSize above 1 and "
                    + "neither batch bisection nor partial batch responses, one bad record makes every good "
                    + "record of its batch be processed again on each retry (duplicates), and the retries run "
                    + "out on the whole batch, not on the bad record.")
            .howToFix("Set BisectBatchOnFunctionError: true, or have the function return batchItemFailures and "
                    + "add FunctionResponseTypes: [ReportBatchItemFailures].")
            .tags("reliability", "lambda", "event-source-mapping", "kinesis", "dynamodb", "duplicates")
            .docsUrl("https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-batchfailurereporting.html")
            .examplesOf(StreamBatchWithoutBisectOrPartialFailure.class)
            .build();

    public StreamBatchWithoutBisectOrPartialFailure() {
        super(METADATA, Subscription.nodes(NodeKind.EVENT_SOURCE_MAPPING));
    }

    @Override
    public void visitNode(GraphNode esm, RuleContext ctx) {
        SourceFamily family = EventSources.family(esm, ctx);
        if (!family.isStream()) {
            return;
        }
        EventSource source = ctx.graph().eventSource(esm);
        Optional<List<Long>> batch =
                Props.longs(ctx.eval(esm, source.batchSize()), PollLimits.OTHER_BATCH_SIZE_DEFAULT);
        Optional<List<Boolean>> bisect = Props.bools(ctx.eval(esm, source.bisect()), false);
        Optional<List<Boolean>> partial = EventSources.reportsBatchItemFailures(esm, ctx);
        if (batch.isEmpty() || bisect.isEmpty() || partial.isEmpty()) {
            return;
        }
        long largest = batch.get().stream().mapToLong(Long::longValue).max().orElse(1);
        if (largest <= 1 || !bisect.get().contains(false) || !partial.get().contains(false)) {
            return;
        }
        boolean isDefault = source.batchSize() == null;
        ctx.report(
                Location.of(esm, "Properties/BatchSize"),
                EventSources.describe(esm, family, ctx)
                        + " takes batches of up to " + largest + (isDefault ? " records (default)" : " records")
                        + " with neither BisectBatchOnFunctionError nor ReportBatchItemFailures: one bad record fails "
                        + "the whole batch on every retry");
    }
}
