package dev.faultline.rules.sqs;

import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.rule.Rule;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.rules.esm.EventSources;
import dev.faultline.rules.esm.Props;
import dev.faultline.rules.support.Functions;
import java.util.List;
import java.util.Optional;

/**
 * FL-SQS-002: the {@code VisibilityTimeout} of a Lambda-consumed queue (default 30 s) is below the
 * function's {@code Timeout} (default 3 s). Lambda refuses to create or update such a mapping.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html">Lambda: configuring an SQS event source</a>
 */
public final class QueueVisibilityBelowFunctionTimeout implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SQS-002")
            .name("QueueVisibilityBelowFunctionTimeout")
            .severity(Severity.ERROR)
            .summary("A Lambda-consumed queue's VisibilityTimeout is shorter than the function's Timeout.")
            .rationale("Lambda rejects an SQS event source mapping whose function Timeout exceeds the queue's "
                    + "VisibilityTimeout (30 s when not set), so the deployment fails. If it were allowed, a message "
                    + "would become visible again while the first invocation is still working on it.")
            .howToFix("Set the queue's VisibilityTimeout to at least six times the function Timeout (plus the "
                    + "mapping's MaximumBatchingWindowInSeconds), or lower the function Timeout.")
            .tags("correctness", "sqs", "lambda", "event-source-mapping", "timeout", "deployment")
            .docsUrl("https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html")
            .badExample("""
                    Orders:
                      Type: AWS::SQS::Queue          # VisibilityTimeout 30 s by default
                    Worker:
                      Type: AWS::Lambda::Function
                      Properties:
                        Timeout: 60
                    OrdersMapping:
                      Type: AWS::Lambda::EventSourceMapping
                      Properties:
                        EventSourceArn: !GetAtt Orders.Arn
                        FunctionName: !Ref Worker
                    """)
            .goodExample("""
                    Orders:
                      Type: AWS::SQS::Queue
                      Properties:
                        VisibilityTimeout: 360
                    """)
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Subscription subscription() {
        return Subscription.nodes(NodeKind.QUEUE);
    }

    @Override
    public void visitNode(GraphNode queue, RuleContext ctx) {
        Optional<List<Long>> visibility = EventSources.visibilityTimeouts(queue, ctx);
        if (visibility.isEmpty()) {
            return;
        }
        boolean vtDefault = queue.property("VisibilityTimeout") == null;
        for (GraphNode esm : EventSources.consumers(queue, ctx)) {
            for (GraphNode fn : EventSources.functions(esm, ctx)) {
                Optional<List<Long>> timeout = Functions.timeouts(fn, ctx);
                if (timeout.isEmpty()) {
                    continue;
                }
                Optional<long[]> bad = Props.badPair(visibility.get(), timeout.get(), (v, t) -> v < t);
                if (bad.isEmpty()) {
                    continue;
                }
                ctx.report(queue, queue.property("VisibilityTimeout"), "Properties/VisibilityTimeout", "Queue '"
                        + queue.name() + "' VisibilityTimeout " + Props.seconds(bad.get()[0], vtDefault)
                        + " is less than Timeout " + Props.seconds(bad.get()[1], fn.property("Timeout") == null)
                        + " of function '" + fn.name() + "'" + ctx.graph().where(fn, queue)
                        + " that consumes it; Lambda rejects the event source mapping '"
                        + esm.name() + "'");
                return;
            }
        }
    }
}
