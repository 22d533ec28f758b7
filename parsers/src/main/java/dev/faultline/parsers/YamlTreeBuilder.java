package dev.faultline.parsers;

import dev.faultline.core.rule.InputRules;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import dev.faultline.core.tree.Span;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * YAML front-end. SnakeYAML's parser produces the event stream (with marks, tags, anchors and
 * aliases); this class assembles our tree from it instead of using SnakeYAML's composer, because the
 * composer recurses per nesting level and resolves an alias to the anchored node, losing where the
 * alias was written. Aliases are reported (CloudFormation rejects them) and never copied: the alias
 * position refers to the already built anchored node, and the total expansion is bounded.
 */
final class YamlTreeBuilder {

    /** Largest number of nodes the aliases of one document may stand for (FL-PARSE-005 beyond). */
    static final long MAX_ALIAS_EXPANSION = 100_000;

    private static final String STANDARD_TAG = "tag:yaml.org,2002:";

    private final String file;
    private final FindingSink sink;
    private final TreeAssembler tree;
    private final KeyTable keys = KeyTable.get();
    private final Map<String, Node> anchorNodes = new HashMap<>();
    private final Map<String, Long> anchorWeights = new HashMap<>();
    private long expanded;

    YamlTreeBuilder(String file) {
        this.file = file;
        this.sink = new FindingSink(file);
        this.tree = new TreeAssembler(sink);
    }

    TreeParser.ParseResult parse(String text) {
        if (text.length() > TreeParser.MAX_CHARS) {
            sink.add(
                    InputRules.PARSE_LIMIT,
                    "Document has " + text.length() + " characters, more than the limit of " + TreeParser.MAX_CHARS
                            + "; it is not parsed",
                    Span.ofFile(file),
                    null);
            return new TreeParser.ParseResult(null, sink.findings());
        }
        Node root;
        try {
            root = run(text);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            String msg = "YAML syntax error: " + oneLine(problem);
            if (e.getContext() != null && e.getProblem() != null) {
                msg += " (" + oneLine(e.getContext()) + ")";
            }
            sink.add(InputRules.PARSE_SYNTAX, msg, m == null ? Span.ofFile(file) : point(m), tree.logicalPath());
            root = null;
        } catch (ReaderException e) {
            sink.add(
                    InputRules.PARSE_SYNTAX,
                    String.format(
                            java.util.Locale.ROOT,
                            "File contains a character YAML does not allow (U+%04X); is it binary?",
                            e.getCodePoint()),
                    pointAtCodePoint(text, e.getPosition()),
                    null);
            root = null;
        } catch (YAMLException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            boolean limit = msg.contains("limit") || msg.contains("exceeded");
            sink.add(
                    limit ? InputRules.PARSE_LIMIT : InputRules.PARSE_SYNTAX,
                    "YAML error: " + oneLine(msg),
                    Span.ofFile(file),
                    null);
            root = null;
        } catch (StackOverflowError e) {
            sink.add(InputRules.PARSE_LIMIT, "Document is nested too deeply to parse", Span.ofFile(file), null);
            root = null;
        } catch (RuntimeException e) {
            sink.add(InputRules.PARSE_SYNTAX, "YAML could not be parsed: " + e, Span.ofFile(file), null);
            root = null;
        }
        return new TreeParser.ParseResult(root, sink.findings());
    }

    private Node run(String text) {
        LoaderOptions opts = new LoaderOptions();
        opts.setAllowDuplicateKeys(true);
        opts.setMaxAliasesForCollections(50);
        opts.setNestingDepthLimit(TreeParser.MAX_DEPTH);
        opts.setCodePointLimit(TreeParser.MAX_CHARS);
        opts.setProcessComments(false);
        ParserImpl parser = new ParserImpl(new StreamReader(text), opts);
        int documents = 0;
        while (true) {
            Event ev = parser.getEvent();
            switch (ev.getEventId()) {
                case StreamStart, DocumentEnd, Comment -> {
                    // nothing to build
                }
                case StreamEnd -> {
                    return tree.hasRoot() ? tree.root() : ScalarNodes.nullAt(Span.ofFile(file));
                }
                case DocumentStart -> {
                    documents++;
                    if (documents > 1) {
                        sink.add(
                                InputRules.PARSE_SYNTAX,
                                "A template holds one YAML document; found a second one",
                                point(ev.getStartMark()),
                                null);
                        return tree.root();
                    }
                }
                case Scalar -> scalar((ScalarEvent) ev);
                case Alias -> {
                    if (!alias((AliasEvent) ev)) {
                        return null;
                    }
                }
                case SequenceStart, MappingStart -> {
                    CollectionStartEvent cs = (CollectionStartEvent) ev;
                    if (tree.depth() >= TreeParser.MAX_DEPTH) {
                        sink.add(
                                InputRules.PARSE_LIMIT,
                                "Nesting deeper than " + TreeParser.MAX_DEPTH
                                        + " levels; the file is not parsed further",
                                point(ev.getStartMark()),
                                null);
                        return null;
                    }
                    anchor(cs);
                    tree.start(
                            ev.getEventId() == Event.ID.MappingStart,
                            span(ev),
                            cs.getTag(),
                            cs.getAnchor(),
                            cs.isFlow());
                }
                case SequenceEnd, MappingEnd -> {
                    TreeAssembler.Frame f = tree.end(span(ev));
                    remember(f.anchor, tree.lastNode(), f.weight);
                }
                default -> throw new IllegalStateException("unexpected YAML event " + ev.getEventId());
            }
        }
    }

    private void scalar(ScalarEvent ev) {
        anchor(ev);
        Span span = span(ev);
        String tag = ev.getTag();
        String v = ev.getValue();
        if (tree.expectingKey()) {
            if (ev.isPlain() && v.equals("<<") && tag == null) {
                sink.add(
                        InputRules.PARSE_INTRINSIC,
                        "YAML merge key '<<' is not supported by CloudFormation",
                        span,
                        tree.logicalPath());
            } else if (v.isEmpty() && ev.isPlain()) {
                sink.add(InputRules.PARSE_SYNTAX, "A mapping key is empty", span, tree.logicalPath());
            } else if (tag != null && TreeAssembler.isLocalTag(tag)) {
                sink.add(
                        InputRules.PARSE_INTRINSIC,
                        "A mapping key cannot be an intrinsic function (" + tag + ")",
                        span,
                        tree.logicalPath());
            }
            tree.key(keys.canonical(v), span);
            remember(ev.getAnchor(), new ScalarNode(span, v, ScalarNode.Kind.STRING), 1);
            return;
        }
        Node node;
        if (tag == null) {
            node = new ScalarNode(span, v, ev.isPlain() ? ScalarResolver.resolvePlain(v) : ScalarNode.Kind.STRING);
        } else if (tag.startsWith(STANDARD_TAG)) {
            node = new ScalarNode(span, v, ScalarResolver.ofStandardTag(tag, v));
        } else if (TreeAssembler.isLocalTag(tag)) {
            node = Intrinsics.fromTaggedScalar(
                    tag, new ScalarNode(span, v, ScalarNode.Kind.STRING), sink, tree.logicalPath());
        } else {
            node = new ScalarNode(span, v, ScalarNode.Kind.STRING);
        }
        tree.value(node, 1);
        remember(ev.getAnchor(), node, 1);
    }

    /** Reports an alias and puts the anchored node at its place; false when the expansion limit is hit. */
    private boolean alias(AliasEvent ev) {
        Span span = span(ev);
        String name = ev.getAnchor();
        sink.add(
                InputRules.PARSE_INTRINSIC,
                "YAML alias '*" + name + "' is not supported by CloudFormation; " + "write the value out",
                span,
                tree.logicalPath());
        Node target = anchorNodes.get(name);
        if (target == null) {
            sink.add(
                    InputRules.PARSE_SYNTAX,
                    "YAML alias '*" + name + "' refers to no anchor before it",
                    span,
                    tree.logicalPath());
            target = ScalarNodes.nullAt(span);
        }
        long weight = anchorWeights.getOrDefault(name, 1L);
        expanded = TreeAssembler.saturatedAdd(expanded, weight);
        if (expanded > MAX_ALIAS_EXPANSION) {
            sink.add(
                    InputRules.PARSE_LIMIT,
                    "YAML aliases expand to more than " + MAX_ALIAS_EXPANSION
                            + " nodes (an alias bomb?); the file is not parsed further",
                    span,
                    tree.logicalPath());
            return false;
        }
        if (tree.expectingKey()) {
            tree.key(target.text() == null ? "" : target.text(), span);
        } else {
            tree.value(target, weight);
        }
        return true;
    }

    private void anchor(NodeEvent ev) {
        if (ev.getAnchor() != null) {
            sink.add(
                    InputRules.PARSE_INTRINSIC,
                    "YAML anchor '&" + ev.getAnchor() + "' is not supported by CloudFormation",
                    point(ev.getStartMark()),
                    tree.logicalPath());
        }
    }

    private void remember(String anchor, Node node, long weight) {
        if (anchor != null) {
            anchorNodes.put(anchor, node);
            anchorWeights.put(anchor, weight);
        }
    }

    private Span span(Event ev) {
        Mark s = ev.getStartMark();
        Mark e = ev.getEndMark();
        return new Span(file, s.getLine() + 1, s.getColumn() + 1, e.getLine() + 1, e.getColumn() + 1);
    }

    private Span point(Mark m) {
        return Span.at(file, m.getLine() + 1, m.getColumn() + 1);
    }

    /** Line and column of the {@code index}-th code point. */
    private Span pointAtCodePoint(String text, int index) {
        int line = 1;
        int col = 1;
        int cp = 0;
        for (int i = 0; i < text.length() && cp < index; cp++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return Span.at(file, line, col);
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        return s.replace('\n', ' ').replace('\r', ' ').trim();
    }
}
