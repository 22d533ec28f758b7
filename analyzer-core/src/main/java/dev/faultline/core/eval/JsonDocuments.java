package dev.faultline.core.eval;

import dev.faultline.core.model.Parameter;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import dev.faultline.core.tree.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a property that CloudFormation accepts either as an object or as a JSON string, such as
 * SQS {@code RedrivePolicy} / {@code RedriveAllowPolicy} or SNS subscription {@code RedrivePolicy}.
 *
 * <p>The result is a {@link Value}: {@link Value.Obj} (or {@link Value.Seq}) for a document,
 * {@link Value.Absent}, {@link Value.Unknown}, or a {@link Value.Choice} of those for {@code Fn::If}.
 * A JSON string becomes a synthesized {@link MapNode} whose nodes all carry the span of the string,
 * so the values inside can be evaluated and reported like any other. The text of an {@code Fn::Sub}
 * or {@code Fn::Join} that produces JSON is parsed with its unresolved parts kept as the intrinsic
 * nodes they stand for: {@code "${Dlq.Arn}"} becomes {@code Fn::GetAtt [Dlq, Arn]}, a string with
 * a placeholder inside becomes an {@code Fn::Sub} of that string. Text that is not valid JSON, or
 * whose keys are unresolved, is {@link Value.Unknown}.
 */
public final class JsonDocuments {

    private static final int MAX_DEPTH = 16;
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';

    private JsonDocuments() {}

    /** Reads {@code raw} (a property value of {@code ev}'s template) as an object or JSON text. */
    public static Value read(Node raw, Evaluator ev) {
        return read(raw, ev, 0);
    }

    /**
     * Why a literal text is not a JSON object (as CloudFormation requires of a JSON-string policy),
     * or empty when it is one.
     *
     * @param literal the text as written
     * @return the reason, or empty
     */
    public static Optional<String> syntaxError(String literal) {
        Parser p = new Parser(new Text(null, null).literal(literal));
        try {
            p.skipWs();
            Node doc = p.value();
            p.skipWs();
            if (p.pos != p.src.length()) {
                return Optional.of("text after the JSON value at offset " + p.pos);
            }
            return doc instanceof MapNode ? Optional.empty() : Optional.of("not an object");
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Value read(Node raw, Evaluator ev, int depth) {
        if (raw == null) {
            return new Value.Absent();
        }
        if (depth > MAX_DEPTH) {
            return new Value.Unknown("nested too deeply");
        }
        if (ev.isIllTyped(raw)) {
            return new Value.Unknown("ill-typed value (FL-PARSE-007)");
        }
        if (raw instanceof MapNode m) {
            return new Value.Obj(m);
        }
        if (raw instanceof ListNode) {
            return ev.eval(raw);
        }
        if (raw instanceof ScalarNode s) {
            if (s.isNull()) {
                return new Value.Absent();
            }
            return parse(new Text(s.span(), ev).literal(s.value()));
        }
        IntrinsicNode in = (IntrinsicNode) raw;
        Node arg = in.argument();
        switch (in.function()) {
            case "Fn::If":
                if (arg instanceof ListNode l && l.size() == 3) {
                    return new Value.Choice(List.of(read(l.get(1), ev, depth + 1), read(l.get(2), ev, depth + 1)));
                }
                return new Value.Unknown("malformed Fn::If");
            case "Ref": {
                String name = arg == null ? null : arg.text();
                Parameter p = name == null ? null : ev.template().parameters().get(name);
                if (p != null && p.defaultValue() != null) {
                    return read(p.defaultValue(), ev, depth + 1);
                }
                return fromEvaluated(in, ev);
            }
            case "Fn::Sub":
                return sub(in, ev);
            case "Fn::Join":
                return join(in, ev);
            default:
                return fromEvaluated(in, ev);
        }
    }

    private static Value fromEvaluated(IntrinsicNode in, Evaluator ev) {
        Value v = ev.eval(in);
        if (v instanceof Value.Str s) {
            return parse(new Text(in.span(), ev).literal(s.value()));
        }
        if (v instanceof Value.Absent) {
            return v;
        }
        return new Value.Unknown("not a JSON document: " + in.function());
    }

    private static Value sub(IntrinsicNode in, Evaluator ev) {
        Node arg = in.argument();
        String text;
        MapNode vars = null;
        if (arg instanceof ListNode l && l.size() >= 1) {
            text = l.get(0).text();
            if (l.size() > 1) {
                vars = l.get(1).asMap();
                if (vars == null) {
                    return new Value.Unknown("Fn::Sub variables");
                }
            }
        } else {
            text = arg == null ? null : arg.text();
        }
        if (text == null) {
            return new Value.Unknown("malformed Fn::Sub");
        }
        Text out = new Text(in.span(), ev);
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                out.literal(text.substring(i));
                break;
            }
            out.literal(text.substring(i, start));
            int end = text.indexOf('}', start);
            if (end < 0) {
                return new Value.Unknown("malformed Fn::Sub");
            }
            if (start + 2 < text.length() && text.charAt(start + 2) == '!') {
                out.literal("${" + text.substring(start + 3, end + 1));
            } else {
                String name = text.substring(start + 2, end).trim();
                out.node(variable(name, vars, in.span()));
            }
            i = end + 1;
        }
        return parse(out);
    }

    private static Node variable(String name, MapNode vars, Span span) {
        if (vars != null && vars.has(name)) {
            return vars.get(name);
        }
        int dot = name.indexOf('.');
        if (dot > 0) {
            return new IntrinsicNode(
                    span,
                    "Fn::GetAtt",
                    new ListNode(
                            span,
                            List.of(
                                    new ScalarNode(span, name.substring(0, dot), ScalarNode.Kind.STRING),
                                    new ScalarNode(span, name.substring(dot + 1), ScalarNode.Kind.STRING))));
        }
        return new IntrinsicNode(span, "Ref", new ScalarNode(span, name, ScalarNode.Kind.STRING));
    }

    private static Value join(IntrinsicNode in, Evaluator ev) {
        if (!(in.argument() instanceof ListNode l) || l.size() != 2 || !(l.get(1) instanceof ListNode parts)) {
            return new Value.Unknown("Fn::Join");
        }
        String sep = l.get(0).text();
        if (sep == null) {
            return new Value.Unknown("Fn::Join separator");
        }
        Text out = new Text(in.span(), ev);
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.literal(sep);
            }
            Node part = parts.get(i);
            if (part instanceof ScalarNode s) {
                out.literal(s.value());
            } else {
                out.node(part);
            }
        }
        return parse(out);
    }

    private static Value parse(Text text) {
        Parser p = new Parser(text);
        try {
            p.skipWs();
            Node doc = p.value();
            p.skipWs();
            if (p.pos != p.src.length()) {
                return new Value.Unknown("trailing text after JSON");
            }
            if (doc instanceof MapNode m) {
                return new Value.Obj(m);
            }
            if (doc instanceof ListNode) {
                return text.ev.eval(doc);
            }
            return new Value.Unknown("JSON text is not an object");
        } catch (IllegalArgumentException e) {
            return new Value.Unknown("malformed JSON: " + e.getMessage());
        }
    }

    /**
     * JSON text under construction, with the nodes of unresolved parts in place of their text.
     * A part outside a JSON string is written as a quoted placeholder so that the text still parses.
     */
    private static final class Text {
        final StringBuilder sb = new StringBuilder();
        final List<Node> nodes = new ArrayList<>();
        final Span span;
        final Evaluator ev;
        boolean inString;
        boolean escaped;

        Text(Span span, Evaluator ev) {
            this.span = span;
            this.ev = ev;
        }

        Text literal(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (escaped) {
                    escaped = false;
                } else if (c == '\\' && inString) {
                    escaped = true;
                } else if (c == '"') {
                    inString = !inString;
                }
            }
            sb.append(s);
            return this;
        }

        void node(Node n) {
            Value v = ev.eval(n);
            if (!(v instanceof Value.Choice)) {
                var known = v.asString();
                if (known.isPresent()) {
                    literal(known.get());
                    return;
                }
            }
            String token = OPEN + Integer.toString(nodes.size()) + CLOSE;
            nodes.add(n);
            sb.append(inString ? token : "\"" + token + "\"");
        }
    }

    /** A small JSON reader whose nodes all carry the span of the text they came from. */
    private static final class Parser {
        final Text text;
        final String src;
        final Span span;
        int pos;

        Parser(Text text) {
            this.text = text;
            this.src = text.sb.toString();
            this.span = text.span;
        }

        void skipWs() {
            while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
                pos++;
            }
        }

        char peek() {
            if (pos >= src.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            return src.charAt(pos);
        }

        void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + pos);
            }
            pos++;
        }

        Node value() {
            char c = peek();
            if (c == '{') {
                return object();
            }
            if (c == '[') {
                return array();
            }
            if (c == '"') {
                return stringNode(string());
            }
            if (src.startsWith("true", pos) || src.startsWith("false", pos)) {
                String t = src.startsWith("true", pos) ? "true" : "false";
                pos += t.length();
                return new ScalarNode(span, t, ScalarNode.Kind.BOOL);
            }
            if (src.startsWith("null", pos)) {
                pos += 4;
                return new ScalarNode(span, "", ScalarNode.Kind.NULL);
            }
            return number();
        }

        MapNode object() {
            expect('{');
            List<MapNode.Entry> entries = new ArrayList<>();
            skipWs();
            if (peek() == '}') {
                pos++;
                return new MapNode(span, entries);
            }
            while (true) {
                skipWs();
                String key = string();
                if (key.indexOf(OPEN) >= 0) {
                    throw new IllegalArgumentException("unresolved key");
                }
                skipWs();
                expect(':');
                skipWs();
                entries.add(new MapNode.Entry(key, span, value()));
                skipWs();
                if (peek() == ',') {
                    pos++;
                    continue;
                }
                expect('}');
                return new MapNode(span, entries);
            }
        }

        ListNode array() {
            expect('[');
            List<Node> items = new ArrayList<>();
            skipWs();
            if (peek() == ']') {
                pos++;
                return new ListNode(span, items);
            }
            while (true) {
                skipWs();
                items.add(value());
                skipWs();
                if (peek() == ',') {
                    pos++;
                    continue;
                }
                expect(']');
                return new ListNode(span, items);
            }
        }

        String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = peek();
                pos++;
                if (c == '"') {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = peek();
                pos++;
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (pos + 4 > src.length()) {
                            throw new IllegalArgumentException("bad unicode escape");
                        }
                        try {
                            sb.append((char) Integer.parseInt(src.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw new IllegalArgumentException("bad unicode escape", ex);
                        }
                        pos += 4;
                    }
                    default -> sb.append(e);
                }
            }
        }

        /** A string value: literal, one placeholder (its node), or text around placeholders (Fn::Sub). */
        Node stringNode(String s) {
            int open = s.indexOf(OPEN);
            if (open < 0) {
                return new ScalarNode(span, s, ScalarNode.Kind.STRING);
            }
            int close = s.indexOf(CLOSE, open);
            if (open == 0 && close == s.length() - 1) {
                return text.nodes.get(Integer.parseInt(s.substring(1, close)));
            }
            StringBuilder sub = new StringBuilder();
            List<MapNode.Entry> vars = new ArrayList<>();
            int i = 0;
            while (i < s.length()) {
                int o = s.indexOf(OPEN, i);
                if (o < 0) {
                    sub.append(s, i, s.length());
                    break;
                }
                int c = s.indexOf(CLOSE, o);
                sub.append(s, i, o);
                Node part = text.nodes.get(Integer.parseInt(s.substring(o + 1, c)));
                String pseudo = part instanceof IntrinsicNode r
                                && r.is("Ref")
                                && r.argument() != null
                                && r.argument().text() != null
                                && r.argument().text().startsWith("AWS::")
                        ? r.argument().text()
                        : null;
                if (pseudo != null) {
                    // kept as written, so a reader of the Fn::Sub still sees a pseudo parameter
                    sub.append("${").append(pseudo).append('}');
                } else {
                    String var = "JsonPart" + s.substring(o + 1, c);
                    sub.append("${").append(var).append('}');
                    vars.add(new MapNode.Entry(var, span, part));
                }
                i = c + 1;
            }
            return new IntrinsicNode(
                    span,
                    "Fn::Sub",
                    new ListNode(
                            span,
                            List.of(
                                    new ScalarNode(span, sub.toString(), ScalarNode.Kind.STRING),
                                    new MapNode(span, vars))));
        }

        Node number() {
            int start = pos;
            boolean isFloat = false;
            while (pos < src.length()) {
                char c = src.charAt(pos);
                if (c == '.' || c == 'e' || c == 'E') {
                    isFloat = true;
                } else if (!(c == '-' || c == '+' || (c >= '0' && c <= '9'))) {
                    break;
                }
                pos++;
            }
            if (start == pos) {
                throw new IllegalArgumentException("unexpected character at " + pos);
            }
            return new ScalarNode(
                    span, src.substring(start, pos), isFloat ? ScalarNode.Kind.FLOAT : ScalarNode.Kind.INT);
        }
    }
}
