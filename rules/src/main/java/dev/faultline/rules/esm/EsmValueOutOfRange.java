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
import dev.faultline.rules.support.Fifo;
import dev.faultline.rules.support.PollLimits;
import dev.faultline.rules.support.Props;
import java.util.List;
import java.util.Optional;

/**
 * FL-ESM-006: event source mapping values outside what Lambda accepts: retry and record-age ranges,
 * batch size per source (10 on a FIFO queue, 10 on a standard queue without a batching window),
 * {@code ScalingConfig.MaximumConcurrency} range and source.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html">CreateEventSourceMapping</a>
 */
public final class EsmValueOutOfRange extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-ESM-006")
            .name("EsmValueOutOfRange")
            .severity(Severity.ERROR)
            .summary("An event source mapping value is outside the range Lambda accepts.")
            .rationale("Lambda rejects the mapping, so the deployment fails: MaximumRetryAttempts must be -1 to "
                    + "10000; MaximumRecordAgeInSeconds -1 or 60 to 604800; BatchSize 1 to 10000, at most 10 on a "
                    + "FIFO queue, and at most 10 on a standard queue unless MaximumBatchingWindowInSeconds is at "
                    + "least 1; ScalingConfig.MaximumConcurrency 2 to 1000 and only on SQS sources.")
            .howToFix("Bring the value into range, or add the batching window that a larger SQS batch needs.")
            .tags("correctness", "lambda", "event-source-mapping", "deployment")
            .docsUrl("https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html")
            .examplesOf(EsmValueOutOfRange.class)
            .build();

    public EsmValueOutOfRange() {
        super(METADATA, Subscription.nodes(NodeKind.EVENT_SOURCE_MAPPING));
    }

    @Override
    public void visitNode(GraphNode esm, RuleContext ctx) {
        SourceFamily family = EventSources.family(esm, ctx);
        String who = EventSources.describe(esm, family, ctx);
        EventSource source = ctx.graph().eventSource(esm);
        for (long v : known(ctx.eval(esm, source.retryAttempts()))) {
            if (v < PollLimits.INFINITE || v > PollLimits.RETRY_ATTEMPTS_MAX) {
                report(
                        ctx,
                        esm,
                        "MaximumRetryAttempts",
                        who + " sets MaximumRetryAttempts " + v + ", outside -1 to " + PollLimits.RETRY_ATTEMPTS_MAX
                                + "; the deployment fails");
                break;
            }
        }
        for (long v : known(ctx.eval(esm, source.recordAge()))) {
            if (v != PollLimits.INFINITE && (v < PollLimits.RECORD_AGE_MIN || v > PollLimits.RECORD_AGE_MAX)) {
                report(
                        ctx,
                        esm,
                        "MaximumRecordAgeInSeconds",
                        who + " sets MaximumRecordAgeInSeconds " + v
                                + ", which must be -1 or " + PollLimits.RECORD_AGE_MIN + " to "
                                + PollLimits.RECORD_AGE_MAX
                                + "; the deployment fails");
                break;
            }
        }
        checkBatchSize(esm, source, who, ctx);
        checkMaximumConcurrency(esm, family, who, ctx);
    }

    private static void checkBatchSize(GraphNode esm, EventSource source, String who, RuleContext ctx) {
        List<Long> sizes = known(ctx.eval(esm, source.batchSize()));
        for (long v : sizes) {
            if (v < PollLimits.BATCH_SIZE_MIN || v > PollLimits.BATCH_SIZE_MAX) {
                report(
                        ctx,
                        esm,
                        "BatchSize",
                        who + " sets BatchSize " + v + ", outside " + PollLimits.BATCH_SIZE_MIN + " to "
                                + PollLimits.BATCH_SIZE_MAX + "; the deployment fails");
                return;
            }
        }
        if (source.family() != SourceFamily.SQS) {
            return;
        }
        long largest = sizes.stream().mapToLong(Long::longValue).max().orElse(PollLimits.SQS_BATCH_SIZE_DEFAULT);
        if (largest <= PollLimits.SQS_BATCH_SIZE_WITHOUT_WINDOW_MAX) {
            return;
        }
        for (GraphNode queue : EventSources.queues(esm, ctx)) {
            if (Fifo.of(queue, ctx).orElse(false)) {
                report(
                        ctx,
                        esm,
                        "BatchSize",
                        who + " sets BatchSize " + largest + " on FIFO queue '" + queue.name()
                                + "', which accepts at most " + PollLimits.SQS_BATCH_SIZE_WITHOUT_WINDOW_MAX
                                + "; the deployment fails");
                return;
            }
        }
        if (fifoArn(ctx.property(esm, "EventSourceArn"))) {
            report(
                    ctx,
                    esm,
                    "BatchSize",
                    who + " sets BatchSize " + largest + " on a FIFO queue, which accepts at most "
                            + PollLimits.SQS_BATCH_SIZE_WITHOUT_WINDOW_MAX + "; the deployment fails");
            return;
        }
        Optional<List<Long>> window =
                Props.longs(ctx.eval(esm, source.batchingWindow()), PollLimits.BATCHING_WINDOW_DEFAULT);
        if (window.isEmpty() || window.get().stream().allMatch(w -> w >= 1)) {
            return;
        }
        report(
                ctx,
                esm,
                "BatchSize",
                who + " sets BatchSize " + largest + " with MaximumBatchingWindowInSeconds "
                        + window.get().stream().mapToLong(Long::longValue).min().orElse(0)
                        + "; an SQS batch above " + PollLimits.SQS_BATCH_SIZE_WITHOUT_WINDOW_MAX
                        + " needs a batching window of at least 1 s, so the deployment fails");
    }

    private static void checkMaximumConcurrency(GraphNode esm, SourceFamily family, String who, RuleContext ctx) {
        Value mc = Props.path(ctx, esm, "ScalingConfig", "MaximumConcurrency");
        List<Long> values = known(mc);
        if (values.isEmpty()) {
            return;
        }
        if (family != SourceFamily.SQS && family != SourceFamily.UNKNOWN) {
            ctx.report(
                    Location.of(esm, "Properties/ScalingConfig").at(Props.at(esm, "ScalingConfig")),
                    who + " sets ScalingConfig.MaximumConcurrency, which only SQS sources "
                            + "support; the deployment fails");
            return;
        }
        for (long v : values) {
            if (v < PollLimits.MAX_CONCURRENCY_MIN || v > PollLimits.MAX_CONCURRENCY_MAX) {
                Node at = Props.node(esm, "ScalingConfig", "MaximumConcurrency");
                ctx.report(
                        Location.of(esm, "Properties/ScalingConfig/MaximumConcurrency")
                                .at(at),
                        who
                                + " sets ScalingConfig.MaximumConcurrency " + v + ", outside "
                                + PollLimits.MAX_CONCURRENCY_MIN
                                + " to " + PollLimits.MAX_CONCURRENCY_MAX + "; the deployment fails");
                return;
            }
        }
    }

    private static boolean fifoArn(Value arn) {
        return !arn.knownStrings().isEmpty() && arn.knownStrings().stream().allMatch(s -> s.endsWith(".fifo"));
    }

    /** The known integers among the alternatives of a value (a branch that is certainly wrong is reported). */
    private static List<Long> known(Value v) {
        return v.knownLongs();
    }

    private static void report(RuleContext ctx, GraphNode esm, String property, String message) {
        ctx.report(Location.of(esm, "Properties/" + property), message);
    }
}
