package dev.faultline.rules.asl;

import dev.faultline.core.asl.Scope;
import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.core.tree.Node;
import dev.faultline.rules.support.Transitions;

/**
 * FL-ASL-001: {@code StartAt}, {@code Next}, {@code Default} or a catcher's {@code Next} names a
 * state that does not exist in its scope (a Parallel branch or Map processor is its own scope).
 *
 * @see <a href="https://states-language.net/spec.html">Amazon States Language specification</a>
 */
public final class BrokenTransition extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-ASL-001")
            .name("BrokenTransition")
            .severity(Severity.ERROR)
            .summary("StartAt, Next, Default or a catcher's Next names a state that does not exist in its scope.")
            .rationale("Every transition must name a state of the same States object, exactly and "
                    + "case-sensitively; a Parallel branch or Map processor cannot jump out to the enclosing "
                    + "scope. Step Functions rejects the definition at deploy time (a failed stack update), "
                    + "or, in a catcher, the fallback the author counted on does not exist.")
            .howToFix("Correct the state name, or move the target state into the same scope.")
            .tags("correctness", "step-functions", "asl")
            .docsUrl("https://states-language.net/spec.html")
            .examplesOf(BrokenTransition.class)
            .precision(Precision.VERY_HIGH)
            .build();

    public BrokenTransition() {
        super(METADATA, Subscription.stateMachines());
    }

    @Override
    public void visitStateMachine(StateMachine machine, RuleContext ctx) {
        for (Scope scope : machine.allScopes()) {
            if (scope.body().getMap("States") == null) {
                continue; // FL-ASL-002 reports the missing States
            }
            Node startAt = scope.body().get("StartAt");
            if (startAt != null && startAt.text() != null && !scope.states().containsKey(startAt.text())) {
                ctx.report(
                        Location.of(machine, ScopePaths.relative(machine, scope, "StartAt"))
                                .at(startAt),
                        "StartAt '"
                                + startAt.text() + "' " + ScopePaths.describe(scope) + " names no state of that scope; "
                                + "Step Functions rejects the definition");
            }
            for (State state : scope.states().values()) {
                for (Transitions.Target t : Transitions.of(state)) {
                    if (!scope.states().containsKey(t.name())) {
                        ctx.report(
                                Location.of(machine, state, t.subPath()).at(t.at()),
                                "State '" + state.name() + "' "
                                        + t.label() + " '" + t.name() + "' names no state of its scope"
                                        + hint(machine, scope, t.name()) + "; Step Functions rejects the definition");
                    }
                }
            }
        }
    }

    private static String hint(StateMachine machine, Scope scope, String name) {
        for (Scope other : machine.allScopes()) {
            if (other != scope && other.states().containsKey(name)) {
                return " (a state of that name exists in another scope, which a transition cannot reach)";
            }
        }
        return "";
    }
}
