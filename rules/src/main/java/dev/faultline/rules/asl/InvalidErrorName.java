package dev.faultline.rules.asl;

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
import dev.faultline.core.tree.ScalarNode;
import dev.faultline.rules.support.Asl;
import dev.faultline.rules.support.StepFunctionsLimits;
import java.util.Locale;

/**
 * FL-ASL-007: error names the service rejects or that never match: an {@code ErrorEquals} entry
 * that is not a string (error), a {@code States.}-prefixed name that is not predefined such as
 * {@code States.TaskFailedId} (warning), a Fail state raising a reserved {@code States.} name
 * (warning).
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html">Error names</a>
 */
public final class InvalidErrorName extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-ASL-007")
            .name("InvalidErrorName")
            .severity(Severity.ERROR)
            .summary("An error name is not a string, is an unknown States.* name, or a Fail state raises a "
                    + "reserved States.* name.")
            .rationale("Retriers and catchers match errors by exact, case-sensitive name. An ErrorEquals entry "
                    + "that is not a string is rejected by Step Functions. The States. prefix is reserved for "
                    + "the predefined errors (States.ALL, States.TaskFailed, States.Timeout, ...): a name such "
                    + "as States.TaskFailedId or States.All is accepted but no error ever has it, so the retrier "
                    + "never retries and the catcher never catches. A Fail state may not raise a States. name of "
                    + "its own; callers and catchers would mistake it for a service error.")
            .howToFix("Write the predefined name exactly (States.TaskFailed, States.ALL, ...), quote error "
                    + "names so they are strings, and give Fail states an error name of your own "
                    + "(OrderRejected).")
            .tags("correctness", "step-functions", "asl", "error-handling")
            .docsUrl("https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html")
            .examplesOf(InvalidErrorName.class)
            .precision(Precision.VERY_HIGH)
            .build();

    public InvalidErrorName() {
        super(METADATA, Subscription.states("*"));
    }

    @Override
    public void visitState(State state, StateMachine machine, RuleContext ctx) {
        for (String field : new String[] {"Retry", "Catch"}) {
            ListNode handlers = state.body().getList(field);
            if (handlers == null) {
                continue;
            }
            for (int h = 0; h < handlers.size(); h++) {
                MapNode handler = handlers.get(h).asMap();
                ListNode names = handler == null ? null : handler.getList("ErrorEquals");
                if (names == null) {
                    continue;
                }
                for (int i = 0; i < names.size(); i++) {
                    check(machine, state, field + "/" + h + "/ErrorEquals/" + i, names.get(i), ctx);
                }
            }
        }
        if (state.isType("Fail")) {
            Node error = state.field("Error");
            String text = error == null ? null : error.text();
            if (text != null
                    && text.startsWith(StepFunctionsLimits.RESERVED_ERROR_PREFIX)
                    && !Asl.hasPlaceholder(machine, text)) {
                ctx.report(
                                Location.of(machine, state, "Error").at(error),
                                "Fail state '" + state.name() + "' raises '" + text + "', a name with the prefix "
                                        + "States. that Step Functions reserves for its own errors; catchers "
                                        + "and callers take it for a service error")
                        .withSeverity(Severity.WARNING);
            }
        }
    }

    private static void check(StateMachine machine, State state, String path, Node entry, RuleContext ctx) {
        ScalarNode scalar = entry.asScalar();
        if (scalar == null || scalar.kind() != ScalarNode.Kind.STRING) {
            if (entry.asIntrinsic() != null || scalar != null && Asl.hasPlaceholder(machine, scalar.value())) {
                return;
            }
            ctx.report(
                    Location.of(machine, state, path).at(entry),
                    Asl.named(state) + " lists " + describe(entry) + " in ErrorEquals; error names are strings "
                            + "and Step Functions rejects the definition");
            return;
        }
        String name = scalar.value();
        if (!Asl.unknownPredefinedError(machine, name)) {
            return;
        }
        String meant = StepFunctionsLimits.closestPredefinedError(name);
        ctx.report(
                        Location.of(machine, state, path).at(entry),
                        Asl.named(state) + " lists '" + name + "', which is not a predefined error name"
                                + (meant == null ? "" : " (did you mean '" + meant + "'?)")
                                + "; no error has that name, so the "
                                + (path.startsWith("Retry") ? "retrier" : "catcher")
                                + " never matches it")
                .withSeverity(Severity.WARNING);
    }

    /** A predefined name the text was likely meant to be: same letters in another case, or a prefix of it. */
    private static String describe(Node entry) {
        if (entry.asScalar() != null) {
            ScalarNode s = entry.asScalar();
            return s.isNull() ? "null" : "the " + s.kind().name().toLowerCase(Locale.ROOT) + " " + s.raw();
        }
        return entry.asMap() != null ? "an object" : "a list";
    }
}
