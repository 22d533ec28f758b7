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
import dev.faultline.rules.support.Iam;
import java.util.List;

/**
 * FL-EVENTS-004: the dead-letter queue of an EventBridge rule target, defined in the template, has
 * no queue policy that lets {@code events.amazonaws.com} send to it; or a schedule's role, defined
 * in the template, lacks {@code sqs:SendMessage} on its dead-letter queue. Queues SAM creates for
 * {@code DeadLetterConfig: {Type: SQS}} come with their policy and are skipped.
 *
 * @see <a href="https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html">EventBridge: using dead-letter queues</a>
 */
public final class DeadLetterQueueNotWritable extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-EVENTS-004")
            .name("DeadLetterQueueNotWritable")
            .severity(Severity.WARNING)
            .summary("EventBridge (rule) or the schedule's role may not send to the dead-letter queue.")
            .rationale("An EventBridge rule delivers undeliverable events to its dead-letter queue as "
                    + "events.amazonaws.com, which needs a queue policy allowing sqs:SendMessage. EventBridge "
                    + "Scheduler uses the schedule's role, which needs sqs:SendMessage on the queue. Without it "
                    + "the dead-lettering itself fails (InvocationsFailedToBeSentToDLQ) and the event is lost "
                    + "although a DLQ is configured.")
            .howToFix("Add an AWS::SQS::QueuePolicy on the DLQ allowing Principal Service events.amazonaws.com "
                    + "sqs:SendMessage (condition aws:SourceArn = the rule ARN); for a schedule add sqs:SendMessage "
                    + "on the DLQ to the schedule's role.")
            .tags("reliability", "eventbridge", "scheduler", "dead-letter-queue", "iam")
            .docsUrl("https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html")
            .examplesOf(DeadLetterQueueNotWritable.class)
            .precision(Precision.MEDIUM)
            .build();

    private static final String SEND = "sqs:SendMessage";

    public DeadLetterQueueNotWritable() {
        super(METADATA, Subscription.nodes(NodeKind.EVENT_RULE, NodeKind.SCHEDULE));
    }

    @Override
    public void visitNode(GraphNode node, RuleContext ctx) {
        for (GraphNode dlq : ctx.graph().failureTargets(node, NodeKind.QUEUE)) {
            if (dlq.implied()) {
                continue;
            }
            if (node.kind() == NodeKind.SCHEDULE) {
                schedule(node, dlq, ctx);
            } else {
                rule(node, dlq, ctx);
            }
        }
    }

    private static void rule(GraphNode rule, GraphNode dlq, RuleContext ctx) {
        List<GraphNode> policies = ctx.graph().configuredBy(dlq, NodeKind.QUEUE_POLICY);
        boolean unknown = false;
        for (GraphNode p : policies) {
            Iam.Answer a = Iam.resourcePolicyAllows(ctx, p, SEND, dlq, "events.amazonaws.com");
            if (a == Iam.Answer.ALLOWED) {
                return;
            }
            unknown |= a == Iam.Answer.UNKNOWN;
        }
        if (unknown) {
            return;
        }
        if (policies.isEmpty()) {
            ctx.report(
                    Location.of(dlq),
                    "Queue '" + dlq.name() + "' is the dead-letter queue of EventBridge rule '" + rule.name()
                            + "' but no queue policy in the template lets events.amazonaws.com send to it; dead-lettering "
                            + "fails and undeliverable events are lost");
        } else {
            GraphNode p = policies.get(0);
            ctx.report(
                    Location.of(p),
                    "Queue policy '" + p.name() + "' of queue '" + dlq.name()
                            + "', the dead-letter queue of EventBridge rule '" + rule.name() + "', does not let "
                            + "events.amazonaws.com send to it; dead-lettering fails and undeliverable events are lost");
        }
    }

    private static void schedule(GraphNode schedule, GraphNode dlq, RuleContext ctx) {
        if (!(schedule.property("Target") instanceof MapNode target)) {
            return;
        }
        GraphNode role = Iam.role(ctx, schedule, target.get("RoleArn"));
        if (role == null || Iam.roleAllows(ctx, role, SEND, dlq) != Iam.Answer.NOT_ALLOWED) {
            return;
        }
        ctx.report(
                Location.of(role),
                "Role '" + role.name() + "' of schedule '" + schedule.name()
                        + "' does not allow sqs:SendMessage on its dead-letter queue '" + dlq.name()
                        + "'; dead-lettering "
                        + "fails and undeliverable events are lost");
    }
}
