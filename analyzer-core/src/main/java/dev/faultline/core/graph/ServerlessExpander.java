package dev.faultline.core.graph;

import dev.faultline.core.model.InputFile;
import dev.faultline.core.model.Parameter;
import dev.faultline.core.model.Resource;
import dev.faultline.core.model.Template;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import dev.faultline.core.tree.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a Serverless Framework service ({@code serverless.yml} with its variables resolved) into a
 * {@link Template} in CloudFormation shape, the way the framework compiles it: a resource per
 * function ({@code hello} → {@code HelloLambdaFunction}, default timeout 6 s, {@code provider}
 * defaults), its {@code EventInvokeConfig} ({@code HelloLambdaEvConf}: {@code destinations},
 * {@code maximumRetryAttempts}, {@code maximumEventAge}), and the resources its {@code events}
 * generate, under the framework's logical ids, plus the {@code resources:} section (an object or a
 * list of fragments) as ordinary CloudFormation. A generated resource that {@code resources:} also
 * declares is merged, the user's keys winning (as the framework merges them).
 *
 * <p>Every value keeps the span of what the user wrote (in {@code serverless.yml} or in a file it
 * includes); a value the framework supplies (a default, a generated reference) takes the span of the
 * key that implies it: the function's name, the event's type. So the graph, the evaluator, the
 * reference checker and every rule see the service like any template, and report on its lines.
 *
 * <p>Extension point for plugins (e.g. {@code serverless-step-functions}): {@link #add(Resource)}
 * from a subclass's {@link #expandPlugins()}, with {@link #functionArn}, {@link #functionLogicalId}
 * and {@link #resource} to build resources. <b>Internal</b>: not part of the rule API.
 */
public class ServerlessExpander {

    /**
     * The intrinsic a variable that cannot be resolved statically becomes ({@code ${ssm:...}},
     * {@code ${env:...}}, ...): unknown to every evaluator, so rules stay silent on it.
     */
    public static final String UNRESOLVED = "Serverless::Variable";

    /** What the logical id of the rule of a function's {@code schedule} event holds, before its number. */
    private static final String SCHEDULE_RULE = "EventsRuleSchedule";

    /**
     * Whether a logical id is the framework's for the EventBridge rule of a function's {@code schedule}
     * event ({@code <Function>EventsRuleSchedule<n>}), an event that has no dead-letter setting.
     */
    public static boolean isScheduleRule(String logicalId) {
        int at = logicalId.lastIndexOf(SCHEDULE_RULE);
        if (at < 0 || at + SCHEDULE_RULE.length() == logicalId.length()) {
            return false;
        }
        for (int i = at + SCHEDULE_RULE.length(); i < logicalId.length(); i++) {
            if (!Character.isDigit(logicalId.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The framework's default function timeout, in seconds. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 6;

    /** The framework's default function memory, in MB. */
    public static final int DEFAULT_MEMORY_MB = 1024;

    protected final InputFile file;
    protected final MapNode root;
    protected final MapNode provider;
    protected final MapNode functions;
    private final Map<String, Resource> generated = new LinkedHashMap<>();
    /** S3 bucket notifications collected per generated bucket id. */
    private final Map<String, List<Node>> bucketNotifications = new LinkedHashMap<>();
    /** kafka, msk, activemq, rabbitmq, cloudwatchLog, iot, cognitoUserPool, alb, http, httpApi, websocket. */
    private final ServerlessInvokerEvents invokerEvents;

    protected ServerlessExpander(InputFile file, MapNode root) {
        this.file = file;
        this.root = root;
        MapNode p = root.getMap("provider");
        this.provider = p != null ? p : MapNode.empty(root.span());
        MapNode f = root.getMap("functions");
        this.functions = f != null ? f : MapNode.empty(root.span());
        this.invokerEvents = new ServerlessInvokerEvents(this);
    }

    /** The template of a service whose variables are resolved. */
    public static Template expand(InputFile file, MapNode root) {
        return (ServerlessStepFunctions.applies(root)
                        ? new ServerlessStepFunctions(file, root)
                        : new ServerlessExpander(file, root))
                .template();
    }

    /** Expands everything and builds the template. */
    protected final Template template() {
        for (MapNode.Entry e : functions.entries()) {
            if (e.value() instanceof MapNode fn) {
                function(e, fn);
            }
        }
        invokerEvents.finish();
        bucketsOfS3Events();
        implicitApis();
        Resource role = ServerlessIamRole.of(this);
        if (role != null) {
            add(role);
        }
        expandPlugins();
        Sections user = userSections();
        Map<String, Resource> resources = new LinkedHashMap<>(generated);
        for (Map.Entry<String, Resource> e : user.resources.entrySet()) {
            Resource mine = resources.get(e.getKey());
            resources.put(e.getKey(), mine == null ? e.getValue() : merged(mine, e.getValue()));
        }
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (MapNode.Entry e : user.parameters.entries()) {
            MapNode p = e.value().asMap();
            String type = p == null || p.getText("Type") == null ? "" : p.getText("Type");
            parameters.putIfAbsent(
                    e.key(), new Parameter(e.key(), type, p == null ? null : p.get("Default"), e.keySpan()));
        }
        return new Template(
                file,
                root,
                false,
                Collections.unmodifiableMap(parameters),
                user.conditions,
                user.mappings,
                MapNode.empty(root.span()),
                Collections.unmodifiableMap(resources),
                user.outputs,
                MapNode.empty(root.span()),
                null);
    }

    /** Hook for plugins: add resources with {@link #add(Resource)}. Does nothing here. */
    protected void expandPlugins() {
        // no plugin by default
    }

    // ---- naming (the framework's naming module)

    /** {@code hello-world_x} → {@code HelloDashworldUnderscorex}. */
    public static String normalizedName(String name) {
        return upperFirst(name.replace("-", "Dash").replace("_", "Underscore"));
    }

    /** Letters and digits only, first upper-cased ({@code order-events} → {@code Orderevents}). */
    public static String alphaNumeric(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                b.append(c);
            }
        }
        return upperFirst(b.toString());
    }

    private static String upperFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** {@code hello} → {@code HelloLambdaFunction}. */
    public static String functionLogicalId(String function) {
        return normalizedName(function) + "LambdaFunction";
    }

    /** {@code !GetAtt <Fn>LambdaFunction.Arn} at {@code span}. */
    protected static Node functionArn(Span span, String function) {
        return Trees.arn(span, functionLogicalId(function));
    }

    // ---- resources

    /** A resource of the generated template: {@code Type} and {@code Properties} at {@code span}. */
    protected final Resource resource(String logicalId, String type, MapNode properties, Span span) {
        MapNode body = new MapNode(
                span,
                List.of(
                        new MapNode.Entry("Type", span, Trees.str(span, type)),
                        new MapNode.Entry("Properties", span, properties)));
        return new Resource(logicalId, type, properties, MapNode.empty(span), null, List.of(), body, span, null);
    }

    /** Adds a generated resource (the first of a logical id wins). */
    protected final void add(Resource r) {
        generated.putIfAbsent(r.logicalId(), r);
    }

    private static Resource merged(Resource mine, Resource user) {
        MapNode props = Trees.mergeMaps(mine.properties(), user.properties());
        return new Resource(
                user.logicalId(),
                user.type().isEmpty() ? mine.type() : user.type(),
                props,
                user.metadata(),
                user.condition(),
                user.dependsOn(),
                user.body(),
                user.span(),
                null);
    }

    // ---- functions

    /** The deployed function name: {@code name:}, else {@code <service>-<stage>-<key>} when both are known. */
    private Node deployedName(MapNode.Entry e, MapNode fn) {
        Node name = fn.get("name");
        if (name != null) {
            return name;
        }
        String service = serviceName();
        String stage = stage();
        if (service == null || stage == null) {
            return null;
        }
        return Trees.str(e.keySpan(), service + "-" + stage + "-" + e.key());
    }

    /** The service name, when a literal. */
    protected final String serviceName() {
        Node s = root.get("service");
        if (s instanceof MapNode m) {
            s = m.get("name");
        }
        return s instanceof ScalarNode sc ? sc.value() : null;
    }

    /** The stage: {@code provider.stage} when a literal, else the framework's {@code dev}; null when unknown. */
    protected final String stage() {
        Node s = provider.get("stage");
        if (s == null) {
            return "dev";
        }
        return s instanceof ScalarNode sc ? sc.value() : null;
    }

    /** A function setting, else the provider's, else null. */
    private MapNode.Entry setting(MapNode fn, String key) {
        MapNode.Entry e = fn.entry(key);
        return e != null ? e : provider.entry(key);
    }

    private void function(MapNode.Entry e, MapNode fn) {
        Span s = e.keySpan();
        String id = functionLogicalId(e.key());
        List<MapNode.Entry> p = new ArrayList<>();
        Node name = deployedName(e, fn);
        if (name != null) {
            p.add(Trees.entry("FunctionName", name.span(), name));
        }
        Trees.copy(fn, "handler", "Handler", p);
        copySetting(fn, "runtime", "Runtime", p);
        MapNode.Entry timeout = setting(fn, "timeout");
        p.add(
                timeout != null
                        ? Trees.entry("Timeout", timeout.keySpan(), timeout.value())
                        : Trees.entry("Timeout", s, integer(s, DEFAULT_TIMEOUT_SECONDS)));
        MapNode.Entry memory = setting(fn, "memorySize");
        p.add(
                memory != null
                        ? Trees.entry("MemorySize", memory.keySpan(), memory.value())
                        : Trees.entry("MemorySize", s, integer(s, DEFAULT_MEMORY_MB)));
        MapNode.Entry reserved = fn.entry("reservedConcurrency");
        if (reserved != null) {
            p.add(Trees.entry("ReservedConcurrentExecutions", reserved.keySpan(), reserved.value()));
        }
        MapNode.Entry onError = fn.entry("onError");
        if (onError != null) {
            p.add(Trees.entry(
                    "DeadLetterConfig", onError.keySpan(), Trees.map(onError.keySpan(), "TargetArn", onError.value())));
        }
        Node env = Trees.merge(provider.get("environment"), fn.get("environment"));
        if (env instanceof MapNode vars) {
            p.add(Trees.entry("Environment", vars.span(), Trees.map(vars.span(), "Variables", vars)));
        }
        MapNode.Entry vpc = setting(fn, "vpc");
        if (vpc != null && vpc.value() instanceof MapNode v) {
            List<MapNode.Entry> vc = new ArrayList<>();
            Trees.copy(v, "securityGroupIds", "SecurityGroupIds", vc);
            Trees.copy(v, "subnetIds", "SubnetIds", vc);
            p.add(Trees.entry("VpcConfig", vpc.keySpan(), Trees.map(v.span(), vc)));
        }
        MapNode.Entry role = ServerlessIamRole.customRole(provider, fn);
        if (role != null) {
            p.add(Trees.entry("Role", role.keySpan(), ServerlessIamRole.roleArn(role.value())));
        } else if (ServerlessIamRole.generated(provider, functions)) {
            p.add(Trees.entry("Role", s, Trees.arn(s, ServerlessIamRole.LOGICAL_ID)));
        }
        add(resource(id, "AWS::Lambda::Function", Trees.map(fn.span(), p), s));
        eventInvokeConfig(e, fn);
        ListNode events = fn.getList("events");
        if (events != null) {
            new Events(e.key(), name).expand(events);
        }
    }

    private void copySetting(MapNode fn, String key, String cfnKey, List<MapNode.Entry> out) {
        MapNode.Entry e = setting(fn, key);
        if (e != null) {
            out.add(Trees.entry(cfnKey, e.keySpan(), e.value()));
        }
    }

    private static ScalarNode integer(Span s, int value) {
        return new ScalarNode(s, Integer.toString(value), ScalarNode.Kind.INT);
    }

    /** {@code <Fn>LambdaEvConf}: destinations and async retry settings. */
    private void eventInvokeConfig(MapNode.Entry e, MapNode fn) {
        MapNode.Entry retries = fn.entry("maximumRetryAttempts");
        MapNode.Entry age = fn.entry("maximumEventAge");
        MapNode.Entry destinations = fn.entry("destinations");
        if (retries == null && age == null && destinations == null) {
            return;
        }
        Span s = e.keySpan();
        List<MapNode.Entry> p = new ArrayList<>();
        p.add(Trees.entry("FunctionName", s, Trees.ref(s, functionLogicalId(e.key()))));
        p.add(Trees.entry("Qualifier", s, Trees.str(s, "$LATEST")));
        if (retries != null) {
            p.add(Trees.entry("MaximumRetryAttempts", retries.keySpan(), retries.value()));
        }
        if (age != null) {
            p.add(Trees.entry("MaximumEventAgeInSeconds", age.keySpan(), age.value()));
        }
        if (destinations != null && destinations.value() instanceof MapNode d) {
            List<MapNode.Entry> dc = new ArrayList<>();
            destination(d.entry("onSuccess"), "OnSuccess", dc);
            destination(d.entry("onFailure"), "OnFailure", dc);
            p.add(Trees.entry("DestinationConfig", destinations.keySpan(), Trees.map(d.span(), dc)));
        }
        Span at = destinations != null ? destinations.keySpan() : retries != null ? retries.keySpan() : age.keySpan();
        add(resource(
                normalizedName(e.key()) + "LambdaEvConf",
                "AWS::Lambda::EventInvokeConfig",
                Trees.map(fn.span(), p),
                at));
    }

    private void destination(MapNode.Entry w, String key, List<MapNode.Entry> out) {
        if (w == null) {
            return;
        }
        Node target = destinationTarget(w.value());
        out.add(Trees.entry(key, w.keySpan(), Trees.map(w.value().span(), "Destination", target)));
    }

    /** A destination: a function of this service by name, an ARN, or {@code {arn, type}}. */
    private Node destinationTarget(Node v) {
        if (v instanceof MapNode m && m.get("arn") != null) {
            return destinationTarget(m.get("arn"));
        }
        String text = v.text();
        if (text != null && !text.startsWith("arn:") && functions.get(text) != null) {
            return functionArn(v.span(), text);
        }
        return v;
    }

    // ---- events

    /** The events of one function. */
    private final class Events {
        private final String fn;
        private final String norm;
        private final Node deployedName;
        private int schedules;
        /** The 1-based position of the event being expanded among all events of the function. */
        private int position;

        Events(String fn, Node deployedName) {
            this.fn = fn;
            this.norm = normalizedName(fn);
            this.deployedName = deployedName;
        }

        void expand(ListNode events) {
            for (Node item : events.items()) {
                position++;
                if (!(item instanceof MapNode ev) || ev.size() != 1) {
                    continue;
                }
                MapNode.Entry e = ev.entries().get(0);
                Span s = e.keySpan();
                Node v = e.value();
                MapNode m = v instanceof MapNode vm ? vm : null;
                switch (e.key()) {
                    case "sqs" -> sqs(s, v, m);
                    case "stream" -> stream(s, v, m);
                    case "sns" -> sns(s, v, m);
                    case "eventBridge" -> eventBridge(s, m);
                    case "schedule" -> schedule(s, v, m);
                    case "s3" -> s3(s, v, m);
                    default -> invokerEvents.expand(fn, e.key(), s, v);
                }
            }
        }

        private Node target(Span s) {
            return functionArn(s, fn);
        }

        private void sqs(Span s, Node v, MapNode m) {
            Node arn = m != null ? m.get("arn") : v;
            if (arn == null) {
                return;
            }
            List<MapNode.Entry> p = new ArrayList<>();
            p.add(Trees.entry("EventSourceArn", m != null ? m.entry("arn").keySpan() : s, arn));
            if (m != null) {
                batching(m, p, 10, s);
                Trees.copy(m, "maximumBatchingWindow", "MaximumBatchingWindowInSeconds", p);
                responseTypes(m, p);
                Trees.copy(m, "enabled", "Enabled", p);
                MapNode.Entry mc = m.entry("maximumConcurrency");
                if (mc != null) {
                    p.add(Trees.entry(
                            "ScalingConfig", mc.keySpan(), Trees.map(mc.keySpan(), "MaximumConcurrency", mc.value())));
                }
                ServerlessInvokerEvents.filters(m, p);
            } else {
                p.add(Trees.entry("BatchSize", s, integer(s, 10)));
            }
            p.add(Trees.entry("FunctionName", s, target(s)));
            String queue = nameIn(arn, ':');
            add(resource(
                    norm + "EventSourceMappingSQS" + alphaNumeric(queue),
                    "AWS::Lambda::EventSourceMapping",
                    Trees.map(v.span(), p),
                    s));
        }

        private void batching(MapNode m, List<MapNode.Entry> p, int defaultSize, Span s) {
            MapNode.Entry bs = m.entry("batchSize");
            p.add(
                    bs != null
                            ? Trees.entry("BatchSize", bs.keySpan(), bs.value())
                            : Trees.entry("BatchSize", s, integer(s, defaultSize)));
        }

        private void responseTypes(MapNode m, List<MapNode.Entry> p) {
            MapNode.Entry rt = m.entry("functionResponseType");
            if (rt != null) {
                p.add(Trees.entry(
                        "FunctionResponseTypes",
                        rt.keySpan(),
                        Trees.list(rt.value().span(), rt.value())));
            }
        }

        private void stream(Span s, Node v, MapNode m) {
            Node arn = m != null ? m.get("arn") : v;
            if (arn == null) {
                return;
            }
            String type = m != null ? m.getText("type") : null;
            if (type == null) {
                type = streamType(arn);
            }
            if (type == null) {
                type = ""; // not known from the ARN: the mapping exists all the same (its source is unknown)
            }
            List<MapNode.Entry> p = new ArrayList<>();
            p.add(Trees.entry("EventSourceArn", m != null ? m.entry("arn").keySpan() : s, arn));
            MapNode.Entry sp = m == null ? null : m.entry("startingPosition");
            p.add(
                    sp != null
                            ? Trees.entry("StartingPosition", sp.keySpan(), sp.value())
                            : Trees.entry("StartingPosition", s, Trees.str(s, "TRIM_HORIZON")));
            if (m != null) {
                batching(m, p, 10, s);
                Trees.copy(m, "batchWindow", "MaximumBatchingWindowInSeconds", p);
                Trees.copy(m, "parallelizationFactor", "ParallelizationFactor", p);
                Trees.copy(m, "maximumRetryAttempts", "MaximumRetryAttempts", p);
                Trees.copy(m, "maximumRecordAgeInSeconds", "MaximumRecordAgeInSeconds", p);
                Trees.copy(m, "bisectBatchOnFunctionError", "BisectBatchOnFunctionError", p);
                Trees.copy(m, "tumblingWindowInSeconds", "TumblingWindowInSeconds", p);
                Trees.copy(m, "enabled", "Enabled", p);
                responseTypes(m, p);
                ServerlessInvokerEvents.filters(m, p);
                MapNode.Entry de = m.entry("destinations");
                if (de != null && de.value() instanceof MapNode d && d.entry("onFailure") != null) {
                    MapNode.Entry of = d.entry("onFailure");
                    Node dest = of.value() instanceof MapNode om && om.get("arn") != null ? om.get("arn") : of.value();
                    p.add(Trees.entry(
                            "DestinationConfig",
                            de.keySpan(),
                            Trees.map(
                                    d.span(),
                                    List.of(Trees.entry(
                                            "OnFailure",
                                            of.keySpan(),
                                            Trees.map(of.value().span(), "Destination", dest))))));
                }
            } else {
                p.add(Trees.entry("BatchSize", s, integer(s, 10)));
            }
            p.add(Trees.entry("FunctionName", s, target(s)));
            add(resource(
                    norm + "EventSourceMapping" + upperFirst(type.toLowerCase(Locale.ROOT))
                            + alphaNumeric(nameIn(arn, '/')),
                    "AWS::Lambda::EventSourceMapping",
                    Trees.map(v.span(), p),
                    s));
        }

        private void sns(Span s, Node v, MapNode m) {
            Node arn = m != null ? m.get("arn") : null;
            String topicName = m != null ? m.getText("topicName") : null;
            if (m == null) {
                String text = v.text();
                if (text == null) {
                    // an intrinsic is an ARN; anything else is ill-typed, and kept so that it is reported
                    arn = v;
                } else if (text.startsWith("arn:")) {
                    arn = v;
                } else {
                    topicName = text;
                }
            }
            Node topicArn;
            if (arn != null) {
                if (topicName == null) {
                    topicName = nameIn(arn, ':');
                }
                topicArn = arn;
            } else {
                if (topicName == null) {
                    return;
                }
                String topicId = "SNSTopic" + alphaNumeric(topicName);
                List<MapNode.Entry> tp = new ArrayList<>();
                Node tn = m != null ? m.get("topicName") : v;
                tp.add(Trees.entry("TopicName", tn.span(), tn));
                if (m != null) {
                    Trees.copy(m, "displayName", "DisplayName", tp);
                }
                add(resource(topicId, "AWS::SNS::Topic", Trees.map(tn.span(), tp), tn.span()));
                topicArn = Trees.ref(tn.span(), topicId);
            }
            List<MapNode.Entry> p = new ArrayList<>();
            p.add(Trees.entry("TopicArn", s, topicArn));
            p.add(Trees.entry("Protocol", s, Trees.str(s, "lambda")));
            p.add(Trees.entry("Endpoint", s, target(s)));
            if (m != null) {
                Trees.copy(m, "filterPolicy", "FilterPolicy", p);
                Trees.copy(m, "filterPolicyScope", "FilterPolicyScope", p);
                MapNode.Entry rp = m.entry("redrivePolicy");
                if (rp != null && rp.value() instanceof MapNode r) {
                    Node dlq = redriveTarget(r);
                    if (dlq != null) {
                        p.add(Trees.entry(
                                "RedrivePolicy", rp.keySpan(), Trees.map(r.span(), "deadLetterTargetArn", dlq)));
                    }
                }
            }
            add(resource(
                    norm + "SnsSubscription" + alphaNumeric(topicName),
                    "AWS::SNS::Subscription",
                    Trees.map(v.span(), p),
                    s));
        }

        /** {@code deadLetterTargetArn}, {@code deadLetterTargetRef} (a logical id), {@code deadLetterTargetImport}. */
        private Node redriveTarget(MapNode r) {
            Node arn = r.get("deadLetterTargetArn");
            if (arn != null) {
                return arn;
            }
            Node ref = r.get("deadLetterTargetRef");
            if (ref != null && ref.text() != null) {
                return Trees.arn(ref.span(), ref.text());
            }
            if (ref != null) {
                return ref;
            }
            Node imp = r.get("deadLetterTargetImport");
            if (imp instanceof MapNode im && im.get("arn") != null) {
                return new IntrinsicNode(im.get("arn").span(), "Fn::ImportValue", im.get("arn"));
            }
            return null;
        }

        private void eventBridge(Span s, MapNode m) {
            if (m == null) {
                return;
            }
            String ruleName = m.getText("name");
            if (ruleName == null) {
                String deployed = deployedName == null ? null : deployedName.text();
                ruleName = (deployed != null ? deployed : fn) + "-rule-"
                        + position; // the event's position among all the function's events
            }
            List<MapNode.Entry> p = new ArrayList<>();
            MapNode.Entry bus = m.entry("eventBus");
            if (bus != null) {
                p.add(Trees.entry("EventBusName", bus.keySpan(), bus.value()));
                String busName = bus.value().text();
                if (busName != null && !busName.startsWith("arn:") && !busName.equals("default")) {
                    add(resource(
                            normalizedName(busName) + "EventBridgeEventBus",
                            "AWS::Events::EventBus",
                            Trees.map(bus.keySpan(), "Name", bus.value()),
                            bus.keySpan()));
                }
            }
            Trees.copy(m, "pattern", "EventPattern", p);
            Trees.copy(m, "schedule", "ScheduleExpression", p);
            state(m, p);
            List<MapNode.Entry> t = new ArrayList<>();
            t.add(Trees.entry("Id", s, Trees.str(s, ruleName + "-target")));
            t.add(Trees.entry("Arn", s, target(s)));
            Trees.copy(m, "input", "Input", t);
            Trees.copy(m, "inputPath", "InputPath", t);
            Trees.copy(m, "inputTransformer", "InputTransformer", t);
            MapNode.Entry dlq = m.entry("deadLetterQueueArn");
            if (dlq != null) {
                t.add(Trees.entry("DeadLetterConfig", dlq.keySpan(), Trees.map(dlq.keySpan(), "Arn", dlq.value())));
            }
            MapNode.Entry rp = m.entry("retryPolicy");
            if (rp != null && rp.value() instanceof MapNode r) {
                List<MapNode.Entry> rpOut = new ArrayList<>();
                Trees.copy(r, "maximumEventAge", "MaximumEventAgeInSeconds", rpOut);
                Trees.copy(r, "maximumRetryAttempts", "MaximumRetryAttempts", rpOut);
                t.add(Trees.entry("RetryPolicy", rp.keySpan(), Trees.map(r.span(), rpOut)));
            }
            p.add(Trees.entry("Targets", s, Trees.list(s, Trees.map(s, t))));
            add(resource(alphaNumeric(ruleName) + "EventBridgeRule", "AWS::Events::Rule", Trees.map(m.span(), p), s));
        }

        private void state(MapNode m, List<MapNode.Entry> p) {
            MapNode.Entry en = m.entry("enabled");
            if (en != null && en.value() instanceof ScalarNode sc) {
                boolean off = sc.value().equalsIgnoreCase("false");
                p.add(Trees.entry("State", en.keySpan(), Trees.str(sc.span(), off ? "DISABLED" : "ENABLED")));
            } else if (en != null) {
                p.add(Trees.entry("State", en.keySpan(), en.value()));
            }
        }

        private void schedule(Span s, Node v, MapNode m) {
            Node rate = m != null ? m.get("rate") : v;
            if (rate == null) {
                return;
            }
            List<Node> rates = rate instanceof ListNode l ? l.items() : List.of(rate);
            for (Node r : rates) {
                schedules++;
                List<MapNode.Entry> p = new ArrayList<>();
                p.add(Trees.entry("ScheduleExpression", r.span(), r));
                List<MapNode.Entry> t = new ArrayList<>();
                t.add(Trees.entry("Id", s, Trees.str(s, fn + "Schedule")));
                t.add(Trees.entry("Arn", s, target(s)));
                if (m != null) {
                    state(m, p);
                    Trees.copy(m, "name", "Name", p);
                    Trees.copy(m, "description", "Description", p);
                    Trees.copy(m, "input", "Input", t);
                    Trees.copy(m, "inputPath", "InputPath", t);
                    Trees.copy(m, "inputTransformer", "InputTransformer", t);
                }
                p.add(Trees.entry("Targets", s, Trees.list(s, Trees.map(s, t))));
                add(resource(norm + SCHEDULE_RULE + schedules, "AWS::Events::Rule", Trees.map(v.span(), p), s));
            }
        }

        private void s3(Span s, Node v, MapNode m) {
            Node bucket = m != null ? m.get("bucket") : v;
            if (bucket == null) {
                return;
            }
            String bucketName = alphaNumeric(bucket.text() == null ? "" : bucket.text());
            if (m != null && m.get("existing") != null && "true".equalsIgnoreCase(m.getText("existing"))) {
                // an existing bucket: the framework configures its notification through a custom resource
                // and lets S3 invoke the function (asynchronously) with a permission, which is modelled
                List<MapNode.Entry> p = new ArrayList<>();
                p.add(Trees.entry("FunctionName", s, target(s)));
                p.add(Trees.entry("Action", s, Trees.str(s, "lambda:InvokeFunction")));
                p.add(Trees.entry("Principal", s, Trees.str(s, "s3.amazonaws.com")));
                if (bucket.text() != null) {
                    p.add(Trees.entry(
                            "SourceArn", bucket.span(), Trees.str(bucket.span(), "arn:aws:s3:::" + bucket.text())));
                }
                add(resource(
                        norm + "LambdaPermission" + bucketName + "S3",
                        "AWS::Lambda::Permission",
                        Trees.map(v.span(), p),
                        s));
                return;
            }
            List<MapNode.Entry> cfg = new ArrayList<>();
            MapNode.Entry event = m == null ? null : m.entry("event");
            cfg.add(
                    event != null
                            ? Trees.entry("Event", event.keySpan(), event.value())
                            : Trees.entry("Event", s, Trees.str(s, "s3:ObjectCreated:*")));
            ListNode rules = m == null ? null : m.getList("rules");
            if (rules != null) {
                List<Node> filterRules = new ArrayList<>();
                for (Node rule : rules.items()) {
                    if (rule instanceof MapNode rm && rm.size() == 1) {
                        MapNode.Entry re = rm.entries().get(0);
                        filterRules.add(Trees.map(
                                rm.span(),
                                List.of(
                                        Trees.entry("Name", re.keySpan(), Trees.str(re.keySpan(), re.key())),
                                        Trees.entry("Value", re.keySpan(), re.value()))));
                    }
                }
                cfg.add(Trees.entry(
                        "Filter",
                        rules.span(),
                        Trees.map(
                                rules.span(),
                                "S3Key",
                                Trees.map(rules.span(), "Rules", new ListNode(rules.span(), filterRules)))));
            }
            cfg.add(Trees.entry("Function", s, target(s)));
            String id = "S3Bucket" + bucketName;
            bucketNotifications.computeIfAbsent(id, k -> new ArrayList<>()).add(bucket);
            bucketNotifications.get(id).add(Trees.map(v.span(), cfg));
        }
    }

    /** One bucket per name the {@code s3} events use, with their notifications (name, then configs). */
    /**
     * The APIs the framework creates for {@code http}, {@code httpApi} and {@code websocket} events
     * ({@code ApiGatewayRestApi}, {@code HttpApi}, {@code WebsocketsApi}), so that {@code resources:}
     * may refer to them (a gateway response, an authorizer); their methods and routes are not modelled.
     */
    private void implicitApis() {
        Map<String, Span> first = new LinkedHashMap<>();
        for (MapNode.Entry f : functions.entries()) {
            ListNode events = f.value() instanceof MapNode fn ? fn.getList("events") : null;
            for (Node item : events == null ? List.<Node>of() : events.items()) {
                if (item instanceof MapNode ev && ev.size() == 1) {
                    first.putIfAbsent(
                            ev.entries().get(0).key(), ev.entries().get(0).keySpan());
                }
            }
        }
        String[][] apis = {
            {"http", "ApiGatewayRestApi", "AWS::ApiGateway::RestApi"},
            {"httpApi", "HttpApi", "AWS::ApiGatewayV2::Api"},
            {"websocket", "WebsocketsApi", "AWS::ApiGatewayV2::Api"}
        };
        for (String[] api : apis) {
            Span s = first.get(api[0]);
            if (s != null) {
                MapNode props = api[0].equals("http")
                        ? MapNode.empty(s)
                        : Trees.map(s, "ProtocolType", Trees.str(s, api[0].equals("httpApi") ? "HTTP" : "WEBSOCKET"));
                add(resource(api[1], api[2], props, s));
            }
        }
    }

    private void bucketsOfS3Events() {
        for (Map.Entry<String, List<Node>> e : bucketNotifications.entrySet()) {
            List<Node> items = e.getValue();
            Node name = items.get(0);
            List<Node> configs = new ArrayList<>();
            for (int i = 1; i < items.size(); i += 2) {
                configs.add(items.get(i));
            }
            Span s = name.span();
            MapNode props = Trees.map(
                    s,
                    List.of(
                            Trees.entry("BucketName", s, name),
                            Trees.entry(
                                    "NotificationConfiguration",
                                    s,
                                    Trees.map(s, "LambdaConfigurations", new ListNode(s, configs)))));
            add(resource(e.getKey(), "AWS::S3::Bucket", props, s));
        }
    }

    /**
     * The name the framework puts in a logical id for an ARN-valued event source: the part after the
     * last {@code sep} of a literal ARN ({@code /} for streams: the stream or table name), the logical
     * id of an {@code Fn::GetAtt}/{@code Ref}, the export name of an {@code Fn::ImportValue}, else empty.
     */
    static String nameIn(Node arn, char sep) {
        String text = arn.text();
        if (text != null) {
            if (sep == '/') {
                String[] parts = text.split("/", -1);
                return parts.length > 1 ? parts[1] : text;
            }
            return text.substring(text.lastIndexOf(':') + 1);
        }
        if (arn instanceof IntrinsicNode in) {
            Node a = in.argument();
            if (in.is("Fn::GetAtt")
                    && a instanceof ListNode l
                    && !l.items().isEmpty()
                    && l.get(0).text() != null) {
                return l.get(0).text();
            }
            if ((in.is("Ref") || in.is("Fn::ImportValue")) && a.text() != null) {
                return a.text();
            }
        }
        return "";
    }

    /** {@code kinesis} or {@code dynamodb} from a stream ARN (literal, or {@code GetAtt X.StreamArn}), else null. */
    private static String streamType(Node arn) {
        String text = arn.text();
        if (text != null) {
            if (text.startsWith("arn:") && text.contains(":kinesis:")) {
                return "kinesis";
            }
            if (text.startsWith("arn:") && text.contains(":dynamodb:")) {
                return "dynamodb";
            }
            return null;
        }
        if (arn instanceof IntrinsicNode in
                && in.is("Fn::GetAtt")
                && in.argument() instanceof ListNode l
                && l.size() > 1) {
            String att = l.get(1).text();
            return "StreamArn".equals(att) ? "dynamodb" : "Arn".equals(att) ? "kinesis" : null;
        }
        return null;
    }

    // ---- resources:

    /** The user's CloudFormation: {@code resources:} as one object or a list of fragments, merged. */
    private record Sections(
            Map<String, Resource> resources,
            MapNode parameters,
            MapNode conditions,
            MapNode mappings,
            MapNode outputs) {}

    private Sections userSections() {
        Node section = root.get("resources");
        List<MapNode> fragments = new ArrayList<>();
        if (section instanceof MapNode m) {
            fragments.add(m);
        } else if (section instanceof ListNode l) {
            for (Node item : l.items()) {
                if (item instanceof MapNode m) {
                    fragments.add(m);
                }
            }
        }
        Map<String, Resource> resources = new LinkedHashMap<>();
        for (MapNode f : fragments) {
            MapNode rs = f.getMap("Resources");
            if (rs == null) {
                continue;
            }
            for (MapNode.Entry e : rs.entries()) {
                if (e.value() instanceof MapNode body) {
                    resources.put(e.key(), Resource.declared(e, body));
                }
            }
        }
        return new Sections(
                resources,
                combined(fragments, "Parameters"),
                combined(fragments, "Conditions"),
                combined(fragments, "Mappings"),
                combined(fragments, "Outputs"));
    }

    private MapNode combined(List<MapNode> fragments, String key) {
        List<MapNode.Entry> all = new ArrayList<>();
        Span span = root.span();
        for (MapNode f : fragments) {
            MapNode m = f.getMap(key);
            if (m != null) {
                span = all.isEmpty() ? m.span() : span;
                for (MapNode.Entry e : m.entries()) {
                    Trees.put(all, e);
                }
            }
        }
        return Trees.map(span, all);
    }
}
