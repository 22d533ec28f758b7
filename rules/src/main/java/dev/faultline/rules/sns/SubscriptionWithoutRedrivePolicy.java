package dev.faultline.rules.sns;

import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.rules.support.Describe;
import java.util.List;
import java.util.Set;

/**
 * FL-SNS-001: an SNS subscription ({@code AWS::SNS::Subscription}, a SAM SNS event, or a topic's
 * inline {@code Subscription} item, which cannot have one) without a {@code RedrivePolicy}.
 *
 * @see <a href="https://docs.aws.amazon.com/sns/latest/dg/sns-dead-letter-queues.html">Amazon SNS dead-letter queues</a>
 */
public final class SubscriptionWithoutRedrivePolicy extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SNS-001")
            .name("SubscriptionWithoutRedrivePolicy")
            .severity(Severity.WARNING)
            .summary("An SNS subscription has no RedrivePolicy (dead-letter queue).")
            .rationale("SNS retries delivery to an endpoint according to its delivery policy; client-side "
                    + "errors (a deleted endpoint, a missing permission) are not retried at all. A message that "
                    + "cannot be delivered goes to the subscription's dead-letter queue, and without one it is "
                    + "discarded. Inline subscriptions of AWS::SNS::Topic cannot carry a RedrivePolicy at all. "
                    + "Severity by protocol: warning for lambda, sqs, http, https, firehose and application "
                    + "endpoints; info for email, email-json and sms, where a dead-letter queue notifies no one.")
            .howToFix("Add RedrivePolicy: {deadLetterTargetArn: <standard SQS queue ARN>} to the subscription (in "
                    + "SAM, on the SNS event), give the queue a policy that lets sns.amazonaws.com send to it, and "
                    + "alarm on its depth. Replace inline topic subscriptions with AWS::SNS::Subscription resources.")
            .tags("reliability", "sns", "dead-letter-queue")
            .docsUrl("https://docs.aws.amazon.com/sns/latest/dg/sns-dead-letter-queues.html")
            .examplesOf(SubscriptionWithoutRedrivePolicy.class)
            .precision(Precision.HIGH)
            .build();

    public SubscriptionWithoutRedrivePolicy() {
        super(METADATA, Subscription.nodes(NodeKind.SUBSCRIPTION, NodeKind.TOPIC));
    }

    @Override
    public void visitNode(GraphNode node, RuleContext ctx) {
        if (node.kind() == NodeKind.TOPIC) {
            inline(node, ctx);
            return;
        }
        if (node.property("RedrivePolicy") != null) {
            return;
        }
        Severity sev = severity(ctx.property(node, "Protocol").knownStrings());
        ctx.report(
                        Location.of(node, "Properties/RedrivePolicy"),
                        "SNS subscription '" + node.name() + "'"
                                + endpoint(node, ctx)
                                + " has no RedrivePolicy; messages SNS cannot deliver are discarded"
                                + (sev == Severity.INFO
                                        ? " (a dead-letter queue for an " + PERSON + " subscription is optional: it "
                                                + "notifies no one)"
                                        : ""))
                .withSeverity(sev);
    }

    /** Protocols whose endpoint is a person: a dead-letter queue for them is a safer setting, not a must. */
    private static final Set<String> TO_PEOPLE = Set.of("email", "email-json", "sms");

    private static final String PERSON = "email or SMS";

    /** Info when every known protocol alternative reaches a person (email, SMS), else warning. */
    private static Severity severity(List<String> protocols) {
        return !protocols.isEmpty() && TO_PEOPLE.containsAll(protocols) ? Severity.INFO : Severity.WARNING;
    }

    private static void inline(GraphNode topic, RuleContext ctx) {
        Node subs = topic.property("Subscription");
        if (!(subs instanceof ListNode l)) {
            return;
        }
        for (int i = 0; i < l.size(); i++) {
            if (!(l.get(i) instanceof MapNode item)) {
                continue;
            }
            List<String> protocols = ctx.eval(topic, item.get("Protocol")).knownStrings();
            String protocol = protocols.size() == 1 ? protocols.get(0) : "?";
            ctx.report(
                            Location.of(topic, "Properties/Subscription/" + i).at(item),
                            "Topic '"
                                    + topic.name() + "' has an inline "
                                    + protocol
                                    + " subscription, which cannot have a RedrivePolicy; messages SNS cannot deliver "
                                    + "to it are discarded")
                    .withSeverity(severity(protocols));
        }
    }

    private static String endpoint(GraphNode sub, RuleContext ctx) {
        for (GraphNode target : ctx.graph().invoked(sub)) {
            return " to " + Describe.node(target);
        }
        var protocol = ctx.property(sub, "Protocol").asString();
        return protocol.map(p -> " (" + p + ")").orElse("");
    }
}
