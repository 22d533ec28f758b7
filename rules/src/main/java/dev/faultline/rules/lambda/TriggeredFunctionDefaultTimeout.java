package dev.faultline.rules.lambda;

import dev.faultline.core.eval.Value;
import dev.faultline.core.graph.Edge;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.rules.support.Describe;
import dev.faultline.rules.support.Functions;

/**
 * FL-LAMBDA-007: a function that leaves {@code Timeout} at the 3-second default while an invoker
 * retries its failures (asynchronous invocations, event source mappings) or a Step Functions task
 * runs it (SAM {@code Globals.Function.Timeout} counts as set). A function that only synchronous
 * callers such as API Gateway, ALB or Cognito invoke is not reported: the caller gets the timeout
 * at once and nothing is retried or lost (read on real applications, those findings were not acted on).
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html">Lambda: configuring function timeout</a>
 */
public final class TriggeredFunctionDefaultTimeout extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-LAMBDA-007")
            .name("TriggeredFunctionDefaultTimeout")
            .severity(Severity.INFO)
            .summary(
                    "A function that a retrying invoker or a Step Functions task triggers leaves Timeout at the 3-second "
                            + "default.")
            .rationale("Without Timeout a function is stopped after 3 seconds. A slow dependency, a cold start "
                    + "or a larger batch then turns into a timeout, which counts as a function error: async events "
                    + "are retried by Lambda and finally discarded or dead-lettered, batches from queues and streams "
                    + "are retried as a whole by the event source mapping (a retry of half-done work), and a Step "
                    + "Functions task fails (and is retried, with the same risk, when the state has a Retry). The "
                    + "default is rarely a decision. Functions that only synchronous callers invoke (API Gateway, "
                    + "ALB, Cognito) are not reported: the caller sees the error at once and nothing is retried.")
            .howToFix("Set Timeout explicitly (in SAM, per function or in Globals.Function) to the time the work "
                    + "needs, and keep the invoker's timeouts (queue visibility, API integration) consistent with it.")
            .tags("reliability", "lambda", "timeout")
            .docsUrl("https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html")
            .examplesOf(TriggeredFunctionDefaultTimeout.class)
            .precision(Precision.HIGH)
            .build();

    public TriggeredFunctionDefaultTimeout() {
        super(METADATA, Subscription.nodes(NodeKind.FUNCTION));
    }

    @Override
    public void visitNode(GraphNode fn, RuleContext ctx) {
        Value timeout = ctx.property(fn, "Timeout");
        if (!timeout.isAbsent()) {
            return;
        }
        Edge first = null;
        for (Edge e : AsyncInvocations.triggers(ctx, fn)) {
            if (failureOutlivesCall(e)) {
                first = e;
                break;
            }
        }
        if (first == null) {
            return;
        }
        ctx.report(
                Location.of(fn, "Properties/Timeout"),
                "Function '" + fn.name() + "' is invoked by "
                        + Describe.invoker(first) + " but leaves Timeout at the default "
                        + Functions.DEFAULT_TIMEOUT_SECONDS + " s; slow invocations fail as timeouts"
                        + consequence(first));
    }

    /** Whether a timeout of this invocation is retried or handled by a workflow, not just returned to a caller. */
    private static boolean failureOutlivesCall(Edge e) {
        return switch (e.mode()) {
            case ASYNC, POLL -> true;
            case SYNC -> e.from().kind() == NodeKind.STATE_MACHINE;
            default -> false;
        };
    }

    /** What happens to an invocation that times out, by who invoked it: only retries the invoker makes. */
    private static String consequence(Edge e) {
        return switch (e.mode()) {
            case ASYNC -> ", which Lambda retries as a failed asynchronous invocation (twice by default)";
            case POLL -> ", and the event source mapping retries the whole batch";
            default -> " and the task fails (retried only if the state has a Retry for it)";
        };
    }
}
