package dev.faultline.core.model;

import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * A resource of a template.
 *
 * @param logicalId  the logical id
 * @param type       the resource type ({@code AWS::SQS::Queue}); empty when missing
 * @param properties {@code Properties} (an empty map when absent)
 * @param metadata   {@code Metadata} (an empty map when absent)
 * @param condition  the {@code Condition} name, or {@code null}
 * @param dependsOn  the {@code DependsOn} names
 * @param body       the whole resource mapping
 * @param span       the span of the logical id key (where findings about missing things point)
 * @param cdkPath    the {@code aws:cdk:path} metadata, or {@code null}
 */
public record Resource(
        String logicalId,
        String type,
        MapNode properties,
        MapNode metadata,
        String condition,
        List<String> dependsOn,
        MapNode body,
        Span span,
        String cdkPath) {

    /**
     * The resource a template declares under {@code logicalId} (the key's entry) with this body:
     * {@code Type}, {@code Properties}, {@code Metadata} (with {@code aws:cdk:path}), {@code Condition}
     * and {@code DependsOn} read as CloudFormation reads them. Every input form builds its resources
     * here.
     */
    public static Resource declared(MapNode.Entry key, MapNode body) {
        String type = body.getText("Type");
        MapNode props = body.getMap("Properties");
        MapNode metadata = body.getMap("Metadata");
        MapNode empty = MapNode.empty(body.span());
        return new Resource(
                key.key(),
                // interned: the many passes that compare types (graph, rules, nested stacks) then read a
                // few hundred shared strings that stay in the cache, not one per resource
                type == null ? "" : type.intern(),
                props == null ? empty : props,
                metadata == null ? empty : metadata,
                body.getText("Condition"),
                dependsOn(body.get("DependsOn")),
                body,
                key.keySpan(),
                metadata == null ? null : metadata.getText("aws:cdk:path"));
    }

    /** {@code DependsOn} as one name or a list of names; other forms name nothing. */
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

    /** A property by name, or {@code null}. */
    public Node property(String name) {
        return properties.get(name);
    }

    /** The logical path of this resource in its template: {@code Resources/<id>}. */
    public String logicalPath() {
        return "Resources/" + logicalId;
    }
}
