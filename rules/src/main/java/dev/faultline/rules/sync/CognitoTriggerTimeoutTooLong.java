package dev.faultline.rules.sync;

import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;

/**
 * FL-SYNC-002: a Cognito user-pool trigger function with {@code Timeout} above 5 s.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-identity-pools-working-with-aws-lambda-triggers.html">Cognito: Lambda triggers</a>
 */
public final class CognitoTriggerTimeoutTooLong extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SYNC-002")
            .name("CognitoTriggerTimeoutTooLong")
            .severity(Severity.INFO)
            .summary("A Cognito user-pool trigger function has a Timeout above Cognito's 5-second limit.")
            .rationale("Cognito calls trigger functions synchronously and waits at most 5 seconds (then retries "
                    + "and fails the user's sign-up or sign-in). A longer function Timeout does not give the "
                    + "trigger more time; it only lets work continue after Cognito has given up.")
            .howToFix("Set the trigger's Timeout to 5 seconds or less and keep its work short; move slow work "
                    + "to an asynchronous path.")
            .tags("reliability", "lambda", "cognito", "timeout", "sync")
            .docsUrl(
                    "https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-identity-pools-working-with-aws-lambda-triggers.html")
            .examplesOf(CognitoTriggerTimeoutTooLong.class)
            .precision(Precision.HIGH)
            .build();

    static final long COGNITO_BUDGET_SECONDS = 5;

    public CognitoTriggerTimeoutTooLong() {
        super(METADATA, Subscription.nodes(NodeKind.FUNCTION));
    }

    @Override
    public void visitNode(GraphNode fn, RuleContext ctx) {
        long max = WrittenTimeout.largest(fn, ctx).orElse(0);
        if (max <= COGNITO_BUDGET_SECONDS) {
            return;
        }
        for (GraphNode pool : ctx.graph().invokers(fn, NodeKind.USER_POOL)) {
            ctx.report(
                    Location.of(fn, "Properties/Timeout"),
                    "Function '" + fn.name() + "' is a trigger of user "
                            + "pool '" + pool.name() + "' with Timeout " + max
                            + " s, but Cognito gives up after "
                            + COGNITO_BUDGET_SECONDS
                            + " s; the extra time only lets work continue after the sign-in failed");
            return;
        }
    }
}
