package dev.faultline.parsers.asl;

import dev.faultline.core.tree.Span;

/**
 * The decoded text of a string scalar with, for each character, the line and column of the raw
 * character (or escape sequence) it was decoded from.
 *
 * <p>Built by reading the raw source at the scalar's span: JSON and YAML double-quoted strings
 * (escapes decoded), single-quoted, plain, and block scalars ({@code |} and {@code >}, indentation
 * removed). Each decoded character is checked against the parser's value; from the first
 * disagreement on (an unusual folding, or no source text at all) the remaining characters are
 * placed at the last known position, clamped into the scalar's span, so a span derived from them
 * always stays inside the string.
 */
record LocatedString(String value, int[] lines, int[] cols, int[] widths) {

    static LocatedString of(SourceText src, String value, Span span) {
        int n = value.length();
        int[] lines = new int[n];
        int[] cols = new int[n];
        int[] widths = new int[n];
        java.util.Arrays.fill(widths, 1);
        int mapped = src == null ? 0 : new Walker(src, value, span, lines, cols, widths).walk();
        int lastLine = span.line();
        int lastCol = span.column();
        if (mapped > 0) {
            lastLine = lines[mapped - 1];
            lastCol = cols[mapped - 1];
        }
        for (int i = mapped; i < n; i++) {
            lines[i] = lastLine;
            cols[i] = lastCol;
        }
        for (int i = 0; i < n; i++) {
            clamp(span, lines, cols, i);
        }
        return new LocatedString(value, lines, cols, widths);
    }

    private static void clamp(Span s, int[] lines, int[] cols, int i) {
        if (lines[i] < s.line() || (lines[i] == s.line() && cols[i] < s.column())) {
            lines[i] = s.line();
            cols[i] = s.column();
        }
        int lastLine = s.endLine();
        int lastCol = Math.max(1, s.endColumn() - 1);
        if (lastLine == s.line()) {
            lastCol = Math.max(lastCol, s.column());
        }
        if (lines[i] > lastLine || (lines[i] == lastLine && cols[i] > lastCol)) {
            lines[i] = lastLine;
            cols[i] = lastCol;
        }
    }

    /** Walks the raw text and the decoded value side by side. */
    private static final class Walker {
        private final SourceText src;
        private final String value;
        private final Span span;
        private final int[] lines;
        private final int[] cols;
        private final int[] widths;
        private int p;
        private int i;

        Walker(SourceText src, String value, Span span, int[] lines, int[] cols, int[] widths) {
            this.widths = widths;
            this.src = src;
            this.value = value;
            this.span = span;
            this.lines = lines;
            this.cols = cols;
        }

        /** Returns how many leading characters of the value were mapped exactly. */
        int walk() {
            p = src.offset(span.line(), span.column());
            if (p < 0) {
                return 0;
            }
            skipTag();
            if (p >= src.length()) {
                return 0;
            }
            char c = src.charAt(p);
            if (c == '"') {
                p++;
                doubleQuoted();
            } else if (c == '\'') {
                p++;
                singleQuoted();
            } else if (c == '|' || c == '>') {
                block();
            } else {
                plain();
            }
            return i;
        }

        /** A YAML tag ({@code !Sub}) may be where the scalar's span starts. */
        private void skipTag() {
            if (p < src.length() && src.charAt(p) == '!') {
                while (p < src.length() && !Character.isWhitespace(src.charAt(p))) {
                    p++;
                }
                while (p < src.length() && (src.charAt(p) == ' ' || src.charAt(p) == '\t')) {
                    p++;
                }
            }
        }

        private boolean emit(char c, int at) {
            if (i >= value.length() || value.charAt(i) != c) {
                return false;
            }
            lines[i] = src.lineOf(at);
            cols[i] = src.columnOf(at);
            i++;
            return true;
        }

        private void doubleQuoted() {
            while (i < value.length() && p < src.length()) {
                char c = src.charAt(p);
                if (c == '"') {
                    return;
                }
                if (c == '\\') {
                    if (!escape()) {
                        return;
                    }
                } else if (c == '\n' || c == '\r') {
                    if (!fold()) {
                        return;
                    }
                } else {
                    if (!emit(c, p)) {
                        return;
                    }
                    p++;
                }
            }
        }

        private boolean escape() {
            int before = i;
            boolean ok = escape0();
            for (int k = before; k < i; k++) {
                widths[k] = Math.max(1, p - escapeStart);
            }
            return ok;
        }

        private int escapeStart;

        private boolean escape0() {
            int at = p;
            escapeStart = p;
            if (p + 1 >= src.length()) {
                return false;
            }
            char e = src.charAt(p + 1);
            p += 2;
            switch (e) {
                case '"':
                case '\\':
                case '/':
                case ' ':
                case '\t':
                    return emit(e, at);
                case 'b':
                    return emit('\b', at);
                case 'f':
                    return emit('\f', at);
                case 'n':
                    return emit('\n', at);
                case 'r':
                    return emit('\r', at);
                case 't':
                    return emit('\t', at);
                case '0':
                    return emit('\0', at);
                case 'a':
                    return emit('\u0007', at);
                case 'e':
                    return emit('\u001b', at);
                case 'v':
                    return emit('\u000b', at);
                case 'N':
                    return emit('\u0085', at);
                case '_':
                    return emit('\u00a0', at);
                case 'L':
                    return emit('\u2028', at);
                case 'P':
                    return emit('\u2029', at);
                case 'x':
                    return hex(2, at);
                case 'u':
                    return hex(4, at);
                case 'U':
                    return hex(8, at);
                case '\r':
                case '\n':
                    // an escaped line break joins lines without a space
                    if (e == '\r' && p < src.length() && src.charAt(p) == '\n') {
                        p++;
                    }
                    skipIndent();
                    return true;
                default:
                    return false;
            }
        }

        private boolean hex(int digits, int at) {
            if (p + digits > src.length()) {
                return false;
            }
            int cp = 0;
            for (int k = 0; k < digits; k++) {
                int d = Character.digit(src.charAt(p + k), 16);
                if (d < 0) {
                    return false;
                }
                cp = cp * 16 + d;
            }
            p += digits;
            if (!Character.isValidCodePoint(cp)) {
                return false;
            }
            for (char ch : Character.toChars(cp)) {
                if (!emit(ch, at)) {
                    return false;
                }
            }
            return true;
        }

        private void singleQuoted() {
            while (i < value.length() && p < src.length()) {
                char c = src.charAt(p);
                if (c == '\'') {
                    if (p + 1 < src.length() && src.charAt(p + 1) == '\'') {
                        if (!emit('\'', p)) {
                            return;
                        }
                        p += 2;
                        continue;
                    }
                    return;
                }
                if (c == '\n' || c == '\r') {
                    if (!fold()) {
                        return;
                    }
                } else {
                    if (!emit(c, p)) {
                        return;
                    }
                    p++;
                }
            }
        }

        private void plain() {
            while (i < value.length() && p < src.length()) {
                char c = src.charAt(p);
                if (c == '\n' || c == '\r') {
                    if (!fold()) {
                        return;
                    }
                } else {
                    if (!emit(c, p)) {
                        return;
                    }
                    p++;
                }
            }
        }

        /**
         * A line break inside a flow scalar: YAML folds it into a space, or into one newline per
         * following blank line; leading whitespace of the next line is not content.
         */
        private boolean fold() {
            int at = p;
            int breaks = 0;
            while (p < src.length()
                    && (src.charAt(p) == '\n'
                            || src.charAt(p) == '\r'
                            || src.charAt(p) == ' '
                            || src.charAt(p) == '\t')) {
                if (src.charAt(p) == '\n') {
                    breaks++;
                }
                p++;
            }
            if (breaks <= 1) {
                return emit(' ', at);
            }
            for (int k = 1; k < breaks; k++) {
                if (!emit('\n', at)) {
                    return false;
                }
            }
            return true;
        }

        private void skipIndent() {
            while (p < src.length() && (src.charAt(p) == ' ' || src.charAt(p) == '\t')) {
                p++;
            }
        }

        /**
         * A block scalar: the content starts on the line after the header; the indentation of the
         * first non-blank line is removed from every line. Line breaks between lines are kept
         * ({@code |}) or folded into spaces ({@code >}); either way the value says which, so a
         * break consumes one {@code \n} or space of the value when there is one.
         */
        private void block() {
            while (p < src.length() && src.charAt(p) != '\n') {
                p++;
            }
            p++;
            int indent = -1;
            while (i < value.length() && p < src.length()) {
                int lineStart = p;
                int ws = 0;
                while (p < src.length() && src.charAt(p) == ' ') {
                    p++;
                    ws++;
                }
                boolean blank = p >= src.length() || src.charAt(p) == '\n' || src.charAt(p) == '\r';
                if (!blank && indent < 0) {
                    indent = ws;
                }
                if (!blank && ws < indent) {
                    return; // the block ended
                }
                p = lineStart + (blank ? Math.min(ws, Math.max(indent, 0)) : indent);
                while (p < src.length() && src.charAt(p) != '\n' && src.charAt(p) != '\r') {
                    if (!emit(src.charAt(p), p)) {
                        return;
                    }
                    p++;
                    if (i >= value.length()) {
                        return;
                    }
                }
                int eol = p;
                if (p < src.length() && src.charAt(p) == '\r') {
                    p++;
                }
                p++;
                if (i < value.length() && (value.charAt(i) == '\n' || value.charAt(i) == ' ')) {
                    emit(value.charAt(i), Math.min(eol, src.length() - 1));
                }
            }
        }
    }
}
