package dev.faultline.rules.asl;

import dev.faultline.core.asl.Scope;
import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.rules.support.Asl;
import dev.faultline.rules.support.StepFunctionsLimits;
import java.util.Set;

/**
 * FL-ASL-002: structural errors the service rejects: a state with neither or both of
 * {@code Next}/{@code End}, {@code End}/{@code Next} on a Choice, Succeed or Fail, a scope without
 * {@code StartAt}, {@code States} or a terminal state, a missing required field, an unknown
 * {@code Type}, a state name longer than 80 characters.
 *
 * @see <a href="https://states-language.net/spec.html">Amazon States Language specification</a>
 */
public final class InvalidStateStructure extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-ASL-002")
            .name("InvalidStateStructure")
            .severity(Severity.ERROR)
            .summary("A state or scope breaks the States Language structure: Next/End, terminal state, "
                    + "required fields, unknown Type.")
            .rationale("Task, Pass, Wait, Parallel and Map states need exactly one of Next or \"End\": true; "
                    + "Choice, Succeed and Fail states must not have End (and Succeed/Fail no Next); each scope "
                    + "needs StartAt, States and at least one terminal state; each state type has required "
                    + "fields (Resource, Branches, ItemProcessor, Choices, a wait time, ErrorEquals and a "
                    + "catcher's Next). Step Functions rejects such a definition, so the deployment fails.")
            .howToFix("Add the missing field or remove the conflicting one as the message says.")
            .tags("correctness", "step-functions", "asl")
            .docsUrl("https://states-language.net/spec.html")
            .examplesOf(InvalidStateStructure.class)
            .precision(Precision.VERY_HIGH)
            .build();

    /** Fields of a definition or branch (besides StartAt and States) that an author may misplace. */
    private static final Set<String> DEFINITION_FIELDS =
            Set.of("QueryLanguage", "TimeoutSeconds", "Comment", "Version", "StartAt");

    private static final Set<String> NEXT_OR_END = Set.of("Task", "Pass", "Wait", "Parallel", "Map");

    public InvalidStateStructure() {
        super(METADATA, Subscription.stateMachines());
    }

    @Override
    public void visitStateMachine(StateMachine machine, RuleContext ctx) {
        for (Scope scope : machine.allScopes()) {
            checkScope(machine, scope, ctx);
            for (State state : scope.states().values()) {
                checkState(machine, state, ctx);
            }
        }
    }

    private static void checkScope(StateMachine machine, Scope scope, RuleContext ctx) {
        String where = ScopePaths.describe(scope);
        Node statesNode = scope.body().get("States");
        if (scope.body().get("StartAt") == null) {
            ctx.report(
                    Location.of(machine, ScopePaths.relative(machine, scope, null))
                            .at(scope.body()),
                    "The definition " + where + " has no StartAt; Step Functions rejects it");
        }
        MapNode states = statesNode == null ? null : statesNode.asMap();
        if (states == null) {
            ctx.report(
                    Location.of(machine, ScopePaths.relative(machine, scope, statesNode == null ? null : "States"))
                            .at(statesNode == null ? scope.body() : statesNode),
                    "The definition " + where + " has no States object; Step Functions rejects it");
            return;
        }
        for (MapNode.Entry e : states.entries()) {
            if (e.value().asMap() == null) {
                ctx.report(
                        Location.of(machine, ScopePaths.relative(machine, scope, "States/" + e.key()))
                                .at(e.value()),
                        DEFINITION_FIELDS.contains(e.key())
                                ? "'" + e.key() + "' is written inside States, where only states belong; move it "
                                        + "beside StartAt (Step Functions rejects the definition, and rules that "
                                        + "depend on it read the definition without it)"
                                : "State '" + e.key() + "' is not an object; Step Functions rejects the definition");
            }
        }
        boolean terminal = false;
        for (State s : scope.states().values()) {
            if (s.isType("Succeed") || s.isType("Fail") || isTrue(s.field("End"))) {
                terminal = true;
                break;
            }
        }
        if (!terminal && !states.isEmpty()) {
            Node at = scope.body().get("StartAt") == null
                    ? statesNode
                    : scope.body().get("StartAt");
            ctx.report(
                    Location.of(machine, ScopePaths.relative(machine, scope, "StartAt"))
                            .at(at),
                    "The definition " + where
                            + " has no terminal state (End: true, Succeed or Fail); Step Functions rejects it");
        }
        if (states.isEmpty()) {
            ctx.report(
                    Location.of(machine, ScopePaths.relative(machine, scope, "States"))
                            .at(statesNode),
                    "The definition " + where + " has no states; Step Functions rejects it");
        }
    }

    private static void checkState(StateMachine machine, State state, RuleContext ctx) {
        String name = "State '" + state.name() + "'";
        if (state.name().length() > StepFunctionsLimits.MAX_STATE_NAME_LENGTH) {
            ctx.report(
                    Location.of(machine, state),
                    name + " has a name of " + state.name().length()
                            + " characters; Step Functions accepts at most 80");
        }
        Node typeNode = state.field("Type");
        if (typeNode == null) {
            ctx.report(Location.of(machine, state), name + " has no Type; Step Functions rejects the definition");
            return;
        }
        String type = state.type();
        if (!StepFunctionsLimits.STATE_TYPES.contains(type)
                && !type.contains("${")
                && !Asl.hasPlaceholder(machine, type)) {
            ctx.report(
                    Location.of(machine, state, "Type").at(typeNode),
                    name + " has unknown Type '" + typeNode.text() + "'; Step Functions rejects the definition");
            return;
        }
        if (!StepFunctionsLimits.STATE_TYPES.contains(type)) {
            return; // a substituted Type: unknown until deployment
        }
        boolean hasNext = state.body().has("Next");
        Node end = state.field("End");
        if (NEXT_OR_END.contains(type)) {
            if (hasNext && end != null) {
                ctx.report(
                        Location.of(machine, state, "End").at(end),
                        name + " (" + type + ") has both Next and End; it needs " + "exactly one");
            } else if (!hasNext && !isTrue(end)) {
                ctx.report(
                        Location.of(machine, state, end == null ? null : "End").at(end),
                        name + " (" + type + ") has neither "
                                + "Next nor \"End\": true; Step Functions rejects the definition");
            }
        } else {
            if (end != null) {
                ctx.report(
                        Location.of(machine, state, "End").at(end),
                        name + " (" + type + ") must not have End; Step Functions " + "rejects the definition");
            }
            if (hasNext) {
                ctx.report(
                        Location.of(machine, state, "Next"),
                        name + " (" + type + ") must not have Next; Step Functions rejects the definition");
            }
        }
        requiredFields(machine, state, name, ctx);
        errorHandlers(machine, state, name, ctx);
    }

    private static void requiredFields(StateMachine machine, State state, String name, RuleContext ctx) {
        MapNode b = state.body();
        switch (state.type()) {
            case "Task" -> {
                if (!b.has("Resource")) {
                    missing(machine, state, name, "Resource", ctx);
                }
            }
            case "Parallel" -> {
                ListNode branches = b.getList("Branches");
                if (branches == null || branches.size() == 0) {
                    missing(machine, state, name, "Branches (a non-empty list)", ctx);
                    return;
                }
                for (int i = 0; i < branches.size(); i++) {
                    if (branches.get(i).asMap() == null) {
                        ctx.report(
                                Location.of(machine, state, "Branches/" + i).at(branches.get(i)),
                                name + " branch " + i
                                        + " is not an object with StartAt and States; Step Functions rejects the definition");
                    }
                }
            }
            case "Map" -> {
                if (!b.has("ItemProcessor") && !b.has("Iterator")) {
                    missing(machine, state, name, "ItemProcessor (or Iterator)", ctx);
                }
            }
            case "Wait" -> {
                if (!b.has("Seconds") && !b.has("SecondsPath") && !b.has("Timestamp") && !b.has("TimestampPath")) {
                    missing(machine, state, name, "Seconds, SecondsPath, Timestamp or TimestampPath", ctx);
                }
            }
            case "Choice" -> {
                ListNode choices = b.getList("Choices");
                if (choices == null || choices.size() == 0) {
                    missing(machine, state, name, "Choices (a non-empty list)", ctx);
                    return;
                }
                for (int i = 0; i < choices.size(); i++) {
                    MapNode rule = choices.get(i).asMap();
                    if (rule != null && !rule.has("Next")) {
                        ctx.report(
                                Location.of(machine, state, "Choices/" + i).at(rule),
                                name + " Choice rule " + i + " has no Next; Step Functions rejects the definition");
                    }
                }
            }
            default -> {
                // Pass, Succeed and Fail have no required fields besides Type
            }
        }
    }

    private static void errorHandlers(StateMachine machine, State state, String name, RuleContext ctx) {
        for (String field : new String[] {"Retry", "Catch"}) {
            ListNode list = state.body().getList(field);
            if (list == null) {
                continue;
            }
            String what = field.equals("Retry") ? "retrier" : "catcher";
            for (int i = 0; i < list.size(); i++) {
                MapNode h = list.get(i).asMap();
                if (h == null) {
                    continue;
                }
                ListNode errors = h.getList("ErrorEquals");
                if (errors == null || errors.size() == 0) {
                    ctx.report(
                            Location.of(machine, state, field + "/" + i).at(h),
                            name + " " + what + " " + i
                                    + " has no ErrorEquals (a non-empty list); Step Functions rejects the definition");
                }
                if (field.equals("Catch") && !h.has("Next")) {
                    ctx.report(
                            Location.of(machine, state, field + "/" + i).at(h),
                            name + " catcher " + i + " has no Next; Step Functions rejects the definition");
                }
            }
        }
    }

    private static void missing(StateMachine machine, State state, String name, String field, RuleContext ctx) {
        ctx.report(
                Location.of(machine, state),
                name + " (" + state.type() + ") has no " + field + "; Step Functions rejects the definition");
    }

    static boolean isTrue(Node n) {
        String t = n == null ? null : n.text();
        if (t == null) {
            return false;
        }
        String l = t.toLowerCase(java.util.Locale.ROOT);
        return l.equals("true") || l.equals("yes") || l.equals("on");
    }
}
