package dev.faultline.core.graph;

import dev.faultline.core.eval.JsonDocuments;
import dev.faultline.core.eval.SubTexts;
import dev.faultline.core.eval.Value;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Adds the typed edges of one node from its CloudFormation-shaped properties. Raw resources and
 * SAM's implied nodes go through the same code, which is why a rule sees both alike.
 */
final class Linker {

    private static final Set<NodeKind> INVOCABLE = EnumSet.of(NodeKind.FUNCTION, NodeKind.STATE_MACHINE);
    private static final Set<NodeKind> FUNCTIONS = EnumSet.of(NodeKind.FUNCTION);
    private static final List<String> COGNITO_TRIGGERS = List.of(
            "CreateAuthChallenge",
            "CustomEmailSender",
            "CustomMessage",
            "CustomSMSSender",
            "DefineAuthChallenge",
            "PostAuthentication",
            "PostConfirmation",
            "PreAuthentication",
            "PreSignUp",
            "PreTokenGeneration",
            "PreTokenGenerationConfig",
            "UserMigration",
            "VerifyAuthChallengeResponse");

    private final ResourceGraph g;
    private final Resolver r;

    Linker(ResourceGraph g, Resolver r) {
        this.g = g;
        this.r = r;
    }

    void link(GraphNode n) {
        MapNode p = n.properties();
        switch (n.kind()) {
            case FUNCTION -> failsTo(n, p.path("DeadLetterConfig", "TargetArn"), null);
            case EVENT_INVOKE_CONFIG -> eventInvokeConfig(n, p);
            case EVENT_SOURCE_MAPPING -> {
                Node src = p.get("EventSourceArn");
                List<GraphNode> sources = r.nodes(src);
                EventSource source = EventSource.of(n, g, r.evaluator(), sources);
                g.addEventSource(source);
                for (GraphNode s : sources) {
                    if (s != n) {
                        g.connect(
                                new Edge(EdgeKind.CONSUMES, s, n, InvocationMode.NONE, src.span(), null, null, source));
                    }
                }
                invoke(
                        n,
                        p.get("FunctionName"),
                        InvocationMode.POLL,
                        FUNCTIONS,
                        evidence(n, "FunctionName", "event source mapping", null));
                failsTo(n, p.path("DestinationConfig", "OnFailure", "Destination"), null);
                succeedsTo(n, p.path("DestinationConfig", "OnSuccess", "Destination"), null);
            }
            case QUEUE -> redrive(n, p.get("RedrivePolicy"));
            case QUEUE_POLICY -> configuresEach(n, p.get("Queues"));
            case TOPIC_POLICY -> configuresEach(n, p.get("Topics"));
            case TOPIC -> {
                ListNode subs = p.getList("Subscription");
                if (subs != null) {
                    for (int i = 0; i < subs.size(); i++) {
                        if (subs.get(i) instanceof MapNode sm && isLambdaProtocol(sm.get("Protocol"))) {
                            invoke(
                                    n,
                                    sm.get("Endpoint"),
                                    InvocationMode.ASYNC,
                                    FUNCTIONS,
                                    evidence(n, "Subscription/" + i, "SNS topic subscription (lambda)", null));
                        }
                    }
                }
            }
            case SUBSCRIPTION -> {
                Node topic = p.get("TopicArn");
                for (GraphNode tn : r.nodes(topic)) {
                    connect(EdgeKind.SUBSCRIBES, n, tn, topic, InvocationMode.NONE, null);
                }
                if (isLambdaProtocol(p.get("Protocol"))) {
                    invoke(
                            n,
                            p.get("Endpoint"),
                            InvocationMode.ASYNC,
                            FUNCTIONS,
                            evidence(n, "Endpoint", "SNS subscription (lambda)", null));
                }
                redrive(n, p.get("RedrivePolicy"));
            }
            case EVENT_RULE -> {
                Node bus = p.get("EventBusName");
                for (GraphNode b : r.nodes(bus)) {
                    if (b.kind() == NodeKind.EVENT_BUS) {
                        connect(EdgeKind.SUBSCRIBES, n, b, bus, InvocationMode.NONE, null);
                    }
                }
                ListNode targets = p.getList("Targets");
                if (targets != null) {
                    for (int i = 0; i < targets.size(); i++) {
                        if (targets.get(i) instanceof MapNode tm) {
                            invoke(
                                    n,
                                    tm.get("Arn"),
                                    InvocationMode.ASYNC,
                                    INVOCABLE,
                                    evidence(n, "Targets/" + i + "/Arn", "EventBridge rule target", null));
                            failsTo(n, tm.path("DeadLetterConfig", "Arn"), null);
                        }
                    }
                }
            }
            case SCHEDULE -> {
                invoke(
                        n,
                        p.path("Target", "Arn"),
                        InvocationMode.ASYNC,
                        INVOCABLE,
                        evidence(n, "Target/Arn", "EventBridge Scheduler target", null));
                failsTo(n, p.path("Target", "DeadLetterConfig", "Arn"), null);
            }
            case PIPE -> pipe(n, p);
            case EVENT_BUS -> failsTo(n, p.path("DeadLetterConfig", "Arn"), null);
            case BUCKET -> {
                Node lcs = p.path("NotificationConfiguration", "LambdaConfigurations");
                if (lcs instanceof ListNode l) {
                    for (int i = 0; i < l.size(); i++) {
                        for (MapNode cm : branches(l.get(i))) {
                            invoke(
                                    n,
                                    cm.get("Function"),
                                    InvocationMode.ASYNC,
                                    FUNCTIONS,
                                    evidence(
                                            n,
                                            "NotificationConfiguration/LambdaConfigurations/" + i,
                                            "S3 notification",
                                            null));
                        }
                    }
                }
            }
            case LOG_SUBSCRIPTION ->
                invoke(
                        n,
                        p.get("DestinationArn"),
                        InvocationMode.ASYNC,
                        FUNCTIONS,
                        evidence(n, "DestinationArn", "CloudWatch Logs subscription filter", null));
            case IOT_RULE -> {
                Node actions = p.path("TopicRulePayload", "Actions");
                if (actions instanceof ListNode l) {
                    for (int i = 0; i < l.size(); i++) {
                        if (l.get(i) instanceof MapNode am) {
                            String at = "TopicRulePayload/Actions/" + i;
                            invoke(
                                    n,
                                    am.path("Lambda", "FunctionArn"),
                                    InvocationMode.ASYNC,
                                    FUNCTIONS,
                                    evidence(n, at + "/Lambda", "IoT rule action", null));
                            invoke(
                                    n,
                                    am.path("StepFunctions", "StateMachineName"),
                                    InvocationMode.ASYNC,
                                    EnumSet.of(NodeKind.STATE_MACHINE),
                                    evidence(n, at + "/StepFunctions", "IoT rule action", null));
                        }
                    }
                }
                Node err = p.path("TopicRulePayload", "ErrorAction");
                if (err instanceof MapNode em) {
                    for (MapNode.Entry e : em.entries()) {
                        if (e.value() instanceof MapNode action) {
                            for (MapNode.Entry f : action.entries()) {
                                if (!f.key().equals("RoleArn")) {
                                    failsTo(n, f.value(), null);
                                }
                            }
                        }
                    }
                }
            }
            case API_METHOD -> {
                MapNode integration = p.getMap("Integration");
                if (integration != null) {
                    apiInvoke(
                            n,
                            "Uri",
                            integration,
                            "Integration/",
                            integration.get("RequestParameters"),
                            integration.get("ResponseTransferMode"),
                            true);
                }
            }
            case API_INTEGRATION ->
                apiInvoke(
                        n,
                        "IntegrationUri",
                        p,
                        "",
                        p.get("RequestParameters"),
                        p.get("ResponseTransferMode"),
                        !oneWayWebSocket(n));
            case REST_API, HTTP_API -> {
                invoke(
                        n,
                        p.get("Target"),
                        InvocationMode.SYNC,
                        FUNCTIONS,
                        evidence(n, "Target", "API Gateway quick-create integration", null));
                openApi(
                        n,
                        p.get("Body"),
                        0,
                        n.resource() != null
                                        && SamExpander.isSamType(n.resource().type())
                                ? "DefinitionBody"
                                : "Body");
            }
            case LOAD_BALANCER_TARGET_GROUP -> {
                ListNode targets = p.getList("Targets");
                if (targets != null && "lambda".equalsIgnoreCase(p.getText("TargetType"))) {
                    for (int i = 0; i < targets.size(); i++) {
                        if (targets.get(i) instanceof MapNode tm) {
                            invoke(
                                    n,
                                    tm.get("Id"),
                                    InvocationMode.SYNC,
                                    FUNCTIONS,
                                    evidence(n, "Targets/" + i + "/Id", "load balancer target group", null));
                        }
                    }
                }
            }
            case USER_POOL -> {
                MapNode lc = p.getMap("LambdaConfig");
                if (lc != null) {
                    for (String k : COGNITO_TRIGGERS) {
                        Node v = lc.get(k);
                        Evidence ev = evidence(n, "LambdaConfig/" + k, "Cognito user pool trigger", null);
                        if (v instanceof MapNode vm) {
                            invoke(n, vm.get("LambdaArn"), InvocationMode.SYNC, FUNCTIONS, ev);
                        } else {
                            invoke(n, v, InvocationMode.SYNC, FUNCTIONS, ev);
                        }
                    }
                }
            }
            case APPSYNC_DATA_SOURCE ->
                invoke(
                        n,
                        p.path("LambdaConfig", "LambdaFunctionArn"),
                        InvocationMode.SYNC,
                        FUNCTIONS,
                        evidence(n, "LambdaConfig/LambdaFunctionArn", "AppSync data source", null));
            case ALARM -> alarm(n, p);
            case CUSTOM_RESOURCE -> {
                invoke(
                        n,
                        p.get("ServiceToken"),
                        InvocationMode.ASYNC,
                        FUNCTIONS,
                        evidence(n, "ServiceToken", "CloudFormation custom resource", null));
                if ("Custom::S3BucketNotifications".equals(n.type())) {
                    cdkBucketNotifications(n, p);
                }
            }
            case PERMISSION -> permission(n, p);
            case OTHER -> {
                switch (n.type()) {
                    case "AWS::Lambda::Url" ->
                        invoke(
                                n,
                                p.get("TargetFunctionArn"),
                                InvocationMode.SYNC,
                                FUNCTIONS,
                                evidence(n, "TargetFunctionArn", "Lambda function URL", null));
                    case "AWS::SecretsManager::RotationSchedule" ->
                        invoke(
                                n,
                                p.get("RotationLambdaARN"),
                                InvocationMode.SYNC,
                                FUNCTIONS,
                                evidence(n, "RotationLambdaARN", "Secrets Manager rotation", null));
                    case "AWS::SES::ReceiptRule" -> sesReceiptRule(n, p);
                    case "AWS::Logs::AccountPolicy" -> logsAccountPolicy(n, p);
                    default -> {
                        // no typed edges
                    }
                }
            }
            default -> {
                // no typed edges
            }
        }
    }

    /** An invocation the SAM expander found, whose source is resolved now. */
    void linkPending(SamExpander.Pending pe) {
        List<GraphNode> sources = pe.from() != null ? List.of(pe.from()) : r.nodes(pe.fromRef());
        for (GraphNode s : sources) {
            if (s != pe.target()) {
                g.connect(new Edge(
                        EdgeKind.INVOKES,
                        s,
                        pe.target(),
                        pe.mode(),
                        pe.span(),
                        pe.qualifier(),
                        settled(pe.evidence(), pe.mode())));
            }
        }
    }

    private void eventInvokeConfig(GraphNode n, MapNode p) {
        Node fnRef = p.get("FunctionName");
        Node qNode = p.get("Qualifier");
        String q = null;
        if (qNode != null) {
            Value qv = r.evaluator().eval(qNode);
            q = qv.asString().orElse(Edge.UNKNOWN_QUALIFIER);
        }
        List<GraphNode> fns = new ArrayList<>(1);
        for (Resolver.Target x : r.resolve(fnRef)) {
            if (x.node().kind() == NodeKind.FUNCTION) {
                fns.add(x.node());
                connect(EdgeKind.CONFIGURES, n, x.node(), fnRef, InvocationMode.NONE, q);
            }
        }
        Node onFailure = p.path("DestinationConfig", "OnFailure", "Destination");
        Node onSuccess = p.path("DestinationConfig", "OnSuccess", "Destination");
        failsTo(n, onFailure, null);
        succeedsTo(n, onSuccess, null);
        for (GraphNode fn : fns) {
            failsTo(fn, onFailure, q);
            succeedsTo(fn, onSuccess, q);
        }
    }

    private void pipe(GraphNode n, MapNode p) {
        Node src = p.get("Source");
        for (GraphNode s : r.nodes(src)) {
            connect(EdgeKind.CONSUMES, s, n, src, InvocationMode.NONE, null);
        }
        Node tp = p.get("TargetParameters");
        String it = null;
        if (tp instanceof MapNode tpm) {
            Node lit = tpm.path("LambdaFunctionParameters", "InvocationType");
            Node sit = tpm.path("StepFunctionStateMachineParameters", "InvocationType");
            it = r.evaluator().eval(lit != null ? lit : sit).asString().orElse(null);
        }
        InvocationMode mode = "FIRE_AND_FORGET".equals(it) ? InvocationMode.ASYNC : InvocationMode.SYNC;
        invoke(
                n,
                p.get("Target"),
                mode,
                INVOCABLE,
                mode == InvocationMode.ASYNC
                        ? evidence(n, "TargetParameters", "pipe target with InvocationType FIRE_AND_FORGET", null)
                        : evidence(n, "Target", "pipe target (REQUEST_RESPONSE)", null));
        MapNode sp = p.getMap("SourceParameters");
        if (sp != null) {
            for (MapNode.Entry e : sp.entries()) {
                if (e.value() instanceof MapNode m) {
                    failsTo(n, m.path("DeadLetterConfig", "Arn"), null);
                }
            }
        }
    }

    private void alarm(GraphNode n, MapNode p) {
        dimensions(n, p.get("Dimensions"));
        Node metrics = p.get("Metrics");
        if (metrics instanceof ListNode l) {
            for (Node m : l.items()) {
                if (m instanceof MapNode mm) {
                    dimensions(n, mm.path("MetricStat", "Metric", "Dimensions"));
                }
            }
        }
    }

    private void dimensions(GraphNode n, Node dims) {
        if (!(dims instanceof ListNode l)) {
            return;
        }
        for (Node d : l.items()) {
            if (!(d instanceof MapNode dm)) {
                continue;
            }
            String name = dm.getText("Name");
            if (name == null) {
                continue;
            }
            Set<NodeKind> kinds = switch (name) {
                case "QueueName" -> EnumSet.of(NodeKind.QUEUE);
                case "FunctionName" -> EnumSet.of(NodeKind.FUNCTION);
                case "TopicName" -> EnumSet.of(NodeKind.TOPIC);
                case "StateMachineArn" -> EnumSet.of(NodeKind.STATE_MACHINE);
                case "RuleName" -> EnumSet.of(NodeKind.EVENT_RULE);
                case "StreamName" -> EnumSet.of(NodeKind.STREAM);
                case "TableName" -> EnumSet.of(NodeKind.TABLE);
                default -> null;
            };
            if (kinds == null) {
                continue;
            }
            Node v = dm.get("Value");
            for (GraphNode x : r.nodes(v)) {
                if (kinds.contains(x.kind())) {
                    connect(EdgeKind.ALARMS, n, x, v, InvocationMode.NONE, null);
                }
            }
        }
    }

    /** {@code x-amazon-apigateway-integration.uri} anywhere in an OpenAPI body. */
    private void openApi(GraphNode n, Node body, int depth, String path) {
        if (openApiPath == null) {
            openApiPath = new Object[16];
        }
        openApiPath[0] = path;
        openApi(n, body, depth, 1);
    }

    /** The segments of the path {@link #openApi} has reached: its start, then keys and list indexes. */
    private Object[] openApiPath;

    /**
     * Walks an OpenAPI body whose path is the first {@code length} segments of {@link #openApiPath}
     * (overwritten as the walk goes; joined only at an integration, the one place a path is reported).
     */
    private void openApi(GraphNode n, Node body, int depth, int length) {
        if (body == null || depth > 12) {
            return;
        }
        if (length == openApiPath.length) {
            openApiPath = java.util.Arrays.copyOf(openApiPath, length * 2);
        }
        if (body instanceof MapNode m) {
            for (MapNode.Entry e : m.entries()) {
                if (!(e.value() instanceof MapNode) && !(e.value() instanceof ListNode)) {
                    continue; // nothing below a scalar or an intrinsic
                }
                openApiPath[length] = e.key();
                if (e.key().equals("x-amazon-apigateway-integration") && e.value() instanceof MapNode im) {
                    apiInvoke(
                            n,
                            "uri",
                            im,
                            joinOpenApiPath(length + 1) + "/",
                            im.get("requestParameters"),
                            im.get("responseTransferMode"),
                            true);
                } else {
                    openApi(n, e.value(), depth + 1, length + 1);
                }
            }
        } else if (body instanceof ListNode l) {
            for (int i = 0; i < l.size(); i++) {
                if (l.get(i) instanceof MapNode || l.get(i) instanceof ListNode) {
                    openApiPath[length] = i;
                    openApi(n, l.get(i), depth + 1, length + 1);
                }
            }
        }
    }

    private String joinOpenApiPath(int length) {
        StringBuilder sb = new StringBuilder().append(openApiPath[0]);
        for (int k = 1; k < length; k++) {
            sb.append('/').append(openApiPath[k]);
        }
        return sb.toString();
    }

    /**
     * An API Gateway integration that invokes a function: synchronous, unless its request parameters
     * set the {@code X-Amz-Invocation-Type} header to {@code 'Event'} (asynchronous: API Gateway
     * answers at once) or to a value chosen per request (mode not known: no client is assumed to
     * wait); a response-streaming integration ({@code ResponseTransferMode: STREAM}, a
     * {@code response-streaming-invocations} URI) and a one-way WebSocket route are not held to the
     * integration timeout.
     */
    private void apiInvoke(
            GraphNode n,
            String uriKey,
            MapNode integration,
            String prefix,
            Node params,
            Node transfer,
            boolean twoWay) {
        Node uri = integration.get(uriKey);
        if (uri == null) {
            return;
        }
        InvocationMode mode = InvocationMode.SYNC;
        boolean awaited = twoWay;
        String property = prefix + uriKey;
        String fact = twoWay ? "API Gateway integration" : "one-way WebSocket route (no route response)";
        MapNode.Entry header = invocationTypeHeader(params);
        if (header != null) {
            property =
                    prefix + (!prefix.contains("Body/") ? "RequestParameters/" : "requestParameters/") + header.key();
            String v = r.evaluator()
                    .eval(header.value())
                    .asString()
                    .map(Linker::unquote)
                    .orElse(null);
            if ("Event".equalsIgnoreCase(v)) {
                mode = InvocationMode.ASYNC;
                awaited = false;
                fact = "X-Amz-Invocation-Type 'Event'";
            } else if (!"RequestResponse".equalsIgnoreCase(v)) {
                mode = InvocationMode.UNKNOWN;
                awaited = false;
                fact = "X-Amz-Invocation-Type set per request";
            }
        }
        if (mode == InvocationMode.SYNC
                && (r.evaluator().eval(transfer).knownStrings().contains("STREAM")
                        || textOf(uri).contains("response-streaming-invocations"))) {
            awaited = false;
            fact = "response-streaming integration";
            property = transfer != null
                    ? prefix + (prefix.contains("Body/") ? "responseTransferMode" : "ResponseTransferMode")
                    : property;
        }
        String path = n.implied() ? n.logicalPath() : n.logicalPath() + "/Properties/" + property;
        invoke(n, uri, mode, FUNCTIONS, new Evidence(path, fact, awaited, integration));
    }

    /** The {@code integration.request.header.X-Amz-Invocation-Type} entry of request parameters, or null. */
    private static MapNode.Entry invocationTypeHeader(Node params) {
        if (params instanceof MapNode m) {
            for (MapNode.Entry e : m.entries()) {
                if (e.key().equalsIgnoreCase("integration.request.header.X-Amz-Invocation-Type")) {
                    return e;
                }
            }
        }
        return null;
    }

    private static String unquote(String s) {
        String t = s.trim();
        return t.length() >= 2 && t.startsWith("'") && t.endsWith("'") ? t.substring(1, t.length() - 1) : t;
    }

    /** The literal text of a scalar or {@code Fn::Sub}, else the empty string. */
    private static String textOf(Node n) {
        if (n instanceof IntrinsicNode in && in.is("Fn::Sub")) {
            Node arg = in.argument();
            Node text = arg instanceof ListNode l && l.size() > 0 ? l.get(0) : arg;
            return text == null || text.text() == null ? "" : text.text();
        }
        return n == null || n.text() == null ? "" : n.text();
    }

    /**
     * Whether a WebSocket API integration is reached only through one-way routes: routes that name
     * it in their {@code Target} and have neither a {@code RouteResponseSelectionExpression} nor an
     * {@code AWS::ApiGatewayV2::RouteResponse}, and are not {@code $connect} (the connection is accepted only
     * when its integration answers). False when the API is not WebSocket or no route is found.
     */
    private boolean oneWayWebSocket(GraphNode integration) {
        boolean webSocket = false;
        for (GraphNode api : r.nodes(integration.property("ApiId"))) {
            webSocket |= api.kind() == NodeKind.WEBSOCKET_API
                    || r.evaluator()
                            .eval(api.property("ProtocolType"))
                            .knownStrings()
                            .contains("WEBSOCKET");
        }
        if (!webSocket) {
            return false;
        }
        List<GraphNode> routes = new ArrayList<>(2);
        List<GraphNode> responses = new ArrayList<>(2);
        for (GraphNode x : g.nodesOf(integration.template())) {
            if (x.kind() == NodeKind.API_ROUTE && r.nodes(x.property("Target")).contains(integration)) {
                routes.add(x);
            } else if ("AWS::ApiGatewayV2::RouteResponse".equals(x.type())) {
                responses.add(x);
            }
        }
        if (routes.isEmpty()) {
            return false;
        }
        for (GraphNode route : routes) {
            if (route.property("RouteResponseSelectionExpression") != null
                    || r.evaluator()
                            .eval(route.property("RouteKey"))
                            .knownStrings()
                            .contains("$connect")) {
                return false; // a route response, or $connect: the client's handshake waits for the integration
            }
            for (GraphNode rr : responses) {
                if (r.nodes(rr.property("RouteId")).contains(route)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** CDK's {@code Custom::S3BucketNotifications}: the bucket (or the custom resource) invokes asynchronously. */
    private void cdkBucketNotifications(GraphNode n, MapNode p) {
        Node lcs = p.path("NotificationConfiguration", "LambdaFunctionConfigurations");
        if (!(lcs instanceof ListNode l)) {
            return;
        }
        List<GraphNode> buckets = new ArrayList<>(1);
        for (GraphNode b : r.nodes(p.get("BucketName"))) {
            if (b.kind() == NodeKind.BUCKET) {
                buckets.add(b);
            }
        }
        for (int i = 0; i < l.size(); i++) {
            if (l.get(i) instanceof MapNode cm) {
                Evidence ev = evidence(
                        n,
                        "NotificationConfiguration/LambdaFunctionConfigurations/" + i,
                        "S3 notification (CDK Custom::S3BucketNotifications)",
                        null);
                for (GraphNode from : buckets.isEmpty() ? List.of(n) : buckets) {
                    invoke(from, cm.get("LambdaFunctionArn"), InvocationMode.ASYNC, FUNCTIONS, ev);
                }
            }
        }
    }

    /**
     * A permission names the function it applies to; when it lets an asynchronous service (SNS,
     * EventBridge, Scheduler, S3, CloudWatch Logs, IoT, SES) invoke the function from a source that is
     * not in the template (no {@code SourceArn}, or one that names no resource of the template), the
     * permission stands for an invoker the graph cannot see: an asynchronous edge from the permission.
     */
    private void permission(GraphNode n, MapNode p) {
        Node fn = p.get("FunctionName");
        List<Resolver.Target> targets = r.resolve(fn);
        for (Resolver.Target x : targets) {
            connect(EdgeKind.CONFIGURES, n, x.node(), fn, InvocationMode.NONE, x.qualifier());
        }
        Value action = r.evaluator().eval(p.get("Action"));
        if (!action.isUnknown()
                && !action.knownStrings().contains("lambda:InvokeFunction")
                && !action.knownStrings().contains("lambda:*")) {
            return;
        }
        Node source = p.get("SourceArn");
        if (source != null && !r.nodes(source).isEmpty()) {
            return; // the source is in the template: its own edge says how it invokes
        }
        List<String> principals = r.evaluator().eval(p.get("Principal")).knownStrings();
        if (principals.isEmpty() || !SYNC_SERVICES.containsAll(principals)) {
            for (Resolver.Target x : targets) {
                if (x.node().kind() == NodeKind.FUNCTION) {
                    g.addOutsideInvoker(
                            x.node(),
                            "permission '" + n.name() + "' for "
                                    + (principals.isEmpty()
                                            ? "a principal not known statically"
                                            : String.join(", ", principals)));
                }
            }
        }
        String service = asyncServicePrincipal(p.get("Principal"));
        if (service == null || action.isUnknown()) {
            return;
        }
        Evidence ev = evidence(n, "Principal", "permission for " + service + " from outside the template", null);
        Node principal = p.get("Principal");
        for (Resolver.Target x : targets) {
            if (x.node().kind() == NodeKind.FUNCTION && x.node() != n) {
                unseen.add(new Edge(
                        EdgeKind.INVOKES,
                        n,
                        x.node(),
                        InvocationMode.ASYNC,
                        principal == null ? n.span() : principal.span(),
                        x.qualifier(),
                        settled(ev, InvocationMode.ASYNC)));
            }
        }
    }

    /** The unseen asynchronous invocations that permissions stand for, added once every other edge exists. */
    private final List<Edge> unseen = new ArrayList<>(0);

    /**
     * Adds the unseen invocations of the permissions linked by this linker, for functions that no
     * resource of the templates invokes asynchronously (a permission without {@code SourceArn} next to
     * a bucket or topic of the template stands for that invoker, which has its own edge).
     */
    void linkUnseen() {
        for (Edge e : unseen) {
            boolean seen = false;
            for (Edge in : g.incoming(e.to(), EdgeKind.INVOKES)) {
                seen |= in.mode() == InvocationMode.ASYNC && in.from().kind() != NodeKind.PERMISSION;
            }
            if (!seen) {
                g.connect(e);
            }
        }
    }

    /** A list item, or both branches of an {@code Fn::If} item, as maps. */
    private static List<MapNode> branches(Node item) {
        if (item instanceof MapNode m) {
            return List.of(m);
        }
        if (item instanceof IntrinsicNode in
                && in.is("Fn::If")
                && in.argument() instanceof ListNode l
                && l.size() == 3) {
            List<MapNode> out = new ArrayList<>(2);
            for (int i = 1; i < 3; i++) {
                if (l.get(i) instanceof MapNode m) {
                    out.add(m);
                }
            }
            return out;
        }
        return List.of();
    }

    /** Service principals that only invoke request-response (their callers wait for the answer). */
    private static final Set<String> SYNC_SERVICES = Set.of(
            "apigateway.amazonaws.com",
            "elasticloadbalancing.amazonaws.com",
            "cognito-idp.amazonaws.com",
            "appsync.amazonaws.com",
            "lex.amazonaws.com",
            "secretsmanager.amazonaws.com");

    private static final Set<String> ASYNC_SERVICES = Set.of("sns", "events", "scheduler", "s3", "logs", "iot", "ses");

    /** The service principal ({@code s3.amazonaws.com}) when it is one that invokes asynchronously, else null. */
    private String asyncServicePrincipal(Node principal) {
        List<String> texts = new ArrayList<>(r.evaluator().eval(principal).knownStrings());
        if (texts.isEmpty()) {
            String sub = textOf(principal);
            if (!sub.isEmpty()) {
                texts.add(SubTexts.wildcard(sub, SubTexts.ANY_VARIABLE));
            }
        }
        for (String t : texts) {
            int dot = t.indexOf('.');
            if (dot > 0 && t.endsWith(".amazonaws.com") && ASYNC_SERVICES.contains(t.substring(0, dot))) {
                return t;
            }
        }
        return null;
    }

    /** An SES receipt rule's Lambda actions: asynchronous unless {@code InvocationType: RequestResponse}. */
    private void sesReceiptRule(GraphNode n, MapNode p) {
        Node actions = p.path("Rule", "Actions");
        if (!(actions instanceof ListNode l)) {
            return;
        }
        for (int i = 0; i < l.size(); i++) {
            if (!(l.get(i) instanceof MapNode am) || !(am.get("LambdaAction") instanceof MapNode la)) {
                continue;
            }
            Node it = la.get("InvocationType");
            Value v = r.evaluator().eval(it);
            String at = "Rule/Actions/" + i + "/LambdaAction";
            if (v.isAbsent() || v.knownStrings().equals(List.of("Event"))) {
                invoke(
                        n,
                        la.get("FunctionArn"),
                        InvocationMode.ASYNC,
                        FUNCTIONS,
                        evidence(n, at, "SES receipt rule Lambda action (InvocationType Event)", null));
            } else {
                boolean known = v.knownStrings().equals(List.of("RequestResponse"));
                invoke(
                        n,
                        la.get("FunctionArn"),
                        known ? InvocationMode.SYNC : InvocationMode.UNKNOWN,
                        FUNCTIONS,
                        evidence(
                                n,
                                at + "/InvocationType",
                                known
                                        ? "SES receipt rule Lambda action (RequestResponse)"
                                        : "SES receipt rule Lambda action (InvocationType not known)",
                                null));
            }
        }
    }

    /** {@code AWS::Logs::AccountPolicy} of type {@code SUBSCRIPTION_FILTER_POLICY}: its {@code DestinationArn}. */
    private void logsAccountPolicy(GraphNode n, MapNode p) {
        if (!r.evaluator().eval(p.get("PolicyType")).knownStrings().contains("SUBSCRIPTION_FILTER_POLICY")) {
            return;
        }
        for (Value doc :
                JsonDocuments.read(p.get("PolicyDocument"), r.evaluator()).alternatives()) {
            if (doc instanceof Value.Obj o) {
                invoke(
                        n,
                        o.node().get("DestinationArn"),
                        InvocationMode.ASYNC,
                        FUNCTIONS,
                        evidence(
                                n,
                                "PolicyDocument/DestinationArn",
                                "CloudWatch Logs account subscription policy",
                                null));
            }
        }
    }

    /** The evidence of an invocation written at {@code property} of {@code n} (an implied node: its SAM event). */
    static Evidence evidence(GraphNode n, String property, String fact, MapNode integration) {
        return new Evidence(
                n.implied() ? n.logicalPath() : n.logicalPath() + "/Properties/" + property, fact, true, integration);
    }

    /** The evidence as it holds for an edge of {@code mode}: only a synchronous caller can wait for the response. */
    static Evidence settled(Evidence ev, InvocationMode mode) {
        if (ev == null || mode == InvocationMode.SYNC || !ev.awaited()) {
            return ev;
        }
        return new Evidence(ev.path(), ev.fact(), false, ev.integration());
    }

    private void configuresEach(GraphNode n, Node list) {
        if (list instanceof ListNode l) {
            for (Node q : l.items()) {
                for (GraphNode x : r.nodes(q)) {
                    connect(EdgeKind.CONFIGURES, n, x, q, InvocationMode.NONE, null);
                }
            }
        } else if (list != null) {
            for (GraphNode x : r.nodes(list)) {
                connect(EdgeKind.CONFIGURES, n, x, list, InvocationMode.NONE, null);
            }
        }
    }

    private boolean isLambdaProtocol(Node protocol) {
        return r.evaluator().eval(protocol).knownStrings().contains("lambda");
    }

    private void invoke(GraphNode from, Node ref, InvocationMode mode, Set<NodeKind> kinds, Evidence ev) {
        if (ref == null) {
            return;
        }
        for (Resolver.Target x : r.resolve(ref)) {
            if (kinds.contains(x.node().kind())) {
                connect(EdgeKind.INVOKES, from, x.node(), ref, mode, x.qualifier(), settled(ev, mode));
            }
        }
    }

    private void failsTo(GraphNode from, Node ref, String qualifier) {
        if (ref == null) {
            return;
        }
        for (GraphNode x : r.nodes(ref)) {
            connect(EdgeKind.FAILS_TO, from, x, ref, InvocationMode.NONE, qualifier);
        }
    }

    private void succeedsTo(GraphNode from, Node ref, String qualifier) {
        if (ref == null) {
            return;
        }
        for (GraphNode x : r.nodes(ref)) {
            connect(EdgeKind.SUCCEEDS_TO, from, x, ref, InvocationMode.NONE, qualifier);
        }
    }

    private void connect(EdgeKind kind, GraphNode from, GraphNode to, Node at, InvocationMode mode, String q) {
        connect(kind, from, to, at, mode, q, null);
    }

    private void connect(
            EdgeKind kind, GraphNode from, GraphNode to, Node at, InvocationMode mode, String q, Evidence ev) {
        if (from == to) {
            return;
        }
        g.connect(new Edge(kind, from, to, mode, at == null ? from.span() : at.span(), q, ev));
    }

    /**
     * A queue's or subscription's {@code RedrivePolicy}: per document ({@link JsonDocuments}: an
     * object, JSON text, an {@code Fn::Sub} or {@code Fn::Join} producing JSON, either branch of an
     * {@code Fn::If}) a {@link Redrive} in the graph and a {@code failsTo} edge carrying it to each
     * node its {@code deadLetterTargetArn} names.
     */
    private void redrive(GraphNode n, Node rp) {
        if (rp == null) {
            return;
        }
        for (Value doc : JsonDocuments.read(rp, r.evaluator()).alternatives()) {
            if (!(doc instanceof Value.Obj o)) {
                continue;
            }
            Node target = o.node().get("deadLetterTargetArn");
            List<Resolver.Target> found = r.resolve(target);
            List<GraphNode> queues = new ArrayList<>(1);
            for (Resolver.Target x : found) {
                if (x.node().kind() == NodeKind.QUEUE && !queues.contains(x.node())) {
                    queues.add(x.node());
                }
            }
            Redrive policy = new Redrive(n, o.node(), target, queues.size() == 1 ? queues.get(0) : null, rp.span());
            g.addRedrive(policy);
            for (Resolver.Target x : found) {
                if (x.node() != n) {
                    g.connect(new Edge(
                            EdgeKind.FAILS_TO, n, x.node(), InvocationMode.NONE, rp.span(), null, null, policy));
                }
            }
        }
    }
}
