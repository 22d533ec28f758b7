package dev.faultline.core.asl;

import dev.faultline.core.eval.Refs;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.Span;
import java.util.List;

/**
 * One state of a scope.
 *
 * @param name          the state name
 * @param type          the {@code Type} text ({@code Task}, {@code Map}, ...); empty when missing
 * @param body          the located state object
 * @param keySpan       the span of the state's name key (where findings about the state point)
 * @param logicalPath   {@code .../States/<name>}
 * @param queryLanguage the effective query language
 * @param retriers      its {@code Retry} entries
 * @param catchers      its {@code Catch} entries
 * @param children      nested scopes: Parallel branches, or the Map item processor
 */
public record State(
        String name,
        String type,
        MapNode body,
        Span keySpan,
        String logicalPath,
        QueryLanguage queryLanguage,
        List<Retrier> retriers,
        List<Catcher> catchers,
        List<Scope> children) {

    /**
     * A field of the states definition.
     * @param key the field name ({@code Retry})
     * @return the located value, or {@code null} when absent
     */
    public Node field(String key) {
        return body.get(key);
    }

    /**
     * A scalar field as text.
     * @param key the field name ({@code Resource})
     * @return the text, or {@code null} when absent or not a scalar
     */
    public String text(String key) {
        return body.getText(key);
    }

    /**
     * @param t a state type ({@code Task})
     * @return whether this state has that {@code Type}
     */
    public boolean isType(String t) {
        return type.equals(t);
    }

    /** For Task states, the {@code Resource} text (placeholders included), else null. */
    public String resource() {
        return body.getText("Resource");
    }

    /**
     * For Task states, the {@code Resource} text, or the template text of an inline {@code Fn::Sub}
     * (SAM inline definitions keep intrinsics: {@code !Sub arn:${AWS::Partition}:states:::lambda:invoke});
     * null for other values.
     */
    public String resourceText() {
        String text = resource();
        return text != null ? text : Refs.subText(body.get("Resource"));
    }
}
