package dev.faultline.core.graph;

import dev.faultline.core.eval.JsonDocuments;
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
    private static final String CDK_BUCKET_NOTIFICATIONS = "Custom::S3BucketNotifications";
    private static final List<String> COGNITO_TRIGGERS = List.of("CreateAuthChallenge", "CustomEmailSender",
            "CustomMessage", "CustomSMSSender", "DefineAuthChallenge", "PostAuthentication", "PostConfirmation",
            "PreAuthentication", "PreSignUp", "PreTokenGeneration", "PreTokenGenerationConfig", "UserMigration",
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
                for (GraphNode s : r.nodes(src)) {
                    connect(EdgeKind.CONSUMES, s, n, src, InvocationMode.NONE, null);
                }
                invoke(n, p.get("FunctionName"), InvocationMode.POLL, FUNCTIONS);
                failsTo(n, p.path("DestinationConfig", "OnFailure", "Destination"), null);
                succeedsTo(n, p.path("DestinationConfig", "OnSuccess", "Destination"), null);
            }
            case QUEUE -> {
                Node rp = p.get("RedrivePolicy");
                for (Resolver.Target x : redriveTargets(rp, "deadLetterTargetArn")) {
                    connect(EdgeKind.FAILS_TO, n, x.node(), rp, InvocationMode.NONE, null);
                }
            }
            case QUEUE_POLICY -> configuresEach(n, p.get("Queues"));
            case TOPIC_POLICY -> configuresEach(n, p.get("Topics"));
            case PERMISSION -> {
                Node fn = p.get("FunctionName");
                for (Resolver.Target x : r.resolve(fn)) {
                    connect(EdgeKind.CONFIGURES, n, x.node(), fn, InvocationMode.NONE, x.qualifier());
                }
            }
            case TOPIC -> {
                ListNode subs = p.getList("Subscription");
                if (subs != null) {
                    for (Node s : subs.items()) {
                        if (s instanceof MapNode sm && isLambdaProtocol(sm.get("Protocol"))) {
                            invoke(n, sm.get("Endpoint"), InvocationMode.ASYNC, FUNCTIONS);
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
                    invoke(n, p.get("Endpoint"), InvocationMode.ASYNC, FUNCTIONS);
                }
                Node rp = p.get("RedrivePolicy");
                for (Resolver.Target x : redriveTargets(rp, "deadLetterTargetArn")) {
                    connect(EdgeKind.FAILS_TO, n, x.node(), rp, InvocationMode.NONE, null);
                }
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
                    for (Node tg : targets.items()) {
                        if (tg instanceof MapNode tm) {
                            invoke(n, tm.get("Arn"), InvocationMode.ASYNC, INVOCABLE);
                            failsTo(n, tm.path("DeadLetterConfig", "Arn"), null);
                        }
                    }
                }
            }
            case SCHEDULE -> {
                invoke(n, p.path("Target", "Arn"), InvocationMode.ASYNC, INVOCABLE);
                failsTo(n, p.path("Target", "DeadLetterConfig", "Arn"), null);
            }
            case PIPE -> pipe(n, p);
            case EVENT_BUS -> failsTo(n, p.path("DeadLetterConfig", "Arn"), null);
            case BUCKET -> {
                Node lcs = p.path("NotificationConfiguration", "LambdaConfigurations");
                if (lcs instanceof ListNode l) {
                    for (Node c : l.items()) {
                        if (c instanceof MapNode cm) {
                            invoke(n, cm.get("Function"), InvocationMode.ASYNC, FUNCTIONS);
                        }
                    }
                }
            }
            case LOG_SUBSCRIPTION -> invoke(n, p.get("DestinationArn"), InvocationMode.ASYNC, FUNCTIONS);
            case IOT_RULE -> {
                Node actions = p.path("TopicRulePayload", "Actions");
                if (actions instanceof ListNode l) {
                    for (Node a : l.items()) {
                        if (a instanceof MapNode am) {
                            invoke(n, am.path("Lambda", "FunctionArn"), InvocationMode.ASYNC, FUNCTIONS);
                            invoke(n, am.path("StepFunctions", "StateMachineName"), InvocationMode.ASYNC,
                                    EnumSet.of(NodeKind.STATE_MACHINE));
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
            case API_METHOD -> invoke(n, p.path("Integration", "Uri"), InvocationMode.SYNC, FUNCTIONS);
            case API_INTEGRATION -> invoke(n, p.get("IntegrationUri"), InvocationMode.SYNC, FUNCTIONS);
            case REST_API, HTTP_API -> {
                invoke(n, p.get("Target"), InvocationMode.SYNC, FUNCTIONS);
                openApi(n, p.get("Body"), 0);
            }
            case LOAD_BALANCER_TARGET_GROUP -> {
                ListNode targets = p.getList("Targets");
                if (targets != null && "lambda".equalsIgnoreCase(p.getText("TargetType"))) {
                    for (Node tg : targets.items()) {
                        if (tg instanceof MapNode tm) {
                            invoke(n, tm.get("Id"), InvocationMode.SYNC, FUNCTIONS);
                        }
                    }
                }
            }
            case USER_POOL -> {
                MapNode lc = p.getMap("LambdaConfig");
                if (lc != null) {
                    for (String k : COGNITO_TRIGGERS) {
                        Node v = lc.get(k);
                        if (v instanceof MapNode vm) {
                            invoke(n, vm.get("LambdaArn"), InvocationMode.SYNC, FUNCTIONS);
                        } else {
                            invoke(n, v, InvocationMode.SYNC, FUNCTIONS);
                        }
                    }
                }
            }
            case APPSYNC_DATA_SOURCE ->
                    invoke(n, p.path("LambdaConfig", "LambdaFunctionArn"), InvocationMode.SYNC, FUNCTIONS);
            case ALARM -> alarm(n, p);
            case CUSTOM_RESOURCE -> {
                invoke(n, p.get("ServiceToken"), InvocationMode.ASYNC, FUNCTIONS);
                if (CDK_BUCKET_NOTIFICATIONS.equals(n.type())) {
                    bucketNotifications(n, p);
                }
            }
            case OTHER -> {
                if ("AWS::Lambda::Url".equals(n.type())) {
                    invoke(n, p.get("TargetFunctionArn"), InvocationMode.SYNC, FUNCTIONS);
                } else if ("AWS::SecretsManager::RotationSchedule".equals(n.type())) {
                    invoke(n, p.get("RotationLambdaARN"), InvocationMode.SYNC, FUNCTIONS);
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
                g.connect(new Edge(EdgeKind.INVOKES, s, pe.target(), pe.mode(), pe.span(), pe.qualifier()));
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
        invoke(n, p.get("Target"), mode, INVOCABLE);
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
    private void openApi(GraphNode n, Node body, int depth) {
        if (body == null || depth > 12) {
            return;
        }
        if (body instanceof MapNode m) {
            for (MapNode.Entry e : m.entries()) {
                if (e.key().equals("x-amazon-apigateway-integration") && e.value() instanceof MapNode im) {
                    invoke(n, im.get("uri"), InvocationMode.SYNC, FUNCTIONS);
                } else {
                    openApi(n, e.value(), depth + 1);
                }
            }
        } else if (body instanceof ListNode l) {
            for (Node i : l.items()) {
                openApi(n, i, depth + 1);
            }
        } else if (body instanceof IntrinsicNode in && in.is("Fn::Transform")) {
            return;
        }
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

    /**
     * CDK's {@code Custom::S3BucketNotifications} (what {@code bucket.addEventNotification} writes): the
     * S3 API's {@code NotificationConfiguration.LambdaFunctionConfigurations} of the bucket named by
     * {@code BucketName}; the bucket invokes each function asynchronously. A bucket that is not in
     * the run (imported by name) leaves the custom resource as the invoker.
     */
    private void bucketNotifications(GraphNode n, MapNode p) {
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
        for (Node c : l.items()) {
            if (c instanceof MapNode cm) {
                for (GraphNode from : buckets.isEmpty() ? List.of(n) : buckets) {
                    invoke(from, cm.get("LambdaFunctionArn"), InvocationMode.ASYNC, FUNCTIONS);
                }
            }
        }
    }

    private boolean isLambdaProtocol(Node protocol) {
        return r.evaluator().eval(protocol).knownStrings().contains("lambda");
    }

    private void invoke(GraphNode from, Node ref, InvocationMode mode, Set<NodeKind> kinds) {
        if (ref == null) {
            return;
        }
        for (Resolver.Target x : r.resolve(ref)) {
            if (kinds.contains(x.node().kind())) {
                connect(EdgeKind.INVOKES, from, x.node(), ref, mode, x.qualifier());
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
        if (from == to) {
            return;
        }
        g.connect(new Edge(kind, from, to, mode, at == null ? from.span() : at.span(), q));
    }

    /**
     * The targets named by {@code key} inside a redrive policy written as an object or as JSON text
     * ({@link JsonDocuments}: a string, an {@code Fn::Sub} or {@code Fn::Join} producing JSON, either
     * branch of an {@code Fn::If}).
     */
    List<Resolver.Target> redriveTargets(Node rp, String key) {
        if (rp == null) {
            return List.of();
        }
        List<Resolver.Target> out = new ArrayList<>(1);
        for (Value doc : JsonDocuments.read(rp, r.evaluator()).alternatives()) {
            if (doc instanceof Value.Obj o) {
                out.addAll(r.resolve(o.node().get(key)));
            }
        }
        return out;
    }
}
