package dev.faultline.rules.support;

import dev.faultline.core.asl.Catcher;
import dev.faultline.core.asl.Retrier;
import dev.faultline.core.asl.Scope;
import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.eval.ValueType;
import dev.faultline.core.graph.ResourceGraph;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import java.math.BigDecimal;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Small shared readings of a States Language definition: literal numbers (placeholders and JSONata
 * expressions are unknown), which errors a retrier or catcher matches, and where a state sits.
 */
public final class Asl {

    private Asl() {}

    /**
     * A literal number written at {@code node}; empty when absent, not a JSON number (a string,
     * even a numeric one, which Step Functions rejects: FL-PARSE-007), a JSONata expression, or
     * (part of) a placeholder that stood for an intrinsic.
     */
    public static Optional<BigDecimal> number(StateMachine machine, Node node) {
        if (!(node instanceof ScalarNode s)
                || s.isNull()
                || ValueType.STRICT_NUMBER.problem(s).isPresent()) {
            return Optional.empty();
        }
        String t = s.value().trim();
        if (t.isEmpty() || hasPlaceholder(machine, t)) {
            return Optional.empty();
        }
        char c = t.charAt(0);
        if (!(c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(t));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the state's query language is known: false when its own {@code QueryLanguage}, or
     * (when it inherits one) any {@code QueryLanguage} of the machine, is a literal of the wrong
     * type (FL-PARSE-007 reports it; the rules that depend on the language stay silent), or is
     * written inside a {@code States} object instead of beside it (FL-ASL-002 reports that once; the
     * language the author meant is not the one Step Functions would read).
     */
    public static boolean queryLanguageKnown(StateMachine machine, State state, RuleContext ctx) {
        Node own = state.field("QueryLanguage");
        if (own != null) {
            return !ctx.graph().isIllTyped(own);
        }
        return INHERITED_LANGUAGE_KNOWN.get(machine, ctx.graph());
    }

    /** {@link #inheritedLanguageKnown} of the machine asked last: four rules ask for every state. */
    private static final LastAsked<StateMachine, ResourceGraph, Boolean> INHERITED_LANGUAGE_KNOWN =
            new LastAsked<>(Asl::inheritedLanguageKnown);

    /** Whether the language a state without its own {@code QueryLanguage} inherits is known (see above). */
    private static boolean inheritedLanguageKnown(StateMachine machine, ResourceGraph graph) {
        if (graph.isIllTyped(machine.top().body().get("QueryLanguage"))) {
            return false;
        }
        for (Scope scope : machine.allScopes()) {
            if (misplacedInStates(scope, "QueryLanguage")) {
                return false;
            }
        }
        for (State s : machine.allStates()) {
            if (graph.isIllTyped(s.field("QueryLanguage"))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a field of the definition ({@code QueryLanguage}, {@code TimeoutSeconds}, ...) is written
     * as an entry of the scope's {@code States} object, where a state (an object) belongs.
     */
    public static boolean misplacedInStates(Scope scope, String field) {
        MapNode states = scope.body().getMap("States");
        Node v = states == null ? null : states.get(field);
        return v != null && v.asMap() == null;
    }

    /** A literal integer written at {@code node}; empty as for {@link #number}. */
    public static OptionalLong integer(StateMachine machine, Node node) {
        Optional<BigDecimal> d = number(machine, node);
        if (d.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(d.get().longValueExact());
        } catch (ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Whether an error name has the {@code States.} prefix but is no predefined error (nor a
     * placeholder): no error has that name (FL-ASL-007), usually a misspelling
     * ({@link StepFunctionsLimits#closestPredefinedError} guesses which).
     */
    public static boolean unknownPredefinedError(StateMachine machine, String name) {
        return name.startsWith(StepFunctionsLimits.RESERVED_ERROR_PREFIX)
                && !StepFunctionsLimits.predefinedError(name)
                && !hasPlaceholder(machine, name);
    }

    /** Whether the text contains a placeholder that replaced an intrinsic. */
    public static boolean hasPlaceholder(StateMachine machine, String text) {
        if (text == null || machine.placeholders().isEmpty()) {
            return false;
        }
        if (machine.placeholders().containsKey(text)) {
            return true;
        }
        for (String p : machine.placeholders().keySet()) {
            if (!p.isEmpty() && text.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an {@code ErrorEquals} list matches the error name (directly or through a wildcard). */
    public static boolean matches(List<String> errorEquals, String error) {
        for (String e : errorEquals) {
            if (e.equals(error) || e.equals(StepFunctionsLimits.STATES_ALL)) {
                return true;
            }
            if (e.equals(StepFunctionsLimits.STATES_TASK_FAILED) && !error.equals(StepFunctionsLimits.STATES_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an error is retried: the first retrier whose {@code ErrorEquals} matches it applies,
     * and it retries unless its {@code MaxAttempts} is a literal 0.
     */
    public static boolean retried(StateMachine machine, State state, String error) {
        for (Retrier r : state.retriers()) {
            if (matches(r.errorEquals(), error)) {
                OptionalLong max = integer(machine, r.body().get("MaxAttempts"));
                return max.isEmpty() || max.getAsLong() > 0 || r.body().get("MaxAttempts") == null;
            }
        }
        return false;
    }

    /** Whether any state of the machine, at any depth, has a catcher. */
    public static boolean hasCatcher(StateMachine machine) {
        for (State s : machine.allStates()) {
            if (!s.catchers().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a catcher matches every task error ({@code States.ALL} or {@code States.TaskFailed}). */
    public static boolean catchesAll(State state) {
        for (Catcher c : state.catchers()) {
            if (c.errorEquals().contains(StepFunctionsLimits.STATES_ALL)
                    || c.errorEquals().contains(StepFunctionsLimits.STATES_TASK_FAILED)) {
                return true;
            }
        }
        return false;
    }

    /**
     * For every state of a machine, the scope that holds it (read-only). Built once per machine and
     * reused while the rules visit its states: rebuilding it for every state made rule dispatch
     * quadratic in the number of states (a 2,000-state machine took 3x the time of a 1,000-state one).
     */
    public static Map<State, Scope> scopesOf(StateMachine machine) {
        return SCOPES.get(machine, null);
    }

    private static final LastAsked<StateMachine, Object, Map<State, Scope>> SCOPES = new LastAsked<>(Asl::buildScopes);

    private static Map<State, Scope> buildScopes(StateMachine machine, Object unused) {
        Map<State, Scope> out = new IdentityHashMap<>();
        for (Scope s : machine.allScopes()) {
            for (State st : s.states().values()) {
                out.put(st, s);
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The Parallel and Map states enclosing a state, innermost first. */
    public static List<State> enclosing(StateMachine machine, State state) {
        Map<State, Scope> scopes = scopesOf(machine);
        List<State> out = new java.util.ArrayList<>();
        Scope s = scopes.get(state);
        while (s != null && s.owner() != null) {
            out.add(s.owner());
            s = scopes.get(s.owner());
        }
        return out;
    }

    /** The scope holding a state, or null. */
    public static Scope scopeOf(StateMachine machine, State state) {
        return scopesOf(machine).get(state);
    }

    /** Whether a Map state runs in distributed mode. */
    public static boolean isDistributedMap(State state) {
        if (!state.isType("Map")) {
            return false;
        }
        MapNode proc = state.body().getMap("ItemProcessor");
        if (proc == null) {
            return false;
        }
        Node mode = proc.path("ProcessorConfig", "Mode");
        return mode != null && "DISTRIBUTED".equals(mode.text());
    }

    /**
     * Whether a Map state's processor mode is a literal of the wrong type (FL-PARSE-007): then
     * whether it is inline or distributed is not known.
     */
    public static boolean mapModeUnknown(State state, RuleContext ctx) {
        MapNode proc = state.body().getMap("ItemProcessor");
        return proc != null && ctx.graph().isIllTyped(proc.path("ProcessorConfig", "Mode"));
    }

    /** Whether a Map state sets a tolerated failure threshold (or its path). */
    public static boolean toleratesFailures(State map) {
        for (String f : new String[] {
            "ToleratedFailurePercentage",
            "ToleratedFailurePercentagePath",
            "ToleratedFailureCount",
            "ToleratedFailureCountPath"
        }) {
            if (map.body().has(f)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a state is inside the item processor of a distributed Map running EXPRESS children. */
    public static State enclosingExpressDistributedMap(StateMachine machine, State state) {
        for (State owner : enclosing(machine, state)) {
            if (isDistributedMap(owner)) {
                Node type = owner.body().getMap("ItemProcessor").path("ProcessorConfig", "ExecutionType");
                return type != null && "EXPRESS".equals(type.text()) ? owner : null;
            }
        }
        return null;
    }

    /** A human name of a number: {@code 30} or {@code 1.5}. */
    public static String fmt(double seconds) {
        if (seconds == Math.rint(seconds) && Math.abs(seconds) < 1e15) {
            return Long.toString((long) seconds);
        }
        return BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString();
    }

    /** A text of the form {@code State 'Name'}. */
    public static String named(State state) {
        return "State '" + state.name() + "'";
    }
}
