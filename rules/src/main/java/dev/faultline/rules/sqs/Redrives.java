package dev.faultline.rules.sqs;

import dev.faultline.core.eval.JsonDocuments;
import dev.faultline.core.eval.Value;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.rules.support.Fifo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A queue's {@code RedrivePolicy} (object or JSON string) and the dead-letter queue it names,
 * resolved in the same template through {@code deadLetterTargetArn} ({@code !GetAtt X.Arn} or
 * {@code !Ref X}).
 */
final class Redrives {

    /** One known redrive policy of a source queue: its document and the DLQ it names (null when not in the template). */
    record Redrive(GraphNode source, MapNode doc, Node target, Value targetValue, GraphNode dlq) {

        Node maxReceiveCount() {
            return doc.get("maxReceiveCount");
        }
    }

    private Redrives() {
    }

    /** The RedrivePolicy as a value: object documents (JSON text parsed), absent or unknown branches. */
    static Value policy(GraphNode queue, RuleContext ctx) {
        return JsonDocuments.read(queue.property("RedrivePolicy"), ctx.evaluator(queue.template()));
    }

    /** The RedriveAllowPolicy as a value. */
    static Value allowPolicy(GraphNode queue, RuleContext ctx) {
        return JsonDocuments.read(queue.property("RedriveAllowPolicy"), ctx.evaluator(queue.template()));
    }

    /** The known redrive policies of a queue (one per {@code Fn::If} branch that is a document). */
    static List<Redrive> of(GraphNode queue, RuleContext ctx) {
        List<Redrive> out = new ArrayList<>();
        for (Value alt : policy(queue, ctx).alternatives()) {
            if (alt instanceof Value.Obj o) {
                Node target = o.node().get("deadLetterTargetArn");
                Value tv = ctx.eval(queue, target);
                out.add(new Redrive(queue, o.node(), target, tv, queueOf(queue, tv, ctx).orElse(null)));
            }
        }
        return out;
    }

    /** The queue node a {@code deadLetterTargetArn} value names in the same template, if single. */
    static Optional<GraphNode> queueOf(GraphNode owner, Value target, RuleContext ctx) {
        if (target.alternatives().size() != 1) {
            return Optional.empty();
        }
        return target.referencedResource().map(id -> ctx.graph().find(owner.template(), id))
                .filter(n -> n.kind() == NodeKind.QUEUE);
    }

    /** Whether a DLQ target is FIFO: from its queue node, or from the {@code .fifo} end of a known ARN. */
    static Optional<Boolean> targetIsFifo(Redrive r, RuleContext ctx) {
        if (r.dlq() != null) {
            return Fifo.of(r.dlq(), ctx);
        }
        if (r.targetValue().alternatives().size() == 1) {
            return r.targetValue().asString().filter(s -> s.startsWith("arn:")).map(s -> s.endsWith(".fifo"));
        }
        return Optional.empty();
    }
}
