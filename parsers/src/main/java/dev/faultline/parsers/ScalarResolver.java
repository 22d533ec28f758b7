package dev.faultline.parsers;

import dev.faultline.core.tree.ScalarNode;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML 1.1 resolution of plain scalars, as CloudFormation (PyYAML) does it. Keywords are matched
 * with a switch; only scalars that start like a number reach SnakeYAML's regex resolver.
 */
final class ScalarResolver {

    private static final Resolver RESOLVER = new Resolver();

    private ScalarResolver() {}

    static ScalarNode.Kind resolvePlain(String v) {
        if (v.isEmpty()) {
            return ScalarNode.Kind.NULL;
        }
        switch (v) {
            case "~", "null", "Null", "NULL":
                return ScalarNode.Kind.NULL;
            case "yes",
                    "Yes",
                    "YES",
                    "no",
                    "No",
                    "NO",
                    "true",
                    "True",
                    "TRUE",
                    "false",
                    "False",
                    "FALSE",
                    "on",
                    "On",
                    "ON",
                    "off",
                    "Off",
                    "OFF":
                return ScalarNode.Kind.BOOL;
            default:
                break;
        }
        char c = v.charAt(0);
        if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
            Tag t = RESOLVER.resolve(NodeId.scalar, v, true);
            if (Tag.INT.equals(t)) {
                return ScalarNode.Kind.INT;
            }
            if (Tag.FLOAT.equals(t)) {
                return ScalarNode.Kind.FLOAT;
            }
        }
        return ScalarNode.Kind.STRING;
    }

    /** The kind of a scalar with an explicit standard tag ({@code !!int 3}). */
    static ScalarNode.Kind ofStandardTag(String tag, String value) {
        switch (tag.substring("tag:yaml.org,2002:".length())) {
            case "int":
                return ScalarNode.Kind.INT;
            case "float":
                return ScalarNode.Kind.FLOAT;
            case "bool":
                return ScalarNode.Kind.BOOL;
            case "null":
                return ScalarNode.Kind.NULL;
            default:
                return ScalarNode.Kind.STRING;
        }
    }
}
