package dev.faultline.rules.esm;

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
import dev.faultline.rules.support.Props;
import java.util.List;
import java.util.Optional;

/**
 * FL-ESM-009: SQS {@code ScalingConfig.MaximumConcurrency} (or the sum over one function's SQS
 * mappings) above the function's {@code ReservedConcurrentExecutions}. The pollers invoke more often
 * than the function may run; throttled batches return to the queue with a higher receive count and
 * healthy messages end in the dead-letter queue.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html">Lambda: scaling with SQS</a>
 */
public final class SqsMaxConcurrencyAboveReservedConcurrency extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-ESM-009")
            .name("SqsMaxConcurrencyAboveReservedConcurrency")
            .severity(Severity.WARNING)
            .summary("SQS mappings may invoke a function more concurrently than its reserved concurrency allows.")
            .rationale("MaximumConcurrency caps how many batches an SQS mapping processes at once. If it (or the "
                    + "sum over all SQS mappings of the function) is above ReservedConcurrentExecutions, Lambda "
                    + "throttles the extra invocations; the batches return to the queue, their receive count "
                    + "grows, and messages that never failed reach maxReceiveCount and are moved to the "
                    + "dead-letter queue.")
            .howToFix("Keep the sum of MaximumConcurrency of the function's SQS mappings at or below its "
                    + "ReservedConcurrentExecutions (or raise the reserved concurrency).")
            .tags("reliability", "lambda", "event-source-mapping", "sqs", "throttling", "concurrency")
            .docsUrl("https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html")
            .examplesOf(SqsMaxConcurrencyAboveReservedConcurrency.class)
            .build();

    public SqsMaxConcurrencyAboveReservedConcurrency() {
        super(METADATA, Subscription.nodes(NodeKind.EVENT_SOURCE_MAPPING));
    }

    @Override
    public void visitNode(GraphNode esm, RuleContext ctx) {
        if (EventSources.family(esm, ctx) != SourceFamily.SQS) {
            return;
        }
        Optional<Long> own = maximumConcurrency(esm, ctx);
        if (own.isEmpty()) {
            return;
        }
        for (GraphNode fn : EventSources.functions(esm, ctx)) {
            Optional<Long> reserved = single(Props.longs(ctx.property(fn, "ReservedConcurrentExecutions"), -1));
            if (reserved.isEmpty() || reserved.get() <= 0) {
                continue; // no reservation (or 0, which FL-LAMBDA-006 reports)
            }
            Node at = Props.node(esm, "ScalingConfig", "MaximumConcurrency");
            String who = EventSources.describe(esm, SourceFamily.SQS, ctx);
            if (own.get() > reserved.get()) {
                ctx.report(
                        Location.of(esm, "Properties/ScalingConfig/MaximumConcurrency")
                                .at(at),
                        who + " allows MaximumConcurrency "
                                + own.get() + ", above ReservedConcurrentExecutions " + reserved.get()
                                + " of function '"
                                + fn.name()
                                + "': throttled batches go back to the queue and healthy messages can reach the "
                                + "dead-letter queue");
                continue;
            }
            List<GraphNode> all = EventSources.sqsMappingsOf(fn, ctx);
            long sum = 0;
            for (GraphNode other : all) {
                Optional<Long> mc = maximumConcurrency(other, ctx);
                if (mc.isEmpty()) {
                    sum = -1;
                    break;
                }
                sum += mc.get();
            }
            if (all.size() > 1 && sum > reserved.get()) {
                ctx.report(
                        Location.of(esm, "Properties/ScalingConfig/MaximumConcurrency")
                                .at(at),
                        who + " allows MaximumConcurrency "
                                + own.get() + "; with the other SQS mappings of function '" + fn.name()
                                + "' the sum is " + sum
                                + ", above its ReservedConcurrentExecutions " + reserved.get()
                                + ": throttled batches go back to "
                                + "the queue and healthy messages can reach the dead-letter queue");
            }
        }
    }

    /** The mapping's MaximumConcurrency when it is one known number; empty when absent or unknown. */
    private static Optional<Long> maximumConcurrency(GraphNode esm, RuleContext ctx) {
        return single(Props.longs(Props.path(ctx, esm, "ScalingConfig", "MaximumConcurrency"), -1))
                .filter(v -> v > 0);
    }

    private static Optional<Long> single(Optional<List<Long>> values) {
        return values.filter(l -> l.size() == 1).map(l -> l.get(0));
    }
}
