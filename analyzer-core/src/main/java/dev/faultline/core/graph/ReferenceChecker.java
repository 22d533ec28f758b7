package dev.faultline.core.graph;

import dev.faultline.core.model.Resource;
import dev.faultline.core.model.Template;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.InputRules;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import java.util.ArrayList;
import java.util.List;

/**
 * FL-PARSE-003: a {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub} variable or {@code DependsOn}
 * naming neither a resource, a parameter nor a pseudo parameter. Precision first: names SAM
 * generates ({@code <Function>Role}, {@code <Function>Alias<name>}, {@code <Api>Stage},
 * {@code ServerlessRestApi}, {@code ServerlessDeploymentApplication}, ...) are accepted, and templates that use a transform other than SAM
 * (macros, {@code AWS::Include}, {@code AWS::LanguageExtensions}) are not checked, since the
 * transform may create the names.
 */
final class ReferenceChecker {

    private final ResourceGraph g;
    private final Template t;
    private final List<String> samPrefixes = new ArrayList<>();
    private final List<Finding> out;
    private String[] keys = new String[32];
    private int[] indexes = new int[32];

    ReferenceChecker(ResourceGraph g, Template t, List<Finding> out) {
        this.g = g;
        this.t = t;
        this.out = out;
        for (Resource r : t.allResources()) {
            if (SamExpander.isSamType(r.type())) {
                samPrefixes.add(r.logicalId());
            }
        }
        if (t.sam() || !samPrefixes.isEmpty()) {
            // shared resources SAM generates: ServerlessRestApi, ServerlessHttpApi, ServerlessUsagePlan,
            // ServerlessApiKey, ServerlessDeploymentApplication, ...
            samPrefixes.add("Serverless");
        }
    }

    /** Whether the template uses a transform other than SAM's (then nothing is checked). */
    static boolean hasForeignTransform(Template t) {
        Node tr = t.root().get("Transform");
        if (tr == null) {
            return false;
        }
        List<Node> items = tr instanceof ListNode l ? l.items() : List.of(tr);
        for (Node i : items) {
            String s = i.text();
            if (s == null || !s.startsWith("AWS::Serverless")) {
                return true;
            }
        }
        return false;
    }

    void check() {
        if (hasForeignTransform(t)) {
            return;
        }
        for (Resource r : t.allResources()) {
            if (r.logicalId().startsWith("Fn::ForEach")) {
                return;
            }
        }
        if (t.globals() != null) {
            walk(t.globals(), null, root("Globals"), 0);
        }
        if (t.conditions() != null) {
            walk(t.conditions(), null, root("Conditions"), 0);
        }
        for (Resource r : t.allResources()) {
            walk(r.properties(), r, resourceRoot(r, "/Properties"), 0);
            Node deps = r.body() == null ? null : r.body().get("DependsOn");
            if (deps != null) {
                List<Node> items = deps instanceof ListNode l ? l.items() : List.of(deps);
                for (Node d : items) {
                    String name = d.text();
                    if (name != null && !resourceOrGenerated(name)) {
                        report(
                                d,
                                r,
                                root(r.logicalPath() + "/DependsOn"),
                                "DependsOn of '" + r.logicalId() + "' names '" + name
                                        + "', which is not a resource of this template");
                    }
                }
            }
        }
        if (t.outputs() != null) {
            walk(t.outputs(), null, root("Outputs"), 0);
        }
    }

    /**
     * Walks {@code n}, whose logical path is the first {@code path} segments of {@link #keys} and
     * {@link #indexes}: the segments are overwritten as the walk goes, and joined only for a finding.
     */
    private void walk(Node n, Resource r, int path, int depth) {
        if (n == null || n instanceof ScalarNode || depth > 200) {
            return;
        }
        if (n instanceof MapNode m) {
            if (!m.containsIntrinsic()) {
                return;
            }
            List<MapNode.Entry> entries = m.entries();
            for (int i = 0, size = entries.size(); i < size; i++) {
                MapNode.Entry e = entries.get(i);
                if (!(e.value() instanceof ScalarNode)) {
                    segment(path, e.key(), -1);
                    walk(e.value(), r, path + 1, depth + 1);
                }
            }
        } else if (n instanceof ListNode l) {
            if (!l.containsIntrinsic()) {
                return;
            }
            for (int i = 0; i < l.size(); i++) {
                Node item = l.get(i);
                if (!(item instanceof ScalarNode)) {
                    segment(path, null, i);
                    walk(item, r, path + 1, depth + 1);
                }
            }
        } else if (n instanceof IntrinsicNode in) {
            intrinsic(in, r, path, depth);
        }
    }

    /** Sets segment {@code at} of the current path: a key, or (key null) a list index. */
    private void segment(int at, String key, int index) {
        if (at == keys.length) {
            keys = java.util.Arrays.copyOf(keys, at * 2);
            indexes = java.util.Arrays.copyOf(indexes, at * 2);
        }
        keys[at] = key;
        indexes[at] = index;
    }

    /** A path of one segment, written as given. */
    private int root(String first) {
        segment(0, first, -1);
        return 1;
    }

    /** The path of a resource's section ({@code suffix} such as {@code /Properties}). */
    private int resourceRoot(Resource r, String suffix) {
        segment(0, "Resources", -1);
        segment(1, r.logicalId() + suffix, -1);
        return 2;
    }

    /** The first {@code length} segments joined with {@code /}. */
    private String path(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                sb.append('/');
            }
            if (keys[i] != null) {
                sb.append(keys[i]);
            } else {
                sb.append(indexes[i]);
            }
        }
        return sb.toString();
    }

    private void intrinsic(IntrinsicNode in, Resource r, int path, int depth) {
        Node arg = in.argument();
        switch (in.function()) {
            case "Ref" -> {
                String name = arg == null ? null : arg.text();
                if (name != null && !known(name)) {
                    report(in, r, path, "Ref '" + name + "' names neither a resource nor a parameter of this template");
                } else if (name == null) {
                    walk(arg, r, path, depth + 1);
                }
            }
            case "Fn::GetAtt" -> {
                String name = null;
                if (arg instanceof ListNode l && l.size() >= 1) {
                    name = l.get(0).text();
                    for (int i = 1; i < l.size(); i++) {
                        walk(l.get(i), r, path, depth + 1);
                    }
                } else if (arg != null && arg.text() != null) {
                    String s = arg.text();
                    int dot = s.indexOf('.');
                    name = dot < 0 ? s : s.substring(0, dot);
                }
                if (name != null && !resourceOrGenerated(name)) {
                    report(in, r, path, "Fn::GetAtt names '" + name + "', which is not a resource of this template");
                }
            }
            case "Fn::Sub" -> sub(in, r, path, depth);
            case "Condition" -> {
                // names a condition, not a resource
            }
            case "Fn::If" -> {
                if (arg instanceof ListNode l) {
                    for (int i = 1; i < l.size(); i++) {
                        walk(l.get(i), r, path, depth + 1);
                    }
                }
            }
            default -> walk(arg, r, path, depth + 1);
        }
    }

    private void sub(IntrinsicNode in, Resource r, int path, int depth) {
        Node arg = in.argument();
        String text;
        MapNode vars = null;
        if (arg instanceof ListNode l && l.size() >= 1) {
            text = l.get(0).text();
            if (l.size() > 1) {
                vars = l.get(1).asMap();
                walk(l.get(1), r, path, depth + 1);
            }
            if (text == null) {
                walk(l.get(0), r, path, depth + 1);
            }
        } else {
            text = arg == null ? null : arg.text();
        }
        if (text == null) {
            return;
        }
        int i = 0;
        while (true) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                return;
            }
            int end = text.indexOf('}', start);
            if (end < 0) {
                return;
            }
            i = end + 1;
            if (start + 2 < text.length() && text.charAt(start + 2) == '!') {
                continue;
            }
            String name = text.substring(start + 2, end).trim();
            if (name.isEmpty() || (vars != null && vars.has(name))) {
                continue;
            }
            int dot = name.indexOf('.');
            boolean ok = dot < 0 ? known(name) : resourceOrGenerated(name.substring(0, dot));
            if (!ok) {
                report(
                        in,
                        r,
                        path,
                        "Fn::Sub variable '${" + name + "}' names neither a resource nor a parameter "
                                + "of this template");
            }
        }
    }

    private boolean known(String name) {
        if (name.startsWith("AWS::") || t.parameters().containsKey(name)) {
            return true;
        }
        int dot = name.indexOf('.');
        return resourceOrGenerated(dot < 0 ? name : name.substring(0, dot));
    }

    private boolean resourceOrGenerated(String name) {
        if (t.resources().containsKey(name) || g.find(t, name) != null) {
            return true;
        }
        for (String p : samPrefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private void report(Node at, Resource r, int path, String message) {
        out.add(new Finding(
                InputRules.PARSE_UNRESOLVED_REFERENCE.id(),
                InputRules.PARSE_UNRESOLVED_REFERENCE.severity(),
                message,
                at.span(),
                r == null ? null : r.logicalId(),
                r == null ? null : r.cdkPath(),
                path(path),
                null,
                null));
    }
}
