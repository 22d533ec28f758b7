package dev.faultline.parsers;

import dev.faultline.core.suppress.CommentSuppression;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.comments.CommentType;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CommentEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * The {@code # faultline-ignore FL-XXX-000 reason} comments of a YAML file, each with the node it
 * applies to: the key on the comment's line (a comment at the end of the line), else the first key
 * below it (a comment on a line of its own). Comments are taken from the YAML scanner, so text inside
 * a string or a block scalar is never one. The node spans from the key's line to the last line of its
 * value.
 */
final class CommentSuppressions {

    private static final Pattern FORM =
            Pattern.compile("^\\s*" + Pattern.quote(CommentSuppression.KEYWORD) + "(?:\\s+(\\S+))?\\s*(.*?)\\s*$");

    private CommentSuppressions() {}

    /** The comment suppressions of {@code text}, parsed as {@code root}; empty when it has none. */
    static List<CommentSuppression> of(String text, Node root, String displayPath) {
        if (root == null || !text.contains(CommentSuppression.KEYWORD)) {
            return List.of();
        }
        TreeMap<Integer, Span> nodes = new TreeMap<>();
        index(root, displayPath, nodes, 0);
        List<CommentSuppression> out = new ArrayList<>();
        for (CommentEvent c : comments(text)) {
            Matcher m = FORM.matcher(c.getValue());
            if (!m.matches()) {
                continue;
            }
            int line = c.getStartMark().getLine() + 1;
            Span at = new Span(
                    displayPath,
                    line,
                    c.getStartMark().getColumn() + 1,
                    line,
                    c.getEndMark().getColumn() + 1);
            Span scope;
            if (c.getCommentType() == CommentType.IN_LINE) {
                scope = nodes.get(line);
            } else {
                Map.Entry<Integer, Span> next = nodes.higherEntry(line);
                scope = next == null ? null : next.getValue();
            }
            out.add(new CommentSuppression(m.group(1) == null ? "" : m.group(1), m.group(2), at, scope));
        }
        return out;
    }

    private static List<CommentEvent> comments(String text) {
        LoaderOptions opts = new LoaderOptions();
        opts.setProcessComments(true);
        opts.setAllowDuplicateKeys(true);
        opts.setMaxAliasesForCollections(50);
        opts.setNestingDepthLimit(TreeParser.MAX_DEPTH);
        opts.setCodePointLimit(TreeParser.MAX_CHARS);
        List<CommentEvent> out = new ArrayList<>();
        try {
            ParserImpl parser = new ParserImpl(new StreamReader(text), opts);
            while (true) {
                Event ev = parser.getEvent();
                if (ev instanceof CommentEvent c) {
                    out.add(c);
                } else if (ev.is(Event.ID.StreamEnd)) {
                    return out;
                }
            }
        } catch (YAMLException e) {
            return out; // the file's parse problem is reported by the tree parser; comments read so far count
        }
    }

    /**
     * Each line that starts a key of this file (the outermost key of the line wins) with the lines of
     * its node, and returns the last line of this file the node uses (0 when none).
     */
    private static int index(Node n, String file, TreeMap<Integer, Span> nodes, int depth) {
        if (depth > TreeParser.MAX_DEPTH || !file.equals(n.span().file())) {
            return 0;
        }
        int last = n.span().line();
        if (n instanceof MapNode m) {
            for (MapNode.Entry e : m.entries()) {
                Span k = e.keySpan();
                if (!file.equals(k.file())) {
                    continue;
                }
                int end = Math.max(k.line(), index(e.value(), file, nodes, depth + 1));
                nodes.putIfAbsent(k.line(), new Span(k.file(), k.line(), k.column(), end, k.endColumn()));
                last = Math.max(last, end);
            }
        } else if (n instanceof ListNode l) {
            for (Node item : l.items()) {
                last = Math.max(last, index(item, file, nodes, depth + 1));
            }
        } else if (n instanceof IntrinsicNode in) {
            last = Math.max(last, Math.max(lastLine(n.span()), index(in.argument(), file, nodes, depth + 1)));
        } else {
            last = Math.max(last, lastLine(n.span()));
        }
        return last;
    }

    /** The last line a value uses: a block scalar's span ends at the start of the line after it. */
    private static int lastLine(Span s) {
        return s.endLine() > s.line() && s.endColumn() <= 1 ? s.endLine() - 1 : s.endLine();
    }
}
