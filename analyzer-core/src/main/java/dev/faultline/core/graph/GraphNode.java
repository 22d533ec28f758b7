package dev.faultline.core.graph;

import dev.faultline.core.model.Resource;
import dev.faultline.core.model.Template;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.Span;

/**
 * A node of the resource graph: a resource of a template, or an <em>implied</em> node that SAM
 * creates from shorthand (a function's {@code Events}, a generated queue). Properties are always
 * in the raw CloudFormation shape of {@link #type()}, so a rule reads {@code EventSourceArn} whether
 * the user wrote an {@code AWS::Lambda::EventSourceMapping} or a SAM {@code SQS} event; the values
 * keep the spans of what the user wrote.
 */
public final class GraphNode {

    private final String id;
    private final String name;
    private final String type;
    private final NodeKind kind;
    private final Template template;
    private final Resource resource;
    private final MapNode properties;
    private final Span span;
    private final String logicalPath;
    private final boolean implied;

    /**
     * A node.
     *
     * Internal: nodes are made by the graph builder; rules receive them.
     */
    public GraphNode(
            String id,
            String name,
            String type,
            NodeKind kind,
            Template template,
            Resource resource,
            MapNode properties,
            Span span,
            String logicalPath,
            boolean implied) {
        this.id = id;
        this.name = name;
        this.type = type;
        this.kind = kind;
        this.template = template;
        this.resource = resource;
        this.properties = properties;
        this.span = span;
        this.logicalPath = logicalPath;
        this.implied = implied;
    }

    /** Unique within the graph: {@code <file>#<name>}. */
    public String id() {
        return id;
    }

    /**
     * The name a user recognises: the logical id, or for an implied node
     * {@code <FunctionId>.<EventName>} (SAM events) or the logical id SAM would generate.
     */
    public String name() {
        return name;
    }

    /** The CloudFormation type this node is or becomes ({@code AWS::Lambda::EventSourceMapping}). */
    public String type() {
        return type;
    }

    /**
     * @return what the node is
     */
    public NodeKind kind() {
        return kind;
    }

    /**
     * @return the template the node belongs to (for evaluation)
     */
    public Template template() {
        return template;
    }

    /** The resource that declares this node (for implied nodes, the SAM resource), or null. */
    public Resource resource() {
        return resource;
    }

    /** Effective properties in CloudFormation shape (SAM Globals merged). */
    public MapNode properties() {
        return properties;
    }

    /** A property by name, or {@code null}. */
    public Node property(String name) {
        return properties.get(name);
    }

    /** Where the node is declared: the logical id key, or the SAM event's key. */
    public Span span() {
        return span;
    }

    /** {@code Resources/Orders} or {@code Resources/Fn/Properties/Events/Queue}. */
    public String logicalPath() {
        return logicalPath;
    }

    /**
     * @return whether the node is implied (a SAM event, a SAM-generated resource) rather than written as a resource
     */
    public boolean implied() {
        return implied;
    }

    /** The CDK construct path of the declaring resource, or {@code null}. */
    public String cdkPath() {
        return resource == null ? null : resource.cdkPath();
    }

    /** The logical id of the declaring resource, or {@code null}. */
    public String resourceId() {
        return resource == null ? null : resource.logicalId();
    }

    /**
     * @return the display path of the file the node is written in
     */
    public String file() {
        return span.file();
    }

    @Override
    public String toString() {
        return kind + " " + id;
    }
}
