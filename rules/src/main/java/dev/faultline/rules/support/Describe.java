package dev.faultline.rules.support;

import dev.faultline.core.graph.Edge;
import dev.faultline.core.graph.GraphNode;

/** How messages name a graph node: {@code SNS subscription 'Signup'}, {@code queue 'Dlq'}. */
public final class Describe {

    private Describe() {}

    /** The kind of a node in words, followed by its quoted name. */
    public static String node(GraphNode n) {
        return kind(n) + " '" + n.name() + "'";
    }

    /** The kind of a node in words. */
    public static String kind(GraphNode n) {
        return switch (n.kind()) {
            case FUNCTION -> "function";
            case ALIAS -> "alias";
            case VERSION -> "version";
            case EVENT_INVOKE_CONFIG -> "EventInvokeConfig";
            case EVENT_SOURCE_MAPPING -> "event source mapping";
            case QUEUE -> "queue";
            case TOPIC -> "SNS topic";
            case SUBSCRIPTION -> "SNS subscription";
            case EVENT_RULE -> "EventBridge rule";
            case EVENT_BUS -> "event bus";
            case SCHEDULE -> "schedule";
            case PIPE -> "pipe";
            case BUCKET -> "bucket";
            case LOG_SUBSCRIPTION -> "log subscription filter";
            case IOT_RULE -> "IoT rule";
            case REST_API -> "REST API";
            case HTTP_API -> "HTTP API";
            case WEBSOCKET_API -> "WebSocket API";
            case API_METHOD -> "API method";
            case API_INTEGRATION -> "API integration";
            case LOAD_BALANCER_TARGET_GROUP -> "target group";
            case USER_POOL -> "user pool";
            case APPSYNC_DATA_SOURCE -> "AppSync data source";
            case STATE_MACHINE -> "state machine";
            case ROLE -> "role";
            case ALARM -> "alarm";
            case PERMISSION -> "permission";
            case CUSTOM_RESOURCE -> "custom resource";
            default -> "resource";
        };
    }

    /**
     * An invocation's invoker with the evidence of its mode: {@code bucket 'Uploads' (S3 notification at
     * Resources/Uploads/Properties/...)}.
     */
    public static String invoker(Edge e) {
        return node(e.from())
                + (e.evidence() == null
                        ? ""
                        : " (" + e.evidence().fact() + " at " + e.evidence().path() + ")");
    }

    /** {@code "a "} or {@code "an "} for a label as it is read aloud ({@code an SQS queue}). */
    public static String article(String word) {
        return word.isEmpty() || "AEIOSaeio".indexOf(word.charAt(0)) < 0 ? "a " : "an ";
    }
}
