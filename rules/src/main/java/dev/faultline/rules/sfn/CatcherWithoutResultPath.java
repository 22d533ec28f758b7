package dev.faultline.rules.sfn;

import dev.faultline.core.asl.Catcher;
import dev.faultline.core.asl.QueryLanguage;
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
import dev.faultline.rules.support.Asl;

/**
 * FL-SFN-005: a catcher of a JSONPath state without {@code ResultPath}. The default {@code $}
 * replaces the whole state input with the error output, so the fallback state no longer sees the
 * order, the item or the ids it should compensate. Catchers that go straight to a Fail state are
 * not flagged (a Fail state ignores its input apart from the error).
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultpath.html">ResultPath in Step Functions</a>
 */
public final class CatcherWithoutResultPath extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SFN-005")
            .name("CatcherWithoutResultPath")
            .severity(Severity.WARNING)
            .summary("A JSONPath catcher has no ResultPath: the fallback state receives only {Error, Cause}.")
            .rationale("In a JSONPath state a catcher's ResultPath defaults to $, so the error output "
                    + "({\"Error\": ..., \"Cause\": ...}) replaces the entire original input. The fallback "
                    + "state that should compensate, notify or record the failure no longer has the order id, "
                    + "the item or anything else it needs.")
            .howToFix("Add \"ResultPath\": \"$.error\" (or another path) to the catcher so the error is "
                    + "added to the original input instead of replacing it.")
            .tags("reliability", "step-functions", "error-handling")
            .docsUrl("https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultpath.html")
            .examplesOf(CatcherWithoutResultPath.class)
            .precision(Precision.HIGH)
            .build();

    public CatcherWithoutResultPath() {
        super(METADATA, Subscription.states("Task", "Parallel", "Map"));
    }

    @Override
    public void visitState(State state, StateMachine machine, RuleContext ctx) {
        if (state.queryLanguage() != QueryLanguage.JSONPATH
                || state.catchers().isEmpty()
                || !Asl.queryLanguageKnown(machine, state, ctx)) {
            return;
        }
        Scope scope = Asl.scopeOf(machine, state);
        for (Catcher c : state.catchers()) {
            if (c.body().has("ResultPath") || c.next() == null) {
                continue;
            }
            State next = scope == null ? null : scope.states().get(c.next());
            if (next != null && next.isType("Fail")) {
                continue;
            }
            ctx.report(
                    Location.of(machine, state, "Catch/" + c.index()).at(c.body()),
                    Asl.named(state) + " catcher "
                            + c.index() + " (" + String.join(", ", c.errorEquals())
                            + ") has no ResultPath; fallback state '"
                            + c.next() + "' receives only {Error, Cause} and the original input is lost");
        }
    }
}
