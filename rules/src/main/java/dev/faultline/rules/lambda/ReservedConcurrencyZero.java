package dev.faultline.rules.lambda;

import dev.faultline.core.graph.Edge;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.InvocationMode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.Rule;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.core.tree.Node;
import dev.faultline.rules.support.Describe;
import java.util.List;

/**
 * FL-LAMBDA-006: {@code ReservedConcurrentExecutions: 0} on a function that something invokes.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html">Lambda: reserved concurrency</a>
 */
public final class ReservedConcurrencyZero implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-LAMBDA-006")
            .name("ReservedConcurrencyZero")
            .severity(Severity.WARNING)
            .summary("A function with triggers has ReservedConcurrentExecutions 0, so every invocation is throttled.")
            .rationale("Reserved concurrency 0 stops a function from running at all. Synchronous callers get "
                    + "throttling errors, event source mappings keep retrying (and SQS messages go to the DLQ after "
                    + "maxReceiveCount), and asynchronous events go straight to the DLQ or OnFailure destination "
                    + "without retries, or are dropped when there is none. It is an emergency brake, not a "
                    + "setting to ship with a trigger attached.")
            .howToFix("Remove ReservedConcurrentExecutions or set it to the concurrency the function needs; "
                    + "to pause a trigger, disable the trigger instead.")
            .tags("reliability", "lambda", "concurrency", "throttling")
            .docsUrl("https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html")
            .badExample("""
                    Worker:
                      Type: AWS::Serverless::Function
                      Properties:
                        ReservedConcurrentExecutions: 0
                        Events:
                          Orders: {Type: SQS, Properties: {Queue: !GetAtt Orders.Arn}}
                    Orders:
                      Type: AWS::SQS::Queue
                    """)
            .goodExample("""
                    Worker:
                      Type: AWS::Serverless::Function
                      Properties:
                        ReservedConcurrentExecutions: 10
                        Events:
                          Orders: {Type: SQS, Properties: {Queue: !GetAtt Orders.Arn}}
                    Orders:
                      Type: AWS::SQS::Queue
                    """)
            .precision(Precision.HIGH)
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Subscription subscription() {
        return Subscription.nodes(NodeKind.FUNCTION);
    }

    @Override
    public void visitNode(GraphNode fn, RuleContext ctx) {
        Node at = fn.property("ReservedConcurrentExecutions");
        if (at == null || !ctx.eval(fn, at).knownLongs().contains(0L)) {
            return;
        }
        List<Edge> triggers = AsyncInvocations.triggers(ctx, fn);
        if (triggers.isEmpty()) {
            return;
        }
        ctx.report(fn, at, "Properties/ReservedConcurrentExecutions", "Function '" + fn.name()
                + "' has ReservedConcurrentExecutions 0 but is invoked by " + Describe.node(triggers.get(0).from())
                + "; every invocation is throttled" + consequence(triggers));
    }

    private static String consequence(List<Edge> triggers) {
        for (Edge e : triggers) {
            if (e.mode() == InvocationMode.ASYNC) {
                return " and asynchronous events go straight to the DLQ or are dropped";
            }
        }
        for (Edge e : triggers) {
            if (e.mode() == InvocationMode.POLL) {
                return " and polled messages are retried until they expire or are dead-lettered";
            }
        }
        return " and every caller gets a throttling error";
    }
}
