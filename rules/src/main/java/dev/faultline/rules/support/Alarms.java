package dev.faultline.rules.support;

import dev.faultline.core.eval.Value;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What a CloudWatch alarm watches, as the observability rules read it. */
public final class Alarms {

    private Alarms() {}

    /**
     * The metric names an alarm watches: its {@code MetricName}, or the {@code MetricStat} metrics of
     * its metric-math {@code Metrics}. Empty when any of them cannot be known (a value that does not
     * resolve, a {@code Metrics} entry that is not a mapping, neither property): the alarm may then
     * watch anything, and a rule stays silent.
     */
    public static Optional<List<String>> metricNames(GraphNode alarm, RuleContext ctx) {
        Node metric = alarm.property("MetricName");
        if (metric != null) {
            Value names = ctx.eval(alarm, metric);
            return names.isUnknown() ? Optional.empty() : Optional.of(names.knownStrings());
        }
        if (!(alarm.property("Metrics") instanceof ListNode l)) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>(2);
        for (Node m : l.items()) {
            if (!(m instanceof MapNode mm)) {
                return Optional.empty();
            }
            Node name = mm.path("MetricStat", "Metric", "MetricName");
            if (name == null) {
                continue; // an expression over the other metrics
            }
            Value v = ctx.eval(alarm, name);
            if (v.isUnknown()) {
                return Optional.empty();
            }
            out.addAll(v.knownStrings());
        }
        return Optional.of(out);
    }

    /** Whether an alarm may watch one of {@code metrics} (an alarm whose metrics are not known may). */
    public static boolean mayWatch(GraphNode alarm, RuleContext ctx, Collection<String> metrics) {
        return metricNames(alarm, ctx)
                .map(names -> names.stream().anyMatch(metrics::contains))
                .orElse(true);
    }
}
