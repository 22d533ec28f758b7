package dev.faultline.rules.sfn;

import dev.faultline.core.asl.Retrier;
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
import dev.faultline.rules.support.Asl;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * FL-SFN-013: a {@code Retry} on a Parallel state with at least two branches, or on an inline Map,
 * whose branches (item processor) contain Task states. A retry re-runs the whole state: every
 * branch, every iteration, so tasks that already succeeded run again (duplicate side effects).
 *
 * <p>Only retriers that can retry count: a state whose every retrier has a literal
 * {@code MaxAttempts} of 0 is left alone. Distributed Maps are left out (a Map Run's retry
 * semantics differ and FL-SFN-011 covers their failure threshold). Tasks are collected through
 * nested Parallel and Map states, in file order.
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html">Handling errors in Step Functions workflows</a>
 */
public final class RetryRerunsAllBranches extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SFN-013")
            .name("RetryRerunsAllBranches")
            .severity(Severity.INFO)
            .summary(
                    "A Retry on a Parallel or inline Map state re-runs every branch or iteration, repeating tasks that already succeeded.")
            .rationale("When a Parallel state (or an inline Map) is retried, Step Functions runs the whole state "
                    + "again: all branches, all iterations - not only the one that failed. Tasks in the branches "
                    + "that already succeeded run a second time, so a notification is sent twice, a payment "
                    + "is charged twice, a record is written twice, unless every task is idempotent.")
            .howToFix("Move the Retry into the branches (onto the Task states that can fail transiently) and keep "
                    + "only a Catch on the Parallel or Map state; or make every task in the branches idempotent.")
            .tags("reliability", "step-functions", "retry", "idempotency", "parallel", "map")
            .docsUrl("https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html")
            .examplesOf(RetryRerunsAllBranches.class)
            .precision(Precision.HIGH)
            .build();

    /** How many task names a message lists before "and N more". */
    private static final int NAMES_SHOWN = 5;

    public RetryRerunsAllBranches() {
        super(METADATA, Subscription.states("Parallel", "Map"));
    }

    @Override
    public void visitState(State state, StateMachine machine, RuleContext ctx) {
        if (!retries(state, machine, ctx) || Asl.isDistributedMap(state) || Asl.mapModeUnknown(state, ctx)) {
            return;
        }
        boolean parallel = state.isType("Parallel");
        if (parallel && state.children().size() < 2) {
            return;
        }
        List<String> tasks = new ArrayList<>();
        for (Scope s : state.children()) {
            s.tasks().forEach(t -> tasks.add(t.name()));
        }
        if (tasks.isEmpty()) {
            return;
        }
        String names = names(tasks) + (tasks.size() == 1 ? " runs" : " run");
        String what = parallel
                ? "Parallel state '" + state.name() + "' has a Retry, and a retry re-runs all "
                        + state.children().size() + " branches: " + names
                        + " again even after succeeding when another branch fails"
                : "Inline Map state '" + state.name() + "' has a Retry, and a retry re-runs every iteration: " + names
                        + " again for the items that already succeeded";
        ctx.report(
                Location.of(machine, state, "Retry"),
                what
                        + " (duplicate side effects); retry inside the " + (parallel ? "branches" : "item processor")
                        + " instead");
    }

    /**
     * Whether some retrier can retry (its MaxAttempts is not a literal 0); a MaxAttempts of the wrong
     * type (FL-PARSE-007) says nothing either way.
     */
    private static boolean retries(State state, StateMachine machine, RuleContext ctx) {
        for (Retrier r : state.retriers()) {
            Node attempts = r.body().get("MaxAttempts");
            if (ctx.graph().isIllTyped(attempts)) {
                continue;
            }
            OptionalLong max = Asl.integer(machine, attempts);
            if (max.isEmpty() || max.getAsLong() > 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code task 'A'} / {@code tasks 'A', 'B' and 2 more}. */
    private static String names(List<String> tasks) {
        StringBuilder sb = new StringBuilder(tasks.size() == 1 ? "task " : "tasks ");
        int shown = Math.min(tasks.size(), NAMES_SHOWN);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(i == shown - 1 && shown == tasks.size() ? " and " : ", ");
            }
            sb.append('\'').append(tasks.get(i)).append('\'');
        }
        if (tasks.size() > shown) {
            sb.append(" and ").append(tasks.size() - shown).append(" more");
        }
        return sb.toString();
    }
}
