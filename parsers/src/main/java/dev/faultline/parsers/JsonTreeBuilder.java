package dev.faultline.parsers;

import dev.faultline.core.rule.InputRules;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import dev.faultline.core.tree.Span;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON front-end: Jackson's streaming parser with token locations, assembled into our tree with an
 * explicit stack. Duplicate keys are found by the assembler (a located finding), not by Jackson's
 * strict mode (an exception).
 */
final class JsonTreeBuilder {

    /** Jackson's own nesting limit sits above ours, so that ours reports first with a location. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(TreeParser.MAX_DEPTH + 10)
                    .maxDocumentLength(TreeParser.MAX_CHARS)
                    .maxStringLength(TreeParser.MAX_CHARS)
                    .build())
            .build();

    private final String file;
    private final TreeParser.PositionMapper mapper;
    private final FindingSink sink;
    private final TreeAssembler tree;

    JsonTreeBuilder(String file, TreeParser.PositionMapper mapper) {
        this.file = file;
        this.mapper = mapper;
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
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            root = run(p);
        } catch (StreamConstraintsException e) {
            sink.add(
                    InputRules.PARSE_LIMIT,
                    "JSON safety limit exceeded: " + YamlTreeBuilder.oneLine(e.getOriginalMessage()),
                    at(e.getLocation()),
                    tree.logicalPath());
            root = null;
        } catch (JacksonException e) {
            sink.add(
                    InputRules.PARSE_SYNTAX,
                    "JSON syntax error: " + clean(e.getOriginalMessage()),
                    at(e.getLocation()),
                    tree.logicalPath());
            root = null;
        } catch (StackOverflowError e) {
            sink.add(InputRules.PARSE_LIMIT, "Document is nested too deeply to parse", Span.ofFile(file), null);
            root = null;
        } catch (RuntimeException e) {
            sink.add(InputRules.PARSE_SYNTAX, "JSON could not be parsed: " + e, Span.ofFile(file), null);
            root = null;
        }
        return new TreeParser.ParseResult(root, sink.findings());
    }

    private Node run(JsonParser p) {
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            switch (t) {
                case START_OBJECT, START_ARRAY -> {
                    if (tree.depth() >= TreeParser.MAX_DEPTH) {
                        sink.add(
                                InputRules.PARSE_LIMIT,
                                "Nesting deeper than " + TreeParser.MAX_DEPTH
                                        + " levels; the file is not parsed further",
                                at(p.currentTokenLocation()),
                                null);
                        return null;
                    }
                    TokenStreamLocation s = p.currentTokenLocation();
                    tree.start(t == JsonToken.START_OBJECT, span(s, p.currentLocation()), null, null, true);
                }
                case END_OBJECT, END_ARRAY -> tree.end(span(p.currentTokenLocation(), p.currentLocation()));
                case PROPERTY_NAME -> {
                    TokenStreamLocation s = p.currentTokenLocation();
                    String name = p.currentName();
                    tree.key(name, keySpan(s, name));
                }
                case VALUE_STRING -> value(p, ScalarNode.Kind.STRING);
                case VALUE_NUMBER_INT -> value(p, ScalarNode.Kind.INT);
                case VALUE_NUMBER_FLOAT -> value(p, ScalarNode.Kind.FLOAT);
                case VALUE_TRUE, VALUE_FALSE -> value(p, ScalarNode.Kind.BOOL);
                case VALUE_NULL -> value(p, ScalarNode.Kind.NULL);
                default -> throw new IllegalStateException("unexpected JSON token " + t);
            }
            if (tree.hasRoot()) {
                JsonToken extra = p.nextToken();
                if (extra != null) {
                    sink.add(
                            InputRules.PARSE_SYNTAX,
                            "JSON syntax error: content after the end of the document",
                            at(p.currentTokenLocation()),
                            null);
                    return null;
                }
                return tree.root();
            }
        }
        return ScalarNodes.nullAt(Span.ofFile(file));
    }

    private void value(JsonParser p, ScalarNode.Kind kind) {
        TokenStreamLocation s = p.currentTokenLocation();
        String text = p.getText();
        tree.value(new ScalarNode(span(s, p.currentLocation()), text, kind), 1);
    }

    /** A property name token: Jackson's current location is past the colon, so compute the end. */
    private Span keySpan(TokenStreamLocation s, String name) {
        if (mapper != null) {
            // quotes plus the name; escapes make this approximate, which only shortens the span
            long start = s.getCharOffset();
            return mapper.span(file, start, start + name.length() + 2);
        }
        return new Span(file, s.getLineNr(), s.getColumnNr(), s.getLineNr(), s.getColumnNr() + name.length() + 2);
    }

    private Span span(TokenStreamLocation s, TokenStreamLocation e) {
        if (mapper != null) {
            return mapper.span(file, s.getCharOffset(), e.getCharOffset());
        }
        return new Span(file, s.getLineNr(), s.getColumnNr(), e.getLineNr(), e.getColumnNr());
    }

    /** Jackson's message without its source description (which names no file here). */
    private static String clean(String msg) {
        String m = YamlTreeBuilder.oneLine(msg);
        int i = m.indexOf(" (for ");
        if (i < 0) {
            i = m.indexOf("[Source:");
        }
        return i > 0 ? m.substring(0, i).trim() : m;
    }

    private Span at(TokenStreamLocation l) {
        if (l == null || l.getLineNr() < 1) {
            return Span.ofFile(file);
        }
        if (mapper != null) {
            return mapper.span(file, l.getCharOffset(), l.getCharOffset());
        }
        return Span.at(file, l.getLineNr(), l.getColumnNr());
    }
}
