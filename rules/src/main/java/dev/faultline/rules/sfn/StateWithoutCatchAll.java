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
 * FL-SFN-001: a Task, Parallel or Map state with no catcher for {@code States.ALL} or
 * {@code States.TaskFailed}, and no enclosing Parallel/Map that catches for it. Once its retriers
 * are exhausted, one failure ends the whole execution with no fallback or compensation.
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html">Handling errors in Step Functions workflows</a>
 */
public final class StateWithoutCatchAll implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SFN-001")
            .name("StateWithoutCatchAll")
            .severity(Severity.WARNING)
            .summary("A Task, Parallel or Map state has no Catch for States.ALL or States.TaskFailed.")
            .rationale("When a Task, Parallel or Map state fails and its retriers are exhausted (or none "
                    + "match), Step Functions consults its Catch. Without a catcher that matches the error, "
                    + "the failure ends the whole execution: no compensation runs, nothing records which item "
                    + "failed, and a Parallel or Map failure also stops the other branches or iterations. "
                    + "A catcher on an enclosing Parallel or Map also handles it, so nested states are "
                    + "flagged only when no enclosing state catches.")
            .howToFix("Add a last catcher with \"ErrorEquals\": [\"States.ALL\"] (or States.TaskFailed) whose "
                    + "Next is a fallback state: compensation, a notification, or a Fail state with a "
                    + "clear Error and Cause.")
            .tags("reliability", "step-functions", "error-handling")
            .docsUrl("https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html")
            .badExample("""
                    "ChargeCard": {
                      "Type": "Task",
                      "Resource": "arn:aws:states:::lambda:invoke",
                      "Parameters": {"FunctionName": "charge-card", "Payload.$": "$"},
                      "End": true
                    }
                    """)
            .goodExample("""
                    "ChargeCard": {
                      "Type": "Task",
                      "Resource": "arn:aws:states:::lambda:invoke",
                      "Parameters": {"FunctionName": "charge-card", "Payload.$": "$"},
                      "Catch": [
                        {"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "RefundAndNotify"}
                      ],
                      "End": true
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
        return Subscription.states("Task", "Parallel", "Map");
    }

    @Override
    public void visitState(State state, StateMachine machine, RuleContext ctx) {
        if (Asl.catchesAll(state)) {
            return;
        }
        for (State owner : Asl.enclosing(machine, state)) {
            if (Asl.catchesAll(owner) || (Asl.isDistributedMap(owner) && Asl.toleratesFailures(owner))) {
                return;
            }
        }
        String what = switch (state.type()) {
            case "Parallel" -> "one failed branch fails the state and ends the execution";
            case "Map" -> "one failed item fails the map and ends the execution";
            default -> "one failure ends the execution";
        };
        ctx.report(machine, state, null, null, Asl.named(state) + " (" + state.type()
                + ") has no Catch for States.ALL or States.TaskFailed; " + what
                + " with no fallback or compensation");
    }
}
