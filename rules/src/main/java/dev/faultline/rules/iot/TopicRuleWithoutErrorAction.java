package dev.faultline.rules.iot;

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
 * FL-IOT-001: an {@code AWS::IoT::TopicRule} (or SAM IoTRule event) without
 * {@code TopicRulePayload.ErrorAction}.
 *
 * @see <a href="https://docs.aws.amazon.com/iot/latest/developerguide/rule-error-handling.html">AWS IoT: error handling (error action)</a>
 */
public final class TopicRuleWithoutErrorAction implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-IOT-001")
            .name("TopicRuleWithoutErrorAction")
            .severity(Severity.WARNING)
            .summary("An IoT topic rule has no ErrorAction.")
            .rationale("When an IoT rule action fails (a throttled or missing target, a missing permission), "
                    + "the rule's ErrorAction receives the message together with the failure details. Without "
                    + "an ErrorAction the message is lost and nothing records that the action failed.")
            .howToFix("Add TopicRulePayload.ErrorAction (for example an Sqs, Sns, S3 or CloudwatchLogs action) and "
                    + "alarm on it. SAM IoTRule events cannot declare one; use an AWS::IoT::TopicRule resource.")
            .tags("reliability", "iot", "error-action")
            .docsUrl("https://docs.aws.amazon.com/iot/latest/developerguide/rule-error-handling.html")
            .badExample("""
                    Telemetry:
                      Type: AWS::IoT::TopicRule
                      Properties:
                        TopicRulePayload:
                          Sql: SELECT * FROM 'devices/+/telemetry'
                          Actions: [{Lambda: {FunctionArn: !GetAtt Ingest.Arn}}]
                    Ingest:
                      Type: AWS::Lambda::Function
                      Properties: {Runtime: python3.12, Handler: app.handler, Timeout: 10}
                    """)
            .goodExample("""
                    Telemetry:
                      Type: AWS::IoT::TopicRule
                      Properties:
                        TopicRulePayload:
                          Sql: SELECT * FROM 'devices/+/telemetry'
                          Actions: [{Lambda: {FunctionArn: !GetAtt Ingest.Arn}}]
                          ErrorAction:
                            Sqs: {QueueUrl: !Ref TelemetryErrors, RoleArn: !GetAtt IotRole.Arn}
                    Ingest:
                      Type: AWS::Lambda::Function
                      Properties: {Runtime: python3.12, Handler: app.handler, Timeout: 10}
                    TelemetryErrors:
                      Type: AWS::SQS::Queue
                    IotRole:
                      Type: AWS::IAM::Role
                      Properties:
                        AssumeRolePolicyDocument:
                          Statement: [{Effect: Allow, Principal: {Service: iot.amazonaws.com}, Action: sts:AssumeRole}]
                    """)
            .precision(Precision.HIGH)
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Subscription subscription() {
        return Subscription.nodes(NodeKind.IOT_RULE);
    }

    @Override
    public void visitNode(GraphNode rule, RuleContext ctx) {
        Node payload = rule.property("TopicRulePayload");
        if (payload != null && !(payload instanceof MapNode)) {
            return;
        }
        if (payload instanceof MapNode m && m.get("ErrorAction") != null) {
            return;
        }
        ctx.report(rule, "IoT rule '" + rule.name()
                + "' has no ErrorAction; a message whose action fails is lost without a trace");
    }
}
