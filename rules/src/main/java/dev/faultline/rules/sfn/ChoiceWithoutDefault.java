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
 * FL-SFN-006: a Choice state without {@code Default}. Input that matches no rule fails the state
 * with {@code States.NoChoiceMatched}; a Choice state has no Catch, so the execution fails.
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html">Choice workflow state</a>
 */
public final class ChoiceWithoutDefault extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SFN-006")
            .name("ChoiceWithoutDefault")
            .severity(Severity.WARNING)
            .summary("A Choice state has no Default: unmatched input fails the execution with States.NoChoiceMatched.")
            .rationale("When no Choice rule matches and there is no Default, the Choice state fails with "
                    + "States.NoChoiceMatched. A Choice state cannot have a Catch, so unless an enclosing "
                    + "Parallel or Map catches it, an unexpected value (a new status, a missing field, a "
                    + "different type) ends the execution.")
            .howToFix("Add \"Default\" naming the state for unexpected input: a Fail state with a clear "
                    + "Error and Cause, or a state that handles the unknown case.")
            .tags("reliability", "step-functions", "choice")
            .docsUrl("https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html")
            .examplesOf(ChoiceWithoutDefault.class)
            .precision(Precision.HIGH)
            .build();

    public ChoiceWithoutDefault() {
        super(METADATA, Subscription.states("Choice"));
    }

    @Override
    public void visitState(State state, StateMachine machine, RuleContext ctx) {
        if (state.body().has("Default")) {
            return;
        }
        ctx.report(
                Location.of(machine, state),
                Asl.named(state) + " (Choice) has no Default; input that "
                        + "matches no rule fails the execution with States.NoChoiceMatched");
    }
}
