package dev.faultline.rules.sfn;

import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.asl.TaskCall;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.core.tree.Node;
import dev.faultline.rules.support.Asl;
import dev.faultline.rules.support.Functions;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * FL-SFN-010: a Lambda task whose {@code TimeoutSeconds} is shorter than the {@code Timeout} of the
 * function it invokes (resolved through the graph, default 3 s, SAM Globals included). The state
 * times out and is retried (or caught) while the first invocation is still running.
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html">Task workflow state</a>
 */
public final class TaskTimeoutShorterThanFunctionTimeout extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SFN-010")
            .name("TaskTimeoutShorterThanFunctionTimeout")
            .severity(Severity.WARNING)
            .summary("A Lambda task's TimeoutSeconds is shorter than the Timeout of the function it invokes.")
            .rationale("When TimeoutSeconds elapses the task fails with States.Timeout, but the Lambda "
                    + "invocation keeps running until the function's own Timeout. A retrier then starts a "
                    + "second invocation while the first still runs, so the work is done twice, concurrently; "
                    + "a catcher runs the fallback although the work may still succeed.")
            .howToFix("Make the task's TimeoutSeconds at least the function's Timeout (plus a margin), or "
                    + "lower the function's Timeout to what the workflow can wait for.")
            .tags("reliability", "step-functions", "lambda", "timeout")
            .docsUrl("https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html")
            .examplesOf(TaskTimeoutShorterThanFunctionTimeout.class)
            .precision(Precision.HIGH)
            .build();

    public TaskTimeoutShorterThanFunctionTimeout() {
        super(METADATA, Subscription.states("Task"));
    }

    @Override
    public void visitState(State state, StateMachine machine, RuleContext ctx) {
        Node timeoutNode = state.field("TimeoutSeconds");
        OptionalLong stateTimeout = Asl.integer(machine, timeoutNode);
        if (stateTimeout.isEmpty()) {
            return;
        }
        TaskCall call = ctx.graph().taskCall(state, machine);
        if (!call.lambdaTask() || call.pattern() == TaskCall.Pattern.CALLBACK) {
            return;
        }
        GraphNode fn = ctx.graph().taskFunction(state);
        if (fn == null) {
            return;
        }
        Optional<List<Long>> timeouts = Functions.timeouts(fn, ctx);
        if (timeouts.isEmpty()) {
            return;
        }
        long worst = timeouts.get().stream().mapToLong(Long::longValue).max().orElse(0);
        if (worst <= stateTimeout.getAsLong()) {
            return;
        }
        ctx.report(
                Location.of(machine, state, "TimeoutSeconds").at(timeoutNode),
                Asl.named(state) + " TimeoutSeconds "
                        + stateTimeout.getAsLong() + " s is shorter than Timeout " + worst + " s of function '"
                        + fn.name()
                        + "'; the state times out while the invocation still runs, and a retry runs the work twice");
    }
}
