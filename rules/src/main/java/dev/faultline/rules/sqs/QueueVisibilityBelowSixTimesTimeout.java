package dev.faultline.rules.sqs;

import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.rules.support.EventSources;
import dev.faultline.rules.support.Functions;
import dev.faultline.rules.support.PollLimits;
import dev.faultline.rules.support.Props;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * FL-SQS-003: a Lambda-consumed queue's {@code VisibilityTimeout} is below six times the function
 * {@code Timeout} plus the mapping's batching window (AWS's recommendation). Throttled or slow
 * batches become visible again while still being processed, and are processed twice. When the
 * visibility timeout is even below the function timeout, FL-SQS-002 reports it instead.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html">Lambda: configuring an SQS event source</a>
 */
public final class QueueVisibilityBelowSixTimesTimeout extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SQS-003")
            .name("QueueVisibilityBelowSixTimesTimeout")
            .severity(Severity.WARNING)
            .summary("A Lambda-consumed queue's VisibilityTimeout is below 6 × function Timeout + batching window.")
            .rationale("Lambda keeps the messages of a batch invisible only for the queue's VisibilityTimeout. "
                    + "Retries after throttling and the time spent gathering a batch (MaximumBatchingWindowInSeconds) "
                    + "count against it, so AWS recommends at least six times the function Timeout plus the batching "
                    + "window. Below that, batches reappear while still in flight: the same messages are processed "
                    + "twice and their receive counts rise towards the dead-letter queue.")
            .howToFix("Set VisibilityTimeout to at least 6 × Timeout + MaximumBatchingWindowInSeconds of every "
                    + "function that consumes the queue.")
            .tags("reliability", "sqs", "lambda", "event-source-mapping", "timeout", "duplicates")
            .docsUrl("https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html")
            .examplesOf(QueueVisibilityBelowSixTimesTimeout.class)
            .build();

    public QueueVisibilityBelowSixTimesTimeout() {
        super(METADATA, Subscription.nodes(NodeKind.QUEUE));
    }

    @Override
    public void visitNode(GraphNode queue, RuleContext ctx) {
        Optional<List<Long>> visibility = EventSources.visibilityTimeouts(queue, ctx);
        if (visibility.isEmpty()) {
            return;
        }
        boolean vtDefault = queue.property("VisibilityTimeout") == null;
        for (GraphNode esm : EventSources.consumers(queue, ctx)) {
            Optional<List<Long>> window = Props.longs(
                    ctx.eval(esm, ctx.graph().eventSource(esm).batchingWindow()), PollLimits.BATCHING_WINDOW_DEFAULT);
            if (window.isEmpty()) {
                continue;
            }
            for (GraphNode fn : EventSources.functions(esm, ctx)) {
                Optional<List<Long>> timeout = Functions.timeouts(fn, ctx);
                if (timeout.isEmpty()
                        || Props.badPair(visibility.get(), timeout.get(), (v, t) -> v < t)
                                .isPresent()) {
                    continue; // unknown, or FL-SQS-002
                }
                List<long[]> needs = new ArrayList<>();
                List<Long> indices = new ArrayList<>();
                for (long t : timeout.get()) {
                    for (long w : window.get()) {
                        indices.add((long) needs.size());
                        needs.add(new long[] {PollLimits.VISIBILITY_TIMEOUT_FACTOR * t + w, t, w});
                    }
                }
                Optional<long[]> bad =
                        Props.badPair(visibility.get(), indices, (v, i) -> v < needs.get(i.intValue())[0]);
                if (bad.isEmpty()) {
                    continue;
                }
                long[] need = needs.get((int) bad.get()[1]);
                ctx.report(
                        Location.of(queue, "Properties/VisibilityTimeout"),
                        "Queue '"
                                + queue.name() + "' VisibilityTimeout " + Props.seconds(bad.get()[0], vtDefault)
                                + " is less than "
                                + PollLimits.VISIBILITY_TIMEOUT_FACTOR + " × Timeout " + need[1]
                                + " s + batching window "
                                + need[2] + " s = " + need[0] + " s of function '" + fn.name() + "'"
                                + ctx.graph().where(fn, queue) + "; a batch whose invocation Lambda "
                                + "retries (throttling, a busy function) can become visible again while still in "
                                + "flight and be processed twice");
                return;
            }
        }
    }
}
