package dev.faultline.rules.sqs;

import dev.faultline.core.eval.JsonDocuments;
import dev.faultline.core.eval.Value;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.graph.Redrive;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.rules.support.Props;
import java.util.Optional;

/**
 * FL-SQS-007: the dead-letter queue's {@code RedriveAllowPolicy} does not allow the source queue:
 * {@code denyAll}, or {@code byQueue} without the source in {@code sourceQueueArns}.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-configure-dead-letter-queue.html">SQS: configuring a dead-letter queue</a>
 */
public final class DeadLetterQueueRedriveAllowBlocks extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SQS-007")
            .name("DeadLetterQueueRedriveAllowBlocks")
            .severity(Severity.WARNING)
            .summary("A dead-letter queue's RedriveAllowPolicy does not allow the queue that uses it.")
            .rationale("RedriveAllowPolicy on a dead-letter queue restricts which source queues may use it. With "
                    + "redrivePermission denyAll, or byQueue without the source queue's ARN in sourceQueueArns, the "
                    + "source's redrive policy is refused (at deployment or when messages should move), and failed "
                    + "messages stay in the source queue until they expire.")
            .howToFix("Use redrivePermission allowAll, or byQueue with the source queue's ARN "
                    + "(!GetAtt Source.Arn) in sourceQueueArns.")
            .tags("reliability", "sqs", "dead-letter-queue", "permissions")
            .docsUrl(
                    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-configure-dead-letter-queue.html")
            .examplesOf(DeadLetterQueueRedriveAllowBlocks.class)
            .build();

    public DeadLetterQueueRedriveAllowBlocks() {
        super(METADATA, Subscription.nodes(NodeKind.QUEUE));
    }

    @Override
    public void visitNode(GraphNode source, RuleContext ctx) {
        for (Redrive r : ctx.graph().redrives(source)) {
            GraphNode dlq = r.dlq();
            if (dlq == null || dlq.property("RedriveAllowPolicy") == null) {
                continue;
            }
            for (Value alt : JsonDocuments.read(dlq.property("RedriveAllowPolicy"), ctx.evaluator(dlq.template()))
                    .alternatives()) {
                if (!(alt instanceof Value.Obj o)) {
                    continue;
                }
                Value permission = ctx.eval(dlq, o.node().get("redrivePermission"));
                if (permission.alternatives().size() != 1
                        || permission.asString().isEmpty()) {
                    continue;
                }
                String why = switch (permission.asString().get()) {
                    case "denyAll" -> "redrivePermission denyAll";
                    case "byQueue" ->
                        listsSource(dlq, Props.step(ctx, dlq, alt, "sourceQueueArns"), source, ctx)
                                .filter(listed -> !listed)
                                .map(x -> "redrivePermission byQueue without it in sourceQueueArns")
                                .orElse(null);
                    default -> null;
                };
                if (why != null) {
                    ctx.report(
                            Location.of(dlq, "Properties/RedriveAllowPolicy").at(Props.at(dlq, "RedriveAllowPolicy")),
                            "Dead-letter queue '" + dlq.name() + "' of queue '" + source.name() + "' has a "
                                    + "RedriveAllowPolicy with " + why + "; failed messages of '" + source.name()
                                    + "' cannot be moved there");
                    break;
                }
            }
        }
    }

    /** Whether {@code sourceQueueArns} names the source queue; empty when that cannot be known. */
    private static Optional<Boolean> listsSource(GraphNode dlq, Value arns, GraphNode source, RuleContext ctx) {
        if (arns.alternatives().size() != 1) {
            return Optional.empty();
        }
        if (arns.isAbsent()) {
            return Optional.of(false);
        }
        if (!(arns instanceof Value.Seq seq)) {
            return Optional.empty();
        }
        for (Value item : seq.items()) {
            for (Value alt : item.alternatives()) {
                if (alt.referencedResource().filter(source.name()::equals).isPresent()) {
                    return Optional.of(true);
                }
            }
        }
        Optional<String> sourceName = ctx.property(source, "QueueName").asString();
        for (Value item : seq.items()) {
            for (Value alt : item.alternatives()) {
                if (alt.referencedResource().isPresent()) {
                    continue; // another queue of the template
                }
                Optional<String> text = alt.asString();
                if (text.isEmpty() || sourceName.isEmpty()) {
                    return Optional.empty();
                }
                if (text.get().endsWith(":" + sourceName.get())) {
                    return Optional.of(true);
                }
            }
        }
        return Optional.of(false);
    }
}
