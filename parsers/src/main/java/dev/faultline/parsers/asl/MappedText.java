package dev.faultline.parsers.asl;

import dev.faultline.core.tree.Span;
import java.util.Arrays;

/**
 * A text being assembled (a definition string) together with, for every character, the line and
 * column in the source file it came from. It answers "where is this character range" for the
 * parser of the assembled text, so spans point into the file the user edits.
 */
final class MappedText {

    private final String file;
    private final StringBuilder text = new StringBuilder();
    private int[] lines = new int[64];
    private int[] cols = new int[64];
    private int[] widths = new int[64];
    /** JSON lexical state of the text so far: inside a string, and after a backslash in one. */
    private boolean inString;

    private boolean escaped;

    MappedText(String file) {
        this.file = file;
    }

    void append(char c, int line, int column) {
        append(c, line, column, 1);
    }

    /** Appends a character written as {@code width} raw characters (an escape sequence). */
    void append(char c, int line, int column, int width) {
        int n = text.length();
        if (n == lines.length) {
            lines = Arrays.copyOf(lines, n * 2);
            cols = Arrays.copyOf(cols, n * 2);
            widths = Arrays.copyOf(widths, n * 2);
        }
        text.append(c);
        lines[n] = line;
        cols[n] = column;
        widths[n] = width;
        track(c);
    }

    /**
     * Appends a placeholder standing for a node at {@code at}: its characters point at the start of
     * the node and its last character at the node's end. Outside a JSON string it is quoted, so the
     * assembled text stays valid JSON.
     */
    void appendPlaceholder(String placeholder, Span at) {
        boolean quote = !inString;
        String s = quote ? "\"" + placeholder + "\"" : placeholder;
        for (int i = 0; i < s.length(); i++) {
            boolean last = i == s.length() - 1 && s.length() > 1;
            if (last && (at.endLine() > at.line() || at.endColumn() > at.column())) {
                append(s.charAt(i), at.endLine(), Math.max(at.column(), at.endColumn() - 1));
            } else {
                append(s.charAt(i), at.line(), at.column());
            }
        }
    }

    private void track(char c) {
        if (!inString) {
            if (c == '"') {
                inString = true;
            }
        } else if (escaped) {
            escaped = false;
        } else if (c == '\\') {
            escaped = true;
        } else if (c == '"') {
            inString = false;
        }
    }

    /** Whether the next character would be inside a JSON string. */
    boolean inJsonString() {
        return inString;
    }

    int length() {
        return text.length();
    }

    String text() {
        return text.toString();
    }

    int line(int i) {
        return lines[i];
    }

    int column(int i) {
        return cols[i];
    }

    /** The span of characters {@code [start, end)} of the assembled text, in the source file. */
    Span span(long start, long end) {
        int n = text.length();
        if (n == 0) {
            return Span.ofFile(file);
        }
        int s = (int) Math.max(0, Math.min(start, n - 1));
        int e = (int) Math.max(s, Math.min(end, n) - 1);
        int endLine = lines[e];
        int endCol = cols[e] + widths[e];
        if (endLine < lines[s] || (endLine == lines[s] && endCol < cols[s])) {
            endLine = lines[s];
            endCol = cols[s];
        }
        return new Span(file, lines[s], cols[s], endLine, endCol);
    }

    /** Adapter for parsers that pass a file name as well (ignored: the source file is fixed). */
    Span span(String ignoredFile, long start, long end) {
        return span(start, end);
    }
}
