package dev.faultline.rules.sfn;

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
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.rules.support.Transitions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * FL-SFN-016: a polling loop without a bound. A cycle of states through a Wait state in a STANDARD
 * machine whose definition sets no top-level {@code TimeoutSeconds}: when the awaited status never
 * comes (the job failed with a status the Choice does not test, a callback never arrives), the
 * execution polls until the one-year maximum. Reported once per loop, on its first Wait state. A
 * loop that counts its iterations or checks a deadline (a Choice testing a counter-like variable
 * such as {@code $.retryCount} or {@code $.iterator.continue}... named count, attempt, retries,
 * iterator, elapsed, deadline, timeout; or a {@code States.MathAdd}) is bounded by its own logic and
 * not reported.
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/statemachine-structure.html">State machine structure (TimeoutSeconds)</a>
 */
public final class PollingLoopWithoutTimeout extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SFN-016")
            .name("PollingLoopWithoutTimeout")
            .severity(Severity.WARNING)
            .summary("A polling loop through a Wait state in a STANDARD machine has no bound: no top-level "
                    + "TimeoutSeconds.")
            .rationale("A loop of Wait, a status check and a Choice ends only when the Choice sees the status it "
                    + "waits for. When the job fails with a status the Choice does not test, or the status never "
                    + "changes, a STANDARD execution keeps polling for up to a year, paying for every transition, "
                    + "and nothing fails that an alarm could see. A top-level TimeoutSeconds fails the execution "
                    + "with States.Timeout instead.")
            .howToFix("Set a top-level TimeoutSeconds a little above the longest expected run, or count the "
                    + "iterations and leave the loop to a Fail state after a maximum.")
            .tags("reliability", "step-functions", "timeout")
            .docsUrl("https://docs.aws.amazon.com/step-functions/latest/dg/statemachine-structure.html")
            .examplesOf(PollingLoopWithoutTimeout.class)
            .precision(Precision.HIGH)
            .build();

    public PollingLoopWithoutTimeout() {
        super(METADATA, Subscription.stateMachines());
    }

    @Override
    public void visitStateMachine(StateMachine machine, RuleContext ctx) {
        if (machine.top().body().has("TimeoutSeconds") || !Machines.standard(machine, ctx)) {
            return;
        }
        for (Scope scope : machine.allScopes()) {
            List<List<State>> loops = new ArrayList<>();
            for (State wait : scope.states().values()) {
                if (!wait.isType("Wait")
                        || loops.stream().anyMatch(l -> l.stream().anyMatch(x -> x == wait))) {
                    continue;
                }
                List<State> after = Transitions.reachable(scope, Transitions.next(wait), s -> true);
                if (!after.stream().anyMatch(x -> x == wait)) {
                    continue;
                }
                List<State> loop = new ArrayList<>();
                for (State s : after) {
                    if (Transitions.reachable(scope, Transitions.next(s), x -> true).stream()
                            .anyMatch(x -> x == wait)) {
                        loop.add(s);
                    }
                }
                loops.add(loop);
                if (loop.stream().anyMatch(PollingLoopWithoutTimeout::counts)) {
                    continue;
                }
                ctx.report(
                        Location.of(machine, wait),
                        "Wait state '" + wait.name() + "' is part of a loop (" + names(loop) + ") and the "
                                + "STANDARD machine sets no top-level TimeoutSeconds; if the awaited status never "
                                + "comes, the execution keeps polling for up to a year");
            }
        }
    }

    private static String names(List<State> loop) {
        List<String> n = new ArrayList<>();
        for (State s : loop) {
            if (n.size() == 4) {
                n.add("...");
                break;
            }
            n.add("'" + s.name() + "'");
        }
        return String.join(" → ", n);
    }

    /** Words of a loop counter or deadline in a Choice's variables or a state's intrinsic functions. */
    private static final Pattern COUNTER = Pattern.compile(
            "count|iterat|attempt|retr(y|ies)|tries|elapsed|deadline|timeout|timed?out|expir|States\\.MathAdd",
            Pattern.CASE_INSENSITIVE);

    /**
     * Whether a state of the loop counts iterations or checks a deadline: a Choice that tests a
     * counter-like variable, or a state that adds to a number with {@code States.MathAdd}. Such a loop is
     * bounded by its own logic.
     */
    private static boolean counts(State s) {
        if (s.isType("Choice")) {
            Node rules = s.field("Choices");
            return rules != null && mentionsCounter(rules);
        }
        return (s.isType("Pass") || s.isType("Task")) && mentionsMathAdd(s.body());
    }

    private static boolean mentionsCounter(Node n) {
        if (n instanceof MapNode m) {
            for (MapNode.Entry e : m.entries()) {
                if (e.key().equals("Next")) {
                    continue;
                }
                if ((e.key().equals("Variable")
                                || e.key().equals("Condition")
                                || e.key().endsWith("Path"))
                        && e.value().text() != null
                        && COUNTER.matcher(e.value().text()).find()) {
                    return true;
                }
                if (mentionsCounter(e.value())) {
                    return true;
                }
            }
        } else if (n instanceof ListNode l) {
            for (Node c : l.items()) {
                if (mentionsCounter(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean mentionsMathAdd(Node n) {
        if (n instanceof MapNode m) {
            for (MapNode.Entry e : m.entries()) {
                if (mentionsMathAdd(e.value())) {
                    return true;
                }
            }
        } else if (n instanceof ListNode l) {
            for (Node c : l.items()) {
                if (mentionsMathAdd(c)) {
                    return true;
                }
            }
        } else if (n.text() != null) {
            return n.text().contains("States.MathAdd")
                    || n.text().contains("$sum(")
                    || n.text().matches("(?s).*\\+\\s*1\\b.*%}.*");
        }
        return false;
    }
}
