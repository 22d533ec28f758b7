package dev.faultline.core.eval;

import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;

/**
 * The literal shape of an {@code Fn::Sub} template text: its variables replaced by {@code *} so
 * that the structure around them (the parts of an ARN, the {@code .fifo} end of a name) survives.
 */
public final class SubTexts {

    /** The start of every {@code Fn::Sub} variable. */
    public static final String ANY_VARIABLE = "${";

    /** The start of a pseudo-parameter variable such as {@code ${AWS::Region}}. */
    public static final String PSEUDO_PARAMETER = "${AWS::";

    private SubTexts() {}

    /**
     * {@code text} with every variable that starts with {@code start} ({@link #ANY_VARIABLE} or
     * {@link #PSEUDO_PARAMETER}), up to its closing brace, written as {@code *}. Variable names may
     * hold colons. From an unclosed variable on the text is kept as it is; null stays null.
     */
    public static String wildcard(String text, String start) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf(start, i);
            int end = open < 0 ? -1 : text.indexOf('}', open);
            if (open < 0 || end < 0) {
                sb.append(text, i, text.length());
                break;
            }
            sb.append(text, i, open).append('*');
            i = end + 1;
        }
        return sb.toString();
    }

    /**
     * The literal shape of a value built from text: a scalar's text, an {@code Fn::Sub} with every
     * variable as {@code *}, an {@code Fn::Join} with every part that is not text as {@code *}
     * ({@code arn:*:sqs:*:*:orders.fifo}); null when the value has no such shape. Enough to read the
     * service of an ARN ({@link Arn}) or the {@code .fifo} end of a name known only at deploy time.
     */
    public static String shape(Node n) {
        if (n instanceof ScalarNode s) {
            return s.value();
        }
        if (!(n instanceof IntrinsicNode in)) {
            return null;
        }
        if (in.is("Fn::Sub")) {
            return wildcard(Refs.subText(in), ANY_VARIABLE);
        }
        Refs.Join join = Refs.join(in);
        if (join != null) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < join.parts().size(); i++) {
                if (i > 0) {
                    sb.append(join.delimiter());
                }
                String t = join.parts().get(i).text();
                sb.append(t == null ? "*" : t);
            }
            return sb.toString();
        }
        return null;
    }
}
