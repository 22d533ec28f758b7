package dev.faultline.core.graph;

import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import dev.faultline.core.tree.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code serverless.yml} events that {@link ServerlessExpander} hands on: the brokers polled by
 * an event source mapping ({@code kafka}, {@code msk}, {@code activemq}, {@code rabbitmq}), the
 * services that invoke the function asynchronously ({@code cloudwatchLog}, {@code iot}) or wait for
 * it ({@code cognitoUserPool}, {@code alb}, {@code http}, {@code httpApi}, {@code websocket}). Each
 * becomes the resources the framework compiles (logical ids, defaults and the properties the rules
 * read, checked against {@code serverless package} of osls 3.77.1 by
 * {@code benchmarks/serverless-compile.sh}), at the span of the event's key. Lambda permissions are
 * not generated (as for the other events): the invoking resource carries the invocation.
 *
 * <p>One instance per service: Cognito user pools collect the triggers of every function and are
 * added by {@link #finish()}.
 */
final class ServerlessInvokerEvents {

    /** The event types handled here. */
    static final Set<String> TYPES = Set.of(
            "kafka",
            "msk",
            "activemq",
            "rabbitmq",
            "cloudwatchLog",
            "iot",
            "cognitoUserPool",
            "alb",
            "http",
            "httpApi",
            "websocket");

    /** Integration timeout the framework writes on every HTTP API integration. */
    static final int HTTP_API_TIMEOUT_MS = 30_000;

    private static final Pattern ALB_LISTENER =
            Pattern.compile("^arn:aws[\\w-]*:elasticloadbalancing:.+:listener/app/[\\w-]+/([\\w-]+)/([\\w-]+)$");
    private static final Pattern HTTP_API_ROUTE =
            Pattern.compile("^(GET|POST|PUT|PATCH|OPTIONS|HEAD|DELETE|ANY|\\*) (/\\S*)$", Pattern.CASE_INSENSITIVE);
    private static final Set<String> CUSTOM_SENDERS = Set.of("CustomSMSSender", "CustomEmailSender");

    private final ServerlessExpander x;
    /** Events counted per function and type (cloudwatchLog, iot ids are numbered per function). */
    private final Map<String, Integer> counts = new HashMap<>();
    /** Cognito pool logical id → its name (first written) and the LambdaConfig entries of all functions. */
    private final Map<String, Node> poolNames = new LinkedHashMap<>();

    private final Map<String, List<MapNode.Entry>> poolTriggers = new LinkedHashMap<>();
    private final Map<String, Span> poolSpans = new HashMap<>();

    ServerlessInvokerEvents(ServerlessExpander expander) {
        this.x = expander;
    }

    /** Expands one event {@code type: v} of function {@code fn}, whose key is at {@code s}. */
    void expand(String fn, String type, Span s, Node v) {
        MapNode m = v instanceof MapNode vm ? vm : null;
        Fn f = new Fn(fn, ServerlessExpander.normalizedName(fn));
        switch (type) {
            case "kafka" -> kafka(f, s, v, m);
            case "msk" -> msk(f, s, v, m);
            case "activemq" -> broker(f, s, v, m, "ActiveMQ");
            case "rabbitmq" -> broker(f, s, v, m, "RabbitMQ");
            case "cloudwatchLog" -> cloudwatchLog(f, s, v, m);
            case "iot" -> iot(f, s, v, m);
            case "cognitoUserPool" -> cognitoUserPool(f, s, m);
            case "alb" -> alb(f, s, v, m);
            case "http" -> http(f, s, v, m);
            case "httpApi" -> httpApi(f, s, v, m);
            case "websocket" -> websocket(f, s, v, m);
            default -> {
                // not an event of this class
            }
        }
    }

    /** Adds the Cognito user pools the {@code cognitoUserPool} events create. */
    void finish() {
        for (Map.Entry<String, List<MapNode.Entry>> e : poolTriggers.entrySet()) {
            Span s = poolSpans.get(e.getKey());
            Node name = poolNames.get(e.getKey());
            List<MapNode.Entry> p = new ArrayList<>();
            p.add(Trees.entry("UserPoolName", name.span(), name));
            p.add(Trees.entry("LambdaConfig", s, Trees.map(s, e.getValue())));
            x.add(x.resource(e.getKey(), "AWS::Cognito::UserPool", Trees.map(s, p), s));
        }
    }

    /** The function an event belongs to: its key and normalized name. */
    private record Fn(String name, String norm) {
        Node arn(Span s) {
            return ServerlessExpander.functionArn(s, name);
        }
    }

    private int next(Fn f, String type) {
        return counts.merge(f.name + "\u0000" + type, 1, Integer::sum);
    }

    // ---- event source mappings (Kafka, MSK, Amazon MQ)

    private void kafka(Fn f, Span s, Node v, MapNode m) {
        if (m == null) {
            return;
        }
        List<MapNode.Entry> p = new ArrayList<>();
        p.add(Trees.entry("FunctionName", s, f.arn(s)));
        startingPosition(m, p, s);
        MapNode.Entry servers = m.entry("bootstrapServers");
        if (servers != null) {
            p.add(Trees.entry(
                    "SelfManagedEventSource",
                    servers.keySpan(),
                    Trees.map(
                            servers.keySpan(),
                            "Endpoints",
                            Trees.map(servers.keySpan(), "KafkaBootstrapServers", servers.value()))));
        }
        listOf(m, "topic", "Topics", p);
        batching(m, p);
        MapNode.Entry group = m.entry("consumerGroupId");
        if (group != null) {
            p.add(Trees.entry(
                    "SelfManagedKafkaEventSourceConfig",
                    group.keySpan(),
                    Trees.map(group.keySpan(), "ConsumerGroupId", group.value())));
        }
        Trees.copy(m, "startingPositionTimestamp", "StartingPositionTimestamp", p);
        filters(m, p);
        MapNode.Entry onFailure = m.entry("onFailureDestination");
        if (onFailure != null) {
            p.add(Trees.entry(
                    "DestinationConfig",
                    onFailure.keySpan(),
                    Trees.map(
                            onFailure.keySpan(),
                            "OnFailure",
                            Trees.map(onFailure.keySpan(), "Destination", onFailure.value()))));
        }
        String topic = text(m.get("topic"));
        x.add(x.resource(
                f.norm + "EventSourceMappingKafka" + cut(ServerlessExpander.alphaNumeric(topic), 158),
                "AWS::Lambda::EventSourceMapping",
                Trees.map(v.span(), p),
                s));
    }

    private void msk(Fn f, Span s, Node v, MapNode m) {
        Node arn = m == null ? null : m.get("arn");
        if (arn == null) {
            return;
        }
        List<MapNode.Entry> p = new ArrayList<>();
        p.add(Trees.entry("EventSourceArn", m.entry("arn").keySpan(), arn));
        p.add(Trees.entry("FunctionName", s, f.arn(s)));
        startingPosition(m, p, s);
        listOf(m, "topic", "Topics", p);
        Trees.copy(m, "startingPositionTimestamp", "StartingPositionTimestamp", p);
        batching(m, p);
        MapNode.Entry group = m.entry("consumerGroupId");
        if (group != null) {
            p.add(Trees.entry(
                    "AmazonManagedKafkaEventSourceConfig",
                    group.keySpan(),
                    Trees.map(group.keySpan(), "ConsumerGroupId", group.value())));
        }
        filters(m, p);
        String cluster = ServerlessExpander.alphaNumeric(ServerlessExpander.nameIn(arn, '/'));
        String topic = ServerlessExpander.alphaNumeric(text(m.get("topic")));
        x.add(x.resource(
                f.norm + "EventSourceMappingMSK" + cut(cluster, 79) + cut(topic, 79),
                "AWS::Lambda::EventSourceMapping",
                Trees.map(v.span(), p),
                s));
    }

    /** {@code activemq} and {@code rabbitmq}: an Amazon MQ broker and one queue. */
    private void broker(Fn f, Span s, Node v, MapNode m, String kind) {
        Node arn = m == null ? null : m.get("arn");
        if (arn == null) {
            return;
        }
        List<MapNode.Entry> p = new ArrayList<>();
        p.add(Trees.entry("FunctionName", s, f.arn(s)));
        p.add(Trees.entry("EventSourceArn", m.entry("arn").keySpan(), arn));
        listOf(m, "queue", "Queues", p);
        batching(m, p);
        filters(m, p);
        String queue = ServerlessExpander.alphaNumeric(text(m.get("queue")));
        x.add(x.resource(
                f.norm + "EventSourceMapping" + kind + cut(queue, 150),
                "AWS::Lambda::EventSourceMapping",
                Trees.map(v.span(), p),
                s));
    }

    /** {@code startingPosition}, else the framework's {@code TRIM_HORIZON}. */
    private static void startingPosition(MapNode m, List<MapNode.Entry> p, Span s) {
        MapNode.Entry sp = m.entry("startingPosition");
        p.add(
                sp != null
                        ? Trees.entry("StartingPosition", sp.keySpan(), sp.value())
                        : Trees.entry("StartingPosition", s, Trees.str(s, "TRIM_HORIZON")));
    }

    /** {@code batchSize}, {@code maximumBatchingWindow}, {@code enabled} when written (no framework default). */
    private static void batching(MapNode m, List<MapNode.Entry> p) {
        Trees.copy(m, "batchSize", "BatchSize", p);
        Trees.copy(m, "maximumBatchingWindow", "MaximumBatchingWindowInSeconds", p);
        Trees.copy(m, "enabled", "Enabled", p);
    }

    /** {@code filterPatterns} → {@code FilterCriteria.Filters[].Pattern}, for every polled event source. */
    static void filters(MapNode m, List<MapNode.Entry> p) {
        MapNode.Entry fp = m.entry("filterPatterns");
        if (fp != null && fp.value() instanceof ListNode patterns) {
            List<Node> filters = new ArrayList<>(patterns.size());
            for (Node pattern : patterns.items()) {
                filters.add(Trees.map(pattern.span(), "Pattern", pattern));
            }
            p.add(Trees.entry(
                    "FilterCriteria",
                    fp.keySpan(),
                    Trees.map(fp.keySpan(), "Filters", new ListNode(patterns.span(), filters))));
        }
    }

    /** A one-item list of {@code key}'s value under {@code cfnKey} ({@code topic} → {@code Topics}). */
    private static void listOf(MapNode m, String key, String cfnKey, List<MapNode.Entry> p) {
        MapNode.Entry e = m.entry(key);
        if (e != null) {
            p.add(Trees.entry(cfnKey, e.keySpan(), Trees.list(e.value().span(), e.value())));
        }
    }

    // ---- asynchronous invokers (CloudWatch Logs, IoT)

    private void cloudwatchLog(Fn f, Span s, Node v, MapNode m) {
        Node group = m != null ? m.get("logGroup") : v;
        if (group == null) {
            return;
        }
        int n = next(f, "cloudwatchLog");
        List<MapNode.Entry> p = new ArrayList<>();
        p.add(Trees.entry("LogGroupName", group.span(), group));
        MapNode.Entry filter = m == null ? null : m.entry("filter");
        p.add(
                filter != null
                        ? Trees.entry("FilterPattern", filter.keySpan(), filter.value())
                        : Trees.entry("FilterPattern", s, Trees.str(s, "")));
        p.add(Trees.entry("DestinationArn", s, f.arn(s)));
        x.add(x.resource(
                f.norm + "LogsSubscriptionFilterCloudWatchLog" + n,
                "AWS::Logs::SubscriptionFilter",
                Trees.map(v.span(), p),
                s));
    }

    /**
     * An IoT topic rule with one Lambda action. The framework has no key for the rule's
     * {@code ErrorAction}: one is added through {@code resources:} under the rule's logical id.
     */
    private void iot(Fn f, Span s, Node v, MapNode m) {
        if (m == null || m.get("sql") == null) {
            return;
        }
        int n = next(f, "iot");
        List<MapNode.Entry> payload = new ArrayList<>();
        MapNode.Entry en = m.entry("enabled");
        if (en != null && en.value() instanceof ScalarNode sc) {
            boolean off = sc.value().equalsIgnoreCase("false");
            payload.add(Trees.entry(
                    "RuleDisabled",
                    en.keySpan(),
                    new ScalarNode(sc.span(), Boolean.toString(off), ScalarNode.Kind.BOOL)));
        } else if (en == null) {
            payload.add(Trees.entry("RuleDisabled", s, new ScalarNode(s, "false", ScalarNode.Kind.BOOL)));
        }
        Trees.copy(m, "sql", "Sql", payload);
        payload.add(Trees.entry(
                "Actions", s, Trees.list(s, Trees.map(s, "Lambda", Trees.map(s, "FunctionArn", f.arn(s))))));
        Trees.copy(m, "sqlVersion", "AwsIotSqlVersion", payload);
        Trees.copy(m, "description", "Description", payload);
        List<MapNode.Entry> p = new ArrayList<>();
        p.add(Trees.entry("TopicRulePayload", s, Trees.map(m.span(), payload)));
        Trees.copy(m, "name", "RuleName", p);
        x.add(x.resource(f.norm + "IotTopicRule" + n, "AWS::IoT::TopicRule", Trees.map(m.span(), p), s));
    }

    // ---- synchronous invokers (Cognito, ALB, API Gateway)

    /** A trigger of a user pool the framework creates ({@code existing: true} pools are outside the template). */
    private void cognitoUserPool(Fn f, Span s, MapNode m) {
        Node pool = m == null ? null : m.get("pool");
        MapNode.Entry trigger = m == null ? null : m.entry("trigger");
        String source = trigger == null ? null : trigger.value().text();
        if (pool == null || source == null || "true".equalsIgnoreCase(m.getText("existing"))) {
            return;
        }
        String id = "CognitoUserPool" + ServerlessExpander.alphaNumeric(text(pool));
        poolNames.putIfAbsent(id, pool);
        poolSpans.putIfAbsent(id, s);
        Span ts = trigger.keySpan();
        MapNode.Entry version = m.entry("lambdaVersion");
        MapNode.Entry entry;
        if (CUSTOM_SENDERS.contains(source)) {
            Node v = version != null ? version.value() : Trees.str(ts, "V1_0");
            entry = Trees.entry(
                    source,
                    ts,
                    Trees.map(
                            ts, List.of(Trees.entry("LambdaArn", ts, f.arn(ts)), Trees.entry("LambdaVersion", ts, v))));
        } else if ("PreTokenGeneration".equals(source) && version != null) {
            entry = Trees.entry(
                    "PreTokenGenerationConfig",
                    ts,
                    Trees.map(
                            ts,
                            List.of(
                                    Trees.entry("LambdaArn", ts, f.arn(ts)),
                                    Trees.entry("LambdaVersion", version.keySpan(), version.value()))));
        } else {
            entry = Trees.entry(source, ts, f.arn(ts));
        }
        Trees.put(poolTriggers.computeIfAbsent(id, k -> new ArrayList<>()), entry);
    }

    /** A target group of the function behind a listener rule of an existing load balancer. */
    private void alb(Fn f, Span s, Node v, MapNode m) {
        Node listener = m == null ? null : m.get("listenerArn");
        if (listener == null) {
            return;
        }
        String albId = "";
        if (listener.text() != null) {
            Matcher matcher = ALB_LISTENER.matcher(listener.text());
            albId = matcher.matches() ? matcher.group(1) : "";
        } else if (listener instanceof IntrinsicNode in
                && in.is("Ref")
                && in.argument().text() != null) {
            albId = in.argument().text();
        }
        boolean multi = "true".equalsIgnoreCase(m.getText("multiValueHeaders"));
        String tg = f.norm + "Alb" + (multi ? "MultiValue" : "") + "TargetGroup" + albId;
        List<MapNode.Entry> p = new ArrayList<>();
        p.add(Trees.entry("TargetType", s, Trees.str(s, "lambda")));
        p.add(Trees.entry("Targets", s, Trees.list(s, Trees.map(s, "Id", f.arn(s)))));
        x.add(x.resource(tg, "AWS::ElasticLoadBalancingV2::TargetGroup", Trees.map(m.span(), p), s));
        List<MapNode.Entry> rule = new ArrayList<>();
        rule.add(Trees.entry(
                "Actions",
                s,
                Trees.list(
                        s,
                        Trees.map(
                                s,
                                List.of(
                                        Trees.entry("Type", s, Trees.str(s, "forward")),
                                        Trees.entry("TargetGroupArn", s, Trees.ref(s, tg)))))));
        rule.add(Trees.entry("ListenerArn", m.entry("listenerArn").keySpan(), listener));
        Trees.copy(m, "priority", "Priority", rule);
        x.add(x.resource(
                f.norm + "AlbListenerRule" + text(m.get("priority")),
                "AWS::ElasticLoadBalancingV2::ListenerRule",
                Trees.map(m.span(), rule),
                s));
    }

    /**
     * A REST API method with a Lambda integration ({@code lambda-proxy}, the default, or
     * {@code lambda}; {@code async: true} makes it a {@code lambda} integration that invokes with
     * {@code X-Amz-Invocation-Type: 'Event'}). Its {@code TimeoutInMillis}: the event's
     * {@code timeoutInMillis}, else {@code provider.apiGateway.timeoutInMillis}, else none (29 s).
     * HTTP, HTTP_PROXY and MOCK integrations do not call the function and are not modelled.
     */
    private void http(Fn f, Span s, Node v, MapNode m) {
        String method;
        String path;
        if (m != null) {
            method = m.getText("method");
            path = m.getText("path");
        } else {
            String text = v.text();
            if (text == null) {
                return;
            }
            String[] parts = text.split(" ", -1);
            method = parts[0];
            path = parts.length > 1 ? parts[1] : null;
        }
        boolean async = m != null && "true".equalsIgnoreCase(m.getText("async"));
        String type = integrationType(m == null ? null : m.getText("integration"), async);
        if (method == null || path == null || type == null) {
            return; // not known statically, or an integration that does not invoke the function
        }
        path = path.replaceAll("^/", "").replaceAll("/$", "");
        MapNode apiGateway = x.provider.getMap("apiGateway");
        Node restApiId = apiGateway == null ? null : apiGateway.get("restApiId");
        List<MapNode.Entry> integration = new ArrayList<>();
        integration.add(Trees.entry("IntegrationHttpMethod", s, Trees.str(s, "POST")));
        integration.add(Trees.entry("Type", s, Trees.str(s, type)));
        MapNode.Entry timeout = m == null ? null : m.entry("timeoutInMillis");
        if (timeout == null && apiGateway != null) {
            timeout = apiGateway.entry("timeoutInMillis");
        }
        if (timeout != null) {
            integration.add(Trees.entry("TimeoutInMillis", timeout.keySpan(), timeout.value()));
        }
        integration.add(Trees.entry("Uri", s, invocationUri(s, f)));
        if (async) {
            MapNode.Entry ae = m.entry("async");
            integration.add(Trees.entry(
                    "RequestParameters",
                    ae.keySpan(),
                    Trees.map(
                            ae.keySpan(),
                            "integration.request.header.X-Amz-Invocation-Type",
                            Trees.str(ae.value().span(), "'Event'"))));
        }
        List<MapNode.Entry> p = new ArrayList<>();
        p.add(Trees.entry("HttpMethod", s, Trees.str(s, method.toUpperCase(Locale.ROOT))));
        p.add(Trees.entry("RestApiId", s, restApiId != null ? restApiId : Trees.ref(s, "ApiGatewayRestApi")));
        p.add(Trees.entry("Integration", s, Trees.map(s, integration)));
        x.add(x.resource(
                "ApiGatewayMethod" + normalizedPath(path) + upperFirst(method.toLowerCase(Locale.ROOT)),
                "AWS::ApiGateway::Method",
                Trees.map(v.span(), p),
                s));
    }

    /** The framework's integration type: {@code AWS_PROXY}, {@code AWS}, or null when it does not invoke Lambda. */
    private static String integrationType(String written, boolean async) {
        if (written == null) {
            return async ? "AWS" : "AWS_PROXY";
        }
        String t = written.toUpperCase(Locale.ROOT).replaceFirst("-", "_");
        t = switch (t) {
            case "LAMBDA" -> "AWS";
            case "LAMBDA_PROXY" -> "AWS_PROXY";
            default -> t;
        };
        return t.equals("AWS") || t.equals("AWS_PROXY") ? t : null;
    }

    /** An HTTP API integration (always 30 s) and its route. */
    private void httpApi(Fn f, Span s, Node v, MapNode m) {
        String routeKey = null;
        if (m != null) {
            String method = m.getText("method");
            String path = m.getText("path");
            if ("*".equals(path)) {
                routeKey = "*";
            } else if (method != null && path != null) {
                String upper = method.toUpperCase(Locale.ROOT);
                routeKey = (upper.equals("*") ? "ANY" : upper) + " " + path;
            }
        } else if (v.text() != null) {
            Matcher matcher = HTTP_API_ROUTE.matcher(v.text());
            if (v.text().equals("*")) {
                routeKey = "*";
            } else if (matcher.matches()) {
                String upper = matcher.group(1).toUpperCase(Locale.ROOT);
                routeKey = (upper.equals("*") ? "ANY" : upper) + " " + matcher.group(2);
            }
        }
        MapNode httpApi = x.provider.getMap("httpApi");
        Node apiId = httpApi == null ? null : httpApi.get("id");
        Node api = apiId != null ? apiId : Trees.ref(s, "HttpApi");
        String integrationId = "HttpApiIntegration" + f.norm;
        List<MapNode.Entry> p = new ArrayList<>();
        p.add(Trees.entry("ApiId", s, api));
        p.add(Trees.entry("IntegrationType", s, Trees.str(s, "AWS_PROXY")));
        p.add(Trees.entry("IntegrationUri", s, f.arn(s)));
        MapNode.Entry payload = httpApi == null ? null : httpApi.entry("payload");
        p.add(
                payload != null
                        ? Trees.entry("PayloadFormatVersion", payload.keySpan(), payload.value())
                        : Trees.entry("PayloadFormatVersion", s, Trees.str(s, "2.0")));
        p.add(Trees.entry(
                "TimeoutInMillis", s, new ScalarNode(s, Integer.toString(HTTP_API_TIMEOUT_MS), ScalarNode.Kind.INT)));
        x.add(x.resource(integrationId, "AWS::ApiGatewayV2::Integration", Trees.map(v.span(), p), s));
        if (routeKey == null) {
            return;
        }
        List<MapNode.Entry> r = new ArrayList<>();
        r.add(Trees.entry("ApiId", s, api));
        r.add(Trees.entry("RouteKey", s, Trees.str(s, routeKey.equals("*") ? "$default" : routeKey)));
        r.add(Trees.entry("Target", s, integrationTarget(s, integrationId)));
        x.add(x.resource(
                routeKey.equals("*") ? "HttpApiRouteDefault" : "HttpApiRoute" + normalizedPath(routeKey),
                "AWS::ApiGatewayV2::Route",
                Trees.map(v.span(), r),
                s));
    }

    /** A WebSocket route, its Lambda proxy integration, and its route response when one is selected. */
    private void websocket(Fn f, Span s, Node v, MapNode m) {
        Node route = m != null ? m.get("route") : v;
        if (route == null) {
            return;
        }
        MapNode apiGateway = x.provider.getMap("apiGateway");
        Node apiId = apiGateway == null ? null : apiGateway.get("websocketApiId");
        Node api = apiId != null ? apiId : Trees.ref(s, "WebsocketsApi");
        String integrationId = f.norm + "WebsocketsIntegration";
        List<MapNode.Entry> p = new ArrayList<>();
        p.add(Trees.entry("ApiId", s, api));
        p.add(Trees.entry("IntegrationType", s, Trees.str(s, "AWS_PROXY")));
        p.add(Trees.entry("IntegrationUri", s, invocationUri(s, f)));
        x.add(x.resource(integrationId, "AWS::ApiGatewayV2::Integration", Trees.map(v.span(), p), s));
        String routeId = websocketRouteKey(text(route)) + "WebsocketsRoute";
        List<MapNode.Entry> r = new ArrayList<>();
        r.add(Trees.entry("ApiId", s, api));
        r.add(Trees.entry("RouteKey", route.span(), route));
        r.add(Trees.entry("AuthorizationType", s, Trees.str(s, "NONE")));
        r.add(Trees.entry("Target", s, integrationTarget(s, integrationId)));
        MapNode.Entry selection = m == null ? null : m.entry("routeResponseSelectionExpression");
        if (selection != null) {
            r.add(Trees.entry("RouteResponseSelectionExpression", selection.keySpan(), selection.value()));
        }
        x.add(x.resource(routeId, "AWS::ApiGatewayV2::Route", Trees.map(v.span(), r), s));
        if (selection != null) {
            List<MapNode.Entry> rr = new ArrayList<>();
            rr.add(Trees.entry("ApiId", s, api));
            rr.add(Trees.entry("RouteId", selection.keySpan(), Trees.ref(selection.keySpan(), routeId)));
            rr.add(Trees.entry("RouteResponseKey", selection.keySpan(), Trees.str(selection.keySpan(), "$default")));
            x.add(x.resource(
                    routeId + "Response",
                    "AWS::ApiGatewayV2::RouteResponse",
                    Trees.map(selection.keySpan(), rr),
                    selection.keySpan()));
        }
    }

    /** {@code arn:${Partition}:apigateway:${Region}:lambda:path/2015-03-31/functions/<fn arn>/invocations}, as a join. */
    private static Node invocationUri(Span s, Fn f) {
        return new IntrinsicNode(
                s,
                "Fn::Join",
                Trees.list(
                        s,
                        Trees.str(s, ""),
                        Trees.list(
                                s,
                                Trees.str(s, "arn:"),
                                Trees.ref(s, "AWS::Partition"),
                                Trees.str(s, ":apigateway:"),
                                Trees.ref(s, "AWS::Region"),
                                Trees.str(s, ":lambda:path/2015-03-31/functions/"),
                                f.arn(s),
                                Trees.str(s, "/invocations"))));
    }

    /** {@code integrations/<integration id>}, as the framework joins it. */
    private static Node integrationTarget(Span s, String integrationId) {
        return new IntrinsicNode(
                s,
                "Fn::Join",
                Trees.list(
                        s,
                        Trees.str(s, "/"),
                        Trees.list(s, Trees.str(s, "integrations"), Trees.ref(s, integrationId))));
    }

    // ---- naming

    /** The framework's path normalization ({@code users/{id}/order-items} → {@code UsersIdVarOrderDashitems}). */
    static String normalizedPath(String path) {
        StringBuilder b = new StringBuilder();
        for (String part : path.split("/", -1)) {
            String t = part.toLowerCase(Locale.ROOT)
                    .replace("-", "Dash")
                    .replaceAll("\\{(.*)\\}", "$1Var")
                    .replaceAll("[^0-9A-Za-z]", "");
            b.append(upperFirst(t));
        }
        return b.toString();
    }

    /** {@code $connect} → {@code Sconnect}, {@code a/b-c_d.e} → {@code aSlashbDashcUnderscoredPeriode}. */
    static String websocketRouteKey(String route) {
        return route.replace("$", "S")
                .replace("/", "Slash")
                .replace("-", "Dash")
                .replace("_", "Underscore")
                .replace(".", "Period");
    }

    private static String upperFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    /** The literal text of a value, else the empty string (an unresolved variable names nothing). */
    private static String text(Node n) {
        return n == null || n.text() == null ? "" : n.text();
    }
}
