package dev.faultline.core.tree;

import java.util.Objects;

/**
 * The span of a tree node or map key, kept as its five fields instead of a {@link Span} object:
 * {@link #toSpan()} makes one when asked (for a finding or a graph node). A lint keeps every parsed
 * tree until its report, and a separate span object per node and key was a fifth of the objects the
 * collector copied (a whole-process lint of the shared corpus spent 226 instead of 150 ms in
 * collections with them).
 */
abstract class Located {

    private final String file;
    private final int line;
    private final int column;
    private final int endLine;
    private final int endColumn;

    /** {@code span} may be null (some synthetic nodes have none); {@link #toSpan()} is null then. */
    Located(Span span) {
        if (span == null) {
            this.file = null;
            this.line = 0; // a span's line is at least 1
            this.column = 0;
            this.endLine = 0;
            this.endColumn = 0;
            return;
        }
        this.file = span.file();
        this.line = span.line();
        this.column = span.column();
        this.endLine = span.endLine();
        this.endColumn = span.endColumn();
    }

    /** Where this is written, as a new span. */
    final Span toSpan() {
        if (line == 0) {
            return null;
        }
        return new Span(file, line, column, endLine, endColumn);
    }

    /** Whether {@code other} is written at the same place (the spans are equal). */
    final boolean sameSpan(Located other) {
        return line == other.line
                && column == other.column
                && endLine == other.endLine
                && endColumn == other.endColumn
                && Objects.equals(file, other.file);
    }
}
