package dev.faultline.rules.sfn;

import dev.faultline.core.asl.Catcher;
import dev.faultline.core.asl.Scope;
import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.graph.ResourceGraph;
import dev.faultline.core.tree.Node;
import dev.faultline.rules.support.Asl;
import dev.faultline.rules.support.StepFunctionsLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * When a failure strands completed work (FL-SFN-001, and the rules that stay silent where it
 * reports): a Map whose items write and whose item failure nothing handles, a Parallel whose
 * branches write while another branch can fail. Whether a task writes is the graph's
 * {@link ResourceGraph#taskCall} classification.
 */
final class StrandedWork {

    private StrandedWork() {}

    /** Every Task state inside a Map's processor or a Parallel's branches, nested ones included. */
    static List<State> tasksWithin(State container) {
        List<State> out = new ArrayList<>();
        for (Scope s : container.children()) {
            out.addAll(s.tasks());
        }
        return out;
    }

    /**
     * Whether a failure of {@code inner} is caught before it leaves {@code container}: a catcher for
     * every task error on the state itself or on a Parallel/Map between them.
     */
    static boolean caughtInside(StateMachine machine, State inner, State container) {
        if (handles(machine, inner)) {
            return true;
        }
        for (State owner : Asl.enclosing(machine, inner)) {
            if (owner == container) {
                return false;
            }
            if (handles(machine, owner)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a state inside a processor or branch handles its failure: a catcher for every task
     * error whose fallback is not a Fail state (a catcher that goes straight to Fail only renames the
     * error, and the item or branch still fails).
     */
    private static boolean handles(StateMachine machine, State state) {
        Scope scope = Asl.scopeOf(machine, state);
        for (Catcher c : state.catchers()) {
            if (!c.errorEquals().contains(StepFunctionsLimits.STATES_ALL)
                    && !c.errorEquals().contains(StepFunctionsLimits.STATES_TASK_FAILED)) {
                continue;
            }
            State next =
                    scope == null || c.next() == null ? null : scope.states().get(c.next());
            if (next == null || !next.isType("Fail")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a failure of the container is handled where it happens or above: a catcher on it or an
     * enclosing state, or an enclosing distributed Map that tolerates failed items.
     */
    static boolean handledAtOrAbove(StateMachine machine, State container) {
        if (Asl.catchesAll(container) || toleratesFailedItems(machine, container)) {
            return true;
        }
        for (State owner : Asl.enclosing(machine, container)) {
            if (Asl.catchesAll(owner) || toleratesFailedItems(machine, owner)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a distributed Map tolerates failed items: a literal threshold above 0, or a threshold
     * path (its value is unknown, so the map is given the benefit of the doubt).
     */
    static boolean toleratesFailedItems(StateMachine machine, State map) {
        if (!Asl.isDistributedMap(map)) {
            return false;
        }
        if (map.body().has("ToleratedFailurePercentagePath") || map.body().has("ToleratedFailureCountPath")) {
            return true;
        }
        for (String f : new String[] {"ToleratedFailurePercentage", "ToleratedFailureCount"}) {
            Node v = map.field(f);
            if (v == null) {
                continue;
            }
            OptionalLong n = Asl.integer(machine, v);
            if (n.isEmpty() && Asl.number(machine, v).map(d -> d.signum() > 0).orElse(true)) {
                return true;
            }
            if (n.isPresent() && n.getAsLong() > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * For a Map: the tasks of its item processor that are not read-only and whose failure fails the
     * item unhandled; empty when the Map does not strand work.
     */
    static List<State> strandingItemTasks(StateMachine machine, State map, ResourceGraph graph) {
        if (!map.isType("Map") || handledAtOrAbove(machine, map)) {
            return List.of();
        }
        List<State> out = new ArrayList<>();
        for (State t : tasksWithin(map)) {
            if (!graph.taskCall(t, machine).readOnly() && !caughtInside(machine, t, map)) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * For a Parallel: one writing task per branch that writes (non-Lambda tasks whose call writes),
     * when two or more branches write and some branch can fail while another has written; empty
     * otherwise.
     */
    static List<State> strandingBranchWrites(StateMachine machine, State parallel, ResourceGraph graph) {
        if (!parallel.isType("Parallel") || handledAtOrAbove(machine, parallel)) {
            return List.of();
        }
        List<State> writes = new ArrayList<>();
        List<Integer> writing = new ArrayList<>();
        List<Integer> failing = new ArrayList<>();
        for (int b = 0; b < parallel.children().size(); b++) {
            State firstWrite = null;
            boolean canFail = false;
            for (State t : parallel.children().get(b).tasks()) {
                if (firstWrite == null && graph.taskCall(t, machine).writes()) {
                    firstWrite = t;
                }
                canFail |= !caughtInside(machine, t, parallel);
            }
            if (firstWrite != null) {
                writes.add(firstWrite);
                writing.add(b);
            }
            if (canFail) {
                failing.add(b);
            }
        }
        if (writing.size() < 2) {
            return List.of();
        }
        for (int f : failing) {
            for (int w : writing) {
                if (w != f) {
                    return writes;
                }
            }
        }
        return List.of();
    }

    /** Whether FL-SFN-001 would report the state itself (before the nesting check). */
    static boolean strands(StateMachine machine, State state, ResourceGraph graph) {
        return state.isType("Map")
                ? !strandingItemTasks(machine, state, graph).isEmpty()
                : !strandingBranchWrites(machine, state, graph).isEmpty();
    }

    /** Whether FL-SFN-001 reports the state: it strands work and no enclosing Map/Parallel is reported. */
    static boolean reported(StateMachine machine, State state, ResourceGraph graph) {
        if (!strands(machine, state, graph)) {
            return false;
        }
        for (State owner : Asl.enclosing(machine, state)) {
            if (strands(machine, owner, graph)) {
                return false;
            }
        }
        return true;
    }

    /** Whether FL-SFN-001 reports any state of the machine. */
    static boolean reportedInMachine(StateMachine machine, ResourceGraph graph) {
        for (State s : machine.allStates()) {
            if ((s.isType("Map") || s.isType("Parallel")) && strands(machine, s, graph)) {
                return true;
            }
        }
        return false;
    }

    /** {@code 'A', 'B'} for messages, at most three names. */
    static String names(List<State> states) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < states.size() && i < 3; i++) {
            b.append(i == 0 ? "" : ", ")
                    .append('\'')
                    .append(states.get(i).name())
                    .append('\'');
        }
        if (states.size() > 3) {
            b.append(" and ").append(states.size() - 3).append(" more");
        }
        return b.toString();
    }
}
