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
 * FL-EVENTS-002: a rule target's or schedule's {@code RetryPolicy.MaximumRetryAttempts} outside
 * 0–185 or {@code MaximumEventAgeInSeconds} outside 60–86400.
 *
 * @see <a href="https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html">EventBridge: retry policy</a>
 */
public final class RetryPolicyOutOfRange implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-EVENTS-002")
            .name("RetryPolicyOutOfRange")
            .severity(Severity.ERROR)
            .summary("An EventBridge rule or schedule RetryPolicy is outside 0-185 attempts or 60-86400 seconds.")
            .rationale("EventBridge rules and EventBridge Scheduler retry delivery at most 185 times and for at "
                    + "most 24 hours. CloudFormation rejects a RetryPolicy with MaximumRetryAttempts outside 0-185 "
                    + "or MaximumEventAgeInSeconds outside 60-86400, so the stack fails to deploy.")
            .howToFix("Use MaximumRetryAttempts 0-185 and MaximumEventAgeInSeconds 60-86400, and a dead-letter "
                    + "queue for what is still undelivered after that.")
            .tags("correctness", "eventbridge", "scheduler", "retry", "deployment")
            .docsUrl("https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html")
            .badExample("""
                    Nightly:
                      Type: AWS::Events::Rule
                      Properties:
                        ScheduleExpression: rate(1 day)
                        Targets:
                          - Id: job
                            Arn: !GetAtt Job.Arn
                            RetryPolicy: {MaximumRetryAttempts: 500, MaximumEventAgeInSeconds: 172800}
                    Job:
                      Type: AWS::Lambda::Function
                      Properties: {Runtime: python3.12, Handler: app.handler, Timeout: 10}
                    """)
            .goodExample("""
                    Nightly:
                      Type: AWS::Events::Rule
                      Properties:
                        ScheduleExpression: rate(1 day)
                        Targets:
                          - Id: job
                            Arn: !GetAtt Job.Arn
                            RetryPolicy: {MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400}
                    Job:
                      Type: AWS::Lambda::Function
                      Properties: {Runtime: python3.12, Handler: app.handler, Timeout: 10}
                    """)
            .precision(Precision.VERY_HIGH)
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Subscription subscription() {
        return Subscription.nodes(NodeKind.EVENT_RULE, NodeKind.SCHEDULE);
    }

    @Override
    public void visitNode(GraphNode node, RuleContext ctx) {
        for (EventTargets.Target t : EventTargets.of(node, ctx)) {
            if (!(t.map().get("RetryPolicy") instanceof MapNode rp)) {
                continue;
            }
            check(node, ctx, t, rp, "MaximumRetryAttempts", EventTargets.MIN_RETRY_ATTEMPTS,
                    EventTargets.MAX_RETRY_ATTEMPTS, "");
            check(node, ctx, t, rp, "MaximumEventAgeInSeconds", EventTargets.MIN_EVENT_AGE_SECONDS,
                    EventTargets.MAX_EVENT_AGE_SECONDS, " s");
        }
    }

    private static void check(GraphNode node, RuleContext ctx, EventTargets.Target t, MapNode rp, String prop,
                              long min, long max, String unit) {
        Node at = rp.get(prop);
        if (at == null) {
            return;
        }
        for (long v : ctx.eval(node, at).knownLongs()) {
            if (v < min || v > max) {
                ctx.report(node, at, t.path() + "/RetryPolicy/" + prop, RuleTargetWithoutDeadLetterQueue.capitalized(
                        t.label()) + " RetryPolicy " + prop + " " + v + unit + " is outside " + min + "-" + max + unit
                        + "; CloudFormation rejects it and the stack fails to deploy");
                return;
            }
        }
    }
}
