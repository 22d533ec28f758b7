package dev.faultline.rules.asl;

import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.rules.support.StepFunctionsLimits;

/**
 * FL-ASL-004: {@code States.ALL} together with other error names in one {@code ErrorEquals}, or in
 * a retrier or catcher that is not the last one.
 *
 * @see <a href="https://states-language.net/spec.html#retrying-after-error">States Language: retrying after error</a>
 */
public final class MisplacedStatesAll extends AbstractRule {

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
            .examplesOf(MisplacedStatesAll.class)
            .precision(Precision.VERY_HIGH)
            .build();

    public MisplacedStatesAll() {
        super(METADATA, Subscription.states("*"));
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
                    ctx.report(
                            Location.of(machine, state, field + "/" + i + "/ErrorEquals")
                                    .at(errors),
                            "State '" + state.name()
                                    + "' " + what + " " + i + " lists States.ALL together with other error names; "
                                    + "States.ALL must appear alone");
                } else if (i < list.size() - 1) {
                    ctx.report(
                            Location.of(machine, state, field + "/" + i + "/ErrorEquals")
                                    .at(errors),
                            "State '" + state.name()
                                    + "' " + what + " " + i + " matches States.ALL but is not the last " + what
                                    + "; the " + what + (list.size() - 1 - i == 1 ? "" : "s")
                                    + " after it can never match");
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
