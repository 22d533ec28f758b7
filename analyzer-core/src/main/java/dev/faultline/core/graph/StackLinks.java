package dev.faultline.core.graph;

import dev.faultline.core.eval.CrossStack;
import dev.faultline.core.eval.Evaluator;
import dev.faultline.core.model.NestedStacks;
import dev.faultline.core.model.Resource;
import dev.faultline.core.model.Template;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the templates of one run use each other: nested stacks (the local templates
 * {@link NestedStacks#localTemplate} names) and exports
 * ({@code Outputs.X.Export.Name}, evaluated: literal, {@code Fn::Sub} with parameters and
 * defaults, CDK's {@code Stack:ExportsOutput...} form).
 *
 * <p>A local path is resolved against the directory of the template that writes it and only links
 * to a template that is itself an input of the run: nothing outside the run is read, so a path
 * that leaves the project leads nowhere. A remote location ({@code https://}, {@code s3://}, a SAR
 * application id) is not followed.
 */
final class StackLinks implements CrossStack {

    /** One nested stack resource and the template it deploys. */
    record Nesting(Template parent, Resource resource, Template child) {}

    private final Map<Template, Map<String, List<Written>>> parameters = new IdentityHashMap<>();
    private final Map<Template, Map<String, Template>> children = new IdentityHashMap<>();
    private final Map<String, List<Written>> exports = new HashMap<>();
    private final List<Nesting> nestings = new ArrayList<>();

    /** The templates of the run by absolute path, made at the first local nested stack. */
    private Map<Path, Template> byPath;

    StackLinks(List<Template> templates) {
        for (Template parent : templates) {
            Evaluator ev = new Evaluator(parent);
            for (Resource r : NestedStacks.hasNestedStacks(parent) ? parent.allResources() : List.<Resource>of()) {
                Template child = child(parent, r, templates);
                if (child == null || child == parent) {
                    continue;
                }
                nestings.add(new Nesting(parent, r, child));
                children.computeIfAbsent(parent, k -> new HashMap<>()).put(r.logicalId(), child);
                MapNode passed = r.properties().getMap("Parameters");
                if (passed == null) {
                    continue;
                }
                String via = "nested stack '" + r.logicalId() + "'";
                Map<String, List<Written>> byName = parameters.computeIfAbsent(child, k -> new LinkedHashMap<>());
                for (MapNode.Entry e : passed.entries()) {
                    byName.computeIfAbsent(e.key(), k -> new ArrayList<>(1)).add(new Written(parent, e.value(), via));
                }
            }
            for (MapNode.Entry o : parent.outputs().entries()) {
                if (!(o.value() instanceof MapNode out) || out.get("Value") == null) {
                    continue;
                }
                MapNode export = out.getMap("Export");
                Node name = export == null ? null : export.get("Name");
                var n = ev.eval(name).asString();
                if (n.isPresent() && !n.get().isEmpty()) {
                    exports.computeIfAbsent(n.get(), k -> new ArrayList<>(1))
                            .add(new Written(parent, out.get("Value"), "export '" + n.get() + "'"));
                }
            }
        }
    }

    /** The nested stacks of the run, in input order. */
    List<Nesting> nestings() {
        return nestings;
    }

    @Override
    public List<Written> parameter(Template child, String name) {
        Map<String, List<Written>> m = parameters.get(child);
        List<Written> w = m == null ? null : m.get(name);
        return w == null ? List.of() : w;
    }

    @Override
    public List<Written> output(Template parent, String stack, String output) {
        Map<String, Template> m = children.get(parent);
        Template child = m == null ? null : m.get(stack);
        MapNode out = child == null ? null : child.outputs().getMap(output);
        if (out == null || out.get("Value") == null) {
            return List.of();
        }
        return List.of(new Written(child, out.get("Value"), "nested stack '" + stack + "'"));
    }

    @Override
    public List<Written> imported(String exportName) {
        List<Written> w = exports.get(exportName);
        // CloudFormation rejects a second export of one name in a region; two in one run are
        // different deployments (stages, regions), so which one is meant is not known
        return w == null || w.size() != 1 ? List.of() : w;
    }

    /** The template of the run that a nested stack resource deploys, or null. */
    private Template child(Template parent, Resource r, List<Template> templates) {
        String location = NestedStacks.localTemplate(r);
        if (location == null) {
            return null; // most resources: no path to normalise
        }
        if (byPath == null) {
            byPath = new HashMap<>();
            for (Template t : templates) {
                Path p = pathOf(t);
                if (p != null) {
                    byPath.putIfAbsent(p, t);
                }
            }
        }
        Path file = pathOf(parent);
        if (file == null || file.getParent() == null) {
            return null;
        }
        try {
            return byPath.get(file.getParent().resolve(location).normalize());
        } catch (InvalidPathException e) {
            return null; // not a path: it names no template of the run
        }
    }

    private static Path pathOf(Template t) {
        Path p = t.file() == null ? null : t.file().path();
        return p == null ? null : p.toAbsolutePath().normalize();
    }
}
