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
 * A queue's {@code RedrivePolicy} (object or JSON string) and the dead-letter queue the graph
 * links it to.
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

    /**
     * The known redrive policies of a queue (one per {@code Fn::If} branch that is a document), each
     * with the dead-letter queue the graph links it to: the queue's {@code failsTo} edge, however the
     * target is written ({@code !GetAtt}, literal ARN, {@code !Sub}/{@code Fn::Join} ARN, a nested
     * stack parameter, an import). With several branches the DLQ is known only when one queue is
     * linked.
     */
    static List<Redrive> of(GraphNode queue, RuleContext ctx) {
        List<Redrive> out = new ArrayList<>();
        GraphNode dlq = linkedDlq(queue, ctx);
        for (Value alt : policy(queue, ctx).alternatives()) {
            if (alt instanceof Value.Obj o) {
                Node target = o.node().get("deadLetterTargetArn");
                out.add(new Redrive(queue, o.node(), target, ctx.eval(queue, target), dlq));
            }
        }
        return out;
    }

    /** The one queue a queue's redrive policy links to in the graph, or null. */
    private static GraphNode linkedDlq(GraphNode queue, RuleContext ctx) {
        List<GraphNode> dlqs = ctx.graph().failureTargets(queue).stream()
                .filter(n -> n.kind() == NodeKind.QUEUE).distinct().toList();
        return dlqs.size() == 1 ? dlqs.get(0) : null;
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
