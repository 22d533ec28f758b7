package dev.faultline.core.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.faultline.core.asl.TaskCall;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link ResourceGraph} for people: JSON ({@code {"nodes": [{"id", "type", "file",
 * "line", "cdkPath", "implied"}], "edges": [{"from", "to", "kind", "mode", "evidence": {"fact",
 * "path"}, "redrive", "eventSource", "task", "crossesFiles"}]}}; the last four only where they
 * apply, see {@link EdgeJson}), Graphviz DOT, or a
 * Mermaid flowchart that GitHub renders in Markdown. Failure paths ({@code failsTo}) are drawn
 * distinctly (dashed, red). In the pictures every arrow points the way events flow, from source to
 * target: a queue or stream to the mapping that reads it ("consumed by"), a topic or bus to its
 * subscription ("subscribed by"), a resource to the alarm that watches it ("watched by"); the
 * JSON keeps the graph's own direction. Resources with findings ({@link #withFindings}) are filled
 * in the colour of their worst severity and labelled with their count. Output is sorted and
 * deterministic. {@code references} edges are included only when asked for: they are many and say
 * little about failure handling.
 *
 * <p><b>Internal</b>: not part of the rule API (see {@code docs/rule-api.md}); it may change
 * without notice.
 */
public final class GraphWriter {

    /** One node of the JSON form. */
    @JsonPropertyOrder({"id", "type", "file", "line", "cdkPath", "implied"})
    public record NodeJson(String id, String type, String file, int line, String cdkPath, boolean implied) {}

    /**
     * One edge of the JSON form; {@code mode} is null for edges that are not invocations, and
     * {@code evidence} (for invocations) says which resource and property decide the mode. What the
     * source wrote about the relation, where the graph read it: {@code redrive} on the
     * {@code failsTo} edge of a redrive policy, {@code eventSource} on a {@code consumes} edge,
     * {@code task} on a {@code taskTarget} edge; {@code crossesFiles} when the two ends are written
     * in different files.
     */
    @JsonPropertyOrder({"from", "to", "kind", "mode", "evidence", "redrive", "eventSource", "task", "crossesFiles"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EdgeJson(
            String from,
            String to,
            String kind,
            String mode,
            EvidenceJson evidence,
            RedriveJson redrive,
            EventSourceJson eventSource,
            TaskJson task,
            CrossingJson crossesFiles) {

        /** The label drawn on the edge: {@code invokes async: S3 notification}. */
        String label(String modeSeparator) {
            if (mode == null) {
                return kind;
            }
            return kind + modeSeparator + mode + (evidence == null ? "" : ": " + evidence.fact());
        }
    }

    /** Why an invocation has its mode: the property ({@code path}) and what it says ({@code fact}). */
    @JsonPropertyOrder({"fact", "path"})
    public record EvidenceJson(String fact, String path) {}

    /**
     * A redrive policy: its {@code maxReceiveCount} as written ({@code null} when absent, an
     * expression as {@code <Fn::…>}), the dead-letter queue it names (a node id, or null when it names
     * none of the run), and the line of the {@code RedrivePolicy}.
     */
    @JsonPropertyOrder({"maxReceiveCount", "deadLetterQueue", "line"})
    public record RedriveJson(String maxReceiveCount, String deadLetterQueue, int line) {}

    /**
     * What an event source mapping reads ({@code family}, {@link SourceFamily#label()}) and its batch
     * and retry settings as written (absent when not written).
     */
    @JsonPropertyOrder({
        "family",
        "batchSize",
        "maximumBatchingWindowInSeconds",
        "maximumRetryAttempts",
        "maximumRecordAgeInSeconds",
        "bisectBatchOnFunctionError",
        "functionResponseTypes"
    })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventSourceJson(
            String family,
            String batchSize,
            String maximumBatchingWindowInSeconds,
            String maximumRetryAttempts,
            String maximumRecordAgeInSeconds,
            String bisectBatchOnFunctionError,
            List<String> functionResponseTypes) {}

    /**
     * What a Task state calls ({@link dev.faultline.core.asl.TaskCall}): integration, the
     * {@code service:action} (empty when not known), pattern, form of the Resource, and whether the
     * call only reads or writes.
     */
    @JsonPropertyOrder({"integration", "api", "pattern", "form", "effect"})
    public record TaskJson(String integration, String api, String pattern, String form, String effect) {}

    /**
     * An edge between two files: the file of each end, and how the relation crosses (a nested stack,
     * an export) when the graph recorded it.
     */
    @JsonPropertyOrder({"from", "to", "via"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CrossingJson(String from, String to, String via) {}

    /** The JSON document. */
    @JsonPropertyOrder({"nodes", "edges"})
    public record GraphJson(List<NodeJson> nodes, List<EdgeJson> edges) {}

    /**
     * The findings on one resource, for highlighting.
     *
     * @param worst the most severe finding's severity
     * @param count how many active findings
     */
    public record Mark(Severity worst, int count) {}

    private final boolean withReferences;
    private final Map<String, Mark> marks;

    /** @param withReferences whether to include {@code references} edges */
    public GraphWriter(boolean withReferences) {
        this(withReferences, Map.of());
    }

    private GraphWriter(boolean withReferences, Map<String, Mark> marks) {
        this.withReferences = withReferences;
        this.marks = marks;
    }

    /**
     * A writer that highlights resources with findings in DOT and Mermaid.
     *
     * @param byNode the findings per node id ({@link GraphNode#id()})
     * @return a copy of this writer with these marks
     */
    public GraphWriter withFindings(Map<String, Mark> byNode) {
        return new GraphWriter(withReferences, Map.copyOf(byNode));
    }

    /** One edge as drawn: from source to target, with its label. */
    private record Drawn(String from, String to, String kind, String label) {}

    /**
     * The edge the way events flow, labelled for reading along the arrow; invocations keep their
     * mode and evidence ({@link EdgeJson#label}).
     */
    private static Drawn drawn(EdgeJson e) {
        if (e.kind().equals(EdgeKind.CONSUMES.label())) {
            return new Drawn(e.from(), e.to(), e.kind(), "consumed by");
        }
        if (e.kind().equals(EdgeKind.SUBSCRIBES.label())) {
            return new Drawn(e.to(), e.from(), e.kind(), "subscribed by");
        }
        if (e.kind().equals(EdgeKind.ALARMS.label())) {
            return new Drawn(e.to(), e.from(), e.kind(), "watched by");
        }
        return new Drawn(e.from(), e.to(), e.kind(), e.label(" "));
    }

    private static String colour(Severity s) {
        return switch (s) {
            case ERROR -> "#f8d7da";
            case WARNING -> "#fff3cd";
            case INFO -> "#d1ecf1";
        };
    }

    private static String stroke(Severity s) {
        return switch (s) {
            case ERROR -> "#c00000";
            case WARNING -> "#b36b00";
            case INFO -> "#0c5460";
        };
    }

    /** "2 findings (worst: warning)". */
    private static String findingsText(Mark m) {
        return m.count() + (m.count() == 1 ? " finding (" : " findings (worst: ")
                + m.worst().label() + ")";
    }

    /** The JSON model of the graph: nodes sorted by id, edges by from, to, kind, mode (deduplicated). */
    public GraphJson model(ResourceGraph g) {
        List<NodeJson> nodes = new ArrayList<>();
        for (GraphNode n : sortedNodes(g)) {
            nodes.add(new NodeJson(n.id(), n.type(), n.file(), n.span().line(), n.cdkPath(), n.implied()));
        }
        List<EdgeJson> edges = new ArrayList<>();
        for (EdgeJson e : sortedEdges(g)) {
            edges.add(e);
        }
        return new GraphJson(nodes, edges);
    }

    /** Pretty-printed JSON, ending with a newline. */
    public String json(ResourceGraph g) {
        JsonMapper mapper =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        return mapper.writeValueAsString(model(g)).replace("\r\n", "\n") + "\n";
    }

    /** A Graphviz digraph; failure edges dashed red, success edges green, invocations labelled by mode and evidence. */
    public String dot(ResourceGraph g) {
        StringBuilder sb =
                new StringBuilder("digraph faultline {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n");
        for (GraphNode n : sortedNodes(g)) {
            Mark m = marks.get(n.id());
            String label = n.name() + "\n" + n.type() + (m == null ? "" : "\n" + findingsText(m));
            sb.append("  ").append(quote(n.id())).append(" [label=").append(quote(label));
            if (n.implied()) {
                sb.append(", style=").append(m == null ? "dashed" : "\"dashed,filled\"");
            } else if (m != null) {
                sb.append(", style=filled");
            }
            if (m != null) {
                sb.append(", fillcolor=")
                        .append(quote(colour(m.worst())))
                        .append(", color=")
                        .append(quote(stroke(m.worst())))
                        .append(", penwidth=2");
            }
            sb.append("];\n");
        }
        for (EdgeJson edge : sortedEdges(g)) {
            Drawn e = drawn(edge);
            sb.append("  ")
                    .append(quote(e.from()))
                    .append(" -> ")
                    .append(quote(e.to()))
                    .append(" [label=")
                    .append(quote(e.label()));
            if (e.kind().equals(EdgeKind.FAILS_TO.label())) {
                sb.append(", style=dashed, color=red, fontcolor=red");
            } else if (e.kind().equals(EdgeKind.SUCCEEDS_TO.label())) {
                sb.append(", style=dashed, color=darkgreen");
            } else if (e.kind().equals(EdgeKind.REFERENCES.label())) {
                sb.append(", color=gray");
            }
            sb.append("];\n");
        }
        return sb.append("}\n").toString();
    }

    /** A Mermaid flowchart; {@code failsTo} edges are dashed ({@code -.->}) and coloured red. */
    public String mermaid(ResourceGraph g) {
        StringBuilder sb = new StringBuilder("flowchart LR\n");
        Map<String, String> ids = new HashMap<>();
        int i = 0;
        for (GraphNode n : sortedNodes(g)) {
            String id = "n" + i++;
            ids.put(n.id(), id);
            Mark m = marks.get(n.id());
            String label = n.name() + "<br/>" + shortType(n.type()) + (m == null ? "" : "<br/>" + findingsText(m));
            sb.append("  ")
                    .append(id)
                    .append(n.implied() ? "([" : "[")
                    .append('"')
                    .append(mermaidText(label))
                    .append('"')
                    .append(n.implied() ? "])" : "]")
                    .append('\n');
        }
        Map<Severity, List<String>> classes = new EnumMap<>(Severity.class);
        for (GraphNode n : sortedNodes(g)) {
            Mark m = marks.get(n.id());
            if (m != null) {
                classes.computeIfAbsent(m.worst(), k -> new ArrayList<>()).add(ids.get(n.id()));
            }
        }
        for (Map.Entry<Severity, List<String>> c : classes.entrySet()) {
            Severity sev = c.getKey();
            sb.append("  classDef ")
                    .append(sev.label())
                    .append(" fill:")
                    .append(colour(sev))
                    .append(",stroke:")
                    .append(stroke(sev))
                    .append(",stroke-width:2px\n");
            sb.append("  class ")
                    .append(String.join(",", c.getValue()))
                    .append(' ')
                    .append(sev.label())
                    .append('\n');
        }
        List<Integer> failure = new ArrayList<>();
        int link = 0;
        for (EdgeJson edge : sortedEdges(g)) {
            Drawn e = drawn(edge);
            String arrow =
                    e.kind().equals(EdgeKind.FAILS_TO.label()) || e.kind().equals(EdgeKind.SUCCEEDS_TO.label())
                            ? " -.->|"
                            : " -->|";
            sb.append("  ")
                    .append(ids.get(e.from()))
                    .append(arrow)
                    .append('"')
                    .append(mermaidText(e.label()))
                    .append("\"| ")
                    .append(ids.get(e.to()))
                    .append('\n');
            if (e.kind().equals(EdgeKind.FAILS_TO.label())) {
                failure.add(link);
            }
            link++;
        }
        if (!failure.isEmpty()) {
            sb.append("  linkStyle ");
            for (int k = 0; k < failure.size(); k++) {
                sb.append(k == 0 ? "" : ",").append(failure.get(k));
            }
            sb.append(" stroke:#d00,stroke-width:2px,color:#d00\n");
        }
        return sb.toString();
    }

    private static List<GraphNode> sortedNodes(ResourceGraph g) {
        List<GraphNode> nodes = new ArrayList<>(g.nodes());
        nodes.sort(Comparator.comparing(GraphNode::id));
        return nodes;
    }

    private List<EdgeJson> sortedEdges(ResourceGraph g) {
        Set<EdgeJson> set = new LinkedHashSet<>();
        for (Edge e : g.edges()) {
            if (!withReferences && e.kind() == EdgeKind.REFERENCES) {
                continue;
            }
            Evidence ev = e.kind() == EdgeKind.INVOKES ? e.evidence() : null;
            set.add(new EdgeJson(
                    e.from().id(),
                    e.to().id(),
                    e.kind().label(),
                    e.mode() == InvocationMode.NONE ? null : e.mode().label(),
                    ev == null ? null : new EvidenceJson(ev.fact(), ev.path()),
                    redrive(e.redrive()),
                    eventSource(e.eventSource()),
                    task(e.taskIntegration()),
                    crossing(g, e)));
        }
        List<EdgeJson> out = new ArrayList<>(set);
        out.sort(Comparator.comparing(EdgeJson::from)
                .thenComparing(EdgeJson::to)
                .thenComparing(EdgeJson::kind)
                .thenComparing(e -> e.mode() == null ? "" : e.mode())
                .thenComparing(e -> e.evidence() == null ? "" : e.evidence().path()));
        return out;
    }

    private static RedriveJson redrive(Redrive r) {
        if (r == null) {
            return null;
        }
        return new RedriveJson(
                written(r.maxReceiveCount()),
                r.dlq() == null ? null : r.dlq().id(),
                r.span().line());
    }

    private static EventSourceJson eventSource(EventSource s) {
        if (s == null) {
            return null;
        }
        List<String> types = null;
        if (s.responseTypes() != null) {
            ListNode l = s.responseTypes().asList();
            types = new ArrayList<>();
            if (l == null) {
                types.add(written(s.responseTypes()));
            } else {
                for (Node item : l.items()) {
                    types.add(written(item));
                }
            }
        }
        return new EventSourceJson(
                s.family().label(),
                written(s.batchSize()),
                written(s.batchingWindow()),
                written(s.retryAttempts()),
                written(s.recordAge()),
                written(s.bisect()),
                types);
    }

    private static TaskJson task(TaskIntegration t) {
        if (t == null) {
            return null;
        }
        TaskCall c = t.call();
        return new TaskJson(
                c.integration().name(),
                c.api(),
                c.pattern().name(),
                c.form().name(),
                c.effect().name());
    }

    private static CrossingJson crossing(ResourceGraph g, Edge e) {
        String from = e.from().file();
        String to = e.to().file();
        if (from == null || to == null || from.equals(to)) {
            return null;
        }
        return new CrossingJson(from, to, g.crossing(e.from().template(), e.to().template()));
    }

    /** A value as written: a scalar's text, {@code <Fn::GetAtt>} for an expression; null when absent. */
    private static String written(Node n) {
        if (n == null) {
            return null;
        }
        if (n.text() != null) {
            return n.text();
        }
        return n instanceof IntrinsicNode in ? "<" + in.function() + ">" : "<expression>";
    }

    private static String shortType(String type) {
        if (type == null) {
            return "";
        }
        return type.startsWith("AWS::") ? type.substring(5) : type;
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** Mermaid labels in quotes: escape quotes and angle brackets other than our {@code <br/>}. */
    private static String mermaidText(String s) {
        String br = "<br/>";
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith(br, i)) {
                sb.append(br);
                i += br.length();
                continue;
            }
            char c = s.charAt(i++);
            switch (c) {
                case '"' -> sb.append("#quot;");
                case '<' -> sb.append("#lt;");
                case '>' -> sb.append("#gt;");
                default -> sb.append(c);
            }
        }
        return sb.length() == 0 ? "?" : sb.toString();
    }
}
