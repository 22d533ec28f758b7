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

/**
 * FL-SFN-007: a {@code .sync}, {@code .waitForTaskToken} or activity task in an EXPRESS machine (or
 * in the item processor of a distributed Map whose child executions are EXPRESS). Express workflows
 * support none of these integration patterns.
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/choosing-workflow-type.html">Choosing workflow type</a>
 */
public final class ExpressMachineUnsupportedIntegration extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SFN-007")
            .name("ExpressMachineUnsupportedIntegration")
            .severity(Severity.ERROR)
            .summary("An EXPRESS machine uses .sync, .waitForTaskToken or an activity.")
            .rationale("Express workflows support neither the run-a-job (.sync) nor the wait-for-callback "
                    + "(.waitForTaskToken) integration pattern, nor activities; Step Functions rejects or "
                    + "fails such a definition, and an Express execution could not wait for them anyway "
                    + "(at most 5 minutes). The same holds inside a distributed Map whose child executions "
                    + "are EXPRESS.")
            .howToFix("Use a STANDARD machine (or STANDARD child executions), or call the service with the "
                    + "request-response pattern and poll or react to its completion event.")
            .tags("correctness", "step-functions", "express")
            .docsUrl("https://docs.aws.amazon.com/step-functions/latest/dg/choosing-workflow-type.html")
            .examplesOf(ExpressMachineUnsupportedIntegration.class)
            .precision(Precision.HIGH)
            .build();

    public ExpressMachineUnsupportedIntegration() {
        super(METADATA, Subscription.states("Task"));
    }

    @Override
    public void visitState(State state, StateMachine machine, RuleContext ctx) {
        TaskCall call = ctx.graph().taskCall(state, machine);
        if (call.pattern() == TaskCall.Pattern.REQUEST_RESPONSE) {
            return;
        }
        String where;
        State map = Asl.enclosingExpressDistributedMap(machine, state);
        if (map != null) {
            where = "runs in EXPRESS child executions of distributed Map '" + map.name() + "'";
        } else if (Machines.express(machine, ctx)) {
            where = "is in an EXPRESS state machine";
        } else {
            return;
        }
        String what = call.integration() == TaskCall.Integration.ACTIVITY
                ? "an activity"
                : call.pattern() == TaskCall.Pattern.SYNC ? "a .sync integration" : "a .waitForTaskToken callback";
        ctx.report(
                Location.of(machine, state, "Resource"),
                Asl.named(state) + " uses " + what + " but " + where + "; Express workflows do not support it");
    }
}
