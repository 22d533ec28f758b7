package dev.faultline.core.graph;

import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.Span;

/**
 * One redrive policy as written on a queue (or an SNS subscription): one per document of its
 * {@code RedrivePolicy} (an object, JSON text, either branch of an {@code Fn::If}), with the
 * dead-letter queue the graph links it to however the target is written ({@code !GetAtt}, a
 * literal, {@code !Sub} or {@code Fn::Join} ARN, a nested-stack parameter, an import). Rules read
 * the policy here instead of parsing it again.
 *
 * @param source   the queue (or subscription) the policy is written on
 * @param policy   the policy document
 * @param target   the {@code deadLetterTargetArn} value as written, or null
 * @param dlq      the one queue of the run the target names, or null when it names none or several
 * @param span     where the {@code RedrivePolicy} is written
 */
public record Redrive(GraphNode source, MapNode policy, Node target, GraphNode dlq, Span span) implements Edge.Written {

    /** The {@code maxReceiveCount} as written, or null. */
    public Node maxReceiveCount() {
        return policy.get("maxReceiveCount");
    }
}
