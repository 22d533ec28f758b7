package dev.faultline.rules.asl;

import dev.faultline.core.asl.Catcher;
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
import java.util.List;

/**
 * FL-ASL-006: JSONPath-only fields ({@code InputPath}, {@code Parameters}, {@code ResultSelector},
 * {@code ResultPath}, {@code OutputPath}) in a JSONata state, or {@code Arguments}/{@code Output} in
 * a JSONPath state (catchers included).
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html">Transforming data with JSONata</a>
 */
public final class QueryLanguageFieldMismatch extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-ASL-006")
            .name("QueryLanguageFieldMismatch")
            .severity(Severity.ERROR)
            .summary("A JSONata state uses JSONPath-only fields, or a JSONPath state uses Arguments/Output.")
            .rationale("A state's query language (its QueryLanguage, or the machine's, JSONPath by default) "
                    + "decides which fields it may have: JSONata states use Arguments, Output and Assign and "
                    + "must not have InputPath, Parameters, ResultSelector, ResultPath or OutputPath; JSONPath "
                    + "states must not have Arguments or Output. Step Functions rejects the definition.")
            .howToFix("Rewrite the field for the state's query language (Parameters → Arguments, "
                    + "ResultSelector/ResultPath/OutputPath → Output), or set the state's QueryLanguage.")
            .tags("correctness", "step-functions", "asl", "jsonata")
            .docsUrl("https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html")
            .examplesOf(QueryLanguageFieldMismatch.class)
            .precision(Precision.VERY_HIGH)
            .build();

    private static final List<String> JSONPATH_ONLY =
            List.of("InputPath", "Parameters", "ResultSelector", "ResultPath", "OutputPath");
    private static final List<String> JSONATA_ONLY = List.of("Arguments", "Output");

    public QueryLanguageFieldMismatch() {
        super(METADATA, Subscription.states("*"));
    }

    @Override
    public void visitState(State state, StateMachine machine, RuleContext ctx) {
        if (!Asl.queryLanguageKnown(machine, state, ctx)) {
            return; // a QueryLanguage of the wrong type: FL-PARSE-007
        }
        boolean jsonata = state.queryLanguage() == QueryLanguage.JSONATA;
        List<String> forbidden = jsonata ? JSONPATH_ONLY : JSONATA_ONLY;
        String lang = jsonata ? "JSONata" : "JSONPath";
        String instead = jsonata ? "; use Arguments, Output and Assign instead" : "; these are JSONata fields";
        check(
                machine,
                state,
                state.body(),
                "",
                forbidden,
                "State '" + state.name() + "' is a " + lang + " state but has ",
                instead,
                ctx);
        for (Catcher c : state.catchers()) {
            List<String> f = jsonata ? List.of("ResultPath") : List.of("Output");
            check(
                    machine,
                    state,
                    c.body(),
                    "Catch/" + c.index() + "/",
                    f,
                    "State '" + state.name() + "' is a " + lang + " state but its catcher " + c.index() + " has ",
                    instead,
                    ctx);
        }
    }

    private static void check(
            StateMachine machine,
            State state,
            MapNode body,
            String prefix,
            List<String> fields,
            String head,
            String tail,
            RuleContext ctx) {
        for (String f : fields) {
            MapNode.Entry e = body.entry(f);
            if (e != null) {
                ctx.report(Location.of(machine, state, prefix + f).at(e.value()), head + f + tail);
            }
        }
    }
}
