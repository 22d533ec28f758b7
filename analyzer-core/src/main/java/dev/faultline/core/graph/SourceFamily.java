package dev.faultline.core.graph;

/** What an event source mapping reads, which decides the settings that apply to it. */
public enum SourceFamily {
    SQS("SQS"),
    KINESIS("Kinesis"),
    DYNAMODB("DynamoDB"),
    MSK("MSK"),
    SELF_MANAGED_KAFKA("self-managed Kafka"),
    MQ("Amazon MQ"),
    DOCUMENTDB("DocumentDB"),
    /**
     * Kinesis or DynamoDB Streams, not known which: the source is not resolved, but a property only
     * stream mappings have says so ({@code BisectBatchOnFunctionError}, {@code ParallelizationFactor},
     * {@code TumblingWindowInSeconds} with a {@code StartingPosition}).
     */
    STREAM("stream"),
    /** A stream or Kafka source, not known which: the source is not resolved, a {@code StartingPosition} is set. */
    STREAM_OR_KAFKA("stream or Kafka"),
    /** Not known statically: rules stay silent. */
    UNKNOWN("unknown");

    private final String label;

    SourceFamily(String label) {
        this.label = label;
    }

    /** The name used in messages ({@code Kinesis}, {@code self-managed Kafka}). */
    public String label() {
        return label;
    }

    /** Kinesis Data Streams or DynamoDB Streams. */
    public boolean isStream() {
        return this == KINESIS || this == DYNAMODB || this == STREAM;
    }

    /** Whether the source may be Kafka (it is, or a stream-or-Kafka source not known which). */
    public boolean mayBeKafka() {
        return isKafka() || this == STREAM_OR_KAFKA || this == UNKNOWN;
    }

    /** Amazon MSK or self-managed Kafka. */
    public boolean isKafka() {
        return this == MSK || this == SELF_MANAGED_KAFKA;
    }

    /** Sources whose failed batches are retried in order until retries, age or retention run out. */
    public boolean isStreamOrKafka() {
        return isStream() || isKafka() || this == STREAM_OR_KAFKA;
    }

    /** Whether {@code known}, a family found from the source itself, is one this (hinted) family allows. */
    boolean admits(SourceFamily known) {
        return this == known
                || (this == STREAM && known.isStream())
                || (this == STREAM_OR_KAFKA && known.isStreamOrKafka());
    }

    /** Sources that accept no {@code DestinationConfig}. */
    public boolean rejectsDestination() {
        return this == SQS || this == MQ || this == DOCUMENTDB;
    }
}
