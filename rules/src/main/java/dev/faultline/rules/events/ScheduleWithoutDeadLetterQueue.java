package dev.faultline.rules.events;

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

/**
 * FL-SCHED-001: an {@code AWS::Scheduler::Schedule} (or SAM ScheduleV2 event) without
 * {@code Target.DeadLetterConfig}.
 *
 * @see <a href="https://docs.aws.amazon.com/scheduler/latest/UserGuide/configuring-schedule-dlq.html">EventBridge Scheduler: configuring a dead-letter queue</a>
 */
public final class ScheduleWithoutDeadLetterQueue implements Rule {

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
            .badExample("""
                    Nightly:
                      Type: AWS::Scheduler::Schedule
                      Properties:
                        ScheduleExpression: rate(1 day)
                        FlexibleTimeWindow: {Mode: "OFF"}
                        Target: {Arn: !GetAtt Job.Arn, RoleArn: !GetAtt SchedulerRole.Arn}
                    Job:
                      Type: AWS::Lambda::Function
                      Properties: {Runtime: python3.12, Handler: app.handler, Timeout: 10}
                    SchedulerRole:
                      Type: AWS::IAM::Role
                      Properties:
                        AssumeRolePolicyDocument:
                          Statement: [{Effect: Allow, Principal: {Service: scheduler.amazonaws.com}, Action: sts:AssumeRole}]
                    """)
            .goodExample("""
                    Nightly:
                      Type: AWS::Scheduler::Schedule
                      Properties:
                        ScheduleExpression: rate(1 day)
                        FlexibleTimeWindow: {Mode: "OFF"}
                        Target:
                          Arn: !GetAtt Job.Arn
                          RoleArn: !GetAtt SchedulerRole.Arn
                          DeadLetterConfig: {Arn: !GetAtt NightlyDlq.Arn}
                    Job:
                      Type: AWS::Lambda::Function
                      Properties: {Runtime: python3.12, Handler: app.handler, Timeout: 10}
                    SchedulerRole:
                      Type: AWS::IAM::Role
                      Properties:
                        AssumeRolePolicyDocument:
                          Statement: [{Effect: Allow, Principal: {Service: scheduler.amazonaws.com}, Action: sts:AssumeRole}]
                    NightlyDlq:
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
        return Subscription.nodes(NodeKind.SCHEDULE);
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
        ctx.report(schedule, "Schedule '" + schedule.name()
                + "' has no Target.DeadLetterConfig; invocations that cannot be delivered are dropped");
    }
}
