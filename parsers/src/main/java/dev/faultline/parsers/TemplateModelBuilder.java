package dev.faultline.parsers;

import dev.faultline.core.model.InputFile;
import dev.faultline.core.model.Parameter;
import dev.faultline.core.model.Resource;
import dev.faultline.core.model.Template;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the typed {@link Template} view over a template's root map. */
public final class TemplateModelBuilder {

    private TemplateModelBuilder() {}

    /** The template of {@code root}; absent sections become empty maps at the root's span. */
    public static Template build(InputFile file, MapNode root, String stackName) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        MapNode params = section(root, "Parameters");
        for (MapNode.Entry e : params.entries()) {
            MapNode p = e.value().asMap();
            String type = p == null || p.getText("Type") == null ? "" : p.getText("Type");
            Node def = p == null ? null : p.get("Default");
            parameters.putIfAbsent(e.key(), new Parameter(e.key(), type, def, e.keySpan()));
        }
        Map<String, Resource> resources = new LinkedHashMap<>();
        for (MapNode.Entry e : section(root, "Resources").entries()) {
            if (e.value() instanceof MapNode body) {
                resources.putIfAbsent(e.key(), resource(e, body));
            }
        }
        return new Template(
                file,
                root,
                Classifier.isSam(root),
                Collections.unmodifiableMap(parameters),
                section(root, "Conditions"),
                section(root, "Mappings"),
                section(root, "Globals"),
                Collections.unmodifiableMap(resources),
                section(root, "Outputs"),
                section(root, "Metadata"),
                stackName);
    }

    private static Resource resource(MapNode.Entry e, MapNode body) {
        String type = body.getText("Type");
        MapNode props = body.getMap("Properties");
        MapNode metadata = body.getMap("Metadata");
        MapNode empty = MapNode.empty(body.span());
        String cdkPath = metadata == null ? null : metadata.getText("aws:cdk:path");
        return new Resource(
                e.key(),
                type == null ? "" : type,
                props == null ? empty : props,
                metadata == null ? empty : metadata,
                body.getText("Condition"),
                dependsOn(body.get("DependsOn")),
                body,
                e.keySpan(),
                cdkPath);
    }

    private static List<String> dependsOn(Node n) {
        if (n == null) {
            return List.of();
        }
        if (n.text() != null) {
            return n.text().isEmpty() ? List.of() : List.of(n.text());
        }
        if (n instanceof ListNode l) {
            List<String> names = new ArrayList<>(l.size());
            for (Node item : l.items()) {
                if (item.text() != null && !item.text().isEmpty()) {
                    names.add(item.text());
                }
            }
            return List.copyOf(names);
        }
        return List.of();
    }

    private static MapNode section(MapNode root, String key) {
        MapNode m = root.getMap(key);
        return m != null ? m : MapNode.empty(root.span());
    }
}
