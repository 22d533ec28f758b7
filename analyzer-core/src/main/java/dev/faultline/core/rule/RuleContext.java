package dev.faultline.core.rule;

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
}
