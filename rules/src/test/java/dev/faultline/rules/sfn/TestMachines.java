package dev.faultline.rules.sfn;

import dev.faultline.core.asl.Catcher;
import dev.faultline.core.asl.QueryLanguage;
import dev.faultline.core.asl.Retrier;
import dev.faultline.core.asl.Scope;
import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.eval.Evaluator;
import dev.faultline.core.graph.ResourceGraph;
import dev.faultline.core.model.InputFile;
import dev.faultline.core.model.InputKind;
import dev.faultline.core.model.Template;
import dev.faultline.core.rule.Fix;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Rule;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleOption;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import dev.faultline.core.tree.Span;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Test support until the ASL loader is on main: a minimal standalone-definition reader (YAML or
 * JSON text → located tree → {@link StateMachine}) and a context that records what rules report.
 */
final class TestMachines {

    private static final String FILE = "test.asl.yaml";

    private TestMachines() {
    }

    /** One reported finding: line and message. */
    record Reported(int line, String subPath, String message) {
    }

    /** Runs one rule over a standalone definition and returns what it reported. */
    static List<Reported> run(Rule rule, String definition) {
        return run(rule, definition, false);
    }

    static List<Reported> run(Rule rule, String definition, boolean express) {
        MapNode root = toTree(new Yaml().compose(new StringReader(definition))).asMap();
        QueryLanguage ql = "JSONata".equals(root.getText("QueryLanguage")) ? QueryLanguage.JSONATA : QueryLanguage.JSONPATH;
        Scope top = scope(root, "Definition", null, ql);
        StateMachine m = new StateMachine("test", new InputFile(Path.of(FILE), FILE, InputKind.ASL), null, null, top,
                express, root.span(), Map.of());
        Recorder ctx = new Recorder();
        if (rule.subscription().wantsMachines()) {
            rule.visitStateMachine(m, ctx);
        }
        for (State s : m.allStates()) {
            if (rule.subscription().wantsState(s.type())) {
                rule.visitState(s, m, ctx);
            }
        }
        return ctx.reported;
    }

    private static Scope scope(MapNode body, String path, State owner, QueryLanguage ql) {
        Map<String, State> states = new LinkedHashMap<>();
        MapNode sm = body.getMap("States");
        if (sm != null) {
            for (MapNode.Entry e : sm.entries()) {
                MapNode sb = e.value().asMap();
                if (sb == null) {
                    continue;
                }
                states.put(e.key(), state(e, sb, path + "/States/" + e.key(), ql));
            }
        }
        return new Scope(body, body.getText("StartAt"), states, path, owner);
    }

    private static State state(MapNode.Entry e, MapNode b, String path, QueryLanguage inherited) {
        String qlText = b.getText("QueryLanguage");
        QueryLanguage ql = qlText == null ? inherited : "JSONata".equals(qlText) ? QueryLanguage.JSONATA : QueryLanguage.JSONPATH;
        List<Retrier> retriers = new ArrayList<>();
        ListNode r = b.getList("Retry");
        for (int i = 0; r != null && i < r.size(); i++) {
            if (r.get(i).asMap() != null) {
                retriers.add(new Retrier(errors(r.get(i).asMap()), r.get(i).asMap(), i));
            }
        }
        List<Catcher> catchers = new ArrayList<>();
        ListNode c = b.getList("Catch");
        for (int i = 0; c != null && i < c.size(); i++) {
            MapNode cm = c.get(i).asMap();
            if (cm != null) {
                catchers.add(new Catcher(errors(cm), cm.getText("Next"), cm, i));
            }
        }
        List<Scope> children = new ArrayList<>();
        String type = b.getText("Type") == null ? "" : b.getText("Type");
        State st = new State(e.key(), type, b, e.keySpan(), path, ql, retriers, catchers, children);
        ListNode branches = b.getList("Branches");
        for (int i = 0; branches != null && i < branches.size(); i++) {
            if (branches.get(i).asMap() != null) {
                children.add(scope(branches.get(i).asMap(), path + "/Branches/" + i, st, ql));
            }
        }
        MapNode proc = b.getMap("ItemProcessor") != null ? b.getMap("ItemProcessor") : b.getMap("Iterator");
        if (proc != null) {
            children.add(scope(proc, path + "/ItemProcessor", st, ql));
        }
        return st;
    }

    private static List<String> errors(MapNode m) {
        ListNode l = m.getList("ErrorEquals");
        List<String> out = new ArrayList<>();
        for (int i = 0; l != null && i < l.size(); i++) {
            if (l.get(i).text() != null) {
                out.add(l.get(i).text());
            }
        }
        return out;
    }

    private static Span span(org.yaml.snakeyaml.nodes.Node n) {
        return new Span(FILE, n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1,
                n.getEndMark().getLine() + 1, n.getEndMark().getColumn() + 1);
    }

    private static Node toTree(org.yaml.snakeyaml.nodes.Node n) {
        if (n instanceof MappingNode m) {
            List<MapNode.Entry> entries = new ArrayList<>();
            for (NodeTuple t : m.getValue()) {
                org.yaml.snakeyaml.nodes.ScalarNode k = (org.yaml.snakeyaml.nodes.ScalarNode) t.getKeyNode();
                entries.add(new MapNode.Entry(k.getValue(), span(k), toTree(t.getValueNode())));
            }
            return new MapNode(span(n), entries);
        }
        if (n instanceof SequenceNode s) {
            List<Node> items = new ArrayList<>();
            for (org.yaml.snakeyaml.nodes.Node i : s.getValue()) {
                items.add(toTree(i));
            }
            return new ListNode(span(n), items);
        }
        org.yaml.snakeyaml.nodes.ScalarNode s = (org.yaml.snakeyaml.nodes.ScalarNode) n;
        String tag = s.getTag().getValue();
        ScalarNode.Kind kind = tag.endsWith(":int") ? ScalarNode.Kind.INT : tag.endsWith(":float") ? ScalarNode.Kind.FLOAT
                : tag.endsWith(":bool") ? ScalarNode.Kind.BOOL : tag.endsWith(":null") ? ScalarNode.Kind.NULL
                : ScalarNode.Kind.STRING;
        return new ScalarNode(span(n), s.getValue(), kind);
    }

    /** A context that records reports; the graph is empty (standalone definitions). */
    static final class Recorder implements RuleContext {
        final List<Reported> reported = new ArrayList<>();
        private final ResourceGraph graph = new ResourceGraph();

        @Override
        public ResourceGraph graph() {
            return graph;
        }

        @Override
        public Evaluator evaluator(Template template) {
            return new Evaluator(template);
        }

        @Override
        public <T> T option(RuleOption<T> option) {
            return option.defaultValue();
        }

        @Override
        public dev.faultline.core.rule.Reported report(Location where, String message) {
            String subPath = where instanceof Location.OfState s ? s.subPath()
                    : where instanceof Location.OfNode n ? n.subPath()
                    : where instanceof Location.OfMachine m ? m.subPath() : null;
            reported.add(new Reported(where.span().line(), subPath, message));
            return new dev.faultline.core.rule.Reported() {
                @Override
                public dev.faultline.core.rule.Reported withFix(Fix fix) {
                    return this;
                }

                @Override
                public dev.faultline.core.rule.Reported withSeverity(Severity severity) {
                    return this;
                }
            };
        }
    }
}
