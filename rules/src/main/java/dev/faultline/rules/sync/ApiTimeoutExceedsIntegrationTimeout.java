package dev.faultline.rules.sync;

import dev.faultline.core.graph.Edge;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.InvocationMode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.model.Template;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.Span;
import dev.faultline.rules.support.Describe;
import dev.faultline.rules.support.Targets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * FL-SYNC-001: a function behind API Gateway whose {@code Timeout} exceeds the integration timeout
 * (REST and WebSocket 29 s, HTTP API 30 s, or the explicit {@code TimeoutInMillis}).
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html">API Gateway quotas</a>
 */
public final class ApiTimeoutExceedsIntegrationTimeout extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SYNC-001")
            .name("ApiTimeoutExceedsIntegrationTimeout")
            .severity(Severity.WARNING)
            .summary("A function behind API Gateway has a Timeout longer than the integration timeout.")
            .rationale("API Gateway waits for a Lambda integration at most 29 s (REST and WebSocket APIs) or 30 s "
                    + "(HTTP APIs), or the integration's TimeoutInMillis, and never retries. A function allowed to "
                    + "run longer keeps running after the client has received a 504, so its side effects happen "
                    + "after the caller gave up, and the client's retry runs the work a second time. Not reported "
                    + "for integrations that invoke asynchronously (X-Amz-Invocation-Type 'Event': FL-LAMBDA-001 "
                    + "applies instead) or set the invocation type per request, for WebSocket routes without a route "
                    + "response (one-way), or for response-streaming integrations.")
            .howToFix("Lower the function Timeout to the integration timeout (minus a margin), or move long work "
                    + "to an asynchronous path (queue, Step Functions) and answer the API call at once.")
            .tags("reliability", "lambda", "api-gateway", "timeout", "sync")
            .docsUrl("https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html")
            .examplesOf(ApiTimeoutExceedsIntegrationTimeout.class)
            .precision(Precision.HIGH)
            .build();

    static final long REST_TIMEOUT_MS = 29_000;
    static final long WEBSOCKET_TIMEOUT_MS = 29_000;
    static final long HTTP_TIMEOUT_MS = 30_000;

    public ApiTimeoutExceedsIntegrationTimeout() {
        super(METADATA, Subscription.templates());
    }

    /**
     * One finding per {@code Timeout} that is too long: a timeout that several functions share (SAM
     * {@code Globals}, a Serverless Framework {@code provider.timeout}) is reported once, at that
     * line, naming the functions; one edit fixes them all.
     */
    @Override
    public void visitTemplate(Template t, RuleContext ctx) {
        Map<Object, List<Excess>> byPlace = new LinkedHashMap<>(); // by span, or by function without one
        for (GraphNode fn : ctx.graph().nodesOf(t, NodeKind.FUNCTION)) {
            Excess f = check(fn, ctx);
            if (f != null) {
                Span at = f.location().span();
                byPlace.computeIfAbsent(at == null ? fn : at, k -> new ArrayList<>(1))
                        .add(f);
            }
        }
        for (List<Excess> same : byPlace.values()) {
            Excess first = same.get(0);
            String message = first.message();
            if (same.size() > 1) {
                List<String> others = new ArrayList<>(same.size() - 1);
                for (Excess f : same.subList(1, same.size())) {
                    others.add(f.fn().name());
                }
                message += "; set once here, the same Timeout applies to "
                        + (others.size() == 1 ? "function '" : "functions '") + String.join("', '", others)
                        + "', which APIs invoke too";
            }
            ctx.report(first.location(), message + CONSEQUENCE);
        }
    }

    private static final String CONSEQUENCE =
            "; the client gets a 504 while the function keeps running, and a client retry repeats the work";

    /** What the rule would report for one function (without the consequence), or null. */
    private static Excess check(GraphNode fn, RuleContext ctx) {
        OptionalLong largest = WrittenTimeout.largest(fn, ctx);
        if (largest.isEmpty()) {
            return null;
        }
        long timeout = largest.getAsLong();
        for (Edge e : ctx.graph().invocations(fn)) {
            if (e.mode() != InvocationMode.SYNC || !e.awaited()) {
                continue; // asynchronous (X-Amz-Invocation-Type 'Event'), one-way WebSocket route, response streaming
            }
            Long limit = limitMillis(ctx, fn, e);
            if (limit == null || timeout * 1000 <= limit) {
                continue;
            }
            return new Excess(
                    fn,
                    Location.of(fn, "Properties/Timeout"),
                    "Function '" + fn.name() + "' Timeout " + timeout
                            + " s exceeds the " + seconds(limit) + " s integration timeout of "
                            + Describe.invoker(e));
        }
        return null;
    }

    /** A function whose Timeout is too long: where its finding goes and what it says. */
    private record Excess(GraphNode fn, Location location, String message) {}

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : Double.toString(ms / 1000.0);
    }

    /**
     * The integration timeout of an API invoker: the {@code TimeoutInMillis} written where the graph
     * found the integration (a REST method's {@code Integration}, an {@code AWS::ApiGatewayV2::Integration},
     * an OpenAPI {@code x-amazon-apigateway-integration}, a SAM Api/HttpApi event), else the default of
     * the API kind; null when not an API or not known.
     */
    private static Long limitMillis(RuleContext ctx, GraphNode fn, Edge e) {
        GraphNode api = e.from();
        long def;
        switch (api.kind()) {
            case API_METHOD, REST_API -> def = REST_TIMEOUT_MS;
            case API_INTEGRATION -> {
                def = HTTP_TIMEOUT_MS;
                for (Targets.Target t : Targets.of(ctx, api, api.property("ApiId"))) {
                    if (t.node() != null && isWebSocket(ctx, t.node())) {
                        def = WEBSOCKET_TIMEOUT_MS;
                    }
                }
            }
            case HTTP_API, WEBSOCKET_API -> def = isWebSocket(ctx, api) ? WEBSOCKET_TIMEOUT_MS : HTTP_TIMEOUT_MS;
            default -> {
                return null;
            }
        }
        MapNode integration = e.evidence() == null ? null : e.evidence().integration();
        Node written = integration == null ? null : integration.get("TimeoutInMillis");
        if (written == null && integration != null) {
            written = integration.get("timeoutInMillis");
        }
        // the integration map of a SAM event belongs to the function's template
        return explicitOr(ctx, api.implied() || api.template() != fn.template() ? fn : api, written, def);
    }

    private static boolean isWebSocket(RuleContext ctx, GraphNode api) {
        return api.kind() == NodeKind.WEBSOCKET_API
                || ctx.property(api, "ProtocolType").knownStrings().contains("WEBSOCKET");
    }

    private static Long explicitOr(RuleContext ctx, GraphNode owner, Node value, long def) {
        if (value == null) {
            return def;
        }
        var all = ctx.eval(owner, value).allLongs();
        if (all.isEmpty()) {
            return null;
        }
        return all.get().stream().mapToLong(Long::longValue).min().orElse(def);
    }
}
