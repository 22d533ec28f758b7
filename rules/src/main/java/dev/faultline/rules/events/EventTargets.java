package dev.faultline.rules.events;

import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.rules.support.Describe;
import dev.faultline.rules.support.Targets;
import java.util.ArrayList;
import java.util.List;

/** The targets of an EventBridge rule or schedule, with their paths, shared by the FL-EVENTS rules. */
final class EventTargets {

    /** AWS limits for rule and schedule retry policies (docs/failure-semantics.md §6.2, §6.3). */
    static final long MIN_RETRY_ATTEMPTS = 0;

    static final long MAX_RETRY_ATTEMPTS = 185;
    static final long MIN_EVENT_AGE_SECONDS = 60;
    static final long MAX_EVENT_AGE_SECONDS = 86400;

    /** One target: its map, its logical sub-path below the node, and a name for messages. */
    record Target(MapNode map, String path, String label) {}

    private EventTargets() {}

    /** The literal targets of a rule ({@code Targets[]}) or a schedule ({@code Target}). */
    static List<Target> of(GraphNode node, RuleContext ctx) {
        List<Target> out = new ArrayList<>(1);
        if (node.kind() == NodeKind.SCHEDULE) {
            if (node.property("Target") instanceof MapNode m) {
                out.add(new Target(m, "Properties/Target", "schedule '" + node.name() + "'" + arnLabel(node, m, ctx)));
            }
            return out;
        }
        if (!(node.property("Targets") instanceof ListNode l)) {
            return out;
        }
        for (int i = 0; i < l.size(); i++) {
            if (l.get(i) instanceof MapNode m) {
                String id = ctx.eval(node, m.get("Id"))
                        .asString()
                        .map(s -> " '" + s + "'")
                        .orElse("");
                out.add(new Target(
                        m,
                        "Properties/Targets/" + i,
                        "EventBridge rule '" + node.name() + "' target" + id + arnLabel(node, m, ctx)));
            }
        }
        return out;
    }

    private static String arnLabel(GraphNode node, MapNode target, RuleContext ctx) {
        Node arn = target.get("Arn");
        for (Targets.Target t : Targets.of(ctx, node, arn)) {
            if (t.node() != null) {
                return " (" + Describe.node(t.node()) + ")";
            }
        }
        return "";
    }
}
