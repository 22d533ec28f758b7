package dev.faultline.rules.sfn;

import dev.faultline.core.asl.Retrier;
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
import dev.faultline.rules.support.Asl;
import dev.faultline.rules.support.StepFunctionsLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * FL-SFN-012: an error name in a retrier's {@code ErrorEquals} that an earlier retrier of the same
 * state already matches. Retriers are tried in order and the first match applies, so the later
 * entry is dead: its {@code MaxAttempts}, interval and backoff are never used for that error.
 *
 * <p>An earlier retrier covers a name when it lists the same name, or when it lists
 * {@code States.TaskFailed} and the name is not one of the predefined errors that
 * {@code States.TaskFailed} does not match ({@code States.Timeout}, {@code States.HeartbeatTimeout},
 * and the terminal {@code States.Runtime}/{@code States.DataLimitExceeded}; {@code States.ALL} is
 * never covered by it). Coverage by an earlier {@code States.ALL} is left to FL-ASL-003, which
 * already reports a {@code States.ALL} retrier that is not the last one ("the retriers after it
 * can never match"); reporting it here too would say the same thing twice. Names that contain a
 * placeholder (an intrinsic in CDK output) are unknown and neither cover nor are covered.
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html">Handling errors in Step Functions workflows</a>
 */
public final class ShadowedRetrier extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SFN-012")
            .name("ShadowedRetrier")
            .severity(Severity.WARNING)
            .summary("A retrier lists an error that an earlier retrier of the same state already matches.")
            .rationale("Step Functions tries a state's retriers in order and applies the first one whose "
                    + "ErrorEquals matches the error. An error name that an earlier retrier already matches "
                    + "(the same name, or States.TaskFailed, which matches every error except States.Timeout) "
                    + "never reaches the later retrier: its MaxAttempts, IntervalSeconds, BackoffRate and "
                    + "JitterStrategy are dead configuration for that error, and the error is retried with the "
                    + "earlier retrier's settings - often not what the author meant (e.g. throttling retried "
                    + "without the jitter the later retrier adds).")
            .howToFix("Remove the name from the later retrier, or move the retrier with the specific settings "
                    + "before the broader one (retriers for specific errors first, States.TaskFailed/States.ALL "
                    + "last).")
            .tags("reliability", "step-functions", "retry", "error-handling")
            .docsUrl("https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html")
            .examplesOf(ShadowedRetrier.class)
            .precision(Precision.VERY_HIGH)
            .build();

    /** Predefined errors that {@code States.TaskFailed} does not match when used as a matcher. */
    private static final Set<String> NOT_MATCHED_BY_TASK_FAILED = Set.of(
            StepFunctionsLimits.STATES_TIMEOUT,
            "States.HeartbeatTimeout",
            "States.Runtime",
            "States.DataLimitExceeded",
            StepFunctionsLimits.STATES_ALL);

    public ShadowedRetrier() {
        super(METADATA, Subscription.states("Task", "Parallel", "Map"));
    }

    @Override
    public void visitState(State state, StateMachine machine, RuleContext ctx) {
        List<Retrier> retriers = state.retriers();
        if (retriers.size() < 2) {
            return;
        }
        for (int j = 1; j < retriers.size(); j++) {
            Retrier later = retriers.get(j);
            ListNode errors = later.body().getList("ErrorEquals");
            if (errors == null || errors.size() != later.errorEquals().size()) {
                continue;
            }
            List<Integer> shadowedAt = new ArrayList<>();
            List<Integer> byRetrier = new ArrayList<>();
            for (int k = 0; k < later.errorEquals().size(); k++) {
                int by = coveredBy(retriers, j, later.errorEquals().get(k), machine);
                if (by >= 0) {
                    shadowedAt.add(k);
                    byRetrier.add(by);
                }
            }
            if (shadowedAt.isEmpty()) {
                continue;
            }
            int index = later.index();
            String where = Asl.named(state) + " retrier " + index;
            if (shadowedAt.size() == errors.size()) {
                ctx.report(
                        Location.of(machine, state, "Retry/" + index + "/ErrorEquals")
                                .at(errors),
                        where + " never applies: every error it lists is matched first by an earlier retrier "
                                + listed(later.errorEquals(), shadowedAt, byRetrier, retriers)
                                + "; its MaxAttempts, interval and backoff are never used");
                continue;
            }
            int k = shadowedAt.get(0);
            Location at = Location.of(machine, state, "Retry/" + index + "/ErrorEquals/" + k)
                    .at(errors.get(k));
            if (shadowedAt.size() == 1) {
                String name = later.errorEquals().get(k);
                ctx.report(
                        at,
                        where + " lists '" + name
                                + "', which retrier " + byRetrier.get(0) + " already matches"
                                + viaTaskFailed(byRetrier.get(0), retriers, name)
                                + "; that entry never applies and the error is retried with retrier " + byRetrier.get(0)
                                + "'s settings");
            } else {
                // one finding per retrier: the entries are removed (or the retriers reordered) in one edit
                ctx.report(
                        at,
                        where + " lists " + shadowedAt.size() + " errors that earlier retriers match first "
                                + listed(later.errorEquals(), shadowedAt, byRetrier, retriers)
                                + "; those entries never apply and those errors are retried with the earlier "
                                + "retriers' settings");
            }
        }
    }

    /** The {@code Retry} index of the first retrier before {@code j} that matches {@code name}, or -1. */
    private static int coveredBy(List<Retrier> retriers, int j, String name, StateMachine machine) {
        if (Asl.hasPlaceholder(machine, name)) {
            return -1;
        }
        for (int i = 0; i < j; i++) {
            List<String> earlier = retriers.get(i).errorEquals();
            if (earlier.contains(name)
                    || earlier.contains(StepFunctionsLimits.STATES_TASK_FAILED)
                            && !NOT_MATCHED_BY_TASK_FAILED.contains(name)) {
                return retriers.get(i).index();
            }
        }
        return -1;
    }

    private static String viaTaskFailed(int index, List<Retrier> retriers, String name) {
        for (Retrier r : retriers) {
            if (r.index() == index) {
                return r.errorEquals().contains(name) ? "" : " through States.TaskFailed";
            }
        }
        return "";
    }

    /** {@code ('A' by retrier 0, 'B' by retrier 1 through States.TaskFailed)}: each error and what matches it first. */
    private static String listed(List<String> names, List<Integer> at, List<Integer> by, List<Retrier> retriers) {
        StringBuilder sb = new StringBuilder("(");
        for (int s = 0; s < at.size(); s++) {
            if (s > 0) {
                sb.append(", ");
            }
            String name = names.get(at.get(s));
            sb.append('\'')
                    .append(name)
                    .append("' by retrier ")
                    .append(by.get(s))
                    .append(viaTaskFailed(by.get(s), retriers, name));
        }
        return sb.append(')').toString();
    }
}
