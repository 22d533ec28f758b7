package dev.faultline.core.asl;

import dev.faultline.core.tree.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A set of states with a {@code StartAt}: the top level of a machine, one Parallel branch, or a
 * Map processor. {@code states} keep file order.
 *
 * @param body        the located object holding {@code StartAt} and {@code States}
 * @param startAt     the {@code StartAt} text, or null
 * @param states      the states by name
 * @param logicalPath where the scope sits ({@code Resources/M/Properties/Definition} or
 *                    {@code .../States/Fan/Branches/0})
 * @param owner       the Parallel or Map state holding it, or null for the top level
 */
public record Scope(MapNode body, String startAt, Map<String, State> states, String logicalPath, State owner) {

    /** Every state of this scope and of the branches and processors nested in it, depth-first in file order. */
    public List<State> allStates() {
        List<State> out = new ArrayList<>();
        collect(this, out, null);
        return out;
    }

    /** Every {@code Task} state of this scope, nested ones included, depth-first in file order. */
    public List<State> tasks() {
        List<State> out = new ArrayList<>();
        collect(this, out, "Task");
        return out;
    }

    private static void collect(Scope s, List<State> out, String type) {
        for (State st : s.states().values()) {
            if (type == null || st.isType(type)) {
                out.add(st);
            }
            for (Scope c : st.children()) {
                collect(c, out, type);
            }
        }
    }
}
