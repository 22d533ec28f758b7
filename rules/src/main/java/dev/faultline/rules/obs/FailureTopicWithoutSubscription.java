package dev.faultline.rules.obs;

import dev.faultline.core.eval.Refs;
import dev.faultline.core.eval.Value;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.model.Template;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.rules.support.Describe;
import dev.faultline.rules.support.Functions;
import dev.faultline.rules.support.Iam;
import dev.faultline.rules.support.LastAsked;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * FL-OBS-002: an SNS topic defined in the template receives failures (it is the target of a
 * {@code failsTo} edge: a Lambda {@code DeadLetterConfig}, an async or event source mapping
 * {@code OnFailure} destination, ...) and nothing subscribes to it. SNS delivers to subscribers
 * only; a topic without one drops every failure record it receives.
 *
 * <p>Only failure sources for which a topic is a valid target count: a Lambda
 * {@code DeadLetterConfig}, async or event source mapping {@code OnFailure}, a pipe's DLQ, an IoT
 * error action (EventBridge, Scheduler and SNS-subscription DLQs must be queues; FL-EVENTS-002 and
 * FL-SNS-002 report a topic there).
 *
 * <p>Precision first: the rule stays silent whenever a subscription could exist that the template
 * does not show. Concretely it is silent when
 * <ul>
 *   <li>the topic is not defined in the template (an imported or literal ARN has no node);</li>
 *   <li>an {@code AWS::SNS::Subscription} (or SAM SNS event / {@code SqsSubscription}) subscribes to
 *       it, or the topic has an inline {@code Subscription} property (even an unresolvable one);</li>
 *   <li>a subscription of the same template names a topic that cannot be resolved, in a value
 *       that mentions this topic (its logical id, or its literal {@code TopicName} in a built ARN);</li>
 *   <li>the topic may be FIFO: Lambda destinations reject FIFO topics (FL-LAMBDA-003), nothing
 *       arrives there at all;</li>
 *   <li>an {@code Output} mentions the topic, exported or not: an exported ARN can be imported and
 *       subscribed by another stack, and a plain output is how sample apps hand the ARN to someone
 *       who subscribes by hand;</li>
 *   <li>a resource of a kind that could subscribe or pass the ARN on references it (a nested stack,
 *       a custom resource, an SSM parameter, a chat integration, any type not known to only publish
 *       or configure);</li>
 *   <li>an IAM role of the template is allowed {@code sns:Subscribe} on it (code can subscribe at
 *       run time).</li>
 * </ul>
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html">Lambda: capturing records of asynchronous invocations</a>
 */
public final class FailureTopicWithoutSubscription extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-OBS-002")
            .name("FailureTopicWithoutSubscription")
            .severity(Severity.WARNING)
            .summary("An SNS topic that receives failures has no subscription in the template.")
            .rationale("An SNS topic used as a dead-letter target or OnFailure destination (Lambda "
                    + "DeadLetterConfig, asynchronous invocation OnFailure, event source mapping OnFailure) "
                    + "only forwards what it receives to its subscribers; it stores nothing. With no "
                    + "subscription the failure records - the failed events or the metadata of discarded "
                    + "stream batches - are published to nobody and lost, while the configuration looks "
                    + "like failures are captured.")
            .howToFix("Subscribe something durable to the topic: an SQS queue (AWS::SNS::Subscription with "
                    + "Protocol sqs, or SAM SqsSubscription) that is alarmed, or an email/HTTPS endpoint that "
                    + "reaches a person; or send failures to an SQS queue directly.")
            .tags("observability", "sns", "dead-letter-queue", "destinations")
            .docsUrl("https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html")
            .examplesOf(FailureTopicWithoutSubscription.class)
            .precision(Precision.HIGH)
            .build();

    /** Kinds that reference a topic only to publish to it, grant on it or be configured by it. */
    private static final Set<NodeKind> PUBLISHERS = EnumSet.of(
            NodeKind.FUNCTION,
            NodeKind.ALIAS,
            NodeKind.VERSION,
            NodeKind.EVENT_INVOKE_CONFIG,
            NodeKind.EVENT_SOURCE_MAPPING,
            NodeKind.PERMISSION,
            NodeKind.QUEUE,
            NodeKind.QUEUE_POLICY,
            NodeKind.TOPIC,
            NodeKind.TOPIC_POLICY,
            NodeKind.SUBSCRIPTION,
            NodeKind.EVENT_RULE,
            NodeKind.EVENT_BUS,
            NodeKind.SCHEDULE,
            NodeKind.PIPE,
            NodeKind.BUCKET,
            NodeKind.BUCKET_NOTIFICATION,
            NodeKind.IOT_RULE,
            NodeKind.STATE_MACHINE,
            NodeKind.ALARM,
            NodeKind.ROLE,
            NodeKind.POLICY,
            NodeKind.LOG_GROUP);

    /**
     * Failure sources for which an SNS topic is a valid target: Lambda DLQ and async OnFailure, event
     * source mapping OnFailure, pipe DLQ, IoT error action. (EventBridge, Scheduler and SNS
     * subscription DLQs must be SQS queues; other rules report a topic there.)
     */
    private static final Set<NodeKind> SOURCES = EnumSet.of(
            NodeKind.FUNCTION,
            NodeKind.EVENT_INVOKE_CONFIG,
            NodeKind.EVENT_SOURCE_MAPPING,
            NodeKind.PIPE,
            NodeKind.IOT_RULE);

    public FailureTopicWithoutSubscription() {
        super(METADATA, Subscription.nodes(NodeKind.TOPIC));
    }

    @Override
    public void visitNode(GraphNode topic, RuleContext ctx) {
        List<GraphNode> sources = ctx.graph().failureSources(topic).stream()
                .filter(n -> SOURCES.contains(n.kind()) && !Functions.failureSettingNeverApplies(n, ctx))
                .toList();
        if (sources.isEmpty() || topic.template() == null || maybeFifo(topic, ctx)) {
            return;
        }
        if (topic.property("Subscription") != null
                || ctx.graph().isSubscribed(topic)
                || unresolvedSubscriptionNearby(topic, ctx)
                || mentionedInOutputs(topic)
                || referencedByPossibleSubscriber(topic, ctx)
                || subscribableByRole(topic, ctx)) {
            return;
        }
        ctx.report(
                Location.of(topic),
                "SNS topic '" + topic.name() + "' receives the failures of " + Describe.node(sources.get(0))
                        + (sources.size() > 1 ? " and " + (sources.size() - 1) + " more" : "")
                        + " but nothing in the template subscribes to it; failure records are published to nobody "
                        + "and lost");
    }

    /**
     * Whether the topic may be FIFO: Lambda destinations do not accept FIFO topics (FL-LAMBDA-003
     * reports that), so nothing is published there at all.
     */
    private static boolean maybeFifo(GraphNode topic, RuleContext ctx) {
        for (Value v : ctx.property(topic, "FifoTopic").alternatives()) {
            if (!(v instanceof Value.Absent) && !v.asBool().equals(Optional.of(Boolean.FALSE))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A subscription of the same template whose topic could not be resolved but whose
     * {@code TopicArn} mentions this topic (its logical id, or its literal {@code TopicName}), e.g.
     * an ARN built with {@code Fn::Sub}/{@code Fn::Join}. Imports and parameters name other topics.
     */
    private static boolean unresolvedSubscriptionNearby(GraphNode topic, RuleContext ctx) {
        if (ctx.graph().isIllTyped(topic.property("TopicName"))) {
            return true; // its name is not known (FL-PARSE-007): a subscription may name it
        }
        List<String> physical = ctx.property(topic, "TopicName").knownStrings();
        for (GraphNode n : ctx.graph().nodesOf(topic.template(), NodeKind.SUBSCRIPTION)) {
            if (!ctx.graph().subscribedTo(n).isEmpty()) {
                continue;
            }
            Node arn = n.property("TopicArn");
            if (arn != null && (mentions(arn, topic.name()) || containsText(arn, physical))) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsText(Node n, List<String> names) {
        if (names.isEmpty() || n == null) {
            return false;
        }
        if (n instanceof MapNode m) {
            for (MapNode.Entry e : m.entries()) {
                if (containsText(e.value(), names)) {
                    return true;
                }
            }
            return false;
        }
        if (n instanceof ListNode l) {
            for (Node i : l.items()) {
                if (containsText(i, names)) {
                    return true;
                }
            }
            return false;
        }
        if (n instanceof IntrinsicNode in) {
            return containsText(in.argument(), names);
        }
        String t = n.text();
        if (t == null) {
            return false;
        }
        for (String name : names) {
            if (!name.isEmpty() && t.contains(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionedInOutputs(GraphNode topic) {
        MapNode outputs = topic.template().outputs();
        return outputs != null && mentions(outputs, topic.name());
    }

    private static boolean referencedByPossibleSubscriber(GraphNode topic, RuleContext ctx) {
        return ctx.graph().referencedBy(topic).stream().anyMatch(n -> !PUBLISHERS.contains(n.kind()));
    }

    private static boolean subscribableByRole(GraphNode topic, RuleContext ctx) {
        for (GraphNode role : SUBSCRIBERS.get(topic.template(), ctx)) {
            if (Iam.roleAllows(ctx, role, "sns:Subscribe", topic) == Iam.Answer.ALLOWED) {
                return true;
            }
        }
        return false;
    }

    /**
     * The roles of a template whose policies may allow {@code sns:Subscribe} on anything, made once per
     * template: asking every role about every failure topic made the rule quadratic in the size of a
     * template (1,000 topics and roles: 399 ms).
     */
    private static final LastAsked<Template, RuleContext, List<GraphNode>> SUBSCRIBERS =
            new LastAsked<>(FailureTopicWithoutSubscription::mayAllowSubscribe);

    private static List<GraphNode> mayAllowSubscribe(Template t, RuleContext ctx) {
        List<GraphNode> out = new java.util.ArrayList<>(0);
        for (GraphNode role : ctx.graph().nodesOf(t, NodeKind.ROLE)) {
            if (Iam.mayAllow(ctx, role, "sns:Subscribe")) {
                out.add(role);
            }
        }
        return out;
    }

    /** Whether a tree mentions a logical id through {@code Ref}, {@code Fn::GetAtt} or {@code Fn::Sub}. */
    private static boolean mentions(Node n, String name) {
        if (n instanceof MapNode m) {
            for (MapNode.Entry e : m.entries()) {
                if (mentions(e.value(), name)) {
                    return true;
                }
            }
        } else if (n instanceof ListNode l) {
            for (Node i : l.items()) {
                if (mentions(i, name)) {
                    return true;
                }
            }
        } else if (n instanceof IntrinsicNode in) {
            String ref = Refs.ref(in);
            Refs.Target att = Refs.getAtt(in);
            String t = ref != null ? ref : att == null ? null : att.resource();
            if (t != null && (t.equals(name) || t.startsWith(name + "."))) {
                return true;
            }
            String text = Refs.subText(in);
            if (text != null && (text.contains("${" + name + "}") || text.contains("${" + name + "."))) {
                return true;
            }
            return mentions(in.argument(), name);
        }
        return false;
    }
}
