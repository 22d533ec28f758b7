package dev.faultline.rules.sfn;

import dev.faultline.core.asl.Catcher;
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
import dev.faultline.rules.support.Asl;
import dev.faultline.rules.support.StepFunctionsLimits;
import dev.faultline.rules.support.Transitions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * FL-SFN-015: a swallowed error. A catcher for {@code States.ALL} or {@code States.TaskFailed} at
 * the top level of a machine whose fallback reaches a Succeed state (or a state that ends the
 * machine) through Pass and Wait states only: the execution reports success although a step failed,
 * and no Task records or reports the failure. A Choice on the way is a decision about the error and
 * ends the search; inside a Map or Parallel, ending the iteration or branch after a catcher is the
 * recommended way to handle one item's failure and is not reported.
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html">Handling errors in Step Functions workflows</a>
 */
public final class SwallowedError extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SFN-015")
            .name("SwallowedError")
            .severity(Severity.WARNING)
            .summary("A catch-all catcher leads to success without running any Task: the failure is swallowed.")
            .rationale("A catcher for States.ALL or States.TaskFailed whose fallback goes straight (through Pass "
                    + "or Wait states only) to a Succeed state or the end of the machine turns every failure of the "
                    + "state into a successful execution. Executions list as Succeeded, the ExecutionsFailed metric "
                    + "and alarms on it stay quiet, and nothing records what failed: the error is swallowed.")
            .howToFix("End the fallback in a Fail state (after any cleanup), or run a Task on the fallback path "
                    + "that records or reports the failure (a queue, a table, a notification) before succeeding.")
            .tags("reliability", "step-functions", "error-handling", "observability")
            .docsUrl("https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html")
            .examplesOf(SwallowedError.class)
            .precision(Precision.HIGH)
            .build();

    public SwallowedError() {
        super(METADATA, Subscription.stateMachines());
    }

    /**
     * Once per fallback: catchers of several states that share one swallowing fallback are fixed
     * there, in one edit, so they are reported once, at the fallback state, naming them; a fallback
     * of one catcher is reported at that catcher.
     */
    @Override
    public void visitStateMachine(StateMachine machine, RuleContext ctx) {
        Scope scope = machine.top();
        if (scope == null) {
            return;
        }
        Map<String, List<Swallow>> byFallback = new LinkedHashMap<>();
        for (State state : scope.states().values()) {
            if (!(state.isType("Task") || state.isType("Parallel") || state.isType("Map"))) {
                continue;
            }
            for (Catcher c : state.catchers()) {
                if (c.next() == null
                        || !(c.errorEquals().contains(StepFunctionsLimits.STATES_ALL)
                                || c.errorEquals().contains(StepFunctionsLimits.STATES_TASK_FAILED))) {
                    continue;
                }
                List<State> path = Transitions.reachable(scope, List.of(c.next()), SwallowedError::passesThrough);
                State success = null;
                for (State s : path) {
                    if (passesThrough(s) && endsSuccessfully(s)) {
                        success = s;
                        break;
                    }
                }
                if (success != null) {
                    byFallback
                            .computeIfAbsent(c.next(), k -> new ArrayList<>(1))
                            .add(new Swallow(state, c, success));
                    break; // once per state
                }
            }
        }
        for (Map.Entry<String, List<Swallow>> e : byFallback.entrySet()) {
            List<Swallow> all = e.getValue();
            Swallow first = all.get(0);
            String reaches = (first.success().isType("Succeed") ? "Succeed state '" : "the end at '")
                    + first.success().name() + "' without running any Task; a failed execution reports success "
                    + "and nothing records the failure";
            if (all.size() == 1) {
                ctx.report(
                        Location.of(
                                        machine,
                                        first.state(),
                                        "Catch/" + first.catcher().index())
                                .at(first.catcher().body()),
                        Asl.named(first.state()) + " catches "
                                + String.join(", ", first.catcher().errorEquals()) + " and its fallback '" + e.getKey()
                                + "' reaches " + reaches);
                continue;
            }
            // the fallback is a state of this scope: its path to the successful end was found from it
            List<String> names = new ArrayList<>(all.size());
            for (Swallow w : all) {
                names.add(w.state().name());
            }
            ctx.report(
                    Location.of(machine, scope.states().get(e.getKey())),
                    "Fallback '" + e.getKey() + "' of the catch-all catchers of states '" + String.join("', '", names)
                            + "' reaches " + reaches);
        }
    }

    /** A state whose catcher leads to a successful end without a Task. */
    private record Swallow(State state, Catcher catcher, State success) {}

    /** Pass, Wait and Succeed states do nothing that records a failure. */
    private static boolean passesThrough(State s) {
        return s.isType("Pass") || s.isType("Wait") || s.isType("Succeed");
    }

    private static boolean endsSuccessfully(State s) {
        if (s.isType("Succeed")) {
            return true;
        }
        var end = s.field("End");
        return end != null && "true".equals(end.text());
    }
}
