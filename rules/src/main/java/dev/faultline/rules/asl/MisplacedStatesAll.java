package dev.faultline.rules.asl;

import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.Rule;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.rules.sfn.StepFunctionsLimits;

/**
 * FL-ASL-004: {@code States.ALL} together with other error names in one {@code ErrorEquals}, or in
 * a retrier or catcher that is not the last one.
 *
 * @see <a href="https://states-language.net/spec.html#retrying-after-error">States Language: retrying after error</a>
 */
public final class MisplacedStatesAll implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-ASL-004")
            .name("MisplacedStatesAll")
            .severity(Severity.ERROR)
            .summary("States.ALL is combined with other error names, or is not in the last retrier or catcher.")
            .rationale("States.ALL matches every error, so the States Language requires it to appear alone "
                    + "in its ErrorEquals and only in the last retrier or catcher; any handler after it could "
                    + "never match. Step Functions rejects the definition.")
            .howToFix("Put States.ALL alone in its own last retrier or catcher, after the specific ones.")
            .tags("correctness", "step-functions", "asl", "error-handling")
            .docsUrl("https://states-language.net/spec.html#retrying-after-error")
            .badExample("""
                    "Charge": {
                      "Type": "Task",
                      "Resource": "arn:aws:states:::lambda:invoke",
                      "Parameters": {"FunctionName": "charge-card", "Payload.$": "$"},
                      "Catch": [
                        {"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Fallback"},
                        {"ErrorEquals": ["States.Timeout"], "ResultPath": "$.error", "Next": "TimedOut"}
                      ],
                      "End": true
                    },
                    "Fallback": {"Type": "Fail"},
                    "TimedOut": {"Type": "Fail"}
                    """)
            .goodExample("""
                    "Charge": {
                      "Type": "Task",
                      "Resource": "arn:aws:states:::lambda:invoke",
                      "Parameters": {"FunctionName": "charge-card", "Payload.$": "$"},
                      "Catch": [
                        {"ErrorEquals": ["States.Timeout"], "ResultPath": "$.error", "Next": "TimedOut"},
                        {"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Fallback"}
                      ],
                      "End": true
                    },
                    "Fallback": {"Type": "Fail"},
                    "TimedOut": {"Type": "Fail"}
                    """)
            .precision(Precision.VERY_HIGH)
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Subscription subscription() {
        return Subscription.states("*");
    }

    @Override
    public void visitState(State state, StateMachine machine, RuleContext ctx) {
        for (String field : new String[] {"Retry", "Catch"}) {
            ListNode list = state.body().getList(field);
            if (list == null) {
                continue;
            }
            String what = field.equals("Retry") ? "retrier" : "catcher";
            for (int i = 0; i < list.size(); i++) {
                MapNode h = list.get(i).asMap();
                ListNode errors = h == null ? null : h.getList("ErrorEquals");
                if (errors == null || !containsAll(errors)) {
                    continue;
                }
                if (errors.size() > 1) {
                    ctx.report(machine, state, errors, field + "/" + i + "/ErrorEquals", "State '" + state.name()
                            + "' " + what + " " + i + " lists States.ALL together with other error names; "
                            + "States.ALL must appear alone");
                } else if (i < list.size() - 1) {
                    ctx.report(machine, state, errors, field + "/" + i + "/ErrorEquals", "State '" + state.name()
                            + "' " + what + " " + i + " matches States.ALL but is not the last " + what
                            + "; the " + what + (list.size() - 1 - i == 1 ? "" : "s") + " after it can never match");
                }
            }
        }
    }

    private static boolean containsAll(ListNode errors) {
        for (int i = 0; i < errors.size(); i++) {
            if (StepFunctionsLimits.STATES_ALL.equals(errors.get(i).text())) {
                return true;
            }
        }
        return false;
    }
}
