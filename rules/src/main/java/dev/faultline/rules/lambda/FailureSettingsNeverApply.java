package dev.faultline.rules.lambda;

import dev.faultline.core.graph.Edge;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.InvocationMode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.model.Template;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.core.tree.MapNode;
import dev.faultline.rules.support.Describe;
import dev.faultline.rules.support.Functions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * FL-LAMBDA-008: a function with a {@code DeadLetterConfig}, an EventInvokeConfig or asynchronous
 * destinations that nothing invokes asynchronously, while an event source mapping or a synchronous
 * invoker does (and no permission or exported ARN shows an invoker outside the template). Failed
 * records of an event source mapping never reach these settings, and a synchronous caller gets the
 * error itself. Reported once per function at the setting; a setting from SAM {@code Globals} once at
 * the {@code Globals} line, naming the functions.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html">Lambda: retaining records of asynchronous invocations</a>
 */
public final class FailureSettingsNeverApply extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-LAMBDA-008")
            .name("FailureSettingsNeverApply")
            .severity(Severity.WARNING)
            .summary("A function's dead-letter queue or asynchronous destinations never receive anything: nothing "
                    + "invokes it asynchronously.")
            .rationale("A function's DeadLetterConfig and the destinations of its EventInvokeConfig apply only to "
                    + "asynchronous invocations. Records an event source mapping (SQS, Kinesis, DynamoDB, Kafka) "
                    + "fails to process never go there: the failure path is the queue's RedrivePolicy or the "
                    + "mapping's DestinationConfig.OnFailure. A synchronous caller (API Gateway, ALB, Cognito, a "
                    + "request-response Step Functions task) gets the error itself. A function that only such "
                    + "invokers call, and that no permission or exported ARN opens to invokers outside the "
                    + "template, keeps a failure path that never fills while the real one may be missing. Console "
                    + "exports and boilerplate often carry such settings.")
            .howToFix("Remove the DeadLetterConfig / EventInvokeConfig destinations and configure the failure "
                    + "path that applies: a RedrivePolicy on the SQS source queue, DestinationConfig.OnFailure on a "
                    + "stream or Kafka event source mapping, or error handling in the synchronous caller. Keep them "
                    + "only if something outside the template invokes the function asynchronously, and say so "
                    + "with a suppression.")
            .tags("reliability", "lambda", "async", "dead-letter-queue", "destinations", "event-source-mapping")
            .docsUrl("https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html")
            .examplesOf(FailureSettingsNeverApply.class)
            .precision(Precision.HIGH)
            .build();

    private static final String SAM_FUNCTION = "AWS::Serverless::Function";

    public FailureSettingsNeverApply() {
        super(METADATA, Subscription.templates());
    }

    @Override
    public void visitTemplate(Template t, RuleContext ctx) {
        Map<String, List<GraphNode>> fromGlobals = new LinkedHashMap<>();
        for (GraphNode fn : ctx.graph().nodesOf(t, NodeKind.FUNCTION)) {
            if (!Functions.hasUnusedFailureSetting(fn, ctx)) {
                continue;
            }
            List<GraphNode> configs = ctx.graph().eventInvokeConfigs(fn);
            boolean dlq = fn.property("DeadLetterConfig") != null;
            String why = "but nothing invokes it asynchronously: " + invokedBy(fn, ctx);
            boolean sam =
                    fn.resource() != null && SAM_FUNCTION.equals(fn.resource().type());
            MapNode own = sam ? fn.resource().properties() : null;
            if (dlq && (!sam || own.has("DeadLetterQueue"))) {
                ctx.report(
                        Location.of(fn, sam ? "Properties/DeadLetterQueue" : "Properties/DeadLetterConfig")
                                .at(fn.property("DeadLetterConfig")),
                        "Function '" + fn.name() + "' has a dead-letter queue " + why);
            } else if (!configs.isEmpty() && (!sam || own.has("EventInvokeConfig"))) {
                GraphNode eic = configs.get(0);
                ctx.report(
                        Location.of(eic, eic.implied() ? null : "Properties/DestinationConfig")
                                .at(eic.implied() ? null : eic.property("DestinationConfig")),
                        "Function '"
                                + fn.name() + "' has "
                                + (eic.implied() ? "an EventInvokeConfig" : "EventInvokeConfig '" + eic.name() + "'")
                                + " " + why);
            } else {
                fromGlobals
                        .computeIfAbsent(dlq ? "DeadLetterQueue" : "EventInvokeConfig", k -> new ArrayList<>())
                        .add(fn);
            }
        }
        MapNode globals = t.globals() == null ? null : t.globals().getMap("Function");
        for (Map.Entry<String, List<GraphNode>> g : fromGlobals.entrySet()) {
            MapNode.Entry setting = globals == null ? null : globals.entry(g.getKey());
            List<String> names = new ArrayList<>(g.getValue().size());
            for (GraphNode fn : g.getValue()) {
                names.add(fn.name());
            }
            GraphNode first = g.getValue().get(0);
            String message = "Globals.Function." + g.getKey() + " applies to "
                    + (names.size() == 1 ? "function '" : "functions '") + String.join("', '", names)
                    + "', which nothing invokes asynchronously ("
                    + invokedBy(first, ctx) + (names.size() > 1 ? "; likewise for the others" : "") + ")";
            if (setting == null) {
                ctx.report(
                        Location.of(first)
                                .at(first.property(
                                        g.getKey().equals("DeadLetterQueue")
                                                ? "DeadLetterConfig"
                                                : "EventInvokeConfig")),
                        message);
            } else {
                ctx.report(Location.of(t, "Globals/Function/" + g.getKey()).at(setting.value()), message);
            }
        }
    }

    /** {@code SQS event source mapping 'Jobs' polls it; failed records ...}: the invoker and why the setting is unused. */
    private static String invokedBy(GraphNode fn, RuleContext ctx) {
        Edge poll = ctx.graph().invocation(fn, InvocationMode.POLL);
        if (poll != null) {
            return Describe.node(poll.from()) + " polls it, and records an event source mapping fails to process "
                    + "never go to a dead-letter queue or an asynchronous destination; the failure path is the "
                    + "source queue's RedrivePolicy or the mapping's DestinationConfig.OnFailure";
        }
        return Describe.invoker(ctx.graph().invocation(fn, InvocationMode.SYNC))
                + " invokes it synchronously, and a synchronous caller gets the "
                + "error itself; the setting is never used";
    }
}
