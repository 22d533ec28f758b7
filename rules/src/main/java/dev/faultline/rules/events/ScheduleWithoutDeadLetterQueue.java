package dev.faultline.rules.events;

import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;

/**
 * FL-SCHED-001: an {@code AWS::Scheduler::Schedule} (or SAM ScheduleV2 event) without
 * {@code Target.DeadLetterConfig}.
 *
 * @see <a href="https://docs.aws.amazon.com/scheduler/latest/UserGuide/configuring-schedule-dlq.html">EventBridge Scheduler: configuring a dead-letter queue</a>
 */
public final class ScheduleWithoutDeadLetterQueue extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SCHED-001")
            .name("ScheduleWithoutDeadLetterQueue")
            .severity(Severity.WARNING)
            .summary("An EventBridge Scheduler schedule has no Target.DeadLetterConfig.")
            .rationale("EventBridge Scheduler retries delivering a schedule's invocation to its target, and "
                    + "when the retries or the event age run out (or the error is not retryable, such as a "
                    + "missing permission) the invocation is dropped unless the target has a dead-letter queue.")
            .howToFix("Add Target.DeadLetterConfig.Arn with a standard SQS queue (in SAM, DeadLetterConfig on the "
                    + "ScheduleV2 event) and grant the schedule's role sqs:SendMessage on it.")
            .tags("reliability", "scheduler", "dead-letter-queue")
            .docsUrl("https://docs.aws.amazon.com/scheduler/latest/UserGuide/configuring-schedule-dlq.html")
            .examplesOf(ScheduleWithoutDeadLetterQueue.class)
            .precision(Precision.HIGH)
            .build();

    public ScheduleWithoutDeadLetterQueue() {
        super(METADATA, Subscription.nodes(NodeKind.SCHEDULE));
    }

    @Override
    public void visitNode(GraphNode schedule, RuleContext ctx) {
        Node target = schedule.property("Target");
        if (target != null && !(target instanceof MapNode)) {
            return;
        }
        if (target instanceof MapNode m && m.get("DeadLetterConfig") != null) {
            return;
        }
        ctx.report(
                Location.of(schedule),
                "Schedule '" + schedule.name()
                        + "' has no Target.DeadLetterConfig; invocations that cannot be delivered are dropped");
    }
}
