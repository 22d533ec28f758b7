package dev.faultline.rules.lambda;

import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.rules.support.Describe;
import dev.faultline.rules.support.Iam;

/**
 * FL-LAMBDA-005: the execution role of a function, defined in the template, does not allow the
 * function to deliver to its DLQ or asynchronous destinations. SAM functions without {@code Role}
 * are skipped: SAM adds the statement to the role it generates.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html">Lambda: retaining records of asynchronous invocations</a>
 */
public final class FailureTargetNotPermitted extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-LAMBDA-005")
            .name("FailureTargetNotPermitted")
            .severity(Severity.WARNING)
            .summary("The function's execution role may not send to its DLQ or destination.")
            .rationale("Lambda delivers to a DeadLetterConfig target and to async destinations with the "
                    + "function's execution role. Without sqs:SendMessage, sns:Publish, lambda:InvokeFunction, "
                    + "events:PutEvents or s3:PutObject on the target, delivery fails at exactly the moment an "
                    + "event has failed, and Lambda drops it (DeadLetterErrors / DestinationDeliveryFailures). "
                    + "SAM adds these statements to the role it generates, but not to a role passed with Role. "
                    + "The Serverless Framework adds them to its IamRoleLambdaExecution for destinations and for an "
                    + "onError written as an ARN, but not for an onError written as an intrinsic (!Ref Topic), nor "
                    + "to a role the function or provider names.")
            .howToFix("Add a statement to the execution role that allows the delivery action on the DLQ or "
                    + "destination ARN (in a Serverless Framework service: under provider.iam.role.statements).")
            .tags("reliability", "lambda", "async", "iam", "dead-letter-queue", "destinations")
            .docsUrl("https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html")
            .examplesOf(FailureTargetNotPermitted.class)
            .precision(Precision.MEDIUM)
            .build();

    public FailureTargetNotPermitted() {
        super(METADATA, Subscription.nodes(NodeKind.FUNCTION));
    }

    @Override
    public void visitNode(GraphNode fn, RuleContext ctx) {
        GraphNode role = Iam.role(ctx, fn, fn.property("Role"));
        if (role == null) {
            return;
        }
        for (GraphNode target : ctx.graph().destinations(fn)) {
            String action = action(target);
            if (action == null) {
                continue;
            }
            if (Iam.roleAllows(ctx, role, action, target) == Iam.Answer.NOT_ALLOWED) {
                ctx.report(
                        Location.of(role),
                        "Execution role '" + role.name() + "' of function '"
                                + fn.name() + "' does not allow " + action + " on " + Describe.node(target)
                                + ", its dead-letter queue or destination; Lambda drops the failed event when delivery fails");
            }
        }
    }

    /** The action Lambda needs to deliver to a target. */
    static String action(GraphNode target) {
        return switch (target.kind()) {
            case QUEUE -> "sqs:SendMessage";
            case TOPIC -> "sns:Publish";
            case FUNCTION, ALIAS -> "lambda:InvokeFunction";
            case EVENT_BUS -> "events:PutEvents";
            case BUCKET -> "s3:PutObject";
            default -> null;
        };
    }
}
