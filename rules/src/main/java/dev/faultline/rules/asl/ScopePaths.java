package dev.faultline.rules.asl;

import dev.faultline.core.asl.Scope;
import dev.faultline.core.asl.StateMachine;

/** Logical paths and descriptions of scopes, for machine-level reports. */
final class ScopePaths {

    private ScopePaths() {}

    /** The sub-path of a field of a scope below the machine's top-level path. */
    static String relative(StateMachine machine, Scope scope, String field) {
        String top = machine.top().logicalPath();
        String sp = scope.logicalPath();
        if (sp != null && top != null && sp.startsWith(top) && sp.length() > top.length()) {
            String rest = sp.substring(top.length());
            if (rest.startsWith("/")) {
                rest = rest.substring(1);
            }
            return field == null ? rest : rest + "/" + field;
        }
        return field;
    }

    /** {@code at the top level}, {@code in a branch of Parallel 'Fan'}, {@code in the processor of Map 'Each'}. */
    static String describe(Scope scope) {
        if (scope.owner() == null) {
            return "at the top level";
        }
        return scope.owner().isType("Parallel")
                ? "in a branch of Parallel '" + scope.owner().name() + "'"
                : "in the item processor of Map '" + scope.owner().name() + "'";
    }
}
