package dev.faultline.rules.obs;

import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.Rule;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.rules.support.Describe;
import java.util.List;

/**
 * FL-OBS-001: a queue that receives failures (SQS redrive target, Lambda DLQ or OnFailure
 * destination, ESM OnFailure, SNS/EventBridge/Scheduler/Pipes DLQ, IoT error action) has no
 * CloudWatch alarm on its depth or age. A failure queue that something consumes is left out: its
 * consumer handles the messages, and its own failures go to its own DLQ.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/dead-letter-queues-alarms-cloudwatch.html">SQS: alarms for dead-letter queues</a>
 */
public final class FailureQueueWithoutAlarm implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-OBS-001")
            .name("FailureQueueWithoutAlarm")
            .severity(Severity.WARNING)
            .summary("A dead-letter or failure-destination queue has no CloudWatch alarm on its depth.")
            .rationale("A dead-letter queue or failure destination only helps if someone notices that messages "
                    + "arrive there. Without an alarm on ApproximateNumberOfMessagesVisible (or "
                    + "ApproximateAgeOfOldestMessage) failed events pile up unseen until the queue's retention "
                    + "deletes them - a slower way to lose data.")
            .howToFix("Add an AWS::CloudWatch::Alarm on AWS/SQS ApproximateNumberOfMessagesVisible with "
                    + "Dimensions QueueName = !GetAtt <Queue>.QueueName, Threshold 0, GreaterThanThreshold, and an "
                    + "alarm action that reaches a person.")
            .tags("observability", "sqs", "dead-letter-queue", "alarms", "cloudwatch")
            .docsUrl("https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/dead-letter-queues-alarms-cloudwatch.html")
            .badExample("""
                    OrdersDlq:
                      Type: AWS::SQS::Queue
                    Orders:
                      Type: AWS::SQS::Queue
                      Properties:
                        RedrivePolicy: {deadLetterTargetArn: !GetAtt OrdersDlq.Arn, maxReceiveCount: 5}
                    """)
            .goodExample("""
                    OrdersDlq:
                      Type: AWS::SQS::Queue
                    Orders:
                      Type: AWS::SQS::Queue
                      Properties:
                        RedrivePolicy: {deadLetterTargetArn: !GetAtt OrdersDlq.Arn, maxReceiveCount: 5}
                    OrdersDlqAlarm:
                      Type: AWS::CloudWatch::Alarm
                      Properties:
                        Namespace: AWS/SQS
                        MetricName: ApproximateNumberOfMessagesVisible
                        Dimensions: [{Name: QueueName, Value: !GetAtt OrdersDlq.QueueName}]
                        Statistic: Maximum
                        Period: 60
                        EvaluationPeriods: 1
                        Threshold: 0
                        ComparisonOperator: GreaterThanThreshold
                        AlarmActions: [!Ref OpsTopic]
                    OpsTopic:
                      Type: AWS::SNS::Topic
                    """)
            .precision(Precision.HIGH)
            .build();

    private static final List<String> DEPTH_METRICS = List.of("ApproximateNumberOfMessagesVisible",
            "ApproximateAgeOfOldestMessage");

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
        List<GraphNode> sources = ctx.graph().failureSources(queue);
        if (sources.isEmpty() || ctx.graph().isConsumed(queue)) {
            return;
        }
        for (GraphNode alarm : ctx.graph().alarmsOn(queue)) {
            if (watchesDepth(alarm, ctx)) {
                return;
            }
        }
        ctx.report(queue, "Queue '" + queue.name() + "' receives the failures of " + Describe.node(sources.get(0))
                + ctx.graph().where(sources.get(0), queue)
                + (sources.size() > 1 ? " and " + (sources.size() - 1) + " more" : "")
                + " but no CloudWatch alarm watches its ApproximateNumberOfMessagesVisible or "
                + "ApproximateAgeOfOldestMessage; failures pile up unseen");
    }

    /** Whether an alarm's metric (or one of its metric-math metrics) is a depth metric, or unknown. */
    private static boolean watchesDepth(GraphNode alarm, RuleContext ctx) {
        Node metric = alarm.property("MetricName");
        if (metric != null) {
            var names = ctx.eval(alarm, metric);
            return names.isUnknown() || names.knownStrings().stream().anyMatch(DEPTH_METRICS::contains);
        }
        if (!(alarm.property("Metrics") instanceof ListNode l)) {
            return true;
        }
        for (Node m : l.items()) {
            if (!(m instanceof MapNode mm)) {
                return true;
            }
            Node name = mm.path("MetricStat", "Metric", "MetricName");
            if (name == null) {
                continue;
            }
            var v = ctx.eval(alarm, name);
            if (v.isUnknown() || v.knownStrings().stream().anyMatch(DEPTH_METRICS::contains)) {
                return true;
            }
        }
        return false;
    }
}
