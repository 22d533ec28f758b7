package dev.faultline.parsers;

import dev.faultline.core.tree.ScalarNode;
import dev.faultline.core.tree.Span;

/** Small factories for scalar nodes. */
final class ScalarNodes {

    private ScalarNodes() {}

    static ScalarNode nullAt(Span span) {
        return new ScalarNode(span, "", ScalarNode.Kind.NULL);
    }
}
