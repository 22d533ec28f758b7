package dev.faultline.rules.support;

import dev.faultline.core.eval.SubTexts;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;

/**
 * The literal shape of a value built from text: {@code Fn::Sub} and {@code Fn::Join} with every
 * unresolved part written as {@code *} ({@code arn:*:sqs:*:*:orders.fifo}). Enough to read the
 * service of an ARN or the {@code .fifo} end of a name when the rest is only known at deploy time.
 */
public final class Patterns {

    private Patterns() {}

    /**
     * The text of a scalar, or of an {@code Fn::Sub} / {@code Fn::Join} with every unresolved part
     * as {@code *}; null when the value has no such shape.
     */
    public static String of(Node n) {
        if (n instanceof ScalarNode s) {
            return s.value();
        }
        if (!(n instanceof IntrinsicNode in)) {
            return null;
        }
        if (in.is("Fn::Sub")) {
            return ofSub(subText(in));
        }
        if (in.is("Fn::Join")
                && in.argument() instanceof ListNode l
                && l.size() == 2
                && l.get(1) instanceof ListNode parts
                && l.get(0).text() != null) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) {
                    sb.append(l.get(0).text());
                }
                String t = parts.get(i).text();
                sb.append(t == null ? "*" : t);
            }
            return sb.toString();
        }
        return null;
    }

    /** An {@code Fn::Sub} text with every {@code ${...}} variable as {@code *} (names may hold colons); null stays null. */
    public static String ofSub(String text) {
        return SubTexts.wildcard(text, SubTexts.ANY_VARIABLE);
    }

    /** The template text of an {@code Fn::Sub} (short or long form), or null. */
    public static String subText(IntrinsicNode sub) {
        Node arg = sub.argument();
        if (arg instanceof ListNode l && l.size() >= 1) {
            return l.get(0).text();
        }
        return arg == null ? null : arg.text();
    }
}
