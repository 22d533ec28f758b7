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
import dev.faultline.rules.support.Describe;
import dev.faultline.rules.support.Targets;
import dev.faultline.rules.support.Targets.Target;
import dev.faultline.rules.support.Targets.Type;

/**
 * FL-EVENTS-003: a rule target's or schedule's {@code DeadLetterConfig.Arn} that is not a standard
 * SQS queue.
 *
 * @see <a href="https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html">EventBridge: using dead-letter queues</a>
 */
public final class InvalidEventsDeadLetterQueue implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-EVENTS-003")
            .name("InvalidEventsDeadLetterQueue")
            .severity(Severity.ERROR)
            .summary("An EventBridge rule or schedule dead-letter queue is not a standard SQS queue.")
            .rationale("EventBridge rules and EventBridge Scheduler can only dead-letter to a standard SQS queue. "
                    + "A FIFO queue, a topic or any other ARN is rejected or never receives the undelivered "
                    + "events, which are then dropped.")
            .howToFix("Point DeadLetterConfig.Arn at a standard (non-FIFO) SQS queue.")
            .tags("correctness", "eventbridge", "scheduler", "dead-letter-queue", "fifo")
            .docsUrl("https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html")
            .badExample("""
                    Nightly:
                      Type: AWS::Events::Rule
                      Properties:
                        ScheduleExpression: rate(1 day)
                        Targets:
                          - Id: job
                            Arn: !GetAtt Job.Arn
                            DeadLetterConfig: {Arn: !GetAtt Failures.Arn}
                    Job:
                      Type: AWS::Lambda::Function
                      Properties: {Runtime: python3.12, Handler: app.handler, Timeout: 10}
                    Failures:
                      Type: AWS::SQS::Queue
                      Properties: {FifoQueue: true}
                    """)
            .goodExample("""
                    Nightly:
                      Type: AWS::Events::Rule
                      Properties:
                        ScheduleExpression: rate(1 day)
                        Targets:
                          - Id: job
                            Arn: !GetAtt Job.Arn
                            DeadLetterConfig: {Arn: !GetAtt JobDlq.Arn}
                    Job:
                      Type: AWS::Lambda::Function
                      Properties: {Runtime: python3.12, Handler: app.handler, Timeout: 10}
                    JobDlq:
                      Type: AWS::SQS::Queue
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
            if (!(t.map().get("DeadLetterConfig") instanceof MapNode dlc)) {
                continue;
            }
            Node at = dlc.get("Arn");
            for (Target x : Targets.of(ctx, node, at)) {
                if (x.type() == Type.UNKNOWN) {
                    continue;
                }
                String why = x.type() != Type.SQS ? "is " + Describe.article(x.type().label()) + x.type().label() + ", not an SQS queue"
                        : Boolean.TRUE.equals(x.fifo()) ? "is a FIFO queue" : null;
                if (why != null) {
                    ctx.report(node, at, t.path() + "/DeadLetterConfig/Arn", RuleTargetWithoutDeadLetterQueue
                            .capitalized(t.label()) + " dead-letter queue " + x.describe() + " " + why
                            + "; only a standard SQS queue can receive undelivered events");
                    break;
                }
            }
        }
    }
}
