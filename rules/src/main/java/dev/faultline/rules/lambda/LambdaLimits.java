package dev.faultline.rules.lambda;

/** AWS limits and defaults for asynchronous Lambda invocation (docs/failure-semantics.md §2). */
final class LambdaLimits {

    /** EventInvokeConfig {@code MaximumRetryAttempts} range and default. */
    static final long MIN_RETRY_ATTEMPTS = 0;
    static final long MAX_RETRY_ATTEMPTS = 2;
    static final long DEFAULT_RETRY_ATTEMPTS = 2;

    /** EventInvokeConfig {@code MaximumEventAgeInSeconds} range. */
    static final long MIN_EVENT_AGE_SECONDS = 60;
    static final long MAX_EVENT_AGE_SECONDS = 21600;

    private LambdaLimits() {
    }
}
