package dev.faultline.core.suppress;

import dev.faultline.core.tree.Span;

/**
 * A suppression written as a YAML comment in a Serverless Framework service file,
 * {@code # faultline-ignore FL-XXX-000 reason}, at the end of a key's line or on the line above it:
 * it suppresses the findings of that rule located in the key's node (from the key's line to the last
 * line of its value), in the file where the comment is.
 *
 * @param rule    the rule id as written
 * @param reason  the reason (may be empty: then the suppression is invalid and reported)
 * @param comment where the comment is (for FL-CONFIG findings about it)
 * @param scope   the node the comment applies to ({@link Span#line()} to {@link Span#endLine()}), or
 *                null when no key follows the comment
 */
public record CommentSuppression(String rule, String reason, Span comment, Span scope) {

    /** The comment's keyword. */
    public static final String KEYWORD = "faultline-ignore";

    /** Whether a finding at {@code at} lies in the scope. */
    public boolean covers(Span at) {
        return scope != null
                && at != null
                && scope.file().equals(at.file())
                && at.line() >= scope.line()
                && at.line() <= scope.endLine();
    }
}
