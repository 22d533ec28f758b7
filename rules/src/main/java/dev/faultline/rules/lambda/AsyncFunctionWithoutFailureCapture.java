package dev.faultline.rules.lambda;

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
import java.util.ArrayList;
import java.util.List;

/**
 * FL-LAMBDA-001: a function invoked asynchronously (S3, SNS, EventBridge, schedules, CloudWatch
 * Logs, IoT, SES, fire-and-forget pipes, API Gateway with {@code X-Amz-Invocation-Type: 'Event'},
 * Step Functions {@code InvocationType: Event}, a permission for such a service from outside the
 * template) that has neither an OnFailure destination on the
 * invoked qualifier nor a {@code DeadLetterConfig}. Functions reached only synchronously or through
 * event source mappings are not asked for one: it would do nothing for them.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html">Lambda: retaining records of asynchronous invocations</a>
 */
public final class AsyncFunctionWithoutFailureCapture extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-LAMBDA-001")
            .name("AsyncFunctionWithoutFailureCapture")
            .severity(Severity.WARNING)
            .summary("An asynchronously invoked function has neither an OnFailure destination nor a dead-letter queue.")
            .rationale("When S3, SNS, EventBridge, a schedule, CloudWatch Logs, IoT, SES, a fire-and-forget pipe, an "
                    + "API Gateway integration with X-Amz-Invocation-Type 'Event' or a Step Functions task with "
                    + "InvocationType Event invokes a function, Lambda queues the event and the invoker is done. If the function fails, Lambda retries it (two more "
                    + "times by default) and then, with no OnFailure destination on the invoked version or alias "
                    + "and no DeadLetterConfig, discards the event. Nothing records what was lost. Functions reached "
                    + "only synchronously (API Gateway, ALB, Cognito, Step Functions) or through an event source "
                    + "mapping are not flagged: a DLQ does nothing for them, and an EventInvokeConfig alone is no "
                    + "proof of asynchronous use. A permission that lets S3, SNS, EventBridge, Scheduler, CloudWatch "
                    + "Logs, IoT or SES invoke the function from a source outside the template counts as an "
                    + "asynchronous invoker. The message names the resource and property that make the invocation "
                    + "asynchronous.")
            .howToFix("Add an EventInvokeConfig with DestinationConfig.OnFailure (an SQS queue, SNS topic, S3 "
                    + "bucket, function or event bus) on the qualifier the invokers use - in SAM "
                    + "EventInvokeConfig.DestinationConfig.OnFailure - or a DeadLetterConfig/DeadLetterQueue, and "
                    + "alarm on the target.")
            .tags("reliability", "lambda", "async", "dead-letter-queue", "destinations")
            .docsUrl("https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html")
            .examplesOf(AsyncFunctionWithoutFailureCapture.class)
            .precision(Precision.HIGH)
            .build();

    public AsyncFunctionWithoutFailureCapture() {
        super(METADATA, Subscription.nodes(NodeKind.FUNCTION));
    }

    @Override
    public void visitNode(GraphNode fn, RuleContext ctx) {
        if (fn.property("DeadLetterConfig") != null) {
            return;
        }
        List<Edge> async = AsyncInvocations.asyncEdges(ctx, fn);
        if (async.isEmpty()) {
            return; // an EventInvokeConfig alone is no proof of asynchronous use (FL-LAMBDA-008 covers the opposite)
        }
        List<GraphNode> configs = ctx.graph().eventInvokeConfigs(fn);
        List<String> captured = new ArrayList<>(2);
        for (GraphNode eic : configs) {
            if (!AsyncInvocations.hasOnFailure(eic)) {
                continue;
            }
            String q = AsyncInvocations.configQualifier(ctx, eic);
            if (q == null) {
                return; // an OnFailure on an unknown qualifier: may be the invoked one
            }
            captured.add(q);
        }
        for (Edge e : async) {
            String q = AsyncInvocations.invokedQualifier(e);
            if (q == null && !captured.isEmpty()) {
                continue; // alias of unknown name, some qualifier has a destination: not certain
            }
            if (q != null && captured.contains(q)) {
                continue;
            }
            String where = q == null || q.equals(AsyncInvocations.LATEST) ? "" : " (alias or version '" + q + "')";
            String elsewhere = captured.isEmpty()
                    ? ""
                    : "; the OnFailure destination is configured on '" + String.join("', '", captured) + "' only";
            ctx.report(
                    Location.of(fn, "Properties/DeadLetterConfig"),
                    "Function '" + fn.name() + "' is invoked "
                            + "asynchronously by " + Describe.invoker(e) + where
                            + " but has neither an OnFailure "
                            + "destination nor a DeadLetterConfig for it" + elsewhere
                            + (noRetries(ctx, configs, q)
                                    ? "; with MaximumRetryAttempts 0 a failed event is discarded at once"
                                    : "; after the retries a failed event is discarded"));
            return;
        }
    }

    /**
     * Whether the EventInvokeConfig of the invoked qualifier {@code q} sets MaximumRetryAttempts to 0 in
     * every alternative (false when the qualifier, or a config's, is not known, or nothing configures it).
     */
    private static boolean noRetries(RuleContext ctx, List<GraphNode> configs, String q) {
        boolean any = false;
        for (GraphNode eic : configs) {
            String cq = AsyncInvocations.configQualifier(ctx, eic);
            if (q == null || cq == null) {
                return false;
            }
            if (!cq.equals(q)) {
                continue;
            }
            var all = ctx.property(eic, "MaximumRetryAttempts").allLongs();
            if (all.isEmpty() || all.get().isEmpty() || !all.get().stream().allMatch(v -> v == 0L)) {
                return false;
            }
            any = true;
        }
        return any;
    }
}
