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
import dev.faultline.rules.support.Transitions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * FL-ASL-003: a state that cannot be reached from its scope's {@code StartAt} through {@code Next},
 * {@code Default}, Choice rules and catchers. Usually a forgotten fallback or a broken edit.
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/statemachine-structure.html">State machine structure</a>
 */
public final class UnreachableState extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-ASL-003")
            .name("UnreachableState")
            .severity(Severity.WARNING)
            .summary("A state cannot be reached from StartAt.")
            .rationale("A state that no transition reaches never runs. It is usually a fallback or "
                    + "compensation step whose Catch or Next was lost in an edit, so the error handling the "
                    + "author wrote does not exist at runtime. AWS's States Language service reports it as an "
                    + "error; whether the Step Functions API rejects it is not confirmed.")
            .howToFix("Connect the state (a Next, a Choice rule or a catcher's Next) or delete it.")
            .tags("correctness", "step-functions", "asl")
            .docsUrl("https://docs.aws.amazon.com/step-functions/latest/dg/statemachine-structure.html")
            .examplesOf(UnreachableState.class)
            .precision(Precision.HIGH)
            .build();

    public UnreachableState() {
        super(METADATA, Subscription.stateMachines());
    }

    @Override
    public void visitStateMachine(StateMachine machine, RuleContext ctx) {
        for (Scope scope : machine.allScopes()) {
            String start = scope.startAt();
            if (start == null || !scope.states().containsKey(start)) {
                continue; // FL-ASL-001/002 report the broken StartAt; everything would look unreachable
            }
            Set<String> seen = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>();
            todo.add(start);
            while (!todo.isEmpty()) {
                String n = todo.poll();
                State s = scope.states().get(n);
                if (s == null || !seen.add(n)) {
                    continue;
                }
                for (Transitions.Target t : Transitions.of(s)) {
                    todo.add(t.name());
                }
            }
            for (State s : scope.states().values()) {
                if (!seen.contains(s.name())) {
                    ctx.report(
                            Location.of(machine, s),
                            "State '" + s.name() + "' cannot be reached from StartAt '" + start + "' "
                                    + ScopePaths.describe(scope) + "; it never runs");
                }
            }
        }
    }
}
