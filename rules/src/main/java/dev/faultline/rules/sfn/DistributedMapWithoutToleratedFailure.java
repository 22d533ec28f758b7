package dev.faultline.rules.sfn;

import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.rules.support.Asl;

/**
 * FL-SFN-011: a distributed Map without {@code ToleratedFailurePercentage} or
 * {@code ToleratedFailureCount} whose item processor contains a Task: one failed item fails the whole
 * map run. Not reported where FL-SFN-001 already reports the Map (its items write and nothing handles
 * their failure).
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html">Distributed Map state</a>
 */
public final class DistributedMapWithoutToleratedFailure extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SFN-011")
            .name("DistributedMapWithoutToleratedFailure")
            .severity(Severity.INFO)
            .summary("A distributed Map sets no ToleratedFailurePercentage or ToleratedFailureCount.")
            .rationale("A distributed Map processes thousands or millions of items in child executions. "
                    + "Without a tolerated failure threshold, the map run fails as soon as items fail "
                    + "(States.ExceedToleratedFailureThreshold), although the other items may have "
                    + "succeeded and partial failure may be acceptable.")
            .howToFix("Set ToleratedFailurePercentage (0-100) or ToleratedFailureCount to what the business "
                    + "accepts, and write failed items out with ResultWriter for reprocessing.")
            .tags("reliability", "step-functions", "map")
            .docsUrl("https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html")
            .examplesOf(DistributedMapWithoutToleratedFailure.class)
            .precision(Precision.MEDIUM)
            .build();

    public DistributedMapWithoutToleratedFailure() {
        super(METADATA, Subscription.states("Map"));
    }

    @Override
    public void visitState(State state, StateMachine machine, RuleContext ctx) {
        if (!Asl.isDistributedMap(state)
                || Asl.toleratesFailures(state)
                || StrandedWork.tasksWithin(state).isEmpty()
                || StrandedWork.strands(machine, state, ctx.graph())) {
            return; // no Task can fail an item, or FL-SFN-001 reports the Map
        }
        ctx.report(
                Location.of(machine, state),
                Asl.named(state) + " is a distributed Map with no "
                        + "ToleratedFailurePercentage or ToleratedFailureCount; one failed item fails the whole map run");
    }
}
