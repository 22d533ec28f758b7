package dev.faultline.core.graph;

import dev.faultline.core.tree.MapNode;

/**
 * Why an {@code invokes} edge has its {@link InvocationMode}: the resource and property that say so,
 * in words a user can check against the template.
 *
 * @param path        where it is written: the logical path of the resource and property
 *                    ({@code Resources/PostMethod/Properties/Integration/RequestParameters}), or for
 *                    a SAM event the event ({@code Resources/Fn/Properties/Events/Upload})
 * @param fact        what it says ({@code X-Amz-Invocation-Type 'Event'}, {@code S3 notification})
 * @param awaited     whether a client waits for the response within the invoker's timeout: true for
 *                    request-response invokers, false for asynchronous ones, one-way WebSocket routes,
 *                    response-streaming integrations and invocation types chosen at request time
 * @param integration the map that holds the invoker's own settings for this invocation
 *                    ({@code TimeoutInMillis} of an API Gateway integration, a SAM Api event's
 *                    {@code Properties}), or null
 */
public record Evidence(String path, String fact, boolean awaited, MapNode integration) {

    /** {@code X-Amz-Invocation-Type 'Event' (Resources/PostMethod/Properties/Integration/RequestParameters)}. */
    public String text() {
        return fact + " (" + path + ")";
    }
}
