package dev.faultline.core.tree;

/**
 * A region of a source file, 1-based and inclusive of the start, exclusive of the end column
 * as editors count it. {@code file} is the display path (relative to the working directory,
 * with {@code /} separators).
 */
public record Span(String file, int line, int column, int endLine, int endColumn) {

    /** Clamps the positions: lines and columns start at 1, the end is not before the start. */
    public Span {
        if (line < 1) line = 1;
        if (column < 1) column = 1;
        if (endLine < line) endLine = line;
        if (endLine == line && endColumn < column) endColumn = column;
    }

    /** A span covering only the first position of a file (used when nothing better is known). */
    public static Span ofFile(String file) {
        return new Span(file, 1, 1, 1, 1);
    }

    /** A zero-width span at one position. */
    public static Span at(String file, int line, int column) {
        return new Span(file, line, column, line, column);
    }

    /** The same region in another file name (used when a definition is re-homed into its template). */
    public Span withFile(String newFile) {
        return new Span(newFile, line, column, endLine, endColumn);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
