package dev.faultline.rules.support;

import java.util.List;
import java.util.Locale;

/** AWS defaults and limits of Step Functions and the States Language (docs/failure-semantics.md §7). */
public final class StepFunctionsLimits {

    /** Retrier {@code IntervalSeconds} default. */
    public static final long DEFAULT_INTERVAL_SECONDS = 1;
    /** Retrier {@code MaxAttempts} default. */
    public static final long DEFAULT_MAX_ATTEMPTS = 3;
    /** Retrier {@code BackoffRate} default. */
    public static final double DEFAULT_BACKOFF_RATE = 2.0;
    /** Upper bound of {@code MaxAttempts}, {@code IntervalSeconds}, {@code TimeoutSeconds}. */
    public static final long MAX_INTEGER_FIELD = 99_999_999L;
    /** Range of {@code MaxDelaySeconds}. */
    public static final long MIN_MAX_DELAY_SECONDS = 1;

    public static final long MAX_MAX_DELAY_SECONDS = 31_622_400L;
    /** A retrier that may wait longer than this in total without a MaxDelaySeconds cap is flagged. */
    public static final long UNCAPPED_RETRY_LIMIT_SECONDS = 3_600;
    /** Retriers with more attempts than this should use jitter when backing off exponentially. */
    public static final long ATTEMPTS_BEFORE_JITTER_MATTERS = 3;
    /** Maximum duration of an EXPRESS execution. */
    public static final long EXPRESS_MAX_DURATION_SECONDS = 300;
    /** Longest state name the service accepts. */
    public static final int MAX_STATE_NAME_LENGTH = 80;

    public static final String STATES_ALL = "States.ALL";
    public static final String STATES_TASK_FAILED = "States.TaskFailed";
    public static final String STATES_TIMEOUT = "States.Timeout";

    /** Transient Lambda service errors every Lambda task should retry (bp-lambda-serviceexception). */
    public static final List<String> LAMBDA_SERVICE_ERRORS =
            List.of("Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException");

    /** Transient HTTP Task errors: throttling, 5xx and socket failures. */
    public static final List<String> HTTP_TRANSIENT_ERRORS = List.of(
            "States.Http.StatusCode.429",
            "States.Http.StatusCode.500",
            "States.Http.StatusCode.502",
            "States.Http.StatusCode.503",
            "States.Http.StatusCode.504",
            "States.Http.Socket");

    /**
     * The predefined error names (all with the reserved {@code States.} prefix), besides the HTTP
     * Task's {@code States.Http.StatusCode.<code>} family (docs/failure-semantics.md §7.6).
     */
    public static final List<String> PREDEFINED_ERRORS = List.of(
            "States.ALL",
            "States.BranchFailed",
            "States.DataLimitExceeded",
            "States.ExceedToleratedFailureThreshold",
            "States.HeartbeatTimeout",
            "States.Http.Socket",
            "States.IntrinsicFailure",
            "States.ItemReaderFailed",
            "States.NoChoiceMatched",
            "States.ParameterPathFailure",
            "States.Permissions",
            "States.QueryEvaluationError",
            "States.ResultPathMatchFailure",
            "States.ResultWriterFailed",
            "States.Runtime",
            "States.TaskFailed",
            "States.Timeout");

    /** The prefix the States Language reserves for its own error names. */
    public static final String RESERVED_ERROR_PREFIX = "States.";

    /** Whether a {@code States.}-prefixed name is one of the predefined errors. */
    public static boolean predefinedError(String name) {
        return PREDEFINED_ERRORS.contains(name) || name.matches("States\\.Http\\.StatusCode\\.[1-5][0-9][0-9]");
    }

    /** The state types of the States Language. */
    public static final List<String> STATE_TYPES =
            List.of("Task", "Parallel", "Map", "Pass", "Wait", "Choice", "Succeed", "Fail");

    private StepFunctionsLimits() {}

    /**
     * The predefined error a {@code States.}-prefixed name that is not one was probably meant to be
     * (the same name in another letter case, or the longest predefined name it starts with, as in
     * {@code States.TaskFailedId}), or null.
     */
    public static String closestPredefinedError(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String best = null;
        for (String known : PREDEFINED_ERRORS) {
            String k = known.toLowerCase(Locale.ROOT);
            if (k.equals(lower)) {
                return known;
            }
            if (lower.startsWith(k) && (best == null || known.length() > best.length())) {
                best = known;
            }
        }
        return best;
    }
}
