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
    /**
     * An invocation whose mode is chosen per request or cannot be known statically (an API Gateway
     * {@code X-Amz-Invocation-Type} header mapped from the request): rules that depend on the mode stay silent.
     */
    UNKNOWN,
    /** Not an invocation. */
    NONE;

    /**
     * @return the lower-case name used in JSON and messages
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
