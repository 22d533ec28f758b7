package dev.faultline.parsers.asl;

import dev.faultline.core.asl.Placeholder;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import dev.faultline.core.tree.Span;
import java.util.List;
import java.util.Map;

/**
 * Assembles the JSON text of a {@code DefinitionString} — a plain string, {@code Fn::Sub} (string
 * or {@code [string, vars]}) or {@code Fn::Join} (CDK's form) — into a {@link MappedText} whose
 * characters point back into the template, recording a {@link Placeholder} for every token.
 *
 * <p>Placeholders: a {@code ${X}} token of {@code Fn::Sub} (or a {@code DefinitionSubstitutions}
 * name) keeps its own text {@code ${X}}, so the definition reads as the user wrote it; a non-string
 * part of {@code Fn::Join} becomes {@code __FL_TOKEN_<n>__}. A token outside a JSON string is
 * quoted, so the text stays valid JSON.
 */
final class DefinitionText {

    /** Prefix of the placeholders that stand for {@code Fn::Join} parts. */
    static final String TOKEN_PREFIX = "__FL_TOKEN_";

    private final SourceText src;
    private final String file;
    private final MappedText out;
    private final Map<String, Placeholder> placeholders;
    private final MapNode substitutions;
    private int tokens;

    DefinitionText(SourceText src, String file, Map<String, Placeholder> placeholders, MapNode substitutions) {
        this.src = src;
        this.file = file;
        this.out = new MappedText(file);
        this.placeholders = placeholders;
        this.substitutions = substitutions;
    }

    MappedText text() {
        return out;
    }

    /** Appends the text of a DefinitionString value; false when its shape is not understood. */
    boolean append(Node value) {
        if (value instanceof ScalarNode s) {
            substitute(LocatedString.of(src, s.value(), s.span()), null, false);
            return true;
        }
        IntrinsicNode in = value == null ? null : value.asIntrinsic();
        if (in == null) {
            return false;
        }
        if (in.is("Fn::Sub")) {
            return sub(in);
        }
        if (in.is("Fn::Join")) {
            return join(in);
        }
        return false;
    }

    private boolean sub(IntrinsicNode in) {
        Node arg = in.argument();
        MapNode vars = null;
        if (arg instanceof ListNode l && l.size() >= 1) {
            arg = l.get(0);
            vars = l.size() >= 2 ? l.get(1).asMap() : null;
        }
        if (!(arg instanceof ScalarNode s)) {
            return false;
        }
        substitute(LocatedString.of(src, s.value(), s.span()), vars == null ? MapNode.empty(s.span()) : vars, true);
        return true;
    }

    private boolean join(IntrinsicNode in) {
        ListNode args = in.argument() == null ? null : in.argument().asList();
        if (args == null
                || args.size() != 2
                || !(args.get(0) instanceof ScalarNode sep)
                || args.get(1).asList() == null) {
            return false;
        }
        LocatedString separator = LocatedString.of(src, sep.value(), sep.span());
        List<Node> parts = args.get(1).asList().items();
        for (int k = 0; k < parts.size(); k++) {
            if (k > 0) {
                appendLiteral(separator, 0, separator.value().length());
            }
            Node part = parts.get(k);
            if (part instanceof ScalarNode s) {
                // a literal part may itself hold DefinitionSubstitutions names
                substitute(LocatedString.of(src, s.value(), s.span()), null, false);
            } else {
                String name = TOKEN_PREFIX + tokens++ + "__";
                placeholders.putIfAbsent(name, new Placeholder(name, part));
                out.appendPlaceholder(name, part.span());
            }
        }
        return true;
    }

    /**
     * Copies a string, turning {@code ${X}} tokens into placeholders. With {@code sub} every token
     * is one ({@code ${!X}} is the literal {@code ${X}}), resolved against {@code vars} or
     * synthesized as a {@code Ref}/{@code Fn::GetAtt}; without it only names of
     * {@code DefinitionSubstitutions} are.
     */
    private void substitute(LocatedString s, MapNode vars, boolean sub) {
        String v = s.value();
        int k = 0;
        while (k < v.length()) {
            int open = v.indexOf("${", k);
            if (open < 0) {
                appendLiteral(s, k, v.length());
                return;
            }
            int close = v.indexOf('}', open + 2);
            if (close < 0) {
                appendLiteral(s, k, v.length());
                return;
            }
            appendLiteral(s, k, open);
            String inner = v.substring(open + 2, close);
            if (sub && inner.startsWith("!")) {
                // ${!X} is the literal ${X}, which DefinitionSubstitutions may still replace
                String name = inner.substring(1);
                Node subst = substitution(name);
                if (subst != null) {
                    token("${" + name + "}", subst, s, open, close);
                } else {
                    appendLiteral(s, open, open + 2);
                    appendLiteral(s, open + 3, close + 1);
                }
            } else {
                String name = inner.trim();
                Node target = sub ? vars.get(name) : null;
                if (target == null) {
                    target = substitution(name);
                }
                if (target == null && sub && !name.isEmpty()) {
                    target = synthesize(name, spanOf(s, open, close + 1));
                }
                if (target == null) {
                    appendLiteral(s, open, close + 1);
                } else {
                    token("${" + inner + "}", target, s, open, close);
                }
            }
            k = close + 1;
        }
    }

    private Node substitution(String name) {
        return substitutions == null ? null : substitutions.get(name);
    }

    private void token(String text, Node target, LocatedString s, int open, int close) {
        placeholders.putIfAbsent(text, new Placeholder(text, target));
        if (out.inJsonString()) {
            // the placeholder's characters point into the token as written
            int width = close - open;
            for (int j = 0; j < text.length(); j++) {
                int at = open + Math.min(j, width);
                if (j == text.length() - 1) {
                    at = close;
                }
                out.append(text.charAt(j), s.lines()[at], s.cols()[at], s.widths()[at]);
            }
        } else {
            out.appendPlaceholder(text, spanOf(s, open, close + 1));
        }
    }

    private void appendLiteral(LocatedString s, int from, int to) {
        for (int k = from; k < to; k++) {
            out.append(s.value().charAt(k), s.lines()[k], s.cols()[k], s.widths()[k]);
        }
    }

    private Span spanOf(LocatedString s, int from, int to) {
        int last = Math.max(from, to - 1);
        return new Span(file, s.lines()[from], s.cols()[from], s.lines()[last], s.cols()[last] + s.widths()[last]);
    }

    /** {@code ${A.B}} is {@code Fn::GetAtt [A, B]}, anything else {@code Ref}. */
    static IntrinsicNode synthesize(String name, Span span) {
        int dot = name.indexOf('.');
        if (dot > 0 && !name.startsWith("AWS::")) {
            ListNode args = new ListNode(
                    span,
                    List.of(
                            new ScalarNode(span, name.substring(0, dot), ScalarNode.Kind.STRING),
                            new ScalarNode(span, name.substring(dot + 1), ScalarNode.Kind.STRING)));
            return new IntrinsicNode(span, "Fn::GetAtt", args);
        }
        return new IntrinsicNode(span, "Ref", new ScalarNode(span, name, ScalarNode.Kind.STRING));
    }
}
