package dev.faultline.rules.sfn;

import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.Rule;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import java.util.List;

/**
 * FL-SFN-001: a failure that strands completed work, reported on the Map or Parallel state. A Map
 * whose item processor runs a Task that is not read-only, where one item's failure is caught
 * neither inside the processor nor on the Map or an enclosing state, nor tolerated: the failure
 * stops the other iterations while finished items have already written. A Parallel without a
 * catcher where two or more branches write: one branch's failure leaves the others' writes half
 * done. A single Task without a Catch is not reported: the execution fails visibly and nothing done
 * before it is lost by the failure itself (FL-SFN-014 covers write sequences with no catcher at all).
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html">Handling errors in Step Functions workflows</a>
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/state-map.html">Map state</a>
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/state-parallel.html">Parallel state</a>
 */
public final class FailureStrandsCompletedWork implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SFN-001")
            .name("FailureStrandsCompletedWork")
            .severity(Severity.WARNING)
            .summary("A Map whose items write, or a Parallel whose branches write, has no Catch: one failure "
                    + "strands the work already done.")
            .rationale("When one iteration of a Map fails and nothing catches it (inside the item processor, "
                    + "on the Map, or on an enclosing state) and no failures are tolerated, Step Functions stops "
                    + "every other iteration and fails the execution: the items that finished have already "
                    + "written, the rest never run, and nothing records which item failed or which were done. "
                    + "When one branch of a Parallel fails, the other branches are stopped the same way and their "
                    + "writes stay half done. Only Map processors with a Task that is not read-only (a Lambda "
                    + "task counts) and Parallels where two or more branches write through an AWS service or "
                    + "HTTP call are reported; nested states are not reported again.")
            .howToFix("Catch the item's failure inside the item processor (record the failed item and end the "
                    + "iteration), or add a catcher for States.ALL on the Map or Parallel whose Next compensates "
                    + "or records the partial result; for a distributed Map, set ToleratedFailurePercentage and "
                    + "write failed items out with ResultWriter.")
            .tags("reliability", "step-functions", "error-handling")
            .docsUrl("https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html")
            .badExample("""
                    {
                      "StartAt": "ChargeAll",
                      "States": {
                        "ChargeAll": {
                          "Type": "Map",
                          "ItemsPath": "$.orders",
                          "ItemProcessor": {
                            "StartAt": "Charge",
                            "States": {
                              "Charge": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem",
                                         "Parameters": {"TableName": "charges", "Item": {"id": {"S.$": "$.id"}}},
                                         "End": true}
                            }
                          },
                          "End": true
                        }
                      }
                    }
                    """)
            .goodExample("""
                    {
                      "StartAt": "ChargeAll",
                      "States": {
                        "ChargeAll": {
                          "Type": "Map",
                          "ItemsPath": "$.orders",
                          "ItemProcessor": {
                            "StartAt": "Charge",
                            "States": {
                              "Charge": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem",
                                         "Parameters": {"TableName": "charges", "Item": {"id": {"S.$": "$.id"}}},
                                         "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error",
                                                    "Next": "RecordFailedItem"}],
                                         "End": true},
                              "RecordFailedItem": {"Type": "Pass", "End": true}
                            }
                          },
                          "End": true
                        }
                      }
                    }
                    """)
            .precision(Precision.HIGH)
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Subscription subscription() {
        return Subscription.states("Parallel", "Map");
    }

    @Override
    public void visitState(State state, StateMachine machine, RuleContext ctx) {
        if (!StrandedWork.reported(machine, state, ctx.graph())) {
            return;
        }
        if (state.isType("Map")) {
            List<State> tasks = StrandedWork.strandingItemTasks(machine, state, ctx.graph());
            ctx.report(machine, state, null, null, "Map '" + state.name() + "' has no Catch and its items run "
                    + StrandedWork.names(tasks) + ", which may write; one item's failure stops the other "
                    + "iterations and fails the execution, leaving the finished items' writes done and no "
                    + "record of which items failed");
            return;
        }
        List<State> writes = StrandedWork.strandingBranchWrites(machine, state, ctx.graph());
        ctx.report(machine, state, null, null, "Parallel '" + state.name() + "' has no Catch and "
                + writes.size() + " of its branches write (" + StrandedWork.names(writes) + "); one branch's "
                + "failure stops the others and fails the execution with their writes half done");
    }
}
