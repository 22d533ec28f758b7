package dev.faultline.rules.obs;

import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.rules.support.Alarms;
import dev.faultline.rules.support.Describe;
import dev.faultline.rules.support.Functions;
import java.util.ArrayList;
import java.util.List;

/**
 * FL-OBS-001: a queue that receives failures (SQS redrive target, Lambda DLQ or OnFailure
 * destination, ESM OnFailure, SNS/EventBridge/Scheduler/Pipes DLQ, IoT error action) has no
 * CloudWatch alarm on its depth or age. A failure queue that something consumes is left out: its
 * consumer handles the messages, and its own failures go to its own DLQ.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/dead-letter-queues-alarms-cloudwatch.html">SQS: alarms for dead-letter queues</a>
 */
public final class FailureQueueWithoutAlarm extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-OBS-001")
            .name("FailureQueueWithoutAlarm")
            .severity(Severity.WARNING)
            .summary("A dead-letter or failure-destination queue has no CloudWatch alarm on its depth.")
            .rationale("A dead-letter queue or failure destination only helps if someone notices that messages "
                    + "arrive there. Without an alarm on ApproximateNumberOfMessagesVisible (or "
                    + "ApproximateAgeOfOldestMessage) failed events pile up unseen until the queue's retention "
                    + "deletes them - a slower way to lose data. An alarm on NumberOfMessagesSent does not count for "
                    + "the dead-letter queue of an SQS redrive policy: messages moved there by the redrive are not "
                    + "counted by that metric (it does count what Lambda, SNS or EventBridge send to a DLQ). A queue "
                    + "named only in a function's failure settings that never apply (FL-LAMBDA-008) is not said to "
                    + "receive failures.")
            .howToFix("Add an AWS::CloudWatch::Alarm on AWS/SQS ApproximateNumberOfMessagesVisible with "
                    + "Dimensions QueueName = !GetAtt <Queue>.QueueName, Threshold 0, GreaterThanThreshold, and an "
                    + "alarm action that reaches a person.")
            .tags("observability", "sqs", "dead-letter-queue", "alarms", "cloudwatch")
            .docsUrl(
                    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/dead-letter-queues-alarms-cloudwatch.html")
            .examplesOf(FailureQueueWithoutAlarm.class)
            .precision(Precision.HIGH)
            .build();

    private static final List<String> DEPTH_METRICS =
            List.of("ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage");

    /** Counts messages sent with SendMessage, not those a redrive policy moves into a dead-letter queue. */
    private static final String SENT = "NumberOfMessagesSent";

    public FailureQueueWithoutAlarm() {
        super(METADATA, Subscription.nodes(NodeKind.QUEUE));
    }

    @Override
    public void visitNode(GraphNode queue, RuleContext ctx) {
        List<GraphNode> sources = new ArrayList<>(2);
        for (GraphNode s : ctx.graph().failureSources(queue)) {
            if (!Functions.failureSettingNeverApplies(s, ctx)) {
                sources.add(s);
            }
        }
        if (sources.isEmpty() || ctx.graph().isConsumed(queue)) {
            return;
        }
        if (ctx.graph().isIllTyped(queue.property("QueueName"))) {
            return; // its name is not known (FL-PARSE-007): an alarm may name it
        }
        boolean redriveTarget = ctx.graph().isRedriveTarget(queue);
        GraphNode sentOnly = null;
        for (GraphNode alarm : ctx.graph().alarmsOn(queue)) {
            List<String> metrics = Alarms.metricNames(alarm, ctx).orElse(null);
            if (metrics == null
                    || metrics.stream().anyMatch(DEPTH_METRICS::contains)
                    || (!redriveTarget && metrics.contains(SENT))) {
                return;
            }
            if (metrics.contains(SENT) && sentOnly == null) {
                sentOnly = alarm;
            }
        }
        ctx.report(
                Location.of(queue),
                "Queue '" + queue.name() + "' receives the failures of " + Describe.node(sources.get(0))
                        + ctx.graph().where(sources.get(0), queue)
                        + (sources.size() > 1 ? " and " + (sources.size() - 1) + " more" : "")
                        + " but no CloudWatch alarm watches its ApproximateNumberOfMessagesVisible or "
                        + "ApproximateAgeOfOldestMessage; failures pile up unseen"
                        + (sentOnly == null
                                ? ""
                                : " (alarm '" + sentOnly.name() + "' watches " + SENT + ", which does not "
                                        + "count the messages a redrive policy moves into a dead-letter queue)"));
    }
}
