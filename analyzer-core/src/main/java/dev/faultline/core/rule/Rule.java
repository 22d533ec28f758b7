package dev.faultline.core.rule;

import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.model.Template;
import java.util.List;

/**
 * A check. Implementations declare their {@link RuleMetadata} once, say what they want to see in
 * {@link #subscription()}, and report through the {@link RuleContext}. They are registered for
 * {@link java.util.ServiceLoader} under {@code META-INF/services/dev.faultline.core.rule.Rule} and
 * must be stateless (the engine may call them from several threads).
 *
 * <p>This is the interface of Faultline's own rules and of plugin rules alike: a plugin is a jar
 * with rule classes and that services file, loaded with {@code faultline lint --plugin JAR}, the
 * {@code plugins:} list of {@code .faultline.yml}, or as a dependency of the Maven plugin. A rule
 * needs a public no-argument constructor. See {@code docs/writing-rules.md}.
 *
 * <p>Visitor methods are called once per subscribed element, in a deterministic order. A visitor
 * that throws does not stop the analysis: the exception becomes a tool error naming the rule and
 * the element (exit code 3).
 */
public interface Rule {

    /**
     * The rule's id, name, severity and documentation; return the same constant every time.
     *
     * @return the metadata
     */
    RuleMetadata metadata();

    /**
     * What the engine shows this rule; return the same value every time.
     *
     * @return the subscription
     */
    Subscription subscription();

    /**
     * Typed options this rule reads with {@link RuleContext#option}; users set them in
     * {@code .faultline.yml} ({@code rules: {ACME-SQS-001: {options: {minimumDays: 7}}}}) or in a
     * fixture's {@code # options:} line. An option not listed here is a configuration error.
     *
     * @return the options, none by default
     */
    default List<RuleOption<?>> options() {
        return List.of();
    }

    /**
     * Called for each graph node of a subscribed kind.
     *
     * @param node the node (a resource, or a node implied by SAM)
     * @param ctx  the graph, evaluation and reporting
     */
    default void visitNode(GraphNode node, RuleContext ctx) {}

    /**
     * Called for each state machine, when subscribed.
     *
     * @param machine the state machine (from a template or a standalone ASL file)
     * @param ctx     the graph, evaluation and reporting
     */
    default void visitStateMachine(StateMachine machine, RuleContext ctx) {}

    /**
     * Called for each state of a subscribed type, in every scope of every machine.
     *
     * @param state   the state
     * @param machine the machine that contains it
     * @param ctx     the graph, evaluation and reporting
     */
    default void visitState(State state, StateMachine machine, RuleContext ctx) {}

    /**
     * Called for each template, when subscribed.
     *
     * @param template the template
     * @param ctx      the graph, evaluation and reporting
     */
    default void visitTemplate(Template template, RuleContext ctx) {}
}
