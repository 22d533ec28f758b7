package dev.faultline.rules.asl;

import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.rules.support.Asl;
import dev.faultline.rules.support.StepFunctionsLimits;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * FL-ASL-005: retrier and timeout fields out of their range: {@code MaxAttempts} outside
 * 0–99999999, {@code IntervalSeconds} below 1, {@code BackoffRate} below 1, {@code MaxDelaySeconds}
 * outside 1–31622400, {@code TimeoutSeconds} or
 * {@code HeartbeatSeconds} below 1, {@code HeartbeatSeconds} not below {@code TimeoutSeconds},
 * tolerated failure thresholds out of range, and a field set together with its {@code Path} twin.
 * Type and form (a fraction where an integer belongs, a string, an unknown {@code JitterStrategy})
 * are FL-PARSE-007's, so this rule skips such a value.
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html">Handling errors in Step Functions workflows</a>
 */
public final class OutOfRangeField extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-ASL-005")
            .name("OutOfRangeField")
            .severity(Severity.ERROR)
            .summary("A retrier or timeout field is out of range, or a field is set together with its Path variant.")
            .rationale("Step Functions validates retrier and timeout fields: MaxAttempts 0-99999999, "
                    + "IntervalSeconds at least 1, BackoffRate at least 1.0, MaxDelaySeconds 1-31622400, "
                    + "TimeoutSeconds and HeartbeatSeconds positive with "
                    + "HeartbeatSeconds below TimeoutSeconds, and a field and its Path variant (TimeoutSeconds "
                    + "and TimeoutSecondsPath, ...) are mutually exclusive. A definition that breaks these is "
                    + "rejected, so the deployment fails.")
            .howToFix("Bring the value into its range, or keep only one of the field and its Path variant.")
            .tags("correctness", "step-functions", "asl", "retry", "timeout")
            .docsUrl("https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html")
            .examplesOf(OutOfRangeField.class)
            .precision(Precision.VERY_HIGH)
            .build();

    private static final String[] EXCLUSIVE = {
        "TimeoutSeconds",
        "HeartbeatSeconds",
        "MaxConcurrency",
        "ToleratedFailurePercentage",
        "ToleratedFailureCount",
        "Seconds",
        "Timestamp",
        "Items"
    };

    public OutOfRangeField() {
        super(METADATA, Subscription.states("*"));
    }

    @Override
    public void visitState(State state, StateMachine machine, RuleContext ctx) {
        String name = "State '" + state.name() + "'";
        MapNode b = state.body();
        ListNode retry = b.getList("Retry");
        if (retry != null) {
            for (int i = 0; i < retry.size(); i++) {
                MapNode r = retry.get(i).asMap();
                if (r != null) {
                    retrier(machine, state, r, "Retry/" + i + "/", name + " retrier " + i + " ", ctx);
                }
            }
        }
        OptionalLong timeout = range(
                machine, state, b, "", "TimeoutSeconds", 1, StepFunctionsLimits.MAX_INTEGER_FIELD, name + " ", ctx);
        OptionalLong heartbeat = range(
                machine, state, b, "", "HeartbeatSeconds", 1, StepFunctionsLimits.MAX_INTEGER_FIELD, name + " ", ctx);
        if (timeout.isPresent() && heartbeat.isPresent() && heartbeat.getAsLong() >= timeout.getAsLong()) {
            ctx.report(
                    Location.of(machine, state, "HeartbeatSeconds").at(b.get("HeartbeatSeconds")),
                    name + " HeartbeatSeconds "
                            + heartbeat.getAsLong() + " is not less than TimeoutSeconds " + timeout.getAsLong()
                            + "; Step Functions rejects the definition");
        }
        if (state.isType("Map")) {
            range(machine, state, b, "", "ToleratedFailurePercentage", 0, 100, name + " ", ctx);
            range(machine, state, b, "", "ToleratedFailureCount", 0, Long.MAX_VALUE, name + " ", ctx);
            range(machine, state, b, "", "MaxConcurrency", 0, Long.MAX_VALUE, name + " ", ctx);
        }
        exclusive(machine, state, b, "", EXCLUSIVE, name, ctx);
        if (state.isType("Fail")) {
            exclusive(machine, state, b, "", new String[] {"Error", "Cause"}, name, ctx);
        }
        if (state.isType("Map")) {
            MapNode batcher = b.getMap("ItemBatcher");
            if (batcher != null) {
                exclusive(
                        machine,
                        state,
                        batcher,
                        "ItemBatcher/",
                        new String[] {"MaxItemsPerBatch", "MaxInputBytesPerBatch"},
                        name + " ItemBatcher",
                        ctx);
            }
            Node readerConfig = b.path("ItemReader", "ReaderConfig");
            if (readerConfig != null && readerConfig.asMap() != null) {
                exclusive(
                        machine,
                        state,
                        readerConfig.asMap(),
                        "ItemReader/ReaderConfig/",
                        new String[] {"MaxItems"},
                        name + " ItemReader",
                        ctx);
            }
        }
    }

    private static void exclusive(
            StateMachine machine,
            State state,
            MapNode b,
            String prefix,
            String[] fields,
            String name,
            RuleContext ctx) {
        for (String f : fields) {
            if (b.has(f) && b.has(f + "Path")) {
                ctx.report(
                        Location.of(machine, state, prefix + f + "Path").at(b.get(f + "Path")),
                        name + " sets both " + f + " and " + f + "Path; they are mutually exclusive");
            }
        }
    }

    private static void retrier(
            StateMachine machine, State state, MapNode r, String prefix, String head, RuleContext ctx) {
        range(machine, state, r, prefix, "MaxAttempts", 0, StepFunctionsLimits.MAX_INTEGER_FIELD, head, ctx);
        range(machine, state, r, prefix, "IntervalSeconds", 1, StepFunctionsLimits.MAX_INTEGER_FIELD, head, ctx);
        range(
                machine,
                state,
                r,
                prefix,
                "MaxDelaySeconds",
                StepFunctionsLimits.MIN_MAX_DELAY_SECONDS,
                StepFunctionsLimits.MAX_MAX_DELAY_SECONDS,
                head,
                ctx);
        Node rate = r.get("BackoffRate");
        Optional<BigDecimal> rv = Asl.number(machine, rate);
        if (rv.isPresent() && rv.get().compareTo(BigDecimal.ONE) < 0) {
            ctx.report(
                    Location.of(machine, state, prefix + "BackoffRate").at(rate),
                    head + "BackoffRate " + rv.get().toPlainString()
                            + " is below 1.0; Step Functions rejects the definition");
        }
        // a JitterStrategy other than FULL or NONE is a type error: FL-PARSE-007
    }

    /** Checks a literal number against [min, max]; returns it when it is an integer in range. */
    private static OptionalLong range(
            StateMachine machine,
            State state,
            MapNode body,
            String prefix,
            String field,
            long min,
            long max,
            String head,
            RuleContext ctx) {
        Node n = body.get(field);
        Optional<BigDecimal> v = Asl.number(machine, n);
        if (v.isEmpty() || ctx.graph().isIllTyped(n)) {
            // not a number, or a fraction where an integer belongs: FL-PARSE-007 reports the type
            return OptionalLong.empty();
        }
        BigDecimal d = v.get();
        boolean below = d.compareTo(BigDecimal.valueOf(min)) < 0;
        boolean above = d.compareTo(BigDecimal.valueOf(max)) > 0;
        if (below || above) {
            String range = max == Long.MAX_VALUE ? "at least " + min : min + "-" + max;
            ctx.report(
                    Location.of(machine, state, prefix + field).at(n),
                    head + field + " " + d.toPlainString() + " is outside " + range
                            + "; Step Functions rejects the definition");
            return OptionalLong.empty();
        }
        return d.stripTrailingZeros().scale() > 0 ? OptionalLong.empty() : OptionalLong.of(d.longValueExact());
    }
}
