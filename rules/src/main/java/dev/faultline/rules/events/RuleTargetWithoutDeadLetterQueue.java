package dev.faultline.rules.events;

import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.graph.ServerlessExpander;
import dev.faultline.core.model.InputKind;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.core.tree.Node;
import dev.faultline.rules.support.Props;
import dev.faultline.rules.support.Targets;
import java.util.List;

/**
 * FL-EVENTS-001: an EventBridge rule target (raw, or a SAM EventBridgeRule / CloudWatchEvent /
 * Schedule event) without {@code DeadLetterConfig}. Not for a target that is a CloudWatch Logs log
 * group: it keeps a copy of the events to read, no work waits on it, and nobody adds a dead-letter
 * queue for a log line.
 *
 * @see <a href="https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html">EventBridge: using dead-letter queues</a>
 */
public final class RuleTargetWithoutDeadLetterQueue extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-EVENTS-001")
            .name("RuleTargetWithoutDeadLetterQueue")
            .severity(Severity.WARNING)
            .summary("An EventBridge rule target has no DeadLetterConfig.")
            .rationale("EventBridge retries delivery to a target for up to 24 hours on throttling and service "
                    + "errors, and does not retry at all when the target is missing or the permission is wrong. "
                    + "Events that cannot be delivered go to the target's dead-letter queue; without one they "
                    + "are dropped, visible only as the FailedInvocations metric. (For a Lambda target this covers "
                    + "getting the event into Lambda; function errors are the function's async settings.) Not "
                    + "reported for a CloudWatch Logs log group target, a copy of the events kept for reading.")
            .howToFix("Add DeadLetterConfig: {Arn: <standard SQS queue ARN>} to the target (in SAM, DeadLetterConfig "
                    + "with Arn or Type: SQS on the event), allow events.amazonaws.com to send to the queue, and "
                    + "alarm on its depth.")
            .tags("reliability", "eventbridge", "dead-letter-queue")
            .docsUrl("https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html")
            .examplesOf(RuleTargetWithoutDeadLetterQueue.class)
            .precision(Precision.HIGH)
            .build();

    public RuleTargetWithoutDeadLetterQueue() {
        super(METADATA, Subscription.nodes(NodeKind.EVENT_RULE));
    }

    @Override
    public void visitNode(GraphNode rule, RuleContext ctx) {
        for (EventTargets.Target t : EventTargets.of(rule, ctx)) {
            if (t.map().get("DeadLetterConfig") != null
                    || logGroup(rule, t.map().get("Arn"), ctx)) {
                continue;
            }
            ctx.report(
                    Location.of(rule, t.path() + "/DeadLetterConfig").at(t.map()),
                    capitalized(t.label())
                            + " has no DeadLetterConfig; events that cannot be delivered to it are dropped"
                            + (fromServerlessSchedule(rule)
                                    ? " (the framework's schedule event has no dead-letter setting: an eventBridge "
                                            + "event with schedule and deadLetterQueueArn has)"
                                    : ""));
        }
    }

    /**
     * Whether a target's {@code Arn} is certainly a CloudWatch Logs log group: a log group of the graph
     * in every alternative, or an ARN of the {@code logs} service (literal, or the literal parts of the
     * {@code Fn::Sub} or {@code Fn::Join} that SAM templates and CDK output build it with).
     */
    private static boolean logGroup(GraphNode rule, Node arn, RuleContext ctx) {
        if (arn == null) {
            return false;
        }
        String[] parts = Props.literalText(arn).split(":", 4);
        if (parts.length == 4 && parts[0].equals("arn") && parts[2].equals("logs")) {
            return true;
        }
        List<Targets.Target> all = Targets.of(ctx, rule, arn);
        for (Targets.Target t : all) {
            if (t.node() == null || t.node().kind() != NodeKind.LOG_GROUP) {
                return false;
            }
        }
        return !all.isEmpty();
    }

    /** A rule the Serverless Framework makes for a function's {@code schedule} event (no dead-letter key). */
    private static boolean fromServerlessSchedule(GraphNode rule) {
        return rule.template() != null
                && rule.template().file().kind() == InputKind.SERVERLESS
                && ServerlessExpander.isScheduleRule(rule.name());
    }

    static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
