package dev.faultline.core.graph;

import dev.faultline.core.tree.Span;

/**
 * A typed edge. {@code span} is where the link is written (the property that makes it), and
 * {@code qualifier} is the Lambda alias/version targeted by an invocation when known, else null.
 */
public record Edge(EdgeKind kind, GraphNode from, GraphNode to, InvocationMode mode, Span span,
                   String qualifier) {

    public Edge(EdgeKind kind, GraphNode from, GraphNode to, Span span) {
        this(kind, from, to, InvocationMode.NONE, span, null);
    }
}
