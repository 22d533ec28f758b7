package dev.faultline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the large generated inputs of the linear-growth check: a CDK-like template with a given
 * number of resources (JSON and YAML, ≈ 2 KB per resource, so 5,000 resources ≈ 10 MB) and a Step
 * Functions definition with a given number of states.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.faultline.bench.Generate DIR} writes
 * {@code template-5000.json|yaml}, {@code template-2500.json|yaml}, {@code states-2000.asl.json}
 * and {@code states-1000.asl.json} into {@code DIR}.
 */
public final class Generate {

    /** The files {@link #writeAll(Path)} writes. */
    public static final List<String> FILES = List.of("template-2500.json", "template-5000.json",
            "template-2500.yaml", "template-5000.yaml", "states-1000.asl.json", "states-2000.asl.json");

    private Generate() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/generated-inputs");
        writeAll(dir);
        for (String f : FILES) {
            System.out.printf(Locale.ROOT, "%s %d bytes%n", dir.resolve(f), Files.size(dir.resolve(f)));
        }
    }

    /** Writes every file of {@link #FILES} into {@code dir}. */
    public static void writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (int n : new int[] {2500, 5000}) {
            Map<String, Object> t = template(n);
            write(dir.resolve("template-" + n + ".json"), json(t));
            write(dir.resolve("template-" + n + ".yaml"), yaml(t));
        }
        for (int n : new int[] {1000, 2000}) {
            write(dir.resolve("states-" + n + ".asl.json"), json(stateMachine(n)));
        }
    }

    private static void write(Path p, String text) throws IOException {
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    /** A short-form intrinsic in YAML ({@code !GetAtt a.b}), its long form in JSON. */
    record Tag(String yamlTag, String yamlValue, String jsonKey, Object jsonValue) {
    }

    static Tag ref(String id) {
        return new Tag("!Ref", id, "Ref", id);
    }

    static Tag getAtt(String id, String att) {
        return new Tag("!GetAtt", id + "." + att, "Fn::GetAtt", List.of(id, att));
    }

    static Tag sub(String s) {
        return new Tag("!Sub", s, "Fn::Sub", s);
    }

    /**
     * A template of {@code resources} resources in units of four: an IAM role, a function, a queue
     * and an event source mapping from the queue to the function. Every other queue has a
     * redrive policy to the previous unit's queue, so half of them are findings.
     */
    public static Map<String, Object> template(int resources) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("AWSTemplateFormatVersion", "2010-09-09");
        root.put("Description", "Generated: " + resources + " resources");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("Stage", Map.of("Type", "String", "Default", "prod"));
        root.put("Parameters", params);
        Map<String, Object> res = new LinkedHashMap<>();
        for (int i = 0; res.size() < resources; i++) {
            String u = String.format(Locale.ROOT, "%05d", i);
            res.put("Role" + u, role(u));
            if (res.size() < resources) {
                res.put("Function" + u, function(u));
            }
            if (res.size() < resources) {
                res.put("Queue" + u, queue(u, i));
            }
            if (res.size() < resources) {
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("EventSourceArn", getAtt("Queue" + u, "Arn"));
                props.put("FunctionName", ref("Function" + u));
                props.put("BatchSize", 10);
                res.put("Mapping" + u, resource("AWS::Lambda::EventSourceMapping", props, u, "Mapping"));
            }
        }
        root.put("Resources", res);
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("FirstQueue", Map.of("Value", ref("Queue00000")));
        root.put("Outputs", outputs);
        return root;
    }

    private static Map<String, Object> resource(String type, Map<String, Object> props, String u, String what) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("Type", type);
        r.put("Properties", props);
        r.put("Metadata", Map.of("aws:cdk:path", "GeneratedStack/Unit" + u + "/" + what + "/Resource"));
        return r;
    }

    private static Map<String, Object> role(String u) {
        List<Object> statements = new ArrayList<>();
        for (String action : List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
                "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "xray:PutTraceSegments",
                "xray:PutTelemetryRecords", "kms:Decrypt", "kms:GenerateDataKey", "sqs:ChangeMessageVisibility",
                "sqs:SendMessage")) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("Effect", "Allow");
            s.put("Action", action);
            s.put("Resource", sub("arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:queue-" + u + "-*"));
            statements.add(s);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", "2012-10-17");
        doc.put("Statement", statements);
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("PolicyName", "unit-" + u);
        policy.put("PolicyDocument", doc);
        Map<String, Object> assume = new LinkedHashMap<>();
        assume.put("Version", "2012-10-17");
        assume.put("Statement", List.of(Map.of("Effect", "Allow", "Action", "sts:AssumeRole",
                "Principal", Map.of("Service", "lambda.amazonaws.com"))));
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("AssumeRolePolicyDocument", assume);
        props.put("Policies", List.of(policy));
        return resource("AWS::IAM::Role", props, u, "Role");
    }

    private static Map<String, Object> function(String u) {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (int v = 0; v < 30; v++) {
            vars.put("SETTING_" + v, "value-" + u + "-" + v);
        }
        vars.put("QUEUE_URL", ref("Queue" + u));
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("Runtime", "python3.12");
        props.put("Handler", "app.handler");
        props.put("Role", getAtt("Role" + u, "Arn"));
        props.put("Timeout", 30);
        props.put("MemorySize", 256);
        props.put("Code", Map.of("S3Bucket", sub("assets-${AWS::AccountId}-${AWS::Region}"),
                "S3Key", "asset-" + u + ".zip"));
        props.put("Environment", Map.of("Variables", vars));
        props.put("Tags", List.of(Map.of("Key", "stage", "Value", ref("Stage")), Map.of("Key", "unit", "Value", u)));
        return resource("AWS::Lambda::Function", props, u, "Function");
    }

    private static Map<String, Object> queue(String u, int i) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("VisibilityTimeout", 180);
        props.put("MessageRetentionPeriod", 1209600);
        if (i % 2 == 1) {
            String prev = String.format(Locale.ROOT, "%05d", i - 1);
            props.put("RedrivePolicy", Map.of("deadLetterTargetArn", getAtt("Queue" + prev, "Arn"),
                    "maxReceiveCount", 5));
        }
        return resource("AWS::SQS::Queue", props, u, "Queue");
    }

    /**
     * A definition of {@code states} states: a chain of Task states with Retry and Catch, every tenth
     * a Choice, ending in a Succeed state, with one shared Fail state.
     */
    public static Map<String, Object> stateMachine(int states) {
        Map<String, Object> all = new LinkedHashMap<>();
        int body = states - 2;
        for (int i = 0; i < body; i++) {
            String next = i + 1 < body ? "S" + (i + 1) : "Done";
            Map<String, Object> s = new LinkedHashMap<>();
            if (i % 10 == 9) {
                s.put("Type", "Choice");
                s.put("Choices", List.of(Map.of("Variable", "$.n", "NumericEquals", i, "Next", next)));
                s.put("Default", "Failed");
            } else {
                s.put("Type", "Task");
                s.put("Resource", "arn:aws:states:::lambda:invoke");
                s.put("Parameters", Map.of("FunctionName", "arn:aws:lambda:us-east-1:123456789012:function:f" + i,
                        "Payload.$", "$"));
                s.put("TimeoutSeconds", 60);
                if (i % 3 != 0) {
                    s.put("Retry", List.of(Map.of("ErrorEquals", List.of("States.TaskFailed"),
                            "IntervalSeconds", 2, "MaxAttempts", 3, "BackoffRate", 2)));
                }
                if (i % 4 != 0) {
                    s.put("Catch", List.of(Map.of("ErrorEquals", List.of("States.ALL"), "Next", "Failed")));
                }
                s.put("Next", next);
            }
            all.put("S" + i, s);
        }
        all.put("Done", Map.of("Type", "Succeed"));
        all.put("Failed", Map.of("Type", "Fail", "Error", "Generated", "Cause", "generated"));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("Comment", "Generated: " + states + " states");
        root.put("StartAt", body > 0 ? "S0" : "Done");
        root.put("States", all);
        return root;
    }

    // --- writers ---------------------------------------------------------------------------------

    static String json(Object v) {
        StringBuilder sb = new StringBuilder(1 << 20);
        json(v, sb, 0);
        return sb.append('\n').toString();
    }

    private static void json(Object v, StringBuilder sb, int indent) {
        if (v instanceof Tag t) {
            json(Map.of(t.jsonKey(), t.jsonValue()), sb, indent);
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            int k = 0;
            for (Map.Entry<?, ?> e : sorted(m)) {
                pad(sb, indent + 2);
                quote(e.getKey().toString(), sb);
                sb.append(": ");
                json(e.getValue(), sb, indent + 2);
                sb.append(++k < m.size() ? ",\n" : "\n");
            }
            pad(sb, indent);
            sb.append('}');
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append("[\n");
            for (int i = 0; i < l.size(); i++) {
                pad(sb, indent + 2);
                json(l.get(i), sb, indent + 2);
                sb.append(i + 1 < l.size() ? ",\n" : "\n");
            }
            pad(sb, indent);
            sb.append(']');
        } else if (v instanceof Number) {
            sb.append(v);
        } else {
            quote(String.valueOf(v), sb);
        }
    }

    static String yaml(Map<String, Object> root) {
        StringBuilder sb = new StringBuilder(1 << 20);
        for (Map.Entry<?, ?> e : sorted(root)) {
            yamlEntry(e.getKey().toString(), e.getValue(), sb, 0);
        }
        return sb.toString();
    }

    private static void yamlEntry(String key, Object v, StringBuilder sb, int indent) {
        pad(sb, indent);
        sb.append(key).append(':');
        yamlValue(v, sb, indent);
    }

    /** Writes after {@code key:} or {@code -}: inline scalars, nested blocks on the next lines. */
    private static void yamlValue(Object v, StringBuilder sb, int indent) {
        if (v instanceof Tag t) {
            sb.append(' ').append(t.yamlTag()).append(' ');
            quote(t.yamlValue(), sb);
            sb.append('\n');
        } else if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            sb.append('\n');
            for (Map.Entry<?, ?> e : sorted(m)) {
                yamlEntry(e.getKey().toString(), e.getValue(), sb, indent + 2);
            }
        } else if (v instanceof List<?> l && !l.isEmpty()) {
            sb.append('\n');
            for (Object o : l) {
                pad(sb, indent + 2);
                sb.append('-');
                yamlValue(o, sb, indent + 4);
            }
        } else if (v instanceof Map<?, ?>) {
            sb.append(" {}\n");
        } else if (v instanceof List<?>) {
            sb.append(" []\n");
        } else if (v instanceof Number) {
            sb.append(' ').append(v).append('\n');
        } else {
            sb.append(' ');
            quote(String.valueOf(v), sb);
            sb.append('\n');
        }
    }

    /** {@code Map.of} has no order: sort those, keep insertion order of linked maps. */
    private static Iterable<? extends Map.Entry<?, ?>> sorted(Map<?, ?> m) {
        if (m instanceof LinkedHashMap<?, ?>) {
            return m.entrySet();
        }
        List<Map.Entry<?, ?>> es = new ArrayList<>(m.entrySet());
        es.sort((a, b) -> a.getKey().toString().compareTo(b.getKey().toString()));
        return es;
    }

    private static void pad(StringBuilder sb, int n) {
        for (int i = 0; i < n; i++) {
            sb.append(' ');
        }
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
