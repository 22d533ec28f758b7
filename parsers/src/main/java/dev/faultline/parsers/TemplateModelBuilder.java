package dev.faultline.parsers;

import dev.faultline.core.model.InputFile;
import dev.faultline.core.model.Parameter;
import dev.faultline.core.model.Resource;
import dev.faultline.core.model.Template;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import java.util.Collections;
import java.util.LinkedHashMap;
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
                resources.putIfAbsent(e.key(), Resource.declared(e, body));
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

    private static MapNode section(MapNode root, String key) {
        MapNode m = root.getMap(key);
        return m != null ? m : MapNode.empty(root.span());
    }
}
