package dev.faultline.parsers.asl;

import java.util.Arrays;

/** The raw text of a source file with its line starts, to turn offsets into lines and columns. */
final class SourceText {

    private final String text;
    private final int[] lineStarts;

    SourceText(String text) {
        this.text = text;
        int[] starts = new int[64];
        int n = 0;
        starts[n++] = 0;
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = k + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, n);
    }

    int length() {
        return text.length();
    }

    char charAt(int k) {
        return text.charAt(k);
    }

    /** The offset of a 1-based line and column, or -1 when it is outside the text. */
    int offset(int line, int column) {
        if (line < 1 || line > lineStarts.length) {
            return -1;
        }
        int off = lineStarts[line - 1] + column - 1;
        return off < text.length() ? off : -1;
    }

    /** The 1-based line of an offset. */
    int lineOf(int offset) {
        int k = Arrays.binarySearch(lineStarts, offset);
        return k >= 0 ? k + 1 : -k - 1;
    }

    /** The 1-based column of an offset. */
    int columnOf(int offset) {
        return offset - lineStarts[lineOf(offset) - 1] + 1;
    }
}
