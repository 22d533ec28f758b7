package dev.faultline.core.graph;

import dev.faultline.core.tree.Span;

/**
 * A typed edge. {@code span} is where the link is written (the property that makes it), and
 * {@code qualifier} is the Lambda alias/version targeted by an invocation when known ({@code live},
 * {@code 3}, {@code $LATEST} when written), {@link #UNKNOWN_QUALIFIER} when an alias or version is
 * targeted but its name cannot be known, and null when the invocation is unqualified (which runs
 * {@code $LATEST}). For {@code failsTo}/{@code succeedsTo} edges from a function that come from an
 * EventInvokeConfig, it is the config's {@code Qualifier}. {@code evidence} says, for an
 * {@code invokes} edge, which resource and property decide its mode (null for other edges).
 * {@code written} is what the source wrote about the relation: for the {@code failsTo} edge a
 * redrive policy makes, that {@link Redrive} (its {@code maxReceiveCount}, its document and where it
 * is written); for a {@code consumes} edge, the mapping's {@link EventSource} (source family, batch
 * settings); for a {@code taskTarget} edge, the Task's {@link TaskIntegration}; null for other
 * edges.
 */
public record Edge(
        EdgeKind kind,
        GraphNode from,
        GraphNode to,
        InvocationMode mode,
        Span span,
        String qualifier,
        Evidence evidence,
        Written written) {

    /** What an edge's source wrote about the relation, read once by the graph. */
    public sealed interface Written permits Redrive, EventSource, TaskIntegration {}

    /** The qualifier of an invocation that targets an alias or version whose name is not known statically. */
    public static final String UNKNOWN_QUALIFIER = "?";

    /**
     * Internal: an edge that is not a redrive.
     *
     * @param kind      the relation
     * @param from      the source node
     * @param to        the target node
     * @param mode      the invocation mode
     * @param span      where the relation is written
     * @param qualifier the alias/version targeted, or null
     * @param evidence  why an invocation has its mode, or null
     */
    public Edge(
            EdgeKind kind,
            GraphNode from,
            GraphNode to,
            InvocationMode mode,
            Span span,
            String qualifier,
            Evidence evidence) {
        this(kind, from, to, mode, span, qualifier, evidence, null);
    }

    /**
     * Internal: an edge without evidence (not an invocation).
     *
     * @param kind      the relation
     * @param from      the source node
     * @param to        the target node
     * @param mode      the invocation mode
     * @param span      where the relation is written
     * @param qualifier the alias/version targeted, or null
     */
    public Edge(EdgeKind kind, GraphNode from, GraphNode to, InvocationMode mode, Span span, String qualifier) {
        this(kind, from, to, mode, span, qualifier, null);
    }

    /** The redrive policy of a {@code failsTo} edge a {@code RedrivePolicy} makes, else null. */
    public Redrive redrive() {
        return written instanceof Redrive r ? r : null;
    }

    /** The event source of a {@code consumes} edge, else null. */
    public EventSource eventSource() {
        return written instanceof EventSource s ? s : null;
    }

    /** The integration of a {@code taskTarget} edge, else null. */
    public TaskIntegration taskIntegration() {
        return written instanceof TaskIntegration t ? t : null;
    }

    /**
     * Whether a client waits for the response within the invoker's timeout (see
     * {@link Evidence#awaited()}); without evidence, whether the mode is synchronous.
     */
    public boolean awaited() {
        return evidence == null ? mode == InvocationMode.SYNC : evidence.awaited();
    }

    /**
     * Internal: edges are made by the graph builder.
     *
     * @param kind the relation
     * @param from the source node
     * @param to   the target node
     * @param span where the relation is written
     */
    public Edge(EdgeKind kind, GraphNode from, GraphNode to, Span span) {
        this(kind, from, to, InvocationMode.NONE, span, null);
    }
}
