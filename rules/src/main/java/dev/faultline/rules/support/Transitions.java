package dev.faultline.rules.support;

import dev.faultline.core.asl.Catcher;
import dev.faultline.core.asl.Scope;
import dev.faultline.core.asl.State;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The transitions a state names: {@code Next}, Choice rules' {@code Next}, {@code Default}, catchers' {@code Next}. */
public final class Transitions {

    /** One named transition and where it is written. */
    public record Target(String name, Node at, String subPath, String label) {}

    private Transitions() {}

    /**
     * @param state a state
     * @return the transitions it names, in the order written
     */
    public static List<Target> of(State state) {
        List<Target> out = new ArrayList<>();
        add(out, state.body().get("Next"), "Next", "Next");
        add(out, state.body().get("Default"), "Default", "Default");
        ListNode choices = state.isType("Choice") ? state.body().getList("Choices") : null;
        if (choices != null) {
            for (int i = 0; i < choices.size(); i++) {
                MapNode rule = choices.get(i).asMap();
                if (rule != null) {
                    add(out, rule.get("Next"), "Choices/" + i + "/Next", "Choice rule " + i + " Next");
                }
            }
        }
        for (Catcher c : state.catchers()) {
            add(out, c.body().get("Next"), "Catch/" + c.index() + "/Next", "catcher " + c.index() + " Next");
        }
        return out;
    }

    /**
     * The states of a scope reachable from the given start names by any transition (catchers
     * included), in visiting order (states are compared by identity); names that are not states of the scope are skipped.
     *
     * @param scope the scope
     * @param starts the names to start from (included when they name a state)
     * @param through whether to continue past a reached state (start states included)
     * @return the states reached
     */
    public static List<State> reachable(Scope scope, List<String> starts, Predicate<State> through) {
        List<State> order = new ArrayList<>();
        Set<State> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<State> todo = new ArrayDeque<>();
        for (String n : starts) {
            State s = scope.states().get(n);
            if (s != null && seen.add(s)) {
                todo.add(s);
                order.add(s);
            }
        }
        while (!todo.isEmpty()) {
            State s = todo.poll();
            if (!through.test(s)) {
                continue;
            }
            for (Target t : of(s)) {
                State n = scope.states().get(t.name());
                if (n != null && seen.add(n)) {
                    todo.add(n);
                    order.add(n);
                }
            }
        }
        return order;
    }

    /**
     * @param state a state
     * @return the names of the states it can go to next
     */
    public static List<String> next(State state) {
        List<String> out = new ArrayList<>();
        for (Target t : of(state)) {
            out.add(t.name());
        }
        return out;
    }

    private static void add(List<Target> out, Node n, String subPath, String label) {
        if (n != null && n.text() != null) {
            out.add(new Target(n.text(), n, subPath, label));
        }
    }
}
