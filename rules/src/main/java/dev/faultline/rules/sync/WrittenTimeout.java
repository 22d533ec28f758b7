package dev.faultline.rules.sync;

import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.rule.RuleContext;
import java.util.OptionalLong;

/** The function {@code Timeout} the synchronous-caller rules compare with their caller's budget. */
final class WrittenTimeout {

    private WrittenTimeout() {}

    /**
     * The largest known {@code Timeout} written on a function (any {@code Fn::If} branch); empty when
     * the property is absent (the 3 s default fits every synchronous caller) or no branch is known.
     */
    static OptionalLong largest(GraphNode fn, RuleContext ctx) {
        if (fn.property("Timeout") == null) {
            return OptionalLong.empty();
        }
        return ctx.property(fn, "Timeout").knownLongs().stream()
                .mapToLong(Long::longValue)
                .max();
    }
}
