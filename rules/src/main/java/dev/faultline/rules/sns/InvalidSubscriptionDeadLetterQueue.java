package dev.faultline.rules.sns;

import dev.faultline.core.eval.JsonDocuments;
import dev.faultline.core.eval.Value;
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
import java.util.ArrayList;
import java.util.List;

/**
 * FL-SNS-002: a subscription's {@code RedrivePolicy.deadLetterTargetArn} that is not an SQS queue,
 * or a FIFO/standard mismatch between the topic and the dead-letter queue.
 *
 * @see <a href="https://docs.aws.amazon.com/sns/latest/dg/sns-dead-letter-queues.html">Amazon SNS dead-letter queues</a>
 */
public final class InvalidSubscriptionDeadLetterQueue implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SNS-002")
            .name("InvalidSubscriptionDeadLetterQueue")
            .severity(Severity.ERROR)
            .summary("An SNS subscription's dead-letter target is not an SQS queue, or its FIFO type differs from the topic's.")
            .rationale("An SNS subscription dead-letter queue must be an SQS queue, and the subscription of a FIFO "
                    + "topic needs a FIFO queue, of a standard topic a standard queue. Otherwise SNS cannot move "
                    + "undeliverable messages there and they are lost.")
            .howToFix("Point deadLetterTargetArn at an SQS queue of the same type (FIFO or standard) as the topic.")
            .tags("correctness", "sns", "dead-letter-queue", "fifo")
            .docsUrl("https://docs.aws.amazon.com/sns/latest/dg/sns-dead-letter-queues.html")
            .badExample("""
                    Sub:
                      Type: AWS::SNS::Subscription
                      Properties:
                        TopicArn: !Ref Orders
                        Protocol: sqs
                        Endpoint: !GetAtt Worker.Arn
                        RedrivePolicy: {deadLetterTargetArn: !GetAtt StandardDlq.Arn}
                    Orders:
                      Type: AWS::SNS::Topic
                      Properties: {FifoTopic: true}
                    Worker:
                      Type: AWS::SQS::Queue
                      Properties: {FifoQueue: true}
                    StandardDlq:
                      Type: AWS::SQS::Queue
                    """)
            .goodExample("""
                    Sub:
                      Type: AWS::SNS::Subscription
                      Properties:
                        TopicArn: !Ref Orders
                        Protocol: sqs
                        Endpoint: !GetAtt Worker.Arn
                        RedrivePolicy: {deadLetterTargetArn: !GetAtt FifoDlq.Arn}
                    Orders:
                      Type: AWS::SNS::Topic
                      Properties: {FifoTopic: true}
                    Worker:
                      Type: AWS::SQS::Queue
                      Properties: {FifoQueue: true}
                    FifoDlq:
                      Type: AWS::SQS::Queue
                      Properties: {FifoQueue: true}
                    """)
            .precision(Precision.HIGH)
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Subscription subscription() {
        return Subscription.nodes(NodeKind.SUBSCRIPTION);
    }

    @Override
    public void visitNode(GraphNode sub, RuleContext ctx) {
        Node rp = sub.property("RedrivePolicy");
        if (rp == null) {
            return;
        }
        Node at = rp;
        List<Target> targets = new ArrayList<>(1);
        if (rp instanceof MapNode m) {
            at = m.get("deadLetterTargetArn");
            targets.addAll(Targets.of(ctx, sub, at));
        } else {
            for (GraphNode n : ctx.graph().failureTargets(sub)) {
                targets.add(Targets.ofNode(ctx, n));
            }
            for (Value doc : JsonDocuments.read(rp, ctx.evaluator(sub.template())).alternatives()) {
                if (doc instanceof Value.Obj o) {
                    for (String arn : ctx.eval(sub, o.node().get("deadLetterTargetArn")).knownStrings()) {
                        if (arn.startsWith("arn:")) {
                            targets.add(Targets.ofArn(arn));
                        }
                    }
                }
            }
        }
        if (at == null) {
            return;
        }
        Boolean topicFifo = topicFifo(sub, ctx);
        for (Target t : targets) {
            if (t.type() == Type.UNKNOWN) {
                continue;
            }
            if (t.type() != Type.SQS) {
                ctx.report(sub, at, "Properties/RedrivePolicy/deadLetterTargetArn", "SNS subscription '" + sub.name()
                        + "' dead-letter target " + t.describe() + " is " + Describe.article(t.type().label()) + t.type().label() + ", not an SQS "
                        + "queue; undeliverable messages cannot be moved there and are lost");
                return;
            }
            if (topicFifo != null && t.fifo() != null && !topicFifo.equals(t.fifo())) {
                ctx.report(sub, at, "Properties/RedrivePolicy/deadLetterTargetArn", "SNS subscription '" + sub.name()
                        + "' of a " + (topicFifo ? "FIFO" : "standard") + " topic has the " + (t.fifo() ? "FIFO" : "standard")
                        + " dead-letter queue " + t.describe() + "; the types must match or undeliverable messages are lost");
                return;
            }
        }
    }

    private static Boolean topicFifo(GraphNode sub, RuleContext ctx) {
        Boolean fifo = null;
        for (Target t : Targets.of(ctx, sub, sub.property("TopicArn"))) {
            if (t.type() != Type.SNS || t.fifo() == null) {
                return null;
            }
            fifo = t.fifo();
        }
        return fifo;
    }
}
