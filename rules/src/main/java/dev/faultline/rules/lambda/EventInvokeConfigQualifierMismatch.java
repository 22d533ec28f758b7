package dev.faultline.rules.lambda;

import dev.faultline.core.graph.Edge;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.Rule;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.rules.support.Describe;
import java.util.ArrayList;
import java.util.List;

/**
 * FL-LAMBDA-004: the EventInvokeConfig of a function is on one qualifier ({@code $LATEST}, an
 * alias, a version) while its asynchronous invokers call another, which then runs on defaults.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-configuring.html">Lambda: configuring error handling for asynchronous invocation</a>
 */
public final class EventInvokeConfigQualifierMismatch implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-LAMBDA-004")
            .name("EventInvokeConfigQualifierMismatch")
            .severity(Severity.WARNING)
            .summary("The EventInvokeConfig is on a different qualifier than the one the async invokers call.")
            .rationale("An EventInvokeConfig applies to exactly one qualifier: $LATEST, one version or one alias. "
                    + "When the trigger invokes the alias (for example SAM's AutoPublishAlias) and the config is "
                    + "on $LATEST, or the reverse, the invoked qualifier runs with the defaults: two retries, six "
                    + "hours, and no destination, so the failure handling that was written never happens.")
            .howToFix("Set the EventInvokeConfig Qualifier to the alias or version the triggers invoke (or point "
                    + "the triggers at the qualifier that has the config).")
            .tags("reliability", "lambda", "async", "destinations", "alias")
            .docsUrl("https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-configuring.html")
            .badExample("""
                    HandlerAsync:
                      Type: AWS::Lambda::EventInvokeConfig
                      Properties:
                        FunctionName: !Ref Handler
                        Qualifier: $LATEST
                        DestinationConfig: {OnFailure: {Destination: !GetAtt Failures.Arn}}
                    Sub:
                      Type: AWS::SNS::Subscription
                      Properties: {Protocol: lambda, TopicArn: !Ref Topic, Endpoint: !Ref HandlerLive}
                    Handler:
                      Type: AWS::Lambda::Function
                      Properties: {Runtime: python3.12, Handler: app.handler, Timeout: 10}
                    HandlerLive:
                      Type: AWS::Lambda::Alias
                      Properties: {FunctionName: !Ref Handler, FunctionVersion: "1", Name: live}
                    Topic:
                      Type: AWS::SNS::Topic
                    Failures:
                      Type: AWS::SQS::Queue
                    """)
            .goodExample("""
                    HandlerAsync:
                      Type: AWS::Lambda::EventInvokeConfig
                      Properties:
                        FunctionName: !Ref Handler
                        Qualifier: live
                        DestinationConfig: {OnFailure: {Destination: !GetAtt Failures.Arn}}
                    Sub:
                      Type: AWS::SNS::Subscription
                      Properties: {Protocol: lambda, TopicArn: !Ref Topic, Endpoint: !Ref HandlerLive}
                    Handler:
                      Type: AWS::Lambda::Function
                      Properties: {Runtime: python3.12, Handler: app.handler, Timeout: 10}
                    HandlerLive:
                      Type: AWS::Lambda::Alias
                      Properties: {FunctionName: !Ref Handler, FunctionVersion: "1", Name: live}
                    Topic:
                      Type: AWS::SNS::Topic
                    Failures:
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
        return Subscription.nodes(NodeKind.FUNCTION);
    }

    @Override
    public void visitNode(GraphNode fn, RuleContext ctx) {
        List<GraphNode> configs = ctx.graph().eventInvokeConfigs(fn);
        if (configs.isEmpty()) {
            return;
        }
        List<String> configured = new ArrayList<>(configs.size());
        for (GraphNode eic : configs) {
            String q = AsyncInvocations.configQualifier(ctx, eic);
            if (q == null) {
                return;
            }
            configured.add(q);
        }
        for (Edge e : AsyncInvocations.asyncEdges(ctx, fn)) {
            String q = AsyncInvocations.invokedQualifier(e);
            if (q == null) {
                return;
            }
            if (!configured.contains(q)) {
                GraphNode eic = configs.get(0);
                ctx.report(eic, eic.property("Qualifier"), "Properties/Qualifier", "EventInvokeConfig '"
                        + eic.name() + "' applies to qualifier '" + configured.get(0) + "' of function '" + fn.name()
                        + "' but " + Describe.node(e.from()) + " invokes '" + q + "'; that qualifier runs with the "
                        + "default retries and no destination");
                return;
            }
        }
    }
}
