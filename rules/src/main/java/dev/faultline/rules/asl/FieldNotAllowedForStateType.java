package dev.faultline.rules.asl;

import dev.faultline.core.asl.QueryLanguage;
import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.core.tree.MapNode;
import dev.faultline.rules.support.Asl;
import dev.faultline.rules.support.StepFunctionsLimits;
import java.util.Map;
import java.util.Set;

/**
 * FL-ASL-008: a field the state's type does not allow, from the States Language table of state
 * types and fields (docs/failure-semantics.md §7.3): {@code Retry}/{@code Catch} on a Pass, Wait,
 * Choice, Succeed or Fail, {@code ResultPath} on a Choice, {@code Parameters} on a Wait, a Task-only
 * field such as {@code TimeoutSeconds} on a Parallel. Fields of the other query language are
 * FL-ASL-006's; {@code Next}/{@code End} are FL-ASL-002's. A {@code Parameters} that is not an object
 * is not reported: the specification gives it no type, statelint accepts any JSON value, and a
 * deployed AWS sample (serverless-patterns, a Pass state) uses an array; a path-looking string there
 * is FL-ASL-009's.
 *
 * @see <a href="https://states-language.net/spec.html#state-type-table">Table of State Types and Fields</a>
 */
public final class FieldNotAllowedForStateType extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-ASL-008")
            .name("FieldNotAllowedForStateType")
            .severity(Severity.ERROR)
            .summary("A state has a field its type does not allow (Retry on a Choice, Catch on a Pass, "
                    + "ResultPath on a Choice, TimeoutSeconds on a Parallel).")
            .rationale("Each state type allows a fixed set of fields: only Task, Parallel and Map states have "
                    + "Retry and Catch (Pass and Wait cannot fail; Choice, Succeed and Fail cannot be retried or "
                    + "caught); Parameters and ResultPath belong to Task, Parallel, Map and Pass; ResultSelector "
                    + "to Task, Parallel and Map; a Fail state has no InputPath, OutputPath, Output or Assign, a "
                    + "Succeed state no Assign; Resource, TimeoutSeconds and HeartbeatSeconds belong to Task "
                    + "states. Step Functions rejects a definition that breaks this, so the deployment fails; an author who "
                    + "wrote Retry on a Choice also believed that the retry protects something.")
            .howToFix("Remove the field, or move it to the state it was meant for: a retrier or catcher on the "
                    + "Task before the Choice, a timeout on the Tasks inside the Parallel.")
            .tags("correctness", "step-functions", "asl")
            .docsUrl("https://states-language.net/spec.html#state-type-table")
            .examplesOf(FieldNotAllowedForStateType.class)
            .precision(Precision.VERY_HIGH)
            .build();

    private static final Set<String> FAILING = Set.of("Task", "Parallel", "Map");
    private static final Set<String> WITH_RESULT = Set.of("Task", "Parallel", "Map", "Pass");

    /** Field → the state types that allow it, for fields both query languages share. */
    private static final Map<String, Set<String>> COMMON = Map.of(
            "Retry", FAILING,
            "Catch", FAILING,
            "Assign", Set.of("Task", "Parallel", "Map", "Pass", "Wait", "Choice"),
            "Resource", Set.of("Task"),
            "TimeoutSeconds", Set.of("Task"),
            "TimeoutSecondsPath", Set.of("Task"),
            "HeartbeatSeconds", Set.of("Task"),
            "HeartbeatSecondsPath", Set.of("Task"),
            "Credentials", Set.of("Task"));

    /** JSONPath-only fields → the state types that allow them. */
    private static final Map<String, Set<String>> JSONPATH = Map.of(
            "Parameters", WITH_RESULT,
            "ResultPath", WITH_RESULT,
            "ResultSelector", FAILING,
            "InputPath", Set.of("Task", "Parallel", "Map", "Pass", "Wait", "Choice", "Succeed"),
            "OutputPath", Set.of("Task", "Parallel", "Map", "Pass", "Wait", "Choice", "Succeed"));

    /** JSONata-only fields → the state types that allow them. */
    private static final Map<String, Set<String>> JSONATA = Map.of(
            "Arguments", Set.of("Task", "Parallel"),
            "Output", Set.of("Task", "Parallel", "Map", "Pass", "Wait", "Choice", "Succeed"));

    public FieldNotAllowedForStateType() {
        super(METADATA, Subscription.states("*"));
    }

    @Override
    public void visitState(State state, StateMachine machine, RuleContext ctx) {
        if (!StepFunctionsLimits.STATE_TYPES.contains(state.type()) || !Asl.queryLanguageKnown(machine, state, ctx)) {
            return; // an unknown or substituted Type (FL-ASL-002), a QueryLanguage of the wrong type
        }
        for (MapNode.Entry e : state.body().entries()) {
            if (allows(state, e.key())) {
                continue;
            }
            ctx.report(
                    Location.of(machine, state, e.key()).at(e.value()),
                    Asl.named(state) + " is a " + state.type() + " state and cannot have " + e.key() + why(e.key())
                            + "; Step Functions rejects the definition");
        }
    }

    /**
     * Whether the state's type allows the field (fields of the other query language count as
     * allowed here; they are FL-ASL-006's). FL-ASL-009 reads only templates the state may have.
     */
    static boolean allows(State state, String field) {
        Set<String> allowed = COMMON.get(field);
        if (allowed == null) {
            allowed = (state.queryLanguage() == QueryLanguage.JSONATA ? JSONATA : JSONPATH).get(field);
        }
        return allowed == null || allowed.contains(state.type());
    }

    private static String why(String field) {
        return switch (field) {
            case "Retry", "Catch" -> " (only Task, Parallel and Map states can be retried or caught)";
            case "Resource",
                    "TimeoutSeconds",
                    "TimeoutSecondsPath",
                    "HeartbeatSeconds",
                    "HeartbeatSecondsPath",
                    "Credentials" -> " (a Task-only field)";
            default -> "";
        };
    }
}
