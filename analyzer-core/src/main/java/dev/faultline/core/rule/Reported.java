package dev.faultline.core.rule;

/**
 * A finding just reported through {@link RuleContext#report(Location, String)}, to attach what only
 * some findings have: {@code ctx.report(where, message).withFix(fix)}.
 */
public interface Reported {

    /**
     * Attaches a suggested fix: the exact text to put at a span.
     *
     * @param fix the fix
     * @return this finding
     */
    Reported withFix(Fix fix);

    /**
     * Gives this finding a severity other than the rule's default, for a rule whose catalog row gives
     * some cases a milder one (FL-SFN-003: a retrier without jitter is info). A severity the user
     * configured for the rule still wins.
     *
     * @param severity the severity of this finding
     * @return this finding
     */
    Reported withSeverity(Severity severity);
}
