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
import java.util.Map;
import java.util.OptionalLong;

/**
 * FL-SFN-004: a task that waits for someone else — a {@code .waitForTaskToken} callback or an
 * activity with neither {@code TimeoutSeconds} nor {@code HeartbeatSeconds}, or a {@code .sync} job
 * without {@code TimeoutSeconds}. A lost token or a hung job keeps the execution waiting until the
 * execution itself times out: up to a year on a STANDARD machine. A {@code .sync} job whose service
 * bounds its run time (Glue, CodeBuild, Athena; failure-semantics 7.7) is reported at info with that
 * bound: the execution cannot hang longer than the service lets the job run.
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html">Discover service integration patterns</a>
 */
public final class CallbackTaskWithoutTimeout extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SFN-004")
            .name("CallbackTaskWithoutTimeout")
            .severity(Severity.WARNING)
            .summary("A .waitForTaskToken, activity or .sync task has no TimeoutSeconds (or HeartbeatSeconds); "
                    + "service-bounded .sync jobs are info.")
            .rationale("A callback task (.waitForTaskToken) or an activity waits until a worker calls "
                    + "SendTaskSuccess or SendTaskFailure with its token; a .sync task waits until the job "
                    + "ends. The default TimeoutSeconds is 99999999, so if the token is lost (the worker "
                    + "crashed, the message went to a dead-letter queue) or the job hangs, the execution "
                    + "waits until the execution itself times out, up to one year on a STANDARD machine, "
                    + "and no Catch ever runs.")
            .howToFix("Set TimeoutSeconds to the longest the wait may reasonably take; for callbacks and "
                    + "activities also set HeartbeatSeconds and have the worker call SendTaskHeartbeat. Catch "
                    + "States.Timeout (or States.HeartbeatTimeout) to handle the lost token.")
            .tags("reliability", "step-functions", "timeout", "callback")
            .docsUrl("https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html")
            .examplesOf(CallbackTaskWithoutTimeout.class)
            .precision(Precision.HIGH)
            .build();

    /**
     * {@code .sync} jobs whose service ends them after a documented maximum run time
     * (failure-semantics 7.7), with that bound for the message.
     */
    private static final Map<String, String> SERVICE_BOUNDED_JOBS = Map.of(
            "glue:startJobRun",
            "AWS Glue stops a job run at its Timeout (2,880 minutes by default, at most 7 days)",
            "codebuild:startBuild",
            "CodeBuild stops a build at its timeout (60 minutes by default, at most 36 hours)",
            "codebuild:startBuildBatch",
            "CodeBuild stops each build at its timeout (60 minutes by default, at most 36 hours)",
            "athena:startQueryExecution",
            "Athena cancels a query at its DML query timeout quota (30 minutes by default)");

    public CallbackTaskWithoutTimeout() {
        super(METADATA, Subscription.states("Task"));
    }

    @Override
    public void visitState(State state, StateMachine machine, RuleContext ctx) {
        TaskCall call = ctx.graph().taskCall(state, machine);
        if (call.pattern() == TaskCall.Pattern.REQUEST_RESPONSE) {
            return;
        }
        boolean timeout = state.body().has("TimeoutSeconds") || state.body().has("TimeoutSecondsPath");
        boolean heartbeat = state.body().has("HeartbeatSeconds") || state.body().has("HeartbeatSecondsPath");
        String until = untilExecutionTimesOut(machine);
        if (call.pattern() == TaskCall.Pattern.SYNC) {
            if (timeout) {
                return;
            }
            String api = call.api();
            String bound = SERVICE_BOUNDED_JOBS.get(api);
            if (bound != null) {
                ctx.report(
                                Location.of(machine, state, "Resource"),
                                Asl.named(state) + " runs a " + api + ".sync job without TimeoutSeconds; the wait is "
                                        + "bounded by the service: " + bound + ", so set TimeoutSeconds only if the "
                                        + "execution should give up sooner")
                        .withSeverity(Severity.INFO);
                return;
            }
            ctx.report(
                    Location.of(machine, state, "Resource"),
                    Asl.named(state) + " runs a " + (api.isEmpty() ? "" : api) + ".sync job without TimeoutSeconds"
                            + (api.isEmpty() ? "" : ", which the service does not bound")
                            + "; if the job hangs the execution waits " + until);
            return;
        }
        if (timeout || heartbeat) {
            return;
        }
        String kind = call.integration() == TaskCall.Integration.ACTIVITY
                ? "waits for an activity worker"
                : "waits for a task token";
        ctx.report(
                Location.of(machine, state, "Resource"),
                Asl.named(state) + " " + kind
                        + " without TimeoutSeconds or HeartbeatSeconds; a lost token makes the execution wait "
                        + until);
    }

    /**
     * How long a hung wait lasts: until the machine's own {@code TimeoutSeconds} ends the execution
     * with States.Timeout (which no Catch handles), or, without one, up to a year.
     */
    private static String untilExecutionTimesOut(StateMachine machine) {
        OptionalLong machineTimeout = Asl.integer(machine, machine.top().body().get("TimeoutSeconds"));
        if (machineTimeout.isPresent()) {
            return "until the machine's TimeoutSeconds " + machineTimeout.getAsLong()
                    + " s ends it with States.Timeout, which no Catch handles";
        }
        return "until it times out itself, up to a year on a STANDARD machine";
    }
}
