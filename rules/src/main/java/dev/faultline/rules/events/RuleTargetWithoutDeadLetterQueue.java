package dev.faultline.rules.events;

import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.Rule;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;

/**
 * FL-EVENTS-001: an EventBridge rule target (raw, or a SAM EventBridgeRule / CloudWatchEvent /
 * Schedule event) without {@code DeadLetterConfig}.
 *
 * @see <a href="https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html">EventBridge: using dead-letter queues</a>
 */
public final class RuleTargetWithoutDeadLetterQueue implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-EVENTS-001")
            .name("RuleTargetWithoutDeadLetterQueue")
            .severity(Severity.WARNING)
            .summary("An EventBridge rule target has no DeadLetterConfig.")
            .rationale("EventBridge retries delivery to a target for up to 24 hours on throttling and service "
                    + "errors, and does not retry at all when the target is missing or the permission is wrong. "
                    + "Events that cannot be delivered go to the target's dead-letter queue; without one they "
                    + "are dropped, visible only as the FailedInvocations metric. (For a Lambda target this covers "
                    + "getting the event into Lambda; function errors are the function's async settings.)")
            .howToFix("Add DeadLetterConfig: {Arn: <standard SQS queue ARN>} to the target (in SAM, DeadLetterConfig "
                    + "with Arn or Type: SQS on the event), allow events.amazonaws.com to send to the queue, and "
                    + "alarm on its depth.")
            .tags("reliability", "eventbridge", "dead-letter-queue")
            .docsUrl("https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html")
            .badExample("""
                    Nightly:
                      Type: AWS::Events::Rule
                      Properties:
                        ScheduleExpression: cron(0 3 * * ? *)
                        Targets:
                          - Id: job
                            Arn: !GetAtt NightlyJob.Arn
                    NightlyJob:
                      Type: AWS::Lambda::Function
                      Properties: {Runtime: python3.12, Handler: app.handler, Timeout: 10}
                    """)
            .goodExample("""
                    Nightly:
                      Type: AWS::Events::Rule
                      Properties:
                        ScheduleExpression: cron(0 3 * * ? *)
                        Targets:
                          - Id: job
                            Arn: !GetAtt NightlyJob.Arn
                            DeadLetterConfig: {Arn: !GetAtt NightlyDlq.Arn}
                    NightlyJob:
                      Type: AWS::Lambda::Function
                      Properties: {Runtime: python3.12, Handler: app.handler, Timeout: 10}
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
        return Subscription.nodes(NodeKind.EVENT_RULE);
    }

    @Override
    public void visitNode(GraphNode rule, RuleContext ctx) {
        for (EventTargets.Target t : EventTargets.of(rule, ctx)) {
            if (t.map().get("DeadLetterConfig") != null) {
                continue;
            }
            ctx.report(rule, t.map(), t.path() + "/DeadLetterConfig", capitalized(t.label())
                    + " has no DeadLetterConfig; events that cannot be delivered to it are dropped");
        }
    }

    static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
