package dev.faultline.rules.sfn;

import dev.faultline.core.asl.Retrier;
import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.asl.TaskCall;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.rules.support.Asl;
import dev.faultline.rules.support.StepFunctionsLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * FL-SFN-002: a Task invoking Lambda (optimized integration or a function ARN) whose retriers do not
 * retry the transient Lambda service errors.
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/bp-lambda-serviceexception.html">Handle transient Lambda service exceptions</a>
 */
public final class LambdaTaskWithoutServiceRetry extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SFN-002")
            .name("LambdaTaskWithoutServiceRetry")
            .severity(Severity.WARNING)
            .summary("A Task invoking Lambda does not retry Lambda.ServiceException, Lambda.AWSLambdaException "
                    + "and Lambda.SdkClientException.")
            .rationale("The Lambda service occasionally returns transient 5xx errors when Step Functions "
                    + "invokes a function. Unless a retrier matches Lambda.ServiceException, "
                    + "Lambda.AWSLambdaException and Lambda.SdkClientException (directly or through "
                    + "States.ALL or States.TaskFailed), such a blip fails the state, and with it usually the "
                    + "whole execution, although a retry seconds later would have succeeded. A retrier with "
                    + "MaxAttempts 0 does not retry.")
            .howToFix("Add the retrier AWS recommends as the first entry of Retry: {\"ErrorEquals\": "
                    + "[\"Lambda.ClientExecutionTimeoutException\", \"Lambda.ServiceException\", "
                    + "\"Lambda.AWSLambdaException\", \"Lambda.SdkClientException\"], \"IntervalSeconds\": 2, "
                    + "\"MaxAttempts\": 6, \"BackoffRate\": 2, \"JitterStrategy\": \"FULL\"}. CDK's "
                    + "LambdaInvoke adds it unless retryOnServiceExceptions is false.")
            .tags("reliability", "step-functions", "lambda", "retry")
            .docsUrl("https://docs.aws.amazon.com/step-functions/latest/dg/bp-lambda-serviceexception.html")
            .examplesOf(LambdaTaskWithoutServiceRetry.class)
            .precision(Precision.HIGH)
            .build();

    public LambdaTaskWithoutServiceRetry() {
        super(METADATA, Subscription.states("Task"));
    }

    @Override
    public void visitState(State state, StateMachine machine, RuleContext ctx) {
        TaskCall call = ctx.graph().taskCall(state, machine);
        if (!call.lambdaTask()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String error : StepFunctionsLimits.LAMBDA_SERVICE_ERRORS) {
            if (!Asl.retried(machine, state, error)) {
                missing.add(error);
            }
        }
        if (missing.isEmpty() || misspeltCatchAll(state, machine)) {
            return;
        }
        String how = call.form() == TaskCall.Form.OPTIMIZED ? "invokes Lambda" : "invokes a Lambda function ARN";
        String what = missing.size() == StepFunctionsLimits.LAMBDA_SERVICE_ERRORS.size()
                ? "has no retrier for the transient Lambda service errors (" + String.join(", ", missing) + ")"
                : "does not retry " + String.join(", ", missing);
        ctx.report(
                Location.of(machine, state, state.field("Retry") == null ? null : "Retry")
                        .at(state.field("Retry")),
                Asl.named(state) + " " + how + " but " + what
                        + "; a transient Lambda service error fails the state instead of being retried");
    }

    /**
     * Whether a retrier of the state lists a misspelt name of a predefined error that would retry the
     * Lambda service errors ({@code States.TaskFailedId} for {@code States.TaskFailed}): FL-ASL-007
     * reports that name, and correcting it is the fix, so this rule does not report the same retrier.
     */
    private static boolean misspeltCatchAll(State state, StateMachine machine) {
        for (Retrier r : state.retriers()) {
            for (String name : r.errorEquals()) {
                if (Asl.unknownPredefinedError(machine, name)) {
                    String meant = StepFunctionsLimits.closestPredefinedError(name);
                    if (StepFunctionsLimits.STATES_ALL.equals(meant)
                            || StepFunctionsLimits.STATES_TASK_FAILED.equals(meant)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
