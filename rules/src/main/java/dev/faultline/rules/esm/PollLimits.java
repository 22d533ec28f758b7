package dev.faultline.rules.esm;

/**
 * AWS limits and defaults for event source mappings, SQS queues as sources and DLQs, and the
 * function settings they are compared with. From docs/failure-semantics.md §3, §4, §5; when AWS changes
 * a number, change it here.
 */
public final class PollLimits {

    /** SQS {@code VisibilityTimeout} when absent, seconds. */
    public static final long VISIBILITY_TIMEOUT_DEFAULT = 30;
    /** SQS {@code MessageRetentionPeriod} when absent, seconds (4 days). */
    public static final long MESSAGE_RETENTION_DEFAULT = 345_600;
    /** AWS recommends a visibility timeout of at least this many function timeouts. */
    public static final long VISIBILITY_TIMEOUT_FACTOR = 6;
    /** AWS recommends {@code maxReceiveCount} of at least this for Lambda consumers. */
    public static final long MIN_MAX_RECEIVE_COUNT = 5;

    /** ESM {@code BatchSize} when absent on an SQS source. */
    public static final long SQS_BATCH_SIZE_DEFAULT = 10;
    /** ESM {@code BatchSize} when absent on every other source. */
    public static final long OTHER_BATCH_SIZE_DEFAULT = 100;
    /** ESM {@code BatchSize} range (all sources). */
    public static final long BATCH_SIZE_MIN = 1;
    public static final long BATCH_SIZE_MAX = 10_000;
    /** Largest {@code BatchSize} on a FIFO queue, and on a standard queue without a batching window. */
    public static final long SQS_BATCH_SIZE_WITHOUT_WINDOW_MAX = 10;
    /** {@code MaximumBatchingWindowInSeconds} when absent on SQS and streams. */
    public static final long BATCHING_WINDOW_DEFAULT = 0;

    /** {@code MaximumRetryAttempts} / {@code MaximumRecordAgeInSeconds} when absent: infinite. */
    public static final long INFINITE = -1;
    public static final long RETRY_ATTEMPTS_MAX = 10_000;
    /** {@code MaximumRecordAgeInSeconds}: -1, or within this range. */
    public static final long RECORD_AGE_MIN = 60;
    public static final long RECORD_AGE_MAX = 604_800;

    /** {@code ScalingConfig.MaximumConcurrency} range (SQS only). */
    public static final long MAX_CONCURRENCY_MIN = 2;
    public static final long MAX_CONCURRENCY_MAX = 1_000;

    /** Kinesis {@code RetentionPeriodHours} when absent; DynamoDB Streams keep records this long, fixed. */
    public static final long STREAM_RETENTION_HOURS_DEFAULT = 24;

    private PollLimits() {
    }
}
