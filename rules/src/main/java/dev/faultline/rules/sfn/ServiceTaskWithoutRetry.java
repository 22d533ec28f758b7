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
import java.util.ArrayList;
import java.util.List;

/**
 * FL-SFN-017: Tasks that call an AWS service (an optimized integration or {@code aws-sdk:*}, not
 * Lambda, not HTTP) and have no {@code Retry} at all. Step Functions does not retry throttling or
 * transient service errors of an integration by itself. Reported once per machine, on the first
 * such Task, naming the others.
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html">Handling errors in Step Functions workflows</a>
 */
public final class ServiceTaskWithoutRetry extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SFN-017")
            .name("ServiceTaskWithoutRetry")
            .severity(Severity.INFO)
            .summary("Tasks that call AWS services have no Retry: one throttled or transient service error fails "
                    + "the state.")
            .rationale("Step Functions retries a state only as its Retry field says. A Task that calls DynamoDB, SQS, "
                    + "SNS, EventBridge or any AWS SDK action fails on the first throttling error "
                    + "(ThrottlingException, ProvisionedThroughputExceededException) or transient 5xx, and the "
                    + "execution fails or takes its catch path for an error a retry would have absorbed.")
            .howToFix("Add a retrier to each service Task, for example {\"ErrorEquals\": [\"States.TaskFailed\"], "
                    + "\"IntervalSeconds\": 1, \"MaxAttempts\": 3, \"BackoffRate\": 2, \"JitterStrategy\": \"FULL\"}, "
                    + "or list the service's throttling and transient errors by name.")
            .tags("reliability", "step-functions", "retry")
            .docsUrl("https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html")
            .examplesOf(ServiceTaskWithoutRetry.class)
            .precision(Precision.MEDIUM)
            .build();

    public ServiceTaskWithoutRetry() {
        super(METADATA, Subscription.stateMachines());
    }

    @Override
    public void visitStateMachine(StateMachine machine, RuleContext ctx) {
        List<State> bare = new ArrayList<>();
        List<String> apis = new ArrayList<>();
        for (State t : machine.top().tasks()) {
            TaskCall call = ctx.graph().taskCall(t, machine);
            if (call.awsService() && !t.body().has("Retry")) {
                bare.add(t);
                if (!apis.contains(call.api()) && !call.api().isEmpty()) {
                    apis.add(call.api());
                }
            }
        }
        if (bare.isEmpty()) {
            return;
        }
        ctx.report(
                Location.of(machine, bare.get(0)),
                (bare.size() == 1 ? "Task " : bare.size() + " Tasks ") + StrandedWork.names(bare)
                        + (bare.size() == 1 ? " calls " : " call ")
                        + (apis.isEmpty() ? "AWS services" : String.join(", ", apis))
                        + " with no Retry; Step Functions does not retry throttling or transient service errors by "
                        + "itself, so one such error fails the state");
    }
}
