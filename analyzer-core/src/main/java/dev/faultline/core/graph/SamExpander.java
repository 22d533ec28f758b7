package dev.faultline.core.graph;

import dev.faultline.core.eval.Evaluator;
import dev.faultline.core.model.Resource;
import dev.faultline.core.model.Template;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the {@code AWS::Serverless::*} resources of one template into graph nodes in
 * CloudFormation shape: {@code Globals} merged, SAM keys renamed, and the resources SAM would
 * generate (event source mappings, subscriptions, rules, schedules, EventInvokeConfig, queues and
 * topics SAM creates, the function alias, the implicit APIs) added as implied nodes whose spans
 * point at the SAM declaration. Invocations that SAM writes into another resource (S3 bucket
 * notifications, API definitions, Cognito triggers) are returned as {@link Pending} edges.
 */
final class SamExpander {

    /** An invocation edge whose source is a reference to resolve once every node exists. */
    record Pending(
            GraphNode from,
            Node fromRef,
            GraphNode target,
            String qualifier,
            InvocationMode mode,
            Span span,
            Evidence evidence) {}

    private final ResourceGraph g;
    private final Template t;
    private final Evaluator ev;
    private final List<Pending> pending;

    SamExpander(ResourceGraph g, Template t, Evaluator ev, List<Pending> pending) {
        this.g = g;
        this.t = t;
        this.ev = ev;
        this.pending = pending;
    }

    private static final String SAM_TYPES = "AWS::Serverless::";

    static boolean isSamType(String type) {
        return type != null && type.startsWith(SAM_TYPES);
    }

    /** Whether a template has a resource of a SAM type (without reading its resources). */
    static boolean hasSamResources(Template t) {
        return t.declaresTypeStartingWith(SAM_TYPES);
    }

    /** The Globals section that applies to a SAM type, or null. */
    private MapNode globalsFor(String type) {
        String section = switch (type) {
            case "AWS::Serverless::Function" -> "Function";
            case "AWS::Serverless::Api" -> "Api";
            case "AWS::Serverless::HttpApi" -> "HttpApi";
            case "AWS::Serverless::SimpleTable" -> "SimpleTable";
            case "AWS::Serverless::StateMachine" -> "StateMachine";
            case "AWS::Serverless::LayerVersion" -> "LayerVersion";
            default -> null;
        };
        return section == null || t.globals() == null ? null : t.globals().getMap(section);
    }

    /**
     * The effective (Globals-merged) SAM properties of a resource. The resource attribute
     * {@code IgnoreGlobals} opts out: {@code '*'} of every global property, a list of names of those
     * properties only (SAM's resource attribute, next to {@code Properties}).
     */
    MapNode effective(Resource r) {
        MapNode globals = globalsFor(r.type());
        if (globals == null) {
            return r.properties();
        }
        Node ignore = r.body().get("IgnoreGlobals");
        if (ignore != null && "*".equals(ignore.text())) {
            return r.properties();
        }
        if (ignore instanceof ListNode names) {
            List<MapNode.Entry> kept = new ArrayList<>(globals.size());
            for (MapNode.Entry e : globals.entries()) {
                boolean ignored = false;
                for (Node name : names.items()) {
                    ignored |= e.key().equals(name.text());
                }
                if (!ignored) {
                    kept.add(e);
                }
            }
            globals = new MapNode(globals.span(), kept);
        }
        return Trees.mergeMaps(globals, r.properties());
    }

    /** Adds the main node of a SAM resource (first pass, before any implied node), with its graph id. */
    GraphNode addMain(Resource r, String id) {
        MapNode props = effective(r);
        String cfnType;
        MapNode shaped;
        switch (r.type()) {
            case "AWS::Serverless::Function" -> {
                cfnType = "AWS::Lambda::Function";
                shaped = functionProps(props);
            }
            case "AWS::Serverless::StateMachine" -> {
                cfnType = "AWS::StepFunctions::StateMachine";
                shaped = Trees.map(
                        props.span(),
                        Trees.renamed(
                                props,
                                "Type",
                                "StateMachineType",
                                "Logging",
                                "LoggingConfiguration",
                                "Tracing",
                                "TracingConfiguration",
                                "Role",
                                "RoleArn",
                                "Name",
                                "StateMachineName",
                                "PermissionsBoundary",
                                "PermissionsBoundary"));
            }
            case "AWS::Serverless::Api" -> {
                cfnType = "AWS::ApiGateway::RestApi";
                shaped = Trees.map(props.span(), Trees.renamed(props, "DefinitionBody", "Body"));
            }
            case "AWS::Serverless::HttpApi" -> {
                cfnType = "AWS::ApiGatewayV2::Api";
                shaped = Trees.map(props.span(), Trees.renamed(props, "DefinitionBody", "Body"));
            }
            case "AWS::Serverless::SimpleTable" -> {
                cfnType = "AWS::DynamoDB::Table";
                shaped = props;
            }
            case "AWS::Serverless::Application" -> {
                cfnType = "AWS::CloudFormation::Stack";
                shaped = props;
            }
            case "AWS::Serverless::LayerVersion" -> {
                cfnType = "AWS::Lambda::LayerVersion";
                shaped = props;
            }
            default -> {
                cfnType = r.type();
                shaped = props;
            }
        }
        return g.add(new GraphNode(
                id,
                r.logicalId(),
                cfnType,
                ResourceTypes.kindOf(r.type()),
                t,
                r,
                shaped,
                r.span(),
                r.logicalPath(),
                false));
    }

    private static MapNode functionProps(MapNode props) {
        List<MapNode.Entry> out = new ArrayList<>(props.size());
        for (MapNode.Entry e : props.entries()) {
            if (e.key().equals("DeadLetterQueue") && e.value() instanceof MapNode dlq) {
                List<MapNode.Entry> dlc = new ArrayList<>(1);
                Trees.copy(dlq, "TargetArn", "TargetArn", dlc);
                out.add(Trees.entry("DeadLetterConfig", e.keySpan(), Trees.map(dlq.span(), dlc)));
            } else {
                out.add(e);
            }
        }
        return Trees.map(props.span(), out);
    }

    /** Adds the implied nodes of a SAM resource (second pass, once all main nodes exist). */
    void addImplied(Resource r, GraphNode main) {
        switch (r.type()) {
            case "AWS::Serverless::Function" -> expandFunction(r, main);
            case "AWS::Serverless::StateMachine" -> expandEvents(r, main, main.properties(), null);
            default -> {
                // nothing implied
            }
        }
    }

    private void expandFunction(Resource r, GraphNode fn) {
        MapNode props = fn.properties();
        String alias = null;
        Node aliasNode = props.get("AutoPublishAlias");
        if (aliasNode != null) {
            alias = ev.eval(aliasNode).asString().orElse(null);
            if (alias != null) {
                String aliasId = r.logicalId() + "Alias" + alias;
                MapNode.Entry ae = props.entry("AutoPublishAlias");
                addImpliedNode(
                        aliasId,
                        "AWS::Lambda::Alias",
                        r,
                        Trees.map(
                                ae.keySpan(),
                                List.of(
                                        Trees.entry(
                                                "FunctionName", ae.keySpan(), Trees.ref(ae.keySpan(), r.logicalId())),
                                        Trees.entry("Name", ae.keySpan(), aliasNode))),
                        ae.keySpan(),
                        r.logicalPath() + "/Properties/AutoPublishAlias");
            }
        }
        MapNode.Entry eic = props.entry("EventInvokeConfig");
        if (eic != null && eic.value() instanceof MapNode cfg) {
            expandEventInvokeConfig(r, eic, cfg, aliasNode);
        }
        expandEvents(r, fn, props, alias);
    }

    private void expandEventInvokeConfig(Resource r, MapNode.Entry key, MapNode cfg, Node aliasNode) {
        Span s = key.keySpan();
        String id = r.logicalId() + "EventInvokeConfig";
        List<MapNode.Entry> out = new ArrayList<>();
        out.add(Trees.entry("FunctionName", s, Trees.ref(s, r.logicalId())));
        out.add(Trees.entry("Qualifier", s, aliasNode != null ? aliasNode : Trees.str(s, "$LATEST")));
        Trees.copy(cfg, "MaximumRetryAttempts", "MaximumRetryAttempts", out);
        Trees.copy(cfg, "MaximumEventAgeInSeconds", "MaximumEventAgeInSeconds", out);
        MapNode.Entry dce = cfg.entry("DestinationConfig");
        if (dce != null && dce.value() instanceof MapNode dc) {
            List<MapNode.Entry> dcOut = new ArrayList<>();
            for (String which : List.of("OnSuccess", "OnFailure")) {
                MapNode.Entry we = dc.entry(which);
                if (we == null || !(we.value() instanceof MapNode w)) {
                    if (we != null) {
                        dcOut.add(we);
                    }
                    continue;
                }
                List<MapNode.Entry> wOut = new ArrayList<>(Trees.without(w));
                if (!w.has("Destination")) {
                    String type = w.getText("Type");
                    Span ts = w.entry("Type") == null
                            ? we.keySpan()
                            : w.entry("Type").keySpan();
                    if ("SQS".equals(type)) {
                        String qid = id + which + "Queue";
                        addImpliedNode(
                                qid,
                                "AWS::SQS::Queue",
                                r,
                                MapNode.empty(ts),
                                ts,
                                r.logicalPath() + "/Properties/EventInvokeConfig/DestinationConfig/" + which);
                        wOut.add(Trees.entry("Destination", ts, Trees.arn(ts, qid)));
                    } else if ("SNS".equals(type)) {
                        String tid = id + which + "Topic";
                        addImpliedNode(
                                tid,
                                "AWS::SNS::Topic",
                                r,
                                MapNode.empty(ts),
                                ts,
                                r.logicalPath() + "/Properties/EventInvokeConfig/DestinationConfig/" + which);
                        wOut.add(Trees.entry("Destination", ts, Trees.ref(ts, tid)));
                    }
                }
                dcOut.add(Trees.entry(which, we.keySpan(), Trees.map(w.span(), wOut)));
            }
            out.add(Trees.entry("DestinationConfig", dce.keySpan(), Trees.map(dc.span(), dcOut)));
        }
        addImpliedNode(
                id,
                "AWS::Lambda::EventInvokeConfig",
                r,
                Trees.map(cfg.span(), out),
                s,
                r.logicalPath() + "/Properties/EventInvokeConfig");
    }

    /** Expands {@code Events}; {@code target} is the function or state machine they invoke. */
    private void expandEvents(Resource r, GraphNode target, MapNode props, String alias) {
        MapNode events = props.getMap("Events");
        if (events == null) {
            return;
        }
        for (MapNode.Entry e : events.entries()) {
            if (!(e.value() instanceof MapNode ev0)) {
                continue;
            }
            String type = ev0.getText("Type");
            if (type == null) {
                continue;
            }
            MapNode p = Trees.asMap(ev0.get("Properties"), e.keySpan());
            Span s = e.keySpan();
            String id = r.logicalId() + e.key();
            String path = r.logicalPath() + "/Properties/Events/" + e.key();
            Node targetRef = Trees.ref(s, alias == null ? r.logicalId() : r.logicalId() + "Alias" + alias);
            Node targetArn = alias == null ? Trees.arn(s, r.logicalId()) : targetRef;
            switch (type) {
                case "SQS", "Kinesis", "DynamoDB", "MSK", "SelfManagedKafka", "MQ", "DocumentDB" -> {
                    if (target.kind() == NodeKind.FUNCTION) {
                        addImpliedNode(id, "AWS::Lambda::EventSourceMapping", r, esmProps(p, s, targetRef), s, path);
                    }
                }
                case "SNS" -> sns(r, id, p, s, path, targetArn, targetRef);
                case "EventBridgeRule", "CloudWatchEvent", "Schedule" -> rule(r, id, type, p, s, path, targetArn);
                case "ScheduleV2" -> schedule(r, id, p, s, path, targetArn);
                case "CloudWatchLogs" -> {
                    List<MapNode.Entry> out = new ArrayList<>(Trees.without(p));
                    out.add(Trees.entry("DestinationArn", s, targetArn));
                    addImpliedNode(id, "AWS::Logs::SubscriptionFilter", r, Trees.map(p.span(), out), s, path);
                }
                case "IoTRule" -> {
                    List<MapNode.Entry> payload = new ArrayList<>();
                    Trees.copy(p, "Sql", "Sql", payload);
                    Trees.copy(p, "AwsIotSqlVersion", "AwsIotSqlVersion", payload);
                    payload.add(Trees.entry(
                            "Actions",
                            s,
                            Trees.list(s, Trees.map(s, "Lambda", Trees.map(s, "FunctionArn", targetArn)))));
                    addImpliedNode(
                            id,
                            "AWS::IoT::TopicRule",
                            r,
                            Trees.map(p.span(), "TopicRulePayload", Trees.map(p.span(), payload)),
                            s,
                            path);
                }
                case "S3" ->
                    pending.add(new Pending(
                            null,
                            p.get("Bucket"),
                            target,
                            alias,
                            InvocationMode.ASYNC,
                            s,
                            new Evidence(path, "SAM S3 event", false, null)));
                case "Cognito" ->
                    pending.add(new Pending(
                            null,
                            p.get("UserPool"),
                            target,
                            alias,
                            InvocationMode.SYNC,
                            s,
                            new Evidence(path, "SAM Cognito event", true, null)));
                case "Api" ->
                    api(
                            p.get("RestApiId"),
                            "ServerlessRestApi",
                            "AWS::ApiGateway::RestApi",
                            r,
                            target,
                            alias,
                            s,
                            path,
                            p);
                case "HttpApi" ->
                    api(p.get("ApiId"), "ServerlessHttpApi", "AWS::ApiGatewayV2::Api", r, target, alias, s, path, p);
                default -> {
                    // other event types carry no failure-handling semantics we model
                }
            }
        }
    }

    private static MapNode esmProps(MapNode p, Span s, Node targetRef) {
        List<MapNode.Entry> out = new ArrayList<>(p.size() + 1);
        for (MapNode.Entry e : p.entries()) {
            switch (e.key()) {
                case "Queue", "Stream", "Broker", "Cluster" ->
                    out.add(Trees.entry("EventSourceArn", e.keySpan(), e.value()));
                case "KafkaBootstrapServers" ->
                    out.add(Trees.entry(
                            "SelfManagedEventSource",
                            e.keySpan(),
                            Trees.map(
                                    e.value().span(),
                                    "Endpoints",
                                    Trees.map(e.value().span(), "KafkaBootstrapServers", e.value()))));
                default -> out.add(e);
            }
        }
        out.add(Trees.entry("FunctionName", s, targetRef));
        return Trees.map(p.span(), out);
    }

    private void sns(Resource r, String id, MapNode p, Span s, String path, Node targetArn, Node targetRef) {
        List<MapNode.Entry> out = new ArrayList<>();
        Trees.copy(p, "Topic", "TopicArn", out);
        for (String k : List.of("RedrivePolicy", "FilterPolicy", "FilterPolicyScope", "Region")) {
            Trees.copy(p, k, k, out);
        }
        MapNode.Entry sqsSub = p.entry("SqsSubscription");
        boolean viaQueue = sqsSub != null
                && (sqsSub.value() instanceof MapNode
                        || ev.eval(sqsSub.value()).asBool().orElse(false));
        if (!viaQueue) {
            out.add(Trees.entry("Protocol", s, Trees.str(s, "lambda")));
            out.add(Trees.entry("Endpoint", s, targetArn));
            addImpliedNode(id, "AWS::SNS::Subscription", r, Trees.map(p.span(), out), s, path);
            return;
        }
        Span qs = sqsSub.keySpan();
        MapNode sub = sqsSub.value() instanceof MapNode m ? m : MapNode.empty(qs);
        Node queueArn = sub.get("QueueArn");
        if (queueArn == null) {
            String qid = id + "Queue";
            addImpliedNode(qid, "AWS::SQS::Queue", r, MapNode.empty(qs), qs, path + "/Properties/SqsSubscription");
            queueArn = Trees.arn(qs, qid);
        }
        out.add(Trees.entry("Protocol", qs, Trees.str(qs, "sqs")));
        out.add(Trees.entry("Endpoint", qs, queueArn));
        addImpliedNode(id, "AWS::SNS::Subscription", r, Trees.map(p.span(), out), s, path);
        List<MapNode.Entry> esm = new ArrayList<>();
        esm.add(Trees.entry("EventSourceArn", qs, queueArn));
        Trees.copy(sub, "BatchSize", "BatchSize", esm);
        Trees.copy(sub, "Enabled", "Enabled", esm);
        esm.add(Trees.entry("FunctionName", s, targetRef));
        addImpliedNode(
                id + "EventSourceMapping",
                "AWS::Lambda::EventSourceMapping",
                r,
                Trees.map(qs, esm),
                qs,
                path + "/Properties/SqsSubscription");
    }

    private void rule(Resource r, String id, String type, MapNode p, Span s, String path, Node targetArn) {
        List<MapNode.Entry> out = new ArrayList<>();
        Trees.copy(p, "EventBusName", "EventBusName", out);
        Trees.copy(p, "Pattern", "EventPattern", out);
        Trees.copy(p, "Schedule", "ScheduleExpression", out);
        Trees.copy(p, "State", "State", out);
        Trees.copy(p, "Enabled", "Enabled", out);
        Trees.copy(p, "Name", "Name", out);
        Trees.copy(p, "Description", "Description", out);
        Trees.copy(p, "RuleName", "Name", out);
        List<MapNode.Entry> target = new ArrayList<>();
        MapNode.Entry te = p.entry("Target");
        if (te != null && te.value() instanceof MapNode tm) {
            Trees.copy(tm, "Id", "Id", target);
        }
        target.add(Trees.entry("Arn", s, targetArn));
        for (String k : List.of("Input", "InputPath", "InputTransformer", "RetryPolicy")) {
            Trees.copy(p, k, k, target);
        }
        deadLetter(r, id, p, path, target);
        out.add(Trees.entry("Targets", s, Trees.list(s, Trees.map(s, target))));
        addImpliedNode(id, "AWS::Events::Rule", r, Trees.map(p.span(), out), s, path);
    }

    private void schedule(Resource r, String id, MapNode p, Span s, String path, Node targetArn) {
        List<MapNode.Entry> out = new ArrayList<>();
        List<MapNode.Entry> target = new ArrayList<>();
        target.add(Trees.entry("Arn", s, targetArn));
        for (MapNode.Entry e : p.entries()) {
            switch (e.key()) {
                case "Input", "RetryPolicy", "RoleArn" -> target.add(e);
                case "DeadLetterConfig" -> {
                    // below
                }
                default -> out.add(e);
            }
        }
        deadLetter(r, id, p, path, target);
        out.add(Trees.entry("Target", s, Trees.map(s, target)));
        addImpliedNode(id, "AWS::Scheduler::Schedule", r, Trees.map(p.span(), out), s, path);
    }

    /** SAM's rule/schedule {@code DeadLetterConfig: {Arn} | {Type: SQS, QueueLogicalId?}}. */
    private void deadLetter(Resource r, String id, MapNode p, String path, List<MapNode.Entry> target) {
        MapNode.Entry de = p.entry("DeadLetterConfig");
        if (de == null) {
            return;
        }
        if (!(de.value() instanceof MapNode d) || d.has("Arn") || !d.has("Type")) {
            target.add(de);
            return;
        }
        Span ts = d.entry("Type").keySpan();
        String qid = d.getText("QueueLogicalId");
        if (qid == null || qid.isEmpty()) {
            qid = id + "Queue";
        }
        addImpliedNode(qid, "AWS::SQS::Queue", r, MapNode.empty(ts), ts, path + "/Properties/DeadLetterConfig");
        target.add(Trees.entry("DeadLetterConfig", de.keySpan(), Trees.map(d.span(), "Arn", Trees.arn(ts, qid))));
    }

    private void api(
            Node apiRef,
            String implicitId,
            String implicitType,
            Resource r,
            GraphNode target,
            String alias,
            Span s,
            String path,
            MapNode props) {
        Evidence ev =
                new Evidence(path, "SAM " + (implicitType.contains("V2") ? "HttpApi" : "Api") + " event", true, props);
        if (apiRef != null) {
            pending.add(new Pending(null, apiRef, target, alias, InvocationMode.SYNC, s, ev));
            return;
        }
        GraphNode api = g.find(t, implicitId);
        if (api == null) {
            api = addImpliedNode(implicitId, implicitType, r, MapNode.empty(s), s, path);
        } else if (api.kind() != NodeKind.REST_API && api.kind() != NodeKind.HTTP_API) {
            return; // the implicit API's name is taken by another kind of resource: SAM rejects the template
        }
        pending.add(new Pending(api, null, target, alias, InvocationMode.SYNC, s, ev));
    }

    /** Adds an implied node unless the template already has a node of that name (then returns it). */
    private GraphNode addImpliedNode(
            String name, String type, Resource owner, MapNode props, Span span, String logicalPath) {
        GraphNode existing = g.find(t, name);
        if (existing != null) {
            return existing;
        }
        return g.add(new GraphNode(
                GraphBuilder.id(t, name),
                name,
                type,
                ResourceTypes.kindOf(type),
                t,
                owner,
                props,
                span,
                logicalPath,
                true));
    }
}
