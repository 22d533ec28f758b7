package dev.faultline.core.tree;

/**
 * A node of the located value tree that YAML and JSON both parse into. Every node knows the
 * region of the file it came from.
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode, IntrinsicNode {

    /** Where this node is written. */
    Span span();

    /** This node as a map, or {@code null} when it is something else. */
    default MapNode asMap() {
        return this instanceof MapNode m ? m : null;
    }

    /** This node as a list, or {@code null} when it is something else. */
    default ListNode asList() {
        return this instanceof ListNode l ? l : null;
    }

    /** This node as a scalar, or {@code null} when it is something else. */
    default ScalarNode asScalar() {
        return this instanceof ScalarNode s ? s : null;
    }

    /** This node as an intrinsic function call, or {@code null} when it is something else. */
    default IntrinsicNode asIntrinsic() {
        return this instanceof IntrinsicNode i ? i : null;
    }

    /** The text of a scalar, or {@code null} for any other node (including intrinsics). */
    default String text() {
        return this instanceof ScalarNode s ? s.value() : null;
    }
}
