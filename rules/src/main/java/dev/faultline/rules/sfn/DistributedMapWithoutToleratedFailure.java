package dev.faultline.rules.sfn;

import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.Rule;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;

/**
 * FL-SFN-011: a distributed Map without {@code ToleratedFailurePercentage} or
 * {@code ToleratedFailureCount}: one failed item fails the whole map run.
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html">Distributed Map state</a>
 */
public final class DistributedMapWithoutToleratedFailure implements Rule {

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
            .badExample("""
                    "ProcessAll": {
                      "Type": "Map",
                      "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                      "StartAt": "Process", "States": {"Process": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                        "Parameters": {"FunctionName": "process-item", "Payload.$": "$"}, "End": true}}},
                      "End": true
                    }
                    """)
            .goodExample("""
                    "ProcessAll": {
                      "Type": "Map",
                      "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                      "StartAt": "Process", "States": {"Process": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                        "Parameters": {"FunctionName": "process-item", "Payload.$": "$"}, "End": true}}},
                      "ToleratedFailurePercentage": 5,
                      "End": true
                    }
                    """)
            .precision(Precision.MEDIUM)
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Subscription subscription() {
        return Subscription.states("Map");
    }

    @Override
    public void visitState(State state, StateMachine machine, RuleContext ctx) {
        if (!Asl.isDistributedMap(state) || Asl.toleratesFailures(state)) {
            return;
        }
        ctx.report(machine, state, null, null, Asl.named(state) + " is a distributed Map with no "
                + "ToleratedFailurePercentage or ToleratedFailureCount; one failed item fails the whole map run");
    }
}
