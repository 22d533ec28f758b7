package dev.faultline.core.testing;

import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import dev.faultline.core.tree.Span;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

/** Test helper: JSON text to a located tree (the parsers module does this for real). */
public final class JsonTree {

    private JsonTree() {}

    public static Node parse(String file, String json) {
        try (JsonParser p = JsonMapper.builder().build().createParser(json)) {
            p.nextToken();
            return node(file, p);
        }
    }

    private static Span at(String file, TokenStreamLocation l) {
        return Span.at(file, l.getLineNr(), l.getColumnNr());
    }

    private static Node node(String file, JsonParser p) {
        Span start = at(file, p.currentTokenLocation());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                List<MapNode.Entry> entries = new ArrayList<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String key = p.currentName();
                    Span ks = at(file, p.currentTokenLocation());
                    p.nextToken();
                    entries.add(new MapNode.Entry(key, ks, node(file, p)));
                }
                return new MapNode(start, entries);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(file, p));
                }
                return new ListNode(start, items);
            }
            case VALUE_NUMBER_INT -> {
                return new ScalarNode(start, p.getString(), ScalarNode.Kind.INT);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new ScalarNode(start, p.getString(), ScalarNode.Kind.FLOAT);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new ScalarNode(start, p.getString(), ScalarNode.Kind.BOOL);
            }
            case VALUE_NULL -> {
                return new ScalarNode(start, "", ScalarNode.Kind.NULL);
            }
            default -> {
                return new ScalarNode(start, p.getString(), ScalarNode.Kind.STRING);
            }
        }
    }
}
