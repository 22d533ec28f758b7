package dev.faultline.core.graph;

import java.util.Locale;

/** How an invoker calls a function: who owns retries depends on it. */
public enum InvocationMode {
    /** The caller waits and owns retries (API Gateway, ALB, Cognito, Step Functions). */
    SYNC,
    /** Lambda queues the event; the function's async settings apply (S3, SNS, EventBridge). */
    ASYNC,
    /** An event source mapping polls a queue or stream. */
    POLL,
    /** Not an invocation. */
    NONE;

    /**
     * @return the lower-case name used in JSON and messages
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
