package dev.faultline.core.config;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.suppress.PathSuppression;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import dev.faultline.core.tree.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Comparator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the located tree of a {@code .faultline.yml} (parsed by the parsers module) into a
 * {@link FaultlineConfig}: validates it against the published JSON Schema and reports every
 * violation at its line and column; finds the file from the working directory upwards.
 */
public final class ConfigLoader {

    /** The names looked for, in this order, in each directory. */
    public static final List<String> FILE_NAMES = List.of(".faultline.yml", ".faultline.yaml");

    /** The class-path resource of the published schema. */
    public static final String SCHEMA_RESOURCE = "/dev/faultline/core/config/faultline-config.schema.json";

    private static volatile Schema schema;

    private ConfigLoader() {
    }

    /** The published schema text. */
    public static String schemaText() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SCHEMA_RESOURCE);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCHEMA_RESOURCE, e);
        }
    }

    private static Schema schema() {
        Schema s = schema;
        if (s == null) {
            JsonNode node = JsonMapper.builder().build().readTree(schemaText());
            s = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(node);
            schema = s;
        }
        return s;
    }

    /**
     * The nearest {@code .faultline.yml}/{@code .faultline.yaml} in {@code workingDirectory} or a
     * parent, stopping at the repository root (the first directory holding {@code .git}).
     */
    public static Optional<Path> discover(Path workingDirectory) {
        Path dir = workingDirectory.toAbsolutePath().normalize();
        while (dir != null) {
            for (String name : FILE_NAMES) {
                Path p = dir.resolve(name);
                if (Files.isRegularFile(p)) {
                    return Optional.of(p);
                }
            }
            if (Files.exists(dir.resolve(".git"))) {
                return Optional.empty();
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /**
     * Validates and converts a parsed config file. {@code root} may be {@code null} or a null
     * scalar for an empty file.
     *
     * @throws ConfigException listing every located problem
     */
    public static FaultlineConfig fromTree(Node root, String displayPath) throws ConfigException {
        if (root == null || (root instanceof ScalarNode s && s.isNull())) {
            return new FaultlineConfig(displayPath, Map.of(), List.of(), List.of(), List.of(), List.of());
        }
        JsonNode json = toJson(root);
        List<Error> errors = schema().validate(json);
        if (!errors.isEmpty()) {
            TreeMap<Span, TreeSet<String>> byPosition = new TreeMap<>(Comparator.comparingInt(Span::line)
                    .thenComparingInt(Span::column));
            for (Error e : errors) {
                byPosition.computeIfAbsent(locate(root, e), k -> new TreeSet<>()).add(describe(e));
            }
            List<String> problems = new ArrayList<>();
            byPosition.forEach((span, messages) -> messages.forEach(m -> problems.add(span + ": " + m)));
            throw new ConfigException(problems);
        }
        MapNode map = root.asMap();
        Map<String, RuleSetting> rules = new LinkedHashMap<>();
        MapNode rulesNode = map.getMap("rules");
        if (rulesNode != null) {
            for (MapNode.Entry e : rulesNode.entries()) {
                rules.putIfAbsent(e.key(), setting(e));
            }
        }
        List<PathSuppression> suppress = new ArrayList<>();
        ListNode sup = map.getList("suppress");
        if (sup != null) {
            for (Node item : sup.items()) {
                MapNode m = item.asMap();
                suppress.add(new PathSuppression(m.getText("rule").trim(), texts(m.getList("paths")),
                        m.getText("reason").trim(), m.span()));
            }
        }
        return new FaultlineConfig(displayPath, rules, texts(map.getList("include")), texts(map.getList("exclude")),
                suppress, texts(map.getList("plugins")));
    }

    private static RuleSetting setting(MapNode.Entry e) {
        Node v = e.value();
        if (v instanceof MapNode m) {
            String sev = m.getText("severity");
            Map<String, String> options = new LinkedHashMap<>();
            MapNode opts = m.getMap("options");
            if (opts != null) {
                for (MapNode.Entry o : opts.entries()) {
                    options.put(o.key(), o.value().text());
                }
            }
            return level(sev, options, e.keySpan());
        }
        return level(levelText(v), Map.of(), e.keySpan());
    }

    private static RuleSetting level(String text, Map<String, String> options, Span span) {
        if (text == null) {
            return new RuleSetting(false, null, options, span);
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("off")) {
            return new RuleSetting(true, null, options, span);
        }
        return new RuleSetting(false, Severity.parse(t), options, span);
    }

    private static String levelText(Node v) {
        return v == null ? null : v.text();
    }

    private static List<String> texts(ListNode l) {
        if (l == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(l.size());
        for (Node n : l.items()) {
            out.add(n.text());
        }
        return out;
    }

    /**
     * The tree as a Jackson node for validation. YAML 1.1 booleans other than true/false
     * ({@code off}, {@code on}, {@code yes}, {@code no}) stay strings, so that {@code FL-X-001: off}
     * means "off".
     */
    static JsonNode toJson(Node n) {
        if (n instanceof MapNode m) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (MapNode.Entry e : m.entries()) {
                if (!o.has(e.key())) {
                    o.set(e.key(), toJson(e.value()));
                }
            }
            return o;
        }
        if (n instanceof ListNode l) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            for (Node i : l.items()) {
                a.add(toJson(i));
            }
            return a;
        }
        if (n instanceof IntrinsicNode i) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.set(i.function(), i.argument() == null ? JsonNodeFactory.instance.nullNode() : toJson(i.argument()));
            return o;
        }
        ScalarNode s = (ScalarNode) n;
        String raw = s.raw();
        switch (s.kind()) {
            case NULL:
                return JsonNodeFactory.instance.nullNode();
            case BOOL:
                if (raw.equalsIgnoreCase("true")) {
                    return JsonNodeFactory.instance.booleanNode(true);
                }
                if (raw.equalsIgnoreCase("false")) {
                    return JsonNodeFactory.instance.booleanNode(false);
                }
                return JsonNodeFactory.instance.stringNode(raw);
            case INT:
                try {
                    return JsonNodeFactory.instance.numberNode(new java.math.BigInteger(raw.replace("_", "")));
                } catch (NumberFormatException ex) {
                    return JsonNodeFactory.instance.stringNode(raw);
                }
            case FLOAT:
                try {
                    return JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(raw.replace("_", "")));
                } catch (NumberFormatException ex) {
                    return JsonNodeFactory.instance.stringNode(raw);
                }
            default:
                return JsonNodeFactory.instance.stringNode(raw);
        }
    }

    /** The span of the node an error is about (the offending key for unknown/misnamed properties). */
    private static Span locate(Node root, Error e) {
        NodePath path = e.getInstanceLocation();
        Node cur = root;
        Span span = root.span();
        for (int i = 0; path != null && i < path.getNameCount(); i++) {
            Object el = path.getElement(i);
            Node next = null;
            Span keySpan = null;
            if (cur instanceof MapNode m && el instanceof String k) {
                MapNode.Entry entry = m.entry(k);
                if (entry != null) {
                    next = entry.value();
                    keySpan = entry.keySpan();
                }
            } else if (cur instanceof ListNode l && el instanceof Integer idx && idx >= 0 && idx < l.size()) {
                next = l.get(idx);
            }
            if (next == null) {
                break;
            }
            cur = next;
            span = keySpan != null && isKeyError(e) && i == path.getNameCount() - 1 ? keySpan : next.span();
        }
        String property = e.getProperty();
        if (property != null && cur instanceof MapNode m && ("additionalProperties".equals(e.getKeyword())
                || "propertyNames".equals(e.getKeyword()))) {
            MapNode.Entry entry = m.entry(property);
            if (entry != null) {
                span = entry.keySpan();
            }
        }
        return span;
    }

    private static boolean isKeyError(Error e) {
        return "propertyNames".equals(e.getKeyword());
    }

    private static String describe(Error e) {
        String msg = e.getMessage();
        String loc = e.getInstanceLocation() == null ? null : e.getInstanceLocation().toString();
        if (msg != null && loc != null && msg.startsWith(loc + ": ")) {
            msg = msg.substring(loc.length() + 2);
        }
        String where = pointer(e.getInstanceLocation());
        return (where.isEmpty() ? "" : where + ": ") + msg;
    }

    private static String pointer(NodePath p) {
        if (p == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.getNameCount(); i++) {
            Object el = p.getElement(i);
            if (el instanceof Integer idx) {
                sb.append('[').append(idx).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(el);
            }
        }
        return sb.toString();
    }
}
