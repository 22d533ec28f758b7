package dev.faultline.core.rule;

import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.eval.Evaluator;
import dev.faultline.core.eval.Value;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.ResourceGraph;
import dev.faultline.core.model.Template;
import dev.faultline.core.tree.Node;

/** What a rule sees and how it reports. One context per rule; not shared between rules. */
public interface RuleContext {

    ResourceGraph graph();

    /** The evaluator of a template (parameter defaults, conditions, mappings). */
    Evaluator evaluator(Template template);

    /** Evaluates a value that belongs to a node's template. */
    default Value eval(GraphNode owner, Node value) {
        return evaluator(owner.template()).eval(value);
    }

    /** Evaluates a property of a node ({@link Value.Absent} when missing). */
    default Value property(GraphNode node, String name) {
        return eval(node, node.property(name));
    }

    /** The configured value of one of this rule's options. */
    <T> T option(RuleOption<T> option);

    /** Reports a finding on a node as a whole (for something missing). */
    void report(GraphNode node, String message);

    /**
     * Reports a finding at a value of a node. {@code subPath} is the logical path below the node
     * ({@code Properties/VisibilityTimeout}); when {@code at} is null the engine points at the
     * deepest part of that path that exists.
     */
    void report(GraphNode node, Node at, String subPath, String message, Fix fix);

    default void report(GraphNode node, Node at, String subPath, String message) {
        report(node, at, subPath, message, null);
    }

    /**
     * Reports like {@link #report(GraphNode, Node, String, String)} with a severity other than the
     * rule's default, for a rule whose catalog row gives some cases a milder severity (FL-ESM-005:
     * unsupported destination is an error, stream-only tuning on SQS a warning). A severity the user
     * configured for the rule still wins. Implementations that cannot vary severity use the rule's.
     */
    default void reportWithSeverity(Severity severity, GraphNode node, Node at, String subPath, String message) {
        report(node, at, subPath, message);
    }

    /**
     * Reports a finding at a state (or at a field of it when {@code at} is given); {@code subPath}
     * is below the state ({@code Retry/0/MaxAttempts}), or null.
     */
    void report(StateMachine machine, State state, Node at, String subPath, String message);

    /** Reports a finding on a state machine as a whole. */
    void report(StateMachine machine, Node at, String subPath, String message);

    /** Reports a finding on a template (for template-wide problems). */
    void report(Template template, Node at, String subPath, String message);
}
