package dev.faultline.rules.esm;

/** What an event source mapping reads, which decides the settings that apply to it. */
public enum SourceFamily {
    SQS("SQS"),
    KINESIS("Kinesis"),
    DYNAMODB("DynamoDB"),
    MSK("MSK"),
    SELF_MANAGED_KAFKA("self-managed Kafka"),
    MQ("Amazon MQ"),
    DOCUMENTDB("DocumentDB"),
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
        return this == KINESIS || this == DYNAMODB;
    }

    /** Amazon MSK or self-managed Kafka. */
    public boolean isKafka() {
        return this == MSK || this == SELF_MANAGED_KAFKA;
    }

    /** Sources whose failed batches are retried in order until retries, age or retention run out. */
    public boolean isStreamOrKafka() {
        return isStream() || isKafka();
    }

    /** Sources that accept no {@code DestinationConfig}. */
    public boolean rejectsDestination() {
        return this == SQS || this == MQ || this == DOCUMENTDB;
    }
}
