package dev.faultline.core.tree;

/**
 * A scalar value. {@code raw} is the exact text as written in the file (without quotes for quoted
 * scalars); {@code kind} is how YAML 1.1 / JSON resolved it. CloudFormation treats most values as
 * strings, so rules usually read {@link #value()} and convert it themselves.
 */
public record ScalarNode(Span span, String raw, Kind kind) implements Node {

    /** How the scalar was resolved by its parser. */
    public enum Kind { STRING, INT, FLOAT, BOOL, NULL }

    /** The text of the scalar ({@code raw}, never null; an explicit null is the empty string). */
    public String value() {
        return kind == Kind.NULL ? "" : raw;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }
}
