package dev.faultline.rules.sfn;

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

/**
 * FL-SFN-009: an HTTP Task ({@code arn:aws:states:::http:invoke}) with no retrier for throttling
 * (429), 5xx responses or socket errors.
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html">Call HTTPS APIs in Step Functions workflows</a>
 */
public final class HttpTaskWithoutRetry extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SFN-009")
            .name("HttpTaskWithoutRetry")
            .severity(Severity.WARNING)
            .summary("An HTTP Task has no retrier for throttling, 5xx or socket errors.")
            .rationale("An HTTP Task fails with States.Http.StatusCode.<code> for a non-2xx response and with "
                    + "States.Http.Socket on connection problems or its 60-second timeout. Third-party APIs "
                    + "throttle (429) and fail transiently (500, 502, 503, 504); without a retrier for these, "
                    + "one blip fails the state and usually the execution.")
            .howToFix("Add a retrier for States.Http.StatusCode.429, the 5xx codes and States.Http.Socket (or "
                    + "States.ALL as the last retrier) with backoff, MaxDelaySeconds and JitterStrategy FULL.")
            .tags("reliability", "step-functions", "http", "retry")
            .docsUrl("https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html")
            .examplesOf(HttpTaskWithoutRetry.class)
            .precision(Precision.MEDIUM)
            .build();

    public HttpTaskWithoutRetry() {
        super(METADATA, Subscription.states("Task"));
    }

    @Override
    public void visitState(State state, StateMachine machine, RuleContext ctx) {
        if (ctx.graph().taskCall(state, machine).integration() != TaskCall.Integration.HTTP) {
            return;
        }
        for (String error : StepFunctionsLimits.HTTP_TRANSIENT_ERRORS) {
            if (Asl.retried(machine, state, error)) {
                return;
            }
        }
        ctx.report(
                Location.of(machine, state, state.field("Retry") == null ? null : "Retry")
                        .at(state.field("Retry")),
                Asl.named(state) + " calls an HTTPS API but retries none of States.Http.StatusCode.429, the 5xx "
                        + "codes or States.Http.Socket; one throttled or failed request fails the state");
    }
}
