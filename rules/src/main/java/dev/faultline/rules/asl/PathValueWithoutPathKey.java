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
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import dev.faultline.rules.support.Asl;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * FL-ASL-009: in a JSONPath payload template ({@code Parameters}, {@code ResultSelector},
 * {@code ItemSelector}, {@code Assign}), a value that looks like a path ({@code "$.x"},
 * {@code "$$.Execution.Id"}) under a key that does not end in {@code .$}: Step Functions passes
 * the literal string. Keys that name a path or an expression themselves ({@code ...Path},
 * {@code ...Expression}, {@code ...Filter}, {@code ...Selector}) are skipped: the target service
 * may well expect a JSONPath text there.
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html">Parameters</a>
 */
public final class PathValueWithoutPathKey extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-ASL-009")
            .name("PathValueWithoutPathKey")
            .severity(Severity.WARNING)
            .summary("A payload template value looks like a path ($.x, $$.Execution.Id) but its key does not "
                    + "end in .$, so the literal text is passed.")
            .rationale("In a JSONPath state's Parameters, ResultSelector, ItemSelector and Assign, Step Functions "
                    + "evaluates a value as a path only when its key ends in .$ (\"OrderId.$\": \"$.orderId\"). "
                    + "Under a plain key the value is a literal: the task receives the text \"$.orderId\" "
                    + "instead of the order id, and usually fails later, far from the cause, or writes the "
                    + "placeholder text into a database or message.")
            .howToFix("Add .$ to the key (\"OrderId.$\": \"$.orderId\"), or, if the literal text is meant, "
                    + "move it out of the template.")
            .tags("correctness", "step-functions", "asl", "jsonpath")
            .docsUrl("https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html")
            .examplesOf(PathValueWithoutPathKey.class)
            .precision(Precision.HIGH)
            .build();

    /** A JSONPath reference to the input or the context object, with no spaces (prose is not a path). */
    private static final Pattern PATH = Pattern.compile("\\$\\$?\\.[A-Za-z_][^\\s]*");

    /** Key words of fields that take a JSONPath or query text as data. */
    private static final List<String> PATH_KEYS = List.of("path", "expression", "filter", "selector", "query");

    private static final List<String> TEMPLATES = List.of("Parameters", "ResultSelector", "ItemSelector", "Assign");

    public PathValueWithoutPathKey() {
        super(METADATA, Subscription.states("*"));
    }

    @Override
    public void visitState(State state, StateMachine machine, RuleContext ctx) {
        if (!Asl.queryLanguageKnown(machine, state, ctx) || state.queryLanguage() != QueryLanguage.JSONPATH) {
            return;
        }
        for (String t : TEMPLATES) {
            Node value = state.field(t);
            if (value != null && !FieldNotAllowedForStateType.allows(state, t)) {
                continue; // FL-ASL-008: the field itself is the mistake
            }
            if (value != null && value.asMap() != null) {
                walk(machine, state, t, value.asMap(), ctx);
            } else if (value != null && looksLikePath(value)) {
                ctx.report(
                        Location.of(machine, state, t).at(value),
                        Asl.named(state) + " has the literal text '" + value.text() + "' as its whole " + t
                                + ": a payload template is never evaluated as a path; select the input with "
                                + "InputPath, or write an object whose keys end in .$");
            }
        }
        for (Catcher c : state.catchers()) {
            MapNode assign = c.body().getMap("Assign");
            if (assign != null && FieldNotAllowedForStateType.allows(state, "Catch")) {
                walk(machine, state, "Catch/" + c.index() + "/Assign", assign, ctx);
            }
        }
    }

    private static void walk(StateMachine machine, State state, String path, MapNode map, RuleContext ctx) {
        for (MapNode.Entry e : map.entries()) {
            if (e.key().endsWith(".$") || pathKey(e.key())) {
                continue;
            }
            visit(machine, state, path + "/" + e.key(), e.key(), e.value(), ctx);
        }
    }

    private static void visit(StateMachine machine, State state, String path, String key, Node value, RuleContext ctx) {
        if (value.asMap() != null) {
            walk(machine, state, path, value.asMap(), ctx);
            return;
        }
        ListNode list = value.asList();
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                visit(machine, state, path + "/" + i, key, list.get(i), ctx);
            }
            return;
        }
        ScalarNode s = value.asScalar();
        if (s == null
                || s.kind() != ScalarNode.Kind.STRING
                || !PATH.matcher(s.value()).matches()) {
            return;
        }
        String field = path.substring(0, path.indexOf('/') < 0 ? path.length() : path.indexOf('/'));
        ctx.report(
                Location.of(machine, state, path).at(value),
                Asl.named(state) + " passes the literal text '" + s.value() + "' as " + field + " field '" + key
                        + "': the key does not end in .$, so the path is not evaluated; name the key '" + key
                        + ".$'");
    }

    private static boolean looksLikePath(Node value) {
        ScalarNode s = value.asScalar();
        return s != null
                && s.kind() == ScalarNode.Kind.STRING
                && PATH.matcher(s.value()).matches();
    }

    private static boolean pathKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        for (String w : PATH_KEYS) {
            if (k.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
