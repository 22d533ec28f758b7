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
 */
public interface Rule {

    RuleMetadata metadata();

    Subscription subscription();

    /** Typed options this rule reads. */
    default List<RuleOption<?>> options() {
        return List.of();
    }

    /** Called for each graph node of a subscribed kind. */
    default void visitNode(GraphNode node, RuleContext ctx) {
    }

    /** Called for each state machine, when subscribed. */
    default void visitStateMachine(StateMachine machine, RuleContext ctx) {
    }

    /** Called for each state of a subscribed type, in every scope of every machine. */
    default void visitState(State state, StateMachine machine, RuleContext ctx) {
    }

    /** Called for each template, when subscribed. */
    default void visitTemplate(Template template, RuleContext ctx) {
    }
}
