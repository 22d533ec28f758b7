package dev.faultline.rules.support;

import dev.faultline.core.eval.SubTexts;
import dev.faultline.core.eval.Value;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.rule.RuleContext;
import java.util.Optional;

/** Whether a queue or topic is FIFO; the one place the SQS, SNS, ESM and target rules ask. */
public final class Fifo {

    private Fifo() {}

    /**
     * Whether a queue ({@code FifoQueue}, else a {@code QueueName} ending in {@code .fifo}) or a topic
     * ({@code FifoTopic}, else {@code TopicName}) is FIFO; false for any other node. Every
     * {@code Fn::If} branch must agree; empty when unknown. A name built with {@code !Sub} counts when
     * its literal end decides ({@code ${AWS::StackName}-orders.fifo}).
     */
    public static Optional<Boolean> of(GraphNode n, RuleContext ctx) {
        String flag = n.kind() == NodeKind.QUEUE ? "FifoQueue" : n.kind() == NodeKind.TOPIC ? "FifoTopic" : null;
        if (flag == null) {
            return Optional.of(false);
        }
        String nameProp = n.kind() == NodeKind.QUEUE ? "QueueName" : "TopicName";
        Boolean found = null;
        for (Value alt : ctx.property(n, flag).alternatives()) {
            Boolean b;
            if (alt instanceof Value.Absent) {
                b = byName(n, nameProp, ctx);
            } else {
                b = alt.asBool().orElse(null);
            }
            if (b == null || (found != null && !found.equals(b))) {
                return Optional.empty();
            }
            found = b;
        }
        return Optional.ofNullable(found);
    }

    /** From the name alone (the flag is absent): null when unknown. */
    private static Boolean byName(GraphNode n, String nameProp, RuleContext ctx) {
        Value name = ctx.property(n, nameProp);
        if (name.alternatives().size() != 1) {
            return null;
        }
        Value v = name.alternatives().get(0);
        if (v instanceof Value.Absent) {
            return false;
        }
        if (v.asString().isPresent()) {
            return v.asString().get().endsWith(".fifo");
        }
        // !Sub '${AWS::StackName}-orders.fifo': the literal end of the name decides
        String p = SubTexts.shape(n.property(nameProp));
        if (p == null || p.endsWith("*")) {
            return null;
        }
        return p.endsWith(".fifo");
    }
}
