package dev.faultline.core.graph;

import dev.faultline.core.model.InputFile;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import dev.faultline.core.tree.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code serverless-step-functions} plugin: {@code stepFunctions.stateMachines.<key>} becomes
 * what the plugin compiles (confirmed against its {@code compileStateMachines}, {@code compileAlarms},
 * {@code compileNotifications} and event compilers, version 3):
 *
 * <ul>
 *   <li>an {@code AWS::StepFunctions::StateMachine} whose logical id is the normalized {@code id}
 *       or {@code name} when set ({@code my-machine} → {@code MyDashmachine}), else
 *       {@code <Key>StepFunctionsStateMachine}; its {@code Definition} is the YAML definition as
 *       written (so every state keeps its line), with a function of the service named in
 *       {@code Fn::GetAtt: [hello, Arn]} or {@code Ref: hello} turned into its
 *       {@code HelloLambdaFunction} (as the plugin translates it); {@code type},
 *       {@code loggingConfig} (level {@code OFF} when not given, as the plugin's schema defaults it),
 *       {@code tracingConfig}, {@code name} and {@code role};</li>
 *   <li>{@code alarms}: one {@code AWS::CloudWatch::Alarm} per known metric on the
 *       {@code AWS/States} namespace with the machine as {@code StateMachineArn} dimension
 *       ({@code <Machine><Metric>Alarm}, or the metric's {@code logicalId}), so an alarm on
 *       {@code executionsFailed} watches the machine's failures;</li>
 *   <li>{@code notifications} (not for EXPRESS machines, which the plugin skips): per status an
 *       EventBridge rule on {@code aws.states} "Step Functions Execution Status Change" for this
 *       machine ({@code <Machine>Notifications<STATUS>EventRule}) with its targets;</li>
 *   <li>{@code events}: {@code schedule} (an EventBridge rule
 *       {@code <Key>StepFunctionsEventsRuleSchedule<n>}, or with {@code method: scheduler} an
 *       {@code AWS::Scheduler::Schedule} {@code <Key>StepFunctionsSchedulerSchedule<n>}; neither has a
 *       dead-letter key in the plugin) and {@code cloudwatchEvent}/{@code eventBridge} (a rule
 *       {@code <Key>EventsRuleCloudWatchEvent<n>} with the plugin's {@code deadLetterConfig} ARN and
 *       {@code retryPolicy}), each targeting the machine. {@code http} events (API Gateway starting an
 *       execution) are not modelled;</li>
 *   <li>{@code stepFunctions.activities}: an {@code AWS::StepFunctions::Activity}
 *       {@code <Name>StepFunctionsActivity} per name.</li>
 * </ul>
 *
 * A generated value takes the span of the key that implies it; a value the user wrote keeps its own.
 * An {@code id}/{@code name} that is not a literal (an unresolved variable) leaves the key-based id.
 */
final class ServerlessStepFunctions extends ServerlessExpander {

    /** The plugin's alarm metric names and the CloudWatch metrics they stand for. */
    private static final Map<String, String> METRICS = Map.of(
            "executionsTimedOut", "ExecutionsTimedOut",
            "executionsFailed", "ExecutionsFailed",
            "executionsAborted", "ExecutionsAborted",
            "executionThrottled", "ExecutionThrottled",
            "executionsSucceeded", "ExecutionsSucceeded");

    private static final List<String> STATUSES = List.of("ABORTED", "FAILED", "RUNNING", "SUCCEEDED", "TIMED_OUT");
    private static final List<String> TARGET_KINDS =
            List.of("sns", "sqs", "kinesis", "firehose", "lambda", "stepFunctions");
    private static final int MAX_DEPTH = 256;

    private final Set<String> userResourceIds = new HashSet<>();

    ServerlessStepFunctions(InputFile file, MapNode root) {
        super(file, root);
    }

    /** Whether the service declares plugin state machines or activities. */
    static boolean applies(MapNode root) {
        return root.get("stepFunctions") instanceof MapNode;
    }

    @Override
    protected void expandPlugins() {
        super.expandPlugins();
        MapNode sf = root.getMap("stepFunctions");
        collectUserResourceIds();
        MapNode machines = sf.getMap("stateMachines");
        for (MapNode.Entry e : machines == null ? List.<MapNode.Entry>of() : machines.entries()) {
            if (e.value() instanceof MapNode m) {
                machine(e, m);
            }
        }
        ListNode activities = sf.getList("activities");
        for (Node a : activities == null ? List.<Node>of() : activities.items()) {
            if (a instanceof ScalarNode name && !name.isNull() && !name.value().isEmpty()) {
                // <Name>StepFunctionsActivity, which a task's Resource names with Ref
                add(resource(
                        normalizedName(name.value()) + "StepFunctionsActivity",
                        "AWS::StepFunctions::Activity",
                        Trees.map(name.span(), "Name", name),
                        name.span()));
            }
        }
    }

    /** The logical ids of {@code resources:} (one object or a list of fragments). */
    private void collectUserResourceIds() {
        Node section = root.get("resources");
        List<Node> fragments =
                section instanceof ListNode l ? l.items() : section == null ? List.of() : List.of(section);
        for (Node f : fragments) {
            MapNode rs = f instanceof MapNode fm ? fm.getMap("Resources") : null;
            if (rs != null) {
                userResourceIds.addAll(rs.keys());
            }
        }
    }

    /** The plugin's logical id of a machine: normalized {@code id} or {@code name}, else from its key. */
    static String machineLogicalId(String key, MapNode m) {
        for (String k : List.of("id", "name")) {
            Node v = m.get(k);
            if (v instanceof ScalarNode s && !s.isNull() && !s.value().isEmpty()) {
                return normalizedName(s.value());
            }
        }
        return normalizedName(key) + "StepFunctionsStateMachine";
    }

    private void machine(MapNode.Entry e, MapNode m) {
        Span s = e.keySpan();
        String id = machineLogicalId(e.key(), m);
        boolean express = "EXPRESS".equals(m.getText("type"));
        List<MapNode.Entry> p = new ArrayList<>();
        MapNode.Entry definition = m.entry("definition");
        if (definition != null) {
            Node def = definition.value();
            if (def instanceof MapNode dm) {
                p.add(Trees.entry("Definition", definition.keySpan(), translate(dm, 0)));
            } else {
                p.add(Trees.entry("DefinitionString", definition.keySpan(), def));
            }
        }
        MapNode.Entry type = m.entry("type");
        if (type != null) {
            p.add(Trees.entry("StateMachineType", type.keySpan(), type.value()));
        }
        Trees.copy(m, "name", "StateMachineName", p);
        MapNode.Entry role = m.entry("role");
        if (role != null) {
            p.add(Trees.entry("RoleArn", role.keySpan(), role.value()));
        }
        MapNode.Entry logging = m.entry("loggingConfig");
        if (logging != null && logging.value() instanceof MapNode lc) {
            p.add(Trees.entry("LoggingConfiguration", logging.keySpan(), loggingConfiguration(logging.keySpan(), lc)));
        }
        MapNode.Entry tracing = m.entry("tracingConfig");
        if (tracing != null && tracing.value() instanceof MapNode tc) {
            List<MapNode.Entry> t = new ArrayList<>();
            Trees.copy(tc, "enabled", "Enabled", t);
            p.add(Trees.entry("TracingConfiguration", tracing.keySpan(), Trees.map(tc.span(), t)));
        }
        add(resource(id, "AWS::StepFunctions::StateMachine", Trees.map(m.span(), p), s));
        MapNode.Entry alarms = m.entry("alarms");
        if (alarms != null && alarms.value() instanceof MapNode am) {
            alarms(id, am);
        }
        MapNode.Entry notifications = m.entry("notifications");
        if (!express && notifications != null && notifications.value() instanceof MapNode nm) {
            notifications(e.key(), id, nm);
        }
        ListNode events = m.getList("events");
        if (events != null) {
            events(e.key(), id, events);
        }
    }

    private static MapNode loggingConfiguration(Span at, MapNode lc) {
        List<MapNode.Entry> l = new ArrayList<>();
        MapNode.Entry level = lc.entry("level");
        l.add(
                level != null
                        ? Trees.entry("Level", level.keySpan(), level.value())
                        : Trees.entry("Level", at, Trees.str(at, "OFF")));
        Trees.copy(lc, "includeExecutionData", "IncludeExecutionData", l);
        MapNode.Entry dest = lc.entry("destinations");
        if (dest != null && dest.value() instanceof ListNode dl) {
            List<Node> groups = new ArrayList<>(dl.size());
            for (Node d : dl.items()) {
                groups.add(Trees.map(d.span(), "CloudWatchLogsLogGroup", Trees.map(d.span(), "LogGroupArn", d)));
            }
            l.add(Trees.entry("Destinations", dest.keySpan(), new ListNode(dl.span(), groups)));
        }
        return Trees.map(lc.span(), l);
    }

    /**
     * The definition with the service's function names in {@code Fn::GetAtt}/{@code Ref} turned into
     * their logical ids ({@code hello} → {@code HelloLambdaFunction}), every span kept.
     */
    private Node translate(Node n, int depth) {
        if (depth > MAX_DEPTH) {
            return n;
        }
        if (n instanceof IntrinsicNode in) {
            return translateIntrinsic(in);
        }
        if (n instanceof MapNode m) {
            List<MapNode.Entry> out = new ArrayList<>(m.size());
            boolean changed = false;
            for (MapNode.Entry e : m.entries()) {
                Node v = translate(e.value(), depth + 1);
                changed |= v != e.value();
                out.add(v == e.value() ? e : new MapNode.Entry(e.key(), e.keySpan(), v));
            }
            return changed ? new MapNode(m.span(), out) : m;
        }
        if (n instanceof ListNode l) {
            List<Node> out = new ArrayList<>(l.size());
            boolean changed = false;
            for (Node item : l.items()) {
                Node v = translate(item, depth + 1);
                changed |= v != item;
                out.add(v);
            }
            return changed ? new ListNode(l.span(), out) : l;
        }
        return n;
    }

    private Node translateIntrinsic(IntrinsicNode in) {
        Node arg = in.argument();
        if (in.is("Ref") && arg instanceof ScalarNode s && isFunctionName(s.value())) {
            return new IntrinsicNode(in.span(), "Ref", rename(s));
        }
        if (in.is("Fn::GetAtt")
                && arg instanceof ListNode l
                && l.size() == 2
                && l.get(0) instanceof ScalarNode s
                && isFunctionName(s.value())) {
            return new IntrinsicNode(in.span(), in.function(), new ListNode(l.span(), List.of(rename(s), l.get(1))));
        }
        return in;
    }

    private boolean isFunctionName(String name) {
        return functions.get(name) != null && !userResourceIds.contains(name);
    }

    private static ScalarNode rename(ScalarNode s) {
        return new ScalarNode(s.span(), functionLogicalId(s.value()), ScalarNode.Kind.STRING);
    }

    // ---- alarms

    private void alarms(String machineId, MapNode am) {
        MapNode topics = am.getMap("topics");
        ListNode metrics = am.getList("metrics");
        if (metrics == null) {
            return;
        }
        Node treatMissing = am.get("treatMissingData");
        Set<String> done = new HashSet<>();
        for (Node item : metrics.items()) {
            MapNode im = item instanceof MapNode mm ? mm : null;
            Node metricNode = im != null ? im.get("metric") : item;
            String metric = metricNode == null ? null : metricNode.text();
            String cw = metric == null ? null : METRICS.get(metric);
            if (cw == null || !done.add(metric)) {
                continue; // the plugin creates no alarm for an unknown metric, one per metric
            }
            Span s = item.span();
            String logicalId =
                    im != null && im.getText("logicalId") != null ? im.getText("logicalId") : machineId + cw + "Alarm";
            List<MapNode.Entry> p = new ArrayList<>();
            p.add(Trees.entry("Namespace", s, Trees.str(s, "AWS/States")));
            p.add(Trees.entry("MetricName", s, Trees.str(metricNode.span(), cw)));
            p.add(Trees.entry("Threshold", s, new ScalarNode(s, "1", ScalarNode.Kind.INT)));
            p.add(Trees.entry("Period", s, new ScalarNode(s, "60", ScalarNode.Kind.INT)));
            p.add(Trees.entry("EvaluationPeriods", s, new ScalarNode(s, "1", ScalarNode.Kind.INT)));
            p.add(Trees.entry("ComparisonOperator", s, Trees.str(s, "GreaterThanOrEqualToThreshold")));
            p.add(Trees.entry("Statistic", s, Trees.str(s, "Sum")));
            actions(topics, "ok", "OKActions", s, p);
            actions(topics, "alarm", "AlarmActions", s, p);
            actions(topics, "insufficientData", "InsufficientDataActions", s, p);
            Node treat = im != null && im.get("treatMissingData") != null ? im.get("treatMissingData") : treatMissing;
            p.add(Trees.entry("TreatMissingData", s, treat != null ? treat : Trees.str(s, "missing")));
            p.add(Trees.entry(
                    "Dimensions",
                    s,
                    Trees.list(
                            s,
                            Trees.map(
                                    s,
                                    List.of(
                                            Trees.entry("Name", s, Trees.str(s, "StateMachineArn")),
                                            Trees.entry("Value", s, Trees.ref(s, machineId)))))));
            add(resource(logicalId, "AWS::CloudWatch::Alarm", Trees.map(s, p), s));
        }
    }

    private static void actions(MapNode topics, String key, String cfnKey, Span s, List<MapNode.Entry> p) {
        Node topic = topics == null ? null : topics.get(key);
        p.add(Trees.entry(cfnKey, s, topic == null ? new ListNode(s, List.of()) : Trees.list(topic.span(), topic)));
    }

    // ---- notifications

    private void notifications(String key, String machineId, MapNode nm) {
        for (String status : STATUSES) {
            MapNode.Entry e = nm.entry(status);
            if (e == null
                    || !(e.value() instanceof ListNode targets)
                    || targets.items().isEmpty()) {
                continue;
            }
            Span s = e.keySpan();
            List<Node> cfnTargets = new ArrayList<>();
            int index = 0;
            for (Node t : targets.items()) {
                if (!(t instanceof MapNode tm)) {
                    continue;
                }
                Node arn = null;
                for (String kind : TARGET_KINDS) {
                    Node v = tm.get(kind);
                    if (v != null) {
                        arn = v instanceof MapNode vm && vm.get("arn") != null ? vm.get("arn") : v;
                        break;
                    }
                }
                if (arn == null) {
                    continue;
                }
                List<MapNode.Entry> te = new ArrayList<>();
                te.add(Trees.entry("Arn", arn.span(), translate(arn, 0)));
                te.add(Trees.entry("Id", t.span(), Trees.str(t.span(), key + "-" + status + "-" + index)));
                Trees.copy(tm, "inputPath", "InputPath", te);
                cfnTargets.add(Trees.map(t.span(), te));
                index++;
            }
            MapNode pattern = Trees.map(
                    s,
                    List.of(
                            Trees.entry("source", s, Trees.list(s, Trees.str(s, "aws.states"))),
                            Trees.entry(
                                    "detail-type",
                                    s,
                                    Trees.list(s, Trees.str(s, "Step Functions Execution Status Change"))),
                            Trees.entry(
                                    "detail",
                                    s,
                                    Trees.map(
                                            s,
                                            List.of(
                                                    Trees.entry("status", s, Trees.list(s, Trees.str(s, status))),
                                                    Trees.entry(
                                                            "stateMachineArn",
                                                            s,
                                                            Trees.list(s, Trees.ref(s, machineId))))))));
            List<MapNode.Entry> p = new ArrayList<>();
            p.add(Trees.entry(
                    "Description",
                    s,
                    Trees.str(s, "[" + status + "] status notification for state machine [" + key + "]")));
            p.add(Trees.entry("EventPattern", s, pattern));
            p.add(Trees.entry("Name", s, Trees.str(s, key + "-" + status + "-notification")));
            p.add(Trees.entry("Targets", s, new ListNode(targets.span(), cfnTargets)));
            add(resource(
                    machineId + "Notifications" + status.replaceFirst("_", "") + "EventRule",
                    "AWS::Events::Rule",
                    Trees.map(targets.span(), p),
                    s));
        }
    }

    // ---- events

    private void events(String key, String machineId, ListNode events) {
        int schedules = 0;
        int rules = 0;
        String norm = normalizedName(key);
        for (Node item : events.items()) {
            if (!(item instanceof MapNode ev) || ev.size() != 1) {
                continue;
            }
            MapNode.Entry e = ev.entries().get(0);
            Span s = e.keySpan();
            switch (e.key()) {
                case "schedule" -> {
                    schedules++;
                    schedule(key, norm, machineId, s, e.value(), schedules);
                }
                case "cloudwatchEvent", "eventBridge" -> {
                    rules++;
                    if (e.value() instanceof MapNode m) {
                        eventRule(key, norm, machineId, s, m, rules);
                    }
                }
                default -> {
                    // http events: API Gateway starting executions, not modelled
                }
            }
        }
    }

    private void schedule(String key, String norm, String machineId, Span s, Node v, int n) {
        MapNode m = v instanceof MapNode vm ? vm : null;
        Node rate = m != null ? m.get("rate") : v;
        if (rate == null) {
            return;
        }
        boolean scheduler = m != null && "scheduler".equals(m.getText("method"));
        List<MapNode.Entry> p = new ArrayList<>();
        p.add(Trees.entry("ScheduleExpression", rate.span(), rate));
        p.add(state(m, s));
        if (m != null) {
            Trees.copy(m, "name", "Name", p);
            Trees.copy(m, "description", "Description", p);
        }
        List<MapNode.Entry> t = new ArrayList<>();
        t.add(Trees.entry("Arn", s, Trees.ref(s, machineId)));
        if (m != null) {
            Trees.copy(m, "input", "Input", t);
            MapNode.Entry rp = m.entry("retryPolicy");
            if (rp != null && rp.value() instanceof MapNode r) {
                t.add(Trees.entry("RetryPolicy", rp.keySpan(), retryPolicy(r)));
            }
        }
        if (scheduler) {
            if (m.get("timezone") != null) {
                Trees.copy(m, "timezone", "ScheduleExpressionTimezone", p);
            }
            p.add(Trees.entry("Target", s, Trees.map(s, t)));
            p.add(Trees.entry("FlexibleTimeWindow", s, Trees.map(s, "Mode", Trees.str(s, "OFF"))));
            add(resource(
                    norm + "StepFunctionsSchedulerSchedule" + n,
                    "AWS::Scheduler::Schedule",
                    Trees.map(v.span(), p),
                    s));
        } else {
            t.add(Trees.entry("Id", s, Trees.str(s, key + "StepFunctionsSchedule")));
            if (m != null) {
                Trees.copy(m, "inputPath", "InputPath", t);
            }
            p.add(Trees.entry("Targets", s, Trees.list(s, Trees.map(s, t))));
            add(resource(norm + "StepFunctionsEventsRuleSchedule" + n, "AWS::Events::Rule", Trees.map(v.span(), p), s));
        }
    }

    private void eventRule(String key, String norm, String machineId, Span s, MapNode m, int n) {
        List<MapNode.Entry> p = new ArrayList<>();
        Trees.copy(m, "eventBusName", "EventBusName", p);
        Trees.copy(m, "event", "EventPattern", p);
        p.add(state(m, s));
        Trees.copy(m, "name", "Name", p);
        Trees.copy(m, "description", "Description", p);
        List<MapNode.Entry> t = new ArrayList<>();
        t.add(Trees.entry("Arn", s, Trees.ref(s, machineId)));
        t.add(Trees.entry("Id", s, Trees.str(s, key + "CloudWatchEvent")));
        Trees.copy(m, "input", "Input", t);
        Trees.copy(m, "inputPath", "InputPath", t);
        MapNode.Entry dlq = m.entry("deadLetterConfig");
        if (dlq != null) {
            t.add(Trees.entry(
                    "DeadLetterConfig", dlq.keySpan(), Trees.map(dlq.value().span(), "Arn", dlq.value())));
        }
        MapNode.Entry rp = m.entry("retryPolicy");
        if (rp != null && rp.value() instanceof MapNode r) {
            t.add(Trees.entry("RetryPolicy", rp.keySpan(), retryPolicy(r)));
        }
        MapNode.Entry role = m.entry("iamRole");
        if (role != null) {
            t.add(Trees.entry("RoleArn", role.keySpan(), role.value()));
        }
        p.add(Trees.entry("Targets", s, Trees.list(s, Trees.map(s, t))));
        add(resource(norm + "EventsRuleCloudWatchEvent" + n, "AWS::Events::Rule", Trees.map(m.span(), p), s));
    }

    /** The plugin's retry policy keys ({@code maximumEventAgeInSeconds}, {@code maximumRetryAttempts}). */
    private static MapNode retryPolicy(MapNode r) {
        List<MapNode.Entry> out = new ArrayList<>();
        Trees.copy(r, "maximumEventAgeInSeconds", "MaximumEventAgeInSeconds", out);
        Trees.copy(r, "maximumRetryAttempts", "MaximumRetryAttempts", out);
        return Trees.map(r.span(), out);
    }

    /** {@code State}: {@code DISABLED} for {@code enabled: false}, else {@code ENABLED}. */
    private static MapNode.Entry state(MapNode m, Span s) {
        MapNode.Entry en = m == null ? null : m.entry("enabled");
        if (en != null && en.value() instanceof ScalarNode sc) {
            return Trees.entry(
                    "State",
                    en.keySpan(),
                    Trees.str(sc.span(), sc.value().equalsIgnoreCase("false") ? "DISABLED" : "ENABLED"));
        }
        return Trees.entry("State", s, Trees.str(s, "ENABLED"));
    }
}
