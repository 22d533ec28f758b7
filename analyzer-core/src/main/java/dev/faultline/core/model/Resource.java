package dev.faultline.core.model;

import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.Span;
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

    /** A property by name, or {@code null}. */
    public Node property(String name) {
        return properties.get(name);
    }

    /** The logical path of this resource in its template: {@code Resources/<id>}. */
    public String logicalPath() {
        return "Resources/" + logicalId;
    }
}
