package dev.faultline.parsers.asl;

import dev.faultline.core.asl.Catcher;
import dev.faultline.core.asl.QueryLanguage;
import dev.faultline.core.asl.Retrier;
import dev.faultline.core.asl.Scope;
import dev.faultline.core.asl.State;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a located ASL object ({@code StartAt} + {@code States}) into the {@link Scope} tree of the
 * state machine model.
 *
 * <p>It never throws on malformed ASL: a missing or non-map {@code States}, a state that is not a
 * map, {@code Branches} that is not a list, and the like are skipped, and what can be built is
 * built. Structural validity is checked later by the FL-ASL rules, which see the located tree.
 *
 * <p>Logical paths: the top scope has the base path given by the caller; a state is
 * {@code <scope>/States/<name>}, a Parallel branch {@code <state>/Branches/<i>}, a Map processor
 * {@code <state>/ItemProcessor} (or {@code <state>/Iterator} for the legacy field). An empty base
 * gives {@code States/<name>} (no leading slash).
 *
 * <p>Query language: a state's own {@code QueryLanguage} wins; otherwise it inherits the language of
 * the enclosing scope, which is the top-level {@code QueryLanguage} (default JSONPath) for the top
 * scope and the owning Parallel/Map state's effective language for nested scopes. Unknown values are
 * ignored (the inherited language applies) and left to the rules.
 */
public final class AslModelBuilder {

    /** Deeper nesting than this is not modelled (a hostile input cannot exhaust the stack). */
    static final int MAX_DEPTH = 64;

    private AslModelBuilder() {}

    /** Builds the top-level scope of a definition rooted at {@code root}. */
    public static Scope build(MapNode root, String basePath) {
        QueryLanguage top = parseLanguage(root.get("QueryLanguage"), QueryLanguage.JSONPATH);
        return scope(root, basePath, null, top, 0);
    }

    /** The top-level query language of a definition (default JSONPath). */
    public static QueryLanguage topLanguage(MapNode root) {
        return parseLanguage(root.get("QueryLanguage"), QueryLanguage.JSONPATH);
    }

    private static Scope scope(MapNode body, String path, State owner, QueryLanguage inherited, int depth) {
        Map<String, State> states = new LinkedHashMap<>();
        MapNode statesNode = body.getMap("States");
        if (statesNode != null && depth < MAX_DEPTH) {
            for (MapNode.Entry e : statesNode.entries()) {
                if (states.containsKey(e.key())) {
                    continue; // duplicate key: the parser reports it, the first one wins
                }
                MapNode stateBody = e.value() == null ? null : e.value().asMap();
                if (stateBody == null) {
                    continue;
                }
                states.put(e.key(), state(e, stateBody, join(path, "States/" + e.key()), inherited, depth));
            }
        }
        return new Scope(body, body.getText("StartAt"), Collections.unmodifiableMap(states), path, owner);
    }

    private static State state(MapNode.Entry e, MapNode body, String path, QueryLanguage inherited, int depth) {
        String type = body.getText("Type");
        QueryLanguage lang = parseLanguage(body.get("QueryLanguage"), inherited);
        List<Scope> children = new ArrayList<>();
        State self = new State(
                e.key(),
                type == null ? "" : type,
                body,
                e.keySpan(),
                path,
                lang,
                retriers(body),
                catchers(body),
                Collections.unmodifiableList(children));
        // children refer to their owner, so they are added after the owner exists
        ListNode branches = body.getList("Branches");
        if (branches != null) {
            for (int i = 0; i < branches.size(); i++) {
                MapNode b = branches.get(i).asMap();
                if (b != null) {
                    children.add(scope(b, path + "/Branches/" + i, self, lang, depth + 1));
                }
            }
        }
        for (String key : new String[] {"ItemProcessor", "Iterator"}) {
            MapNode proc = body.getMap(key);
            if (proc != null) {
                children.add(scope(proc, path + "/" + key, self, lang, depth + 1));
            }
        }
        return self;
    }

    private static List<Retrier> retriers(MapNode body) {
        ListNode list = body.getList("Retry");
        if (list == null) {
            return List.of();
        }
        List<Retrier> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            MapNode r = list.get(i).asMap();
            if (r != null) {
                out.add(new Retrier(errorEquals(r), r, i));
            }
        }
        return List.copyOf(out);
    }

    private static List<Catcher> catchers(MapNode body) {
        ListNode list = body.getList("Catch");
        if (list == null) {
            return List.of();
        }
        List<Catcher> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            MapNode c = list.get(i).asMap();
            if (c != null) {
                out.add(new Catcher(errorEquals(c), c.getText("Next"), c, i));
            }
        }
        return List.copyOf(out);
    }

    /** The scalar entries of {@code ErrorEquals} (a lone string counts as one entry). */
    private static List<String> errorEquals(MapNode body) {
        Node n = body.get("ErrorEquals");
        if (n == null) {
            return List.of();
        }
        if (n.text() != null) {
            return List.of(n.text());
        }
        ListNode l = n.asList();
        if (l == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(l.size());
        for (Node item : l.items()) {
            if (item.text() != null) {
                out.add(item.text());
            }
        }
        return List.copyOf(out);
    }

    private static QueryLanguage parseLanguage(Node n, QueryLanguage fallback) {
        String t = n == null ? null : n.text();
        if ("JSONata".equals(t)) {
            return QueryLanguage.JSONATA;
        }
        if ("JSONPath".equals(t)) {
            return QueryLanguage.JSONPATH;
        }
        return fallback;
    }

    static String join(String base, String rest) {
        return base == null || base.isEmpty() ? rest : base + "/" + rest;
    }
}
