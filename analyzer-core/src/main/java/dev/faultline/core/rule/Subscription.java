package dev.faultline.core.rule;

import dev.faultline.core.graph.NodeKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a rule wants to be shown. The engine walks the graph once and calls a rule only for what it
 * subscribed to.
 *
 * @param nodeKinds     graph nodes of these kinds go to {@link Rule#visitNode}
 * @param wantsMachines every state machine goes to {@link Rule#visitStateMachine}
 * @param stateTypes    states of these {@code Type}s go to {@link Rule#visitState}; {@code "*"}
 *                      subscribes to every state
 * @param wantsTemplates every template goes to {@link Rule#visitTemplate}
 */
public record Subscription(
        Set<NodeKind> nodeKinds, boolean wantsMachines, Set<String> stateTypes, boolean wantsTemplates) {

    /** Copies the sets; an empty set subscribes to nothing of that sort. */
    public Subscription {
        nodeKinds = nodeKinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(nodeKinds));
        stateTypes = Set.copyOf(stateTypes);
    }

    /** Graph nodes of the given kinds. */
    public static Subscription nodes(NodeKind first, NodeKind... rest) {
        return new Subscription(EnumSet.of(first, rest), false, Set.of(), false);
    }

    /** Whole state machines. */
    public static Subscription stateMachines() {
        return new Subscription(Set.of(), true, Set.of(), false);
    }

    /** States of the given types ({@code Task}, {@code Map}, ... or {@code "*"}). */
    public static Subscription states(String... types) {
        return new Subscription(Set.of(), false, Set.of(types), false);
    }

    /** Whole templates. */
    public static Subscription templates() {
        return new Subscription(Set.of(), false, Set.of(), true);
    }

    /** This subscription plus whole state machines. */
    public Subscription andStateMachines() {
        return new Subscription(nodeKinds, true, stateTypes, wantsTemplates);
    }

    /** This subscription plus states of the given types. */
    public Subscription andStates(String... types) {
        Set<String> s = new java.util.HashSet<>(stateTypes);
        s.addAll(Set.of(types));
        return new Subscription(nodeKinds, wantsMachines, s, wantsTemplates);
    }

    /**
     * @param type a state {@code Type}
     * @return whether states of that type go to {@link Rule#visitState}
     */
    public boolean wantsState(String type) {
        return stateTypes.contains("*") || stateTypes.contains(type);
    }
}
