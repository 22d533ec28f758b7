package dev.faultline.core.tree;

/**
 * A scalar value. {@code raw} is the exact text as written in the file (without quotes for quoted
 * scalars); {@code kind} is how YAML 1.1 / JSON resolved it. CloudFormation treats most values as
 * strings, so rules usually read {@link #value()} and convert it themselves.
 */
public record ScalarNode(Span span, String raw, Kind kind) implements Node {

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
}
