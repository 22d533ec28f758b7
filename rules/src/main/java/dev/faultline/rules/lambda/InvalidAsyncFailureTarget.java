package dev.faultline.rules.lambda;

import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.Rule;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.rules.support.Describe;
import dev.faultline.rules.support.Targets;
import dev.faultline.rules.support.Targets.Target;
import dev.faultline.rules.support.Targets.Type;
import java.util.EnumSet;
import java.util.Set;

/**
 * FL-LAMBDA-003: a function DLQ that is not a standard SQS queue or SNS topic, an async
 * destination of a type Lambda does not accept (S3 on OnSuccess), or a FIFO queue or topic as DLQ
 * or destination.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html">Lambda: retaining records of asynchronous invocations</a>
 */
public final class InvalidAsyncFailureTarget implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-LAMBDA-003")
            .name("InvalidAsyncFailureTarget")
            .severity(Severity.ERROR)
            .summary("A function DLQ or asynchronous destination of a type Lambda cannot deliver to.")
            .rationale("A function's DeadLetterConfig must be a standard SQS queue or a standard SNS topic. An "
                    + "OnFailure destination may be a standard SQS queue, standard SNS topic, S3 bucket, function "
                    + "or event bus; OnSuccess the same without S3. FIFO queues and topics are not supported: "
                    + "delivery fails (DeadLetterErrors / DestinationDeliveryFailures) and the failed event is "
                    + "lost exactly when it should have been kept. Other targets are rejected at deployment.")
            .howToFix("Point the DLQ or destination at a standard SQS queue or SNS topic (or, for OnFailure, an "
                    + "S3 bucket, function or event bus).")
            .tags("correctness", "lambda", "async", "dead-letter-queue", "destinations", "fifo")
            .docsUrl("https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html")
            .badExample("""
                    Handler:
                      Type: AWS::Lambda::Function
                      Properties:
                        Runtime: python3.12
                        Handler: app.handler
                        DeadLetterConfig:
                          TargetArn: !GetAtt Failures.Arn
                    Failures:
                      Type: AWS::SQS::Queue
                      Properties: {FifoQueue: true}
                    """)
            .goodExample("""
                    Handler:
                      Type: AWS::Lambda::Function
                      Properties:
                        Runtime: python3.12
                        Handler: app.handler
                        DeadLetterConfig:
                          TargetArn: !GetAtt Failures.Arn
                    Failures:
                      Type: AWS::SQS::Queue
                    """)
            .precision(Precision.HIGH)
            .build();

    private static final Set<Type> DLQ = EnumSet.of(Type.SQS, Type.SNS);
    private static final Set<Type> ON_FAILURE = EnumSet.of(Type.SQS, Type.SNS, Type.S3, Type.LAMBDA, Type.EVENT_BUS);
    private static final Set<Type> ON_SUCCESS = EnumSet.of(Type.SQS, Type.SNS, Type.LAMBDA, Type.EVENT_BUS);

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Subscription subscription() {
        return Subscription.nodes(NodeKind.FUNCTION, NodeKind.EVENT_INVOKE_CONFIG);
    }

    @Override
    public void visitNode(GraphNode node, RuleContext ctx) {
        if (node.kind() == NodeKind.FUNCTION) {
            check(node, ctx, node.properties().path("DeadLetterConfig", "TargetArn"),
                    "Properties/DeadLetterConfig/TargetArn", "dead-letter queue", DLQ);
            return;
        }
        Node dc = node.property("DestinationConfig");
        if (!(dc instanceof MapNode)) {
            return;
        }
        check(node, ctx, node.properties().path("DestinationConfig", "OnFailure", "Destination"),
                "Properties/DestinationConfig/OnFailure/Destination", "OnFailure destination", ON_FAILURE);
        check(node, ctx, node.properties().path("DestinationConfig", "OnSuccess", "Destination"),
                "Properties/DestinationConfig/OnSuccess/Destination", "OnSuccess destination", ON_SUCCESS);
    }

    private static void check(GraphNode owner, RuleContext ctx, Node value, String path, String role,
                              Set<Type> allowed) {
        if (value == null) {
            return;
        }
        for (Target t : Targets.of(ctx, owner, value)) {
            if (t.type() == Type.UNKNOWN) {
                continue;
            }
            String who = (owner.kind() == NodeKind.FUNCTION ? "Function '" : "EventInvokeConfig '") + owner.name() + "'";
            if (!allowed.contains(t.type())) {
                ctx.report(owner, value, path, who + " " + role + " " + t.describe() + " is " + Describe.article(t.type().label())
                        + t.type().label() + ", which Lambda cannot use as " + Describe.article(role) + role + "; "
                        + (role.startsWith("OnSuccess") ? "success records are never delivered"
                                : "failed events are never recorded"));
                return;
            }
            if (Boolean.TRUE.equals(t.fifo())) {
                ctx.report(owner, value, path, who + " " + role + " " + t.describe() + " is a FIFO "
                        + (t.type() == Type.SQS ? "queue" : "topic") + ", which Lambda cannot deliver to; failed "
                        + "events are dropped with " + (role.startsWith("dead") ? "DeadLetterErrors" : "DestinationDeliveryFailures"));
                return;
            }
        }
    }
}
