package dev.faultline.parsers;

import dev.faultline.core.rule.Finding;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.Span;
import java.util.List;

/**
 * Parses YAML (CloudFormation's YAML 1.1 dialect, with short-form tags) and JSON into the located
 * value tree of {@code dev.faultline.core.tree}. Never throws for any input: every problem becomes an
 * FL-PARSE finding, and {@link ParseResult#root()} is {@code null} when nothing usable was parsed.
 */
public final class TreeParser {

    /** Deepest nesting of collections accepted (FL-PARSE-005 beyond). */
    public static final int MAX_DEPTH = 500;

    /** Largest document accepted, in characters (FL-PARSE-005 beyond). */
    public static final int MAX_CHARS = 50 * 1024 * 1024;

    private TreeParser() {}

    /** The tree of one document and the findings about it. */
    public record ParseResult(Node root, List<Finding> findings) {
        public ParseResult {
            findings = List.copyOf(findings);
        }
    }

    /**
     * Maps character offsets of a parsed text to spans in another file: used for JSON embedded in a
     * template string, so that nodes point into the template.
     */
    public interface PositionMapper {
        Span span(String file, long startCharOffset, long endCharOffset);
    }

    /** Parses YAML text; {@code displayPath} becomes the file of every span. */
    public static ParseResult parseYaml(String text, String displayPath) {
        return new YamlTreeBuilder(displayPath).parse(text);
    }

    /** Parses JSON text; {@code displayPath} becomes the file of every span. */
    public static ParseResult parseJson(String text, String displayPath) {
        return parseJson(text, displayPath, null);
    }

    /**
     * Parses JSON text; when {@code mapper} is given, every span comes from it (computed from the
     * character offsets of the tokens in {@code text}).
     */
    public static ParseResult parseJson(String text, String displayPath, PositionMapper mapper) {
        return new JsonTreeBuilder(displayPath, mapper).parse(text);
    }

    /**
     * Parses text as JSON when its first non-blank character opens a JSON object or array and the
     * file name does not say YAML, else as YAML.
     */
    public static ParseResult parseAuto(String text, String displayPath) {
        String lower = displayPath.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return parseYaml(text, displayPath);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\uFEFF') {
                continue;
            }
            return c == '{' || c == '[' ? parseJson(text, displayPath) : parseYaml(text, displayPath);
        }
        return parseYaml(text, displayPath);
    }
}
