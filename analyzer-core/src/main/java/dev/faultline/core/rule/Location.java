package dev.faultline.core.rule;

import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.model.Template;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.Span;

/**
 * Where a finding is: one value that knows its place in the file and its logical path. A rule
 * names the place once, and the engine reports it:
 *
 * <ul>
 *   <li>{@code Location.of(queue)}: a resource as a whole (for something missing);</li>
 *   <li>{@code Location.of(queue, "Properties/VisibilityTimeout")}: a value below it, by its logical
 *       path; the finding points at the deepest part of the path that exists;</li>
 *   <li>{@code Location.of(machine, state)}, {@code Location.of(machine, state, "Retry/0")}: a state
 *       or a field below it;</li>
 *   <li>{@code Location.of(machine)}, {@code Location.of(template, "Outputs/Arn")}: a state machine or
 *       a template as a whole;</li>
 *   <li>{@code .at(value)}: an explicit located value, for the rare value the path does not lead to
 *       (one read from a JSON string, or found through a reference).</li>
 * </ul>
 */
public sealed interface Location {

    /** @return the region of the file the finding points at */
    Span span();

    /** @return the logical path ({@code Resources/Orders/Properties/VisibilityTimeout}), or {@code null} */
    String logicalPath();

    /** @return the logical id of the resource, or {@code null} (a standalone state machine) */
    String resource();

    /** @return the CDK construct path of the resource, or {@code null} */
    String cdkPath();

    /**
     * The same place with an explicit located value to point at.
     *
     * @param value the value, or {@code null} to keep pointing along the path
     * @return the location
     */
    Location at(Node value);

    /**
     * @param node a resource or implied node
     * @return the node as a whole
     */
    static Location of(GraphNode node) {
        return new OfNode(node, null, null);
    }

    /**
     * @param node    a resource or implied node
     * @param subPath the logical path below it ({@code Properties/RedrivePolicy/maxReceiveCount})
     * @return the value at that path, or the deepest part of it that exists
     */
    static Location of(GraphNode node, String subPath) {
        return new OfNode(node, subPath, null);
    }

    /**
     * @param machine the machine
     * @param state   one of its states
     * @return the state (its name key)
     */
    static Location of(StateMachine machine, State state) {
        return new OfState(machine, state, null, null);
    }

    /**
     * @param machine the machine
     * @param state   one of its states
     * @param subPath the path below the state ({@code Retry/0/MaxAttempts})
     * @return the field at that path, or the deepest part of it that exists
     */
    static Location of(StateMachine machine, State state, String subPath) {
        return new OfState(machine, state, subPath, null);
    }

    /**
     * @param machine a state machine
     * @return the machine as a whole
     */
    static Location of(StateMachine machine) {
        return new OfMachine(machine, null, null);
    }

    /**
     * @param machine a state machine
     * @param subPath the path below its definition ({@code TimeoutSeconds})
     * @return the field at that path, or the machine when it does not exist
     */
    static Location of(StateMachine machine, String subPath) {
        return new OfMachine(machine, subPath, null);
    }

    /**
     * @param template a template
     * @return the whole file
     */
    static Location of(Template template) {
        return new OfTemplate(template, null, null);
    }

    /**
     * @param template a template
     * @param path     the logical path in it ({@code Outputs/QueueArn}), or {@code null}
     * @return the value at that path, or the whole file
     */
    static Location of(Template template, String path) {
        return new OfTemplate(template, path, null);
    }

    /** A node of the graph, or a value below it. */
    record OfNode(GraphNode node, String subPath, Node value) implements Location {
        @Override
        public Span span() {
            if (value != null) {
                return value.span();
            }
            String props = subPath != null && subPath.startsWith("Properties/")
                    ? subPath.substring("Properties/".length()) : subPath;
            Node d = props == null || props.equals("Properties") ? null : deepest(node.properties(), props);
            return d == null || d == node.properties() ? node.span() : d.span();
        }

        @Override
        public String logicalPath() {
            return join(node.logicalPath(), subPath);
        }

        @Override
        public String resource() {
            return node.resourceId();
        }

        @Override
        public String cdkPath() {
            return node.cdkPath();
        }

        @Override
        public Location at(Node v) {
            return new OfNode(node, subPath, v);
        }
    }

    /** A state of a machine, or a field below it. */
    record OfState(StateMachine machine, State state, String subPath, Node value) implements Location {
        @Override
        public Span span() {
            if (value != null) {
                return value.span();
            }
            Node d = subPath == null ? null : deepest(state.body(), subPath);
            return d == null || d == state.body() ? state.keySpan() : d.span();
        }

        @Override
        public String logicalPath() {
            return join(state.logicalPath(), subPath);
        }

        @Override
        public String resource() {
            return machine.resource() == null ? null : machine.resource().logicalId();
        }

        @Override
        public String cdkPath() {
            return machine.resource() == null ? null : machine.resource().cdkPath();
        }

        @Override
        public Location at(Node v) {
            return new OfState(machine, state, subPath, v);
        }
    }

    /** A state machine as a whole, or a field of its definition. */
    record OfMachine(StateMachine machine, String subPath, Node value) implements Location {
        @Override
        public Span span() {
            return value != null ? value.span() : machine.span();
        }

        @Override
        public String logicalPath() {
            return join(machine.top().logicalPath(), subPath);
        }

        @Override
        public String resource() {
            return machine.resource() == null ? null : machine.resource().logicalId();
        }

        @Override
        public String cdkPath() {
            return machine.resource() == null ? null : machine.resource().cdkPath();
        }

        @Override
        public Location at(Node v) {
            return new OfMachine(machine, subPath, v);
        }
    }

    /** A template, or a value in it. */
    record OfTemplate(Template template, String path, Node value) implements Location {
        @Override
        public Span span() {
            return value != null ? value.span() : Span.ofFile(template.displayPath());
        }

        @Override
        public String logicalPath() {
            return path;
        }

        @Override
        public String resource() {
            return null;
        }

        @Override
        public String cdkPath() {
            return null;
        }

        @Override
        public Location at(Node v) {
            return new OfTemplate(template, path, v);
        }
    }

    private static String join(String base, String subPath) {
        return subPath == null || subPath.isEmpty() ? base : base + "/" + subPath;
    }

    /** The deepest node along a logical sub-path ({@code A/0/B}) that exists. */
    private static Node deepest(Node start, String subPath) {
        if (subPath == null || subPath.isEmpty() || start == null) {
            return start;
        }
        Node cur = start;
        for (String part : subPath.split("/")) {
            Node next = null;
            if (cur instanceof MapNode m) {
                next = m.get(part);
            } else if (cur instanceof ListNode l) {
                try {
                    int i = Integer.parseInt(part);
                    next = i >= 0 && i < l.size() ? l.get(i) : null;
                } catch (NumberFormatException e) {
                    next = null;
                }
            }
            if (next == null) {
                return cur;
            }
            cur = next;
        }
        return cur;
    }
}
