package dev.faultline.core.rule;

import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.eval.Evaluator;
import dev.faultline.core.eval.Value;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.ResourceGraph;
import dev.faultline.core.model.Template;
import dev.faultline.core.tree.Node;

/**
 * What a rule sees and how it reports. One context per rule; not shared between rules.
 * Implemented by the engine (and by test doubles); rules only call it.
 *
 * <p>Reporting: point at the exact value when the problem is a value, at the resource when
 * something is missing. Messages are one sentence naming the resource(s) and the consequence,
 * with the numbers compared.
 */
public interface RuleContext {

    /**
     * The resource graph of everything analyzed: nodes, typed edges, state machines.
     *
     * @return the graph
     */
    ResourceGraph graph();

    /**
     * The evaluator of a template (parameter defaults, conditions, mappings).
     *
     * @param template a template of the graph
     * @return its evaluator
     */
    Evaluator evaluator(Template template);

    /**
     * Evaluates a value that belongs to a node's template.
     *
     * @param owner the node the value belongs to
     * @param value a located value (may be {@code null}: {@link Value.Absent})
     * @return the value, {@link Value.Unknown} when it cannot be known statically
     */
    default Value eval(GraphNode owner, Node value) {
        return evaluator(owner.template()).eval(value);
    }

    /**
     * Evaluates a property of a node ({@link Value.Absent} when missing).
     *
     * @param node the node
     * @param name the property name ({@code MessageRetentionPeriod})
     * @return the value
     */
    default Value property(GraphNode node, String name) {
        return eval(node, node.property(name));
    }

    /**
     * The configured value of one of this rule's options.
     *
     * @param option one of {@link Rule#options()}
     * @param <T>    the option's type
     * @return the configured value, or the option's default
     */
    <T> T option(RuleOption<T> option);

    /**
     * Reports a finding on a node as a whole (for something missing).
     *
     * @param node    the node
     * @param message one sentence
     */
    void report(GraphNode node, String message);

    /**
     * Reports a finding at a value of a node. {@code subPath} is the logical path below the node
     * ({@code Properties/VisibilityTimeout}); when {@code at} is null the engine points at the
     * deepest part of that path that exists.
     *
     * @param node    the node
     * @param at      the located value, or {@code null}
     * @param subPath the logical path below the node, or {@code null}
     * @param message one sentence
     * @param fix     a suggested fix, or {@code null}
     */
    void report(GraphNode node, Node at, String subPath, String message, Fix fix);

    /**
     * Reports a finding at a value of a node, without a fix; see {@link #report(GraphNode, Node, String, String, Fix)}.
     *
     * @param node    the node
     * @param at      the located value, or {@code null}
     * @param subPath the logical path below the node, or {@code null}
     * @param message one sentence
     */
    default void report(GraphNode node, Node at, String subPath, String message) {
        report(node, at, subPath, message, null);
    }

    /**
     * Reports like {@link #report(GraphNode, Node, String, String)} with a severity other than the
     * rule's default, for a rule whose catalog row gives some cases a milder severity (FL-ESM-005:
     * unsupported destination is an error, stream-only tuning on SQS a warning). A severity the user
     * configured for the rule still wins. Implementations that cannot vary severity use the rule's.
     *
     * @param severity the severity of this finding
     * @param node     the node
     * @param at       the located value, or {@code null}
     * @param subPath  the logical path below the node, or {@code null}
     * @param message  one sentence
     */
    default void reportWithSeverity(Severity severity, GraphNode node, Node at, String subPath, String message) {
        report(node, at, subPath, message);
    }

    /**
     * Reports a finding at a state (or at a field of it when {@code at} is given); {@code subPath}
     * is below the state ({@code Retry/0/MaxAttempts}), or null.
     *
     * @param machine the machine
     * @param state   the state
     * @param at      the located field, or {@code null}
     * @param subPath the path below the state, or {@code null}
     * @param message one sentence
     */
    void report(StateMachine machine, State state, Node at, String subPath, String message);

    /**
     * Reports at a state like {@link #report(StateMachine, State, Node, String, String)} with a
     * severity other than the rule's default, for a catalog row that gives one case a milder
     * severity (FL-SFN-003: a retrier without jitter is info). A severity the user configured for
     * the rule still wins.
     *
     * @param severity the severity of this finding
     * @param machine  the machine
     * @param state    the state
     * @param at       the located field, or {@code null}
     * @param subPath  the path below the state, or {@code null}
     * @param message  one sentence
     */
    default void reportWithSeverity(Severity severity, StateMachine machine, State state, Node at, String subPath,
                                    String message) {
        report(machine, state, at, subPath, message);
    }

    /**
     * Reports a finding on a state machine as a whole.
     *
     * @param machine the machine
     * @param at      the located field, or {@code null}
     * @param subPath the path below the machine, or {@code null}
     * @param message one sentence
     */
    void report(StateMachine machine, Node at, String subPath, String message);

    /**
     * Reports a finding on a template (for template-wide problems).
     *
     * @param template the template
     * @param at       the located value, or {@code null}
     * @param subPath  the logical path in the template, or {@code null}
     * @param message  one sentence
     */
    void report(Template template, Node at, String subPath, String message);
}
