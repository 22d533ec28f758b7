package dev.faultline.rules.lambda;

import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.Rule;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.core.tree.Node;

/**
 * FL-LAMBDA-002: EventInvokeConfig {@code MaximumRetryAttempts} outside 0–2 or
 * {@code MaximumEventAgeInSeconds} outside 60–21600 (raw or SAM {@code EventInvokeConfig}).
 *
 * @see <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-eventinvokeconfig.html">AWS::Lambda::EventInvokeConfig</a>
 */
public final class EventInvokeConfigOutOfRange implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-LAMBDA-002")
            .name("EventInvokeConfigOutOfRange")
            .severity(Severity.ERROR)
            .summary("EventInvokeConfig MaximumRetryAttempts is outside 0-2 or MaximumEventAgeInSeconds outside 60-21600.")
            .rationale("Lambda retries an asynchronous event at most twice and keeps it at most six hours. "
                    + "CloudFormation rejects an EventInvokeConfig with MaximumRetryAttempts outside 0-2 or "
                    + "MaximumEventAgeInSeconds outside 60-21600, so the stack fails to deploy (and rolls back).")
            .howToFix("Use MaximumRetryAttempts 0, 1 or 2 and MaximumEventAgeInSeconds between 60 and 21600. "
                    + "For longer retries, send failures to an OnFailure queue and reprocess from there.")
            .tags("correctness", "lambda", "async", "deployment")
            .docsUrl("https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-eventinvokeconfig.html")
            .badExample("""
                    HandlerAsync:
                      Type: AWS::Lambda::EventInvokeConfig
                      Properties:
                        FunctionName: !Ref Handler
                        Qualifier: $LATEST
                        MaximumRetryAttempts: 5
                        MaximumEventAgeInSeconds: 86400
                    Handler:
                      Type: AWS::Lambda::Function
                      Properties: {Runtime: python3.12, Handler: app.handler, Timeout: 10}
                    """)
            .goodExample("""
                    HandlerAsync:
                      Type: AWS::Lambda::EventInvokeConfig
                      Properties:
                        FunctionName: !Ref Handler
                        Qualifier: $LATEST
                        MaximumRetryAttempts: 2
                        MaximumEventAgeInSeconds: 21600
                    Handler:
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
        return Subscription.nodes(NodeKind.EVENT_INVOKE_CONFIG);
    }

    @Override
    public void visitNode(GraphNode eic, RuleContext ctx) {
        check(eic, ctx, "MaximumRetryAttempts", LambdaLimits.MIN_RETRY_ATTEMPTS, LambdaLimits.MAX_RETRY_ATTEMPTS, "");
        check(eic, ctx, "MaximumEventAgeInSeconds", LambdaLimits.MIN_EVENT_AGE_SECONDS,
                LambdaLimits.MAX_EVENT_AGE_SECONDS, " s");
    }

    private static void check(GraphNode eic, RuleContext ctx, String prop, long min, long max, String unit) {
        Node at = eic.property(prop);
        if (at == null) {
            return;
        }
        for (long v : ctx.eval(eic, at).knownLongs()) {
            if (v < min || v > max) {
                ctx.report(eic, at, "Properties/" + prop, "EventInvokeConfig '" + eic.name() + "' " + prop + " "
                        + v + unit + " is outside " + min + "-" + max + unit + "; CloudFormation rejects it and the "
                        + "stack fails to deploy");
                return;
            }
        }
    }
}
