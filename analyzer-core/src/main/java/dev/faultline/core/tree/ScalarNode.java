package dev.faultline.core.tree;

import java.util.Objects;

/**
 * A scalar value. {@code raw} is the exact text as written in the file (without quotes for quoted
 * scalars); {@code kind} is how YAML 1.1 / JSON resolved it. CloudFormation treats most values as
 * strings, so rules usually read {@link #value()} and convert it themselves.
 *
 * <p>Equal as a record of its span, raw text and kind would be. The span is kept as its fields, not as
 * a {@link Span} object (see {@link Located}).
 */
public final class ScalarNode extends Located implements Node {

    /** How the scalar was resolved by its parser. */
    public enum Kind {
        /** A string (quoted, or plain text that is no other kind). */
        STRING,
        /** An integer. */
        INT,
        /** A decimal number. */
        FLOAT,
        /** {@code true} or {@code false}. */
        BOOL,
        /** {@code null} or {@code ~} or empty. */
        NULL
    }

    private final String raw;
    private final Kind kind;

    /**
     * @param span where the scalar is written
     * @param raw  its text as written
     * @param kind how it was resolved
     */
    public ScalarNode(Span span, String raw, Kind kind) {
        super(span);
        this.raw = raw;
        this.kind = kind;
    }

    @Override
    public Span span() {
        return toSpan();
    }

    /**
     * @return the text as written in the file
     */
    public String raw() {
        return raw;
    }

    /**
     * @return how the scalar was resolved
     */
    public Kind kind() {
        return kind;
    }

    /** The text of the scalar ({@code raw}, never null; an explicit null is the empty string). */
    public String value() {
        return kind == Kind.NULL ? "" : raw;
    }

    /**
     * @return whether this is a YAML/JSON null
     */
    public boolean isNull() {
        return kind == Kind.NULL;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScalarNode s && sameSpan(s) && Objects.equals(raw, s.raw) && kind == s.kind;
    }

    @Override
    public int hashCode() {
        return (Objects.hashCode(toSpan()) * 31 + Objects.hashCode(raw)) * 31 + Objects.hashCode(kind);
    }

    @Override
    public String toString() {
        return "ScalarNode[span=" + toSpan() + ", raw=" + raw + ", kind=" + kind + "]";
    }
}
