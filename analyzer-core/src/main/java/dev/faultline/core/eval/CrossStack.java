package dev.faultline.core.eval;

import dev.faultline.core.model.Template;
import dev.faultline.core.tree.Node;
import java.util.List;

/**
 * What the other templates of a run say about one template's inputs and outputs: the values a
 * parent stack passes to a nested stack's parameters, the outputs a nested stack returns to its
 * parent, and the exports an {@code Fn::ImportValue} names. Every answer is a value as it is written
 * in its own template, to be evaluated or resolved there.
 */
public interface CrossStack {

    /** No other template: a template on its own. */
    CrossStack NONE = new CrossStack() {
        @Override
        public List<Written> parameter(Template child, String name) {
            return List.of();
        }

        @Override
        public List<Written> output(Template parent, String stack, String output) {
            return List.of();
        }

        @Override
        public List<Written> imported(String exportName) {
            return List.of();
        }
    };

    /**
     * A value written in another template.
     *
     * @param template the template it is written in
     * @param value    the value node
     * @param via      how it crosses files, for messages ({@code nested stack 'Queues'},
     *                 {@code export 'orders-arn'})
     */
    record Written(Template template, Node value, String via) {
    }

    /**
     * The values the parent stacks pass to parameter {@code name} of {@code child} (one per parent
     * that uses it as a nested stack); empty when no parent of the run passes one.
     */
    List<Written> parameter(Template child, String name);

    /**
     * The value of output {@code output} of the nested stack written as resource {@code stack} of
     * {@code parent}; empty when the nested template is not in the run or has no such output.
     */
    List<Written> output(Template parent, String stack, String output);

    /** The exported value named {@code exportName} when exactly one template of the run exports it; else empty. */
    List<Written> imported(String exportName);
}
