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
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.rules.support.Asl;
import dev.faultline.rules.support.Transitions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FL-SFN-005: a catcher of a JSONPath state without {@code ResultPath}. The default {@code $}
 * replaces the whole state input with the error output, so the fallback state no longer sees the
 * order, the item or the ids it should compensate. Reported only when the fallback path (the
 * fallback state and the states after it, up to the first Task) reads a {@code $}-rooted path of the
 * original input ({@code "Payload.$": "$"} included) other than the error fields; a fallback that is
 * a Fail or Succeed state, uses static values, the context object or only {@code $.Error} and
 * {@code $.Cause} needs nothing else and is not reported.
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
            if (scope == null) {
                continue;
            }
            Read read = firstInputRead(scope, c.next());
            if (read == null) {
                continue;
            }
            ctx.report(
                    Location.of(machine, state, "Catch/" + c.index()).at(c.body()),
                    Asl.named(state) + " catcher "
                            + c.index() + " (" + String.join(", ", c.errorEquals())
                            + ") has no ResultPath, so fallback '"
                            + c.next() + "' receives only {Error, Cause}, but '"
                            + read.state().name() + "' reads "
                            + read.path() + " from the original input");
        }
    }

    /** A path that reads the state input, and the state that reads it. */
    record Read(State state, String path) {}

    /** A {@code $}-rooted path (not the context object {@code $$}) inside a value or intrinsic function. */
    private static final Pattern INPUT_PATH = Pattern.compile("(?<![\\w$])\\$(?!\\$)((?:\\.[\\w-]+|\\[[^\\]]*\\])*)");

    /** Fields whose text is a path over the state input. */
    private static final List<String> PATH_FIELDS =
            List.of("InputPath", "ItemsPath", "SecondsPath", "TimestampPath", "ErrorPath", "CausePath");

    /**
     * The first read of the original input on the fallback path: the fallback state and the states
     * after it, as long as they pass the error output on unchanged (Pass, Wait and Choice states that
     * do not reshape it), up to and including the first Task, Parallel or Map. Paths to the error fields ({@code $.Error}, {@code $.Cause}) and the context
     * object are not reads of the original input.
     */
    static Read firstInputRead(Scope scope, String fallback) {
        for (State s : Transitions.reachable(scope, List.of(fallback), CatcherWithoutResultPath::passesInputThrough)) {
            String p = inputRead(s);
            if (p != null) {
                return new Read(s, p);
            }
        }
        return null;
    }

    /**
     * Whether the next state still receives the error output: a Pass, Wait or Choice state that does
     * not reshape its input or output.
     */
    private static boolean passesInputThrough(State s) {
        if (!s.isType("Pass") && !s.isType("Wait") && !s.isType("Choice")) {
            return false;
        }
        for (String f : List.of("InputPath", "OutputPath", "Parameters", "Result", "ResultPath")) {
            if (s.body().has(f)) {
                return false;
            }
        }
        return true;
    }

    private static String inputRead(State s) {
        if (s.isType("Succeed")) {
            return null;
        }
        for (String f : PATH_FIELDS) {
            String p = originalInput(s.text(f));
            if (p != null) {
                return p;
            }
        }
        if (s.isType("Choice")) {
            String p = inChoice(s.field("Choices"));
            if (p != null) {
                return p;
            }
        }
        for (String f : List.of("Parameters", "ItemSelector")) {
            String p = inTemplate(s.field(f));
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static String inChoice(Node n) {
        if (n instanceof MapNode m) {
            for (MapNode.Entry e : m.entries()) {
                if (e.key().equals("Variable") || e.key().endsWith("Path")) {
                    String p = originalInput(e.value().text());
                    if (p != null) {
                        return p;
                    }
                }
                String p = inChoice(e.value());
                if (p != null) {
                    return p;
                }
            }
        } else if (n instanceof ListNode l) {
            for (Node c : l.items()) {
                String p = inChoice(c);
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    private static String inTemplate(Node n) {
        if (n instanceof MapNode m) {
            for (MapNode.Entry e : m.entries()) {
                String p = e.key().endsWith(".$") ? originalInput(e.value().text()) : inTemplate(e.value());
                if (p != null) {
                    return p;
                }
            }
        } else if (n instanceof ListNode l) {
            for (Node c : l.items()) {
                String p = inTemplate(c);
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    /** The first {@code $}-rooted path in a text that is not an error field, or null. */
    private static String originalInput(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = INPUT_PATH.matcher(text);
        while (m.find()) {
            String rest = m.group(1);
            if (rest.equals(".Error")
                    || rest.equals(".Cause")
                    || rest.startsWith(".Error.")
                    || rest.startsWith(".Cause.")) {
                continue;
            }
            return "$" + rest;
        }
        return null;
    }
}
