package dev.faultline.rules.sfn;

import dev.faultline.core.asl.Retrier;
import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.RuleOption;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * FL-SFN-003: a retrier whose worst-case total wait (the sum over its attempts of
 * {@code IntervalSeconds × BackoffRate^n}, each capped by {@code MaxDelaySeconds}) outlasts the
 * machine's {@code TimeoutSeconds} (or an EXPRESS machine's 5 minutes), counting the state's
 * {@code TimeoutSeconds} for each attempt, or exceeds an
 * hour (option {@code maxUncappedWaitSeconds}) with no {@code MaxDelaySeconds}; and, as a milder case reported under the same id, exponential
 * backoff without jitter on more than 3 attempts.
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html">Handling errors in Step Functions workflows</a>
 */
public final class UnsafeRetrier extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SFN-003")
            .name("UnsafeRetrier")
            .severity(Severity.WARNING)
            .summary("A retrier can outlast the machine's timeout (state timeouts per attempt included), or wait over an hour "
                    + "uncapped, or backs off exponentially without jitter.")
            .rationale("A retrier waits IntervalSeconds before the first retry and multiplies the wait by "
                    + "BackoffRate after each attempt (defaults 1 s, 2.0, 3 attempts), each wait capped by "
                    + "MaxDelaySeconds when set. When the worst-case sum of these waits outlasts the machine's "
                    + "TimeoutSeconds (or the 5 minutes of an EXPRESS execution), the execution times out in "
                    + "the middle of retrying with States.Timeout, which no Catch inside the machine can "
                    + "handle; the state's own TimeoutSeconds applies to each attempt, so attempts × "
                    + "TimeoutSeconds is added to the waits. Uncapped exponential backoff grows to "
                    + "hours or days. Many executions retrying in lockstep without jitter hit a recovering "
                    + "dependency at the same moments (the jitter case is informational in nature).")
            .howToFix("Lower MaxAttempts or BackoffRate, set MaxDelaySeconds to cap each wait, keep the "
                    + "worst-case total below the timeouts, and add \"JitterStrategy\": \"FULL\" to spread "
                    + "retries.")
            .tags("reliability", "step-functions", "retry", "timeout")
            .docsUrl("https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html")
            .badExample("""
                    "Charge": {
                      "Type": "Task",
                      "Resource": "arn:aws:states:::lambda:invoke",
                      "Parameters": {"FunctionName": "charge-card", "Payload.$": "$"},
                      "Retry": [{
                        "ErrorEquals": ["States.ALL"],
                        "IntervalSeconds": 10, "MaxAttempts": 10, "BackoffRate": 2.0
                      }],
                      "End": true
                    }
                    """)
            .goodExample("""
                    "Charge": {
                      "Type": "Task",
                      "Resource": "arn:aws:states:::lambda:invoke",
                      "Parameters": {"FunctionName": "charge-card", "Payload.$": "$"},
                      "Retry": [{
                        "ErrorEquals": ["States.ALL"],
                        "IntervalSeconds": 10, "MaxAttempts": 10, "BackoffRate": 2.0,
                        "MaxDelaySeconds": 120, "JitterStrategy": "FULL"
                      }],
                      "End": true
                    }
                    """)
            .precision(Precision.HIGH)
            .build();

    /** Sums beyond this are reported as "more than a year". */
    private static final double YEAR = 366.0 * 24 * 3600;

    /** The longest total wait accepted for a retrier without MaxDelaySeconds. */
    static final RuleOption<Long> MAX_UNCAPPED_WAIT = new RuleOption<>("maxUncappedWaitSeconds", Long.class,
            StepFunctionsLimits.UNCAPPED_RETRY_LIMIT_SECONDS, "the longest total wait, in seconds, accepted for a "
                    + "retrier without MaxDelaySeconds");

    public UnsafeRetrier() {
        super(METADATA, Subscription.states("Task", "Parallel", "Map"), MAX_UNCAPPED_WAIT);
    }

    @Override
    public void visitState(State state, StateMachine machine, RuleContext ctx) {
        for (Retrier r : state.retriers()) {
            check(state, machine, r, ctx);
        }
    }

    private static void check(State state, StateMachine machine, Retrier r, RuleContext ctx) {
        MapNode b = r.body();
        Optional<Double> interval = field(machine, b.get("IntervalSeconds"), StepFunctionsLimits.DEFAULT_INTERVAL_SECONDS);
        Optional<Double> rate = field(machine, b.get("BackoffRate"), StepFunctionsLimits.DEFAULT_BACKOFF_RATE);
        Optional<Double> attempts = field(machine, b.get("MaxAttempts"), StepFunctionsLimits.DEFAULT_MAX_ATTEMPTS);
        Node capNode = b.get("MaxDelaySeconds");
        Optional<Double> cap = capNode == null ? Optional.of(Double.POSITIVE_INFINITY) : field(machine, capNode, 0);
        if (interval.isEmpty() || rate.isEmpty() || attempts.isEmpty() || cap.isEmpty()
                || interval.get() < 1 || rate.get() < 1 || attempts.get() < 0 || cap.get() < 1) {
            return; // unknown, or out of range (FL-ASL-005 reports that)
        }
        long n = attempts.get().longValue();
        double total = worstCase(interval.get(), rate.get(), n, cap.get());
        String where = Asl.named(state) + " retrier " + r.index() + " (" + String.join(", ", r.errorEquals()) + ")";
        String budget = "can wait up to " + human(total) + " in total over " + n + " retries (interval "
                + Asl.fmt(interval.get()) + " s, backoff " + Asl.fmt(rate.get())
                + (capNode == null ? ", no MaxDelaySeconds" : ", capped at " + Asl.fmt(cap.get()) + " s") + ")";
        String subPath = "Retry/" + r.index();

        OptionalLong stateTimeout = Asl.integer(machine, state.field("TimeoutSeconds"));
        double attemptsTime = stateTimeout.isPresent() ? (double) (n + 1) * stateTimeout.getAsLong() : 0;
        String withAttempts = stateTimeout.isPresent() ? "; with the state's TimeoutSeconds "
                + stateTimeout.getAsLong() + " s per attempt the state can take " + human(total + attemptsTime) : "";
        OptionalLong machineTimeout = Asl.integer(machine, machine.top().body().get("TimeoutSeconds"));
        if (machineTimeout.isPresent() && total + attemptsTime > machineTimeout.getAsLong()) {
            ctx.report(machine, state, b, subPath, where + " " + budget + withAttempts
                    + ", longer than the machine's TimeoutSeconds " + machineTimeout.getAsLong()
                    + " s; the execution times out while retrying and fails with States.Timeout, which no Catch "
                    + "can handle");
            return;
        }
        if (machine.express() && total + attemptsTime > StepFunctionsLimits.EXPRESS_MAX_DURATION_SECONDS) {
            ctx.report(machine, state, b, subPath, where + " " + budget + withAttempts + ", longer than the 300 s "
                    + "an EXPRESS execution may run; the execution times out while retrying");
            return;
        }
        long uncappedLimit = ctx.option(MAX_UNCAPPED_WAIT);
        if (capNode == null && total > uncappedLimit) {
            ctx.report(machine, state, b, subPath, where + " " + budget + ", more than "
                    + (uncappedLimit == StepFunctionsLimits.UNCAPPED_RETRY_LIMIT_SECONDS ? "one hour" : human(uncappedLimit)) + "; add "
                    + "MaxDelaySeconds so a failing dependency does not hold the execution for that long");
            return;
        }
        boolean exponential = rate.get() > 1.0;
        Node jitter = b.get("JitterStrategy");
        boolean noJitter = jitter == null || "NONE".equals(jitter.text());
        if (exponential && noJitter && n > StepFunctionsLimits.ATTEMPTS_BEFORE_JITTER_MATTERS) {
            ctx.reportWithSeverity(Severity.INFO, machine, state, b, subPath, where + " backs off exponentially over " + n
                    + " retries without JitterStrategy FULL; concurrent executions retry in lockstep "
                    + "against a recovering dependency");
        }
    }

    /**
     * The worst-case total wait of a retrier: the sum over attempts {@code k = 0..attempts-1} of
     * {@code min(interval × rate^k, cap)}. Saturates at a large finite value.
     */
    static double worstCase(double interval, double rate, long attempts, double cap) {
        double total = 0;
        double wait = interval;
        for (long k = 0; k < attempts; k++) {
            double w = Math.min(wait, cap);
            if (w >= cap) {
                return total + cap * (attempts - k);
            }
            total += w;
            if (total > 1e15) {
                return total;
            }
            wait *= rate;
        }
        return total;
    }

    private static Optional<Double> field(StateMachine machine, Node n, double dflt) {
        if (n == null) {
            return Optional.of(dflt);
        }
        Optional<BigDecimal> d = Asl.number(machine, n);
        return d.map(BigDecimal::doubleValue);
    }

    /** {@code 126 s}, {@code 8190 s (2.3 h)}, {@code more than a year}. */
    static String human(double seconds) {
        if (seconds > YEAR) {
            return "more than a year";
        }
        String s = Asl.fmt(Math.rint(seconds * 10) / 10) + " s";
        if (seconds >= 2 * 86400) {
            return s + " (" + String.format(Locale.ROOT, "%.1f", seconds / 86400) + " days)";
        }
        if (seconds >= 3600) {
            return s + " (" + String.format(Locale.ROOT, "%.1f", seconds / 3600) + " h)";
        }
        return s;
    }
}
