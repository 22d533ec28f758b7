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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * FL-EVENTS-004: the dead-letter queue of an EventBridge rule target, defined in the template, has
 * no queue policy that lets {@code events.amazonaws.com} send to it; or a schedule's role, defined
 * in the template, lacks {@code sqs:SendMessage} on its dead-letter queue. Queues SAM creates for
 * {@code DeadLetterConfig: {Type: SQS}} come with their policy and are skipped. One finding per
 * fix: a queue that several rules dead-letter to is reported once (one queue policy fixes it for all),
 * at its first rule, and so is a role that several schedules use with the same dead-letter queue.
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
        List<GraphNode> rules = sources(dlq, ctx, s -> s.kind() == NodeKind.EVENT_RULE);
        if (!first(rule, rules)) {
            return; // reported with the first rule that dead-letters to the queue
        }
        String rulesNamed = "EventBridge rule '" + rule.name() + "'" + more(rules);
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
                    "Queue '" + dlq.name() + "' is the dead-letter queue of " + rulesNamed
                            + " but no queue policy in the template lets events.amazonaws.com send to it; dead-lettering "
                            + "fails and undeliverable events are lost");
        } else {
            GraphNode p = policies.get(0);
            ctx.report(
                    Location.of(p),
                    "Queue policy '" + p.name() + "' of queue '" + dlq.name()
                            + "', the dead-letter queue of " + rulesNamed + ", does not let "
                            + "events.amazonaws.com send to it; dead-lettering fails and undeliverable events are lost");
        }
    }

    /** The role a schedule's target runs as, when it is a role of the templates; else null. */
    private static GraphNode roleOf(GraphNode schedule, RuleContext ctx) {
        return schedule.property("Target") instanceof MapNode target
                ? Iam.role(ctx, schedule, target.get("RoleArn"))
                : null;
    }

    /** The nodes that send their failures to {@code dlq} and pass {@code test}, in the graph's order. */
    private static List<GraphNode> sources(GraphNode dlq, RuleContext ctx, Predicate<GraphNode> test) {
        List<GraphNode> out = new ArrayList<>(1);
        for (GraphNode source : ctx.graph().failureSources(dlq)) {
            if (test.test(source)) {
                out.add(source);
            }
        }
        return out;
    }

    /** Whether {@code node} is the first of {@code sharing} (or nothing shares), so reports the fix for all. */
    private static boolean first(GraphNode node, List<GraphNode> sharing) {
        return sharing.isEmpty() || sharing.get(0) == node;
    }

    /** {@code " and N more"} for the nodes after the first, or nothing. */
    private static String more(List<GraphNode> nodes) {
        return nodes.size() > 1 ? " and " + (nodes.size() - 1) + " more" : "";
    }

    private static void schedule(GraphNode schedule, GraphNode dlq, RuleContext ctx) {
        GraphNode role = roleOf(schedule, ctx);
        if (role == null || Iam.roleAllows(ctx, role, SEND, dlq) != Iam.Answer.NOT_ALLOWED) {
            return;
        }
        List<GraphNode> sharing = sources(dlq, ctx, s -> s.kind() == NodeKind.SCHEDULE && roleOf(s, ctx) == role);
        if (!first(schedule, sharing)) {
            return; // reported with the first schedule that uses the role and the queue
        }
        ctx.report(
                Location.of(role),
                "Role '" + role.name() + "' of schedule '" + schedule.name() + "'" + more(sharing)
                        + " does not allow sqs:SendMessage on its dead-letter queue '" + dlq.name()
                        + "'; dead-lettering "
                        + "fails and undeliverable events are lost");
    }
}
