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
     * Reports a finding. Point at the exact value when the problem is a value, at the resource (or
     * state) when something is missing; see {@link Location}.
     *
     * @param where   where the finding is
     * @param message one sentence naming the resource(s) and the consequence
     * @return the finding, to attach a fix or a case-specific severity
     */
    Reported report(Location where, String message);

    // The forms below predate Location and are kept only until every rule uses it.

    /**
     * Reports on a node as a whole; the same as {@code report(Location.of(node), message)}.
     *
     * @param node    the node
     * @param message one sentence
     */
    default void report(GraphNode node, String message) {
        report(Location.of(node), message);
    }

    /**
     * Reports at a value of a node; the same as {@code report(Location.of(node, subPath).at(at), message)}.
     *
     * @param node    the node
     * @param at      the located value, or {@code null}
     * @param subPath the logical path below the node, or {@code null}
     * @param message one sentence
     */
    default void report(GraphNode node, Node at, String subPath, String message) {
        report(Location.of(node, subPath).at(at), message);
    }

    /**
     * Reports at a value of a node with another severity; the same as
     * {@code report(Location.of(node, subPath).at(at), message).withSeverity(severity)}.
     *
     * @param severity the severity of this finding
     * @param node     the node
     * @param at       the located value, or {@code null}
     * @param subPath  the logical path below the node, or {@code null}
     * @param message  one sentence
     */
    default void reportWithSeverity(Severity severity, GraphNode node, Node at, String subPath, String message) {
        report(Location.of(node, subPath).at(at), message).withSeverity(severity);
    }

    /**
     * Reports at a state; the same as {@code report(Location.of(machine, state, subPath).at(at), message)}.
     *
     * @param machine the machine
     * @param state   the state
     * @param at      the located field, or {@code null}
     * @param subPath the path below the state, or {@code null}
     * @param message one sentence
     */
    default void report(StateMachine machine, State state, Node at, String subPath, String message) {
        report(Location.of(machine, state, subPath).at(at), message);
    }

    /**
     * Reports at a state with another severity; the same as
     * {@code report(Location.of(machine, state, subPath).at(at), message).withSeverity(severity)}.
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
        report(Location.of(machine, state, subPath).at(at), message).withSeverity(severity);
    }

    /**
     * Reports on a state machine; the same as {@code report(Location.of(machine, subPath).at(at), message)}.
     *
     * @param machine the machine
     * @param at      the located field, or {@code null}
     * @param subPath the path below the machine, or {@code null}
     * @param message one sentence
     */
    default void report(StateMachine machine, Node at, String subPath, String message) {
        report(Location.of(machine, subPath).at(at), message);
    }

    /**
     * Reports on a template; the same as {@code report(Location.of(template, path).at(at), message)}.
     *
     * @param template the template
     * @param at       the located value, or {@code null}
     * @param subPath  the logical path in the template, or {@code null}
     * @param message  one sentence
     */
    default void report(Template template, Node at, String subPath, String message) {
        report(Location.of(template, subPath).at(at), message);
    }
}
