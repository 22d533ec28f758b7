package dev.faultline.core.eval;

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
}
