package dev.faultline.bench;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.AnalysisResult;
import dev.faultline.core.engine.Analyzer;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares what the Serverless Framework compiles from a service ({@code serverless package}'s
 * {@code .serverless/cloudformation-template-update-stack.json}) with the nodes Faultline's
 * expander makes from the same {@code serverless.yml}: the logical ids of the resources that carry
 * failure handling, and for each pair the properties the rules read (timeouts, batch and retry
 * settings, destinations, dead-letter targets, state machine type and logging, alarm metrics). Run
 * by {@code benchmarks/serverless-compile.sh}, never by the default build (it needs Node.js and the
 * framework from the npm registry).
 *
 * <p>Usage: {@code ServerlessCompare <serverless.yml> <compiled template json>}. Prints one line per
 * compared resource ({@code same}, {@code differs}, {@code only compiled}, {@code only faultline})
 * and a summary; the exit code is 0 when every compared resource matches, 1 otherwise, 2 on bad
 * arguments.
 */
public final class ServerlessCompare {

    /** The resource types compared, with the property paths compared on each (dots; {@code *} for list items). */
    static final Map<String, List<String>> COMPARED = new TreeMap<>(Map.ofEntries(
            Map.entry(
                    "AWS::Lambda::Function",
                    List.of("Timeout", "ReservedConcurrentExecutions", "DeadLetterConfig.TargetArn")),
            Map.entry(
                    "AWS::Lambda::EventSourceMapping",
                    List.of(
                            "EventSourceArn",
                            "BatchSize",
                            "StartingPosition",
                            "MaximumBatchingWindowInSeconds",
                            "MaximumRetryAttempts",
                            "MaximumRecordAgeInSeconds",
                            "BisectBatchOnFunctionError",
                            "FunctionResponseTypes",
                            "ParallelizationFactor",
                            "DestinationConfig.OnFailure.Destination",
                            "ScalingConfig.MaximumConcurrency",
                            "Enabled",
                            "Topics",
                            "Queues",
                            "SelfManagedEventSource.Endpoints.KafkaBootstrapServers")),
            Map.entry(
                    "AWS::Lambda::EventInvokeConfig",
                    List.of(
                            "Qualifier",
                            "MaximumRetryAttempts",
                            "MaximumEventAgeInSeconds",
                            "DestinationConfig.OnFailure.Destination",
                            "DestinationConfig.OnSuccess.Destination")),
            Map.entry("AWS::SNS::Topic", List.of("TopicName", "Subscription.*.Protocol")),
            Map.entry("AWS::SNS::Subscription", List.of("Protocol", "RedrivePolicy")),
            Map.entry(
                    "AWS::Events::Rule",
                    List.of(
                            "ScheduleExpression",
                            "State",
                            "Targets.*.DeadLetterConfig.Arn",
                            "Targets.*.RetryPolicy.MaximumRetryAttempts",
                            "Targets.*.RetryPolicy.MaximumEventAgeInSeconds")),
            Map.entry(
                    "AWS::Scheduler::Schedule",
                    List.of("ScheduleExpression", "State", "Target.DeadLetterConfig.Arn", "Target.RetryPolicy")),
            Map.entry(
                    "AWS::StepFunctions::StateMachine",
                    List.of("StateMachineType", "LoggingConfiguration.Level", "LoggingConfiguration.Destinations")),
            Map.entry(
                    "AWS::CloudWatch::Alarm",
                    List.of("Namespace", "MetricName", "Dimensions.*.Name", "Dimensions.*.Value")),
            Map.entry("AWS::SQS::Queue", List.of("VisibilityTimeout", "RedrivePolicy")),
            Map.entry(
                    "AWS::IoT::TopicRule",
                    List.of(
                            "TopicRulePayload.ErrorAction",
                            "TopicRulePayload.RuleDisabled",
                            "TopicRulePayload.Actions.*.Lambda.FunctionArn")),
            Map.entry("AWS::Logs::SubscriptionFilter", List.of("LogGroupName", "FilterPattern", "DestinationArn")),
            Map.entry("AWS::Cognito::UserPool", List.of("LambdaConfig")),
            Map.entry("AWS::ElasticLoadBalancingV2::TargetGroup", List.of("TargetType", "Targets.*.Id")),
            Map.entry(
                    "AWS::ElasticLoadBalancingV2::ListenerRule",
                    List.of("ListenerArn", "Priority", "Actions.*.TargetGroupArn")),
            Map.entry(
                    "AWS::ApiGateway::Method",
                    List.of(
                            "HttpMethod",
                            "Integration.Type",
                            "Integration.TimeoutInMillis",
                            "Integration.Uri",
                            "Integration.RequestParameters")),
            Map.entry(
                    "AWS::ApiGatewayV2::Integration",
                    List.of("IntegrationType", "IntegrationUri", "TimeoutInMillis", "PayloadFormatVersion")),
            Map.entry(
                    "AWS::ApiGatewayV2::Route",
                    List.of("RouteKey", "Target", "RouteResponseSelectionExpression")),
            Map.entry("AWS::ApiGatewayV2::RouteResponse", List.of("RouteId", "RouteResponseKey")),
            Map.entry("AWS::ApiGateway::RestApi", List.of()),
            Map.entry("AWS::ApiGatewayV2::Api", List.of()),
            Map.entry("AWS::Kinesis::Stream", List.of()),
            Map.entry("AWS::DynamoDB::Table", List.of())));

    /** CloudFormation's own defaults: an absent value that means the same as the compiled one. */
    static final Map<String, String> CFN_DEFAULTS = Map.of(
            "AWS::Lambda::EventSourceMapping Enabled", "true",
            "AWS::Events::Rule State", "ENABLED",
            "AWS::Scheduler::Schedule State", "ENABLED");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ServerlessCompare() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ServerlessCompare <serverless.yml> <compiled template json>");
            System.exit(2);
        }
        System.exit(run(Path.of(args[0]), Path.of(args[1]), System.out) ? 0 : 1);
    }

    /** Compares and prints; true when every compared resource has the same id and values. */
    static boolean run(Path serverlessYml, Path compiledJson, PrintStream out) throws IOException {
        Path file = serverlessYml.toAbsolutePath().normalize();
        // the service's parent is the project root, so that `${file(../base.yml)}` stays inside it
        Path root = file.getParent().getParent() == null ? file.getParent() : file.getParent().getParent();
        JsonNode compiled = JSON.readTree(Files.readString(compiledJson, StandardCharsets.UTF_8));
        AnalysisResult result = Analyzer.fromClassPath().analyze(AnalysisRequest.of(root, List.of(file)));

        Map<String, GraphNode> nodes = new TreeMap<>();
        for (GraphNode n : result.graph().nodes()) {
            if (COMPARED.containsKey(n.type())) {
                nodes.putIfAbsent(n.name(), n);
            }
        }
        Map<String, JsonNode> resources = new TreeMap<>();
        JsonNode rs = compiled.get("Resources");
        if (rs != null) {
            for (Map.Entry<String, JsonNode> e : rs.properties()) {
                JsonNode type = e.getValue().get("Type");
                if (type != null && COMPARED.containsKey(type.asString())) {
                    resources.put(e.getKey(), e.getValue());
                }
            }
        }
        Set<String> ids = new TreeSet<>(resources.keySet());
        ids.addAll(nodes.keySet());
        int same = 0;
        int bad = 0;
        out.println("# " + serverlessYml + " vs " + compiledJson);
        for (String id : ids) {
            JsonNode r = resources.get(id);
            GraphNode n = nodes.get(id);
            if (r == null) {
                out.println("only faultline  " + id + " " + n.type() + " (" + n.file() + ":" + n.span().line() + ")");
                bad++;
                continue;
            }
            String type = r.get("Type").asString();
            if (n == null) {
                out.println("only compiled   " + id + " " + type);
                bad++;
                continue;
            }
            if (!n.type().equals(type)) {
                out.println("differs         " + id + " type " + type + " vs " + n.type());
                bad++;
                continue;
            }
            List<String> diffs = new ArrayList<>();
            JsonNode props = r.get("Properties");
            for (String path : COMPARED.get(type)) {
                String want = canonical(select(props, path.split("\\.")));
                String got = canonical(select(n.properties(), path.split("\\.")));
                if (got.equals("-")) {
                    got = CFN_DEFAULTS.getOrDefault(type + " " + path, got);
                }
                if (want.equals("-")) {
                    want = CFN_DEFAULTS.getOrDefault(type + " " + path, want);
                }
                if (!want.equals(got)) {
                    diffs.add(path + ": compiled " + want + ", faultline " + got);
                }
            }
            if (diffs.isEmpty()) {
                out.println("same            " + id + " " + type);
                same++;
            } else {
                out.println("differs         " + id + " " + type);
                for (String d : diffs) {
                    out.println("                  " + d);
                }
                bad++;
            }
        }
        List<Finding> parse = new ArrayList<>();
        for (Finding f : result.activeFindings()) {
            if (f.ruleId().startsWith("FL-PARSE")) {
                parse.add(f);
            }
        }
        for (Finding f : parse) {
            out.println("input finding   " + f.ruleId() + " " + f.span().line() + ": " + f.message());
        }
        out.println("summary " + same + " same, " + bad + " different or missing, " + parse.size() + " input findings");
        return bad == 0;
    }

    /** The JSON value at {@code path} of the compiled template; lists under {@code *} become arrays. */
    private static Object select(JsonNode cur, String[] path) {
        return select(cur, path, 0);
    }

    private static Object select(JsonNode cur, String[] path, int i) {
        if (cur == null || cur.isNull()) {
            return null;
        }
        if (i == path.length) {
            return cur;
        }
        if (path[i].equals("*")) {
            if (!cur.isArray()) {
                return null;
            }
            List<Object> items = new ArrayList<>();
            for (JsonNode item : cur) {
                items.add(select(item, path, i + 1));
            }
            return items;
        }
        return select(cur.get(path[i]), path, i + 1);
    }

    private static Object select(Node cur, String[] path) {
        return select(cur, path, 0);
    }

    private static Object select(Node cur, String[] path, int i) {
        if (cur == null) {
            return null;
        }
        if (i == path.length) {
            return cur;
        }
        if (path[i].equals("*")) {
            if (!(cur instanceof ListNode l)) {
                return null;
            }
            List<Object> items = new ArrayList<>();
            for (Node item : l.items()) {
                items.add(select(item, path, i + 1));
            }
            return items;
        }
        return cur instanceof MapNode m ? select(m.get(path[i]), path, i + 1) : null;
    }

    /**
     * One text for a value of either side: scalars by their text (CloudFormation reads {@code 6} and
     * {@code "6"} alike), mappings with sorted keys, {@code !GetAtt A.Arn} as {@code Fn::GetAtt[A,Arn]},
     * a JSON-string policy by its text; absent is {@code -}.
     */
    static String canonical(Object v) {
        StringBuilder b = new StringBuilder();
        canonical(v, b);
        return b.toString();
    }

    private static void canonical(Object v, StringBuilder b) {
        if (v == null) {
            b.append('-');
        } else if (v instanceof List<?> l) {
            b.append('[');
            for (int k = 0; k < l.size(); k++) {
                b.append(k == 0 ? "" : ",");
                canonical(l.get(k), b);
            }
            b.append(']');
        } else if (v instanceof JsonNode j) {
            canonicalJson(j, b);
        } else if (v instanceof Node n) {
            canonicalNode(n, b);
        } else {
            b.append(v);
        }
    }

    private static void canonicalJson(JsonNode j, StringBuilder b) {
        if (j.isNull()) {
            b.append('-');
        } else if (j.isArray()) {
            List<Object> items = new ArrayList<>();
            j.forEach(items::add);
            canonical(items, b);
        } else if (j.isObject()) {
            if (j.size() == 1) {
                String key = j.propertyNames().iterator().next();
                if (key.equals("Ref") || key.startsWith("Fn::")) {
                    b.append(key);
                    canonicalJson(j.get(key), b);
                    return;
                }
            }
            Map<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : j.properties()) {
                sorted.put(e.getKey(), e.getValue());
            }
            mapping(sorted, b);
        } else {
            b.append(j.asString());
        }
    }

    private static void canonicalNode(Node n, StringBuilder b) {
        if (n instanceof ScalarNode s) {
            b.append(s.isNull() ? "-" : s.value());
        } else if (n instanceof ListNode l) {
            canonical(new ArrayList<Object>(l.items()), b);
        } else if (n instanceof MapNode m) {
            Map<String, Object> sorted = new TreeMap<>();
            for (MapNode.Entry e : m.entries()) {
                sorted.put(e.key(), e.value());
            }
            mapping(sorted, b);
        } else if (n instanceof IntrinsicNode in) {
            b.append(in.function());
            Node arg = in.argument();
            if (in.is("Fn::GetAtt") && arg instanceof ScalarNode s && s.value().contains(".")) {
                int dot = s.value().indexOf('.');
                b.append('[').append(s.value(), 0, dot).append(',').append(s.value().substring(dot + 1)).append(']');
            } else {
                canonical(arg, b);
            }
        }
    }

    private static void mapping(Map<String, Object> sorted, StringBuilder b) {
        b.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            b.append(first ? "" : ",").append(e.getKey()).append(':');
            canonical(e.getValue(), b);
            first = false;
        }
        b.append('}');
    }
}
