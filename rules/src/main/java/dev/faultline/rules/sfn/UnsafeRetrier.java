package dev.faultline.rules.sfn;

import dev.faultline.core.asl.Retrier;
import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.RuleOption;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.rules.support.Asl;
import dev.faultline.rules.support.StepFunctionsLimits;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * FL-SFN-003: a retrier whose worst-case total wait (the sum over its attempts of
 * {@code IntervalSeconds × BackoffRate^n}, each capped by {@code MaxDelaySeconds}) outlasts the
 * machine's {@code TimeoutSeconds} (or an EXPRESS machine's 5 minutes), counting the state's
 * {@code TimeoutSeconds} for each attempt (not for AWS's recommended Lambda retrier in a machine
 * without any catcher, where the execution fails either way), or exceeds an
 * hour (option {@code maxUncappedWaitSeconds}) with no {@code MaxDelaySeconds}; and, as a milder case
 * reported under the same id at info, exponential backoff without jitter on more than 3 attempts, at
 * most once per machine and never for AWS's recommended retrier of Lambda's transient service errors.
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html">Handling errors in Step Functions workflows</a>
 */
public final class UnsafeRetrier extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SFN-003")
            .name("UnsafeRetrier")
            .severity(Severity.WARNING)
            .summary(
                    "A retrier can outlast the machine's timeout (state timeouts per attempt included), or wait over an hour "
                            + "uncapped, or backs off exponentially without jitter.")
            .rationale("A retrier waits IntervalSeconds before the first retry and multiplies the wait by "
                    + "BackoffRate after each attempt (defaults 1 s, 2.0, 3 attempts), each wait capped by "
                    + "MaxDelaySeconds when set. When the worst-case sum of these waits outlasts the machine's "
                    + "TimeoutSeconds (or the 5 minutes of an EXPRESS execution), the execution times out in "
                    + "the middle of retrying with States.Timeout, which no Catch inside the machine can "
                    + "handle (AWS's recommended retrier of Lambda's transient errors is not reported for this "
                    + "in a machine without any catcher: the execution fails either way); the state's own TimeoutSeconds applies to each attempt, so attempts × "
                    + "TimeoutSeconds is added to the waits. Uncapped exponential backoff grows to "
                    + "hours or days. Many executions retrying in lockstep without jitter hit a recovering "
                    + "dependency at the same moments (the jitter case is informational in nature).")
            .howToFix("Lower MaxAttempts or BackoffRate, set MaxDelaySeconds to cap each wait, keep the "
                    + "worst-case total below the timeouts, and add \"JitterStrategy\": \"FULL\" to spread "
                    + "retries.")
            .tags("reliability", "step-functions", "retry", "timeout")
            .docsUrl("https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html")
            .examplesOf(UnsafeRetrier.class)
            .precision(Precision.HIGH)
            .build();

    /** Sums beyond this are reported as "more than a year". */
    private static final double YEAR = 366.0 * 24 * 3600;

    /** The longest total wait accepted for a retrier without MaxDelaySeconds. */
    static final RuleOption<Long> MAX_UNCAPPED_WAIT = new RuleOption<>(
            "maxUncappedWaitSeconds",
            Long.class,
            StepFunctionsLimits.UNCAPPED_RETRY_LIMIT_SECONDS,
            "the longest total wait, in seconds, accepted for a " + "retrier without MaxDelaySeconds");

    public UnsafeRetrier() {
        super(METADATA, Subscription.states("Task", "Parallel", "Map").andStateMachines(), MAX_UNCAPPED_WAIT);
    }

    @Override
    public void visitState(State state, StateMachine machine, RuleContext ctx) {
        for (Retrier r : state.retriers()) {
            check(state, machine, r, ctx, true);
        }
    }

    /**
     * The jitter case, at most once per machine: on the first retrier that backs off exponentially
     * over more than 3 attempts without jitter (and is not AWS's recommended Lambda retrier), naming
     * how many more the machine has.
     */
    @Override
    public void visitStateMachine(StateMachine machine, RuleContext ctx) {
        State firstState = null;
        Retrier first = null;
        int more = 0;
        for (State s : machine.allStates()) {
            if (!s.isType("Task") && !s.isType("Parallel") && !s.isType("Map")) {
                continue;
            }
            for (Retrier r : s.retriers()) {
                if (check(s, machine, r, ctx, false) && !onlyLambdaServiceErrors(r)) {
                    if (first == null) {
                        first = r;
                        firstState = s;
                    } else {
                        more++;
                    }
                }
            }
        }
        if (first == null) {
            return;
        }
        long n = attempts(machine, first);
        ctx.report(
                        Location.of(machine, firstState, "Retry/" + first.index())
                                .at(first.body()),
                        Asl.named(firstState) + " retrier " + first.index() + " ("
                                + String.join(", ", first.errorEquals()) + ") backs off exponentially over " + n
                                + " retries without JitterStrategy FULL"
                                + (more == 0 ? "" : " (as do " + more + " more retriers of this machine)")
                                + "; concurrent executions retry in lockstep against a recovering dependency")
                .withSeverity(Severity.INFO);
    }

    /**
     * Whether a retrier matches only Lambda's transient service errors (throttling included): AWS's
     * recommended Lambda retrier and Workflow Studio's generated default, which need no jitter advice.
     */
    private static boolean onlyLambdaServiceErrors(Retrier r) {
        return !r.errorEquals().isEmpty()
                && r.errorEquals().stream()
                        .allMatch(e -> StepFunctionsLimits.LAMBDA_SERVICE_ERRORS.contains(e)
                                || "Lambda.ClientExecutionTimeoutException".equals(e)
                                || "Lambda.TooManyRequestsException".equals(e));
    }

    /**
     * Whether a retrier outlasting the machine's time changes how its execution fails. Not for AWS's
     * recommended Lambda retrier in a machine without any catcher: it waits that long only while Lambda
     * itself keeps failing, and then the execution fails either way (with States.Timeout instead of
     * the Lambda error), with no fallback that the timeout could skip.
     */
    private static boolean timeoutMatters(StateMachine machine, Retrier r) {
        return !onlyLambdaServiceErrors(r) || Asl.hasCatcher(machine);
    }

    private static long attempts(StateMachine machine, Retrier r) {
        return field(machine, r.body().get("MaxAttempts"), StepFunctionsLimits.DEFAULT_MAX_ATTEMPTS)
                .map(Double::longValue)
                .orElse(0L);
    }

    /**
     * Checks one retrier: reports its timeout and uncapped-wait cases when {@code report} is set.
     *
     * @return whether the retrier is a jitter case (exponential, more than 3 attempts, no jitter, and
     *     no other case reported)
     */
    private static boolean check(State state, StateMachine machine, Retrier r, RuleContext ctx, boolean report) {
        MapNode b = r.body();
        Optional<Double> interval =
                field(machine, b.get("IntervalSeconds"), StepFunctionsLimits.DEFAULT_INTERVAL_SECONDS);
        Optional<Double> rate = field(machine, b.get("BackoffRate"), StepFunctionsLimits.DEFAULT_BACKOFF_RATE);
        Optional<Double> attempts = field(machine, b.get("MaxAttempts"), StepFunctionsLimits.DEFAULT_MAX_ATTEMPTS);
        Node capNode = b.get("MaxDelaySeconds");
        Optional<Double> cap = capNode == null ? Optional.of(Double.POSITIVE_INFINITY) : field(machine, capNode, 0);
        if (interval.isEmpty()
                || rate.isEmpty()
                || attempts.isEmpty()
                || cap.isEmpty()
                || interval.get() < 1
                || rate.get() < 1
                || attempts.get() < 0
                || cap.get() < 1) {
            return false; // unknown, or out of range (FL-ASL-005 reports that)
        }
        long n = attempts.get().longValue();
        double total = worstCase(interval.get(), rate.get(), n, cap.get());
        OptionalLong stateTimeout = Asl.integer(machine, state.field("TimeoutSeconds"));
        double attemptsTime = stateTimeout.isPresent() ? (double) (n + 1) * stateTimeout.getAsLong() : 0;
        OptionalLong machineTimeout = Asl.integer(machine, machine.top().body().get("TimeoutSeconds"));
        // the messages are made only for a finding: every retrier is checked twice per lint
        if (machineTimeout.isPresent()
                && total + attemptsTime > machineTimeout.getAsLong()
                && timeoutMatters(machine, r)) {
            if (report) {
                ctx.report(
                        Location.of(machine, state, "Retry/" + r.index()).at(b),
                        budget(state, r, n, total, interval.get(), rate.get(), capNode, cap.get())
                                + withAttempts(stateTimeout, total + attemptsTime)
                                + ", longer than the machine's TimeoutSeconds " + machineTimeout.getAsLong()
                                + " s; the execution times out while retrying and fails with States.Timeout, which no Catch "
                                + "can handle");
            }
            return false;
        }
        if (machine.express()
                && total + attemptsTime > StepFunctionsLimits.EXPRESS_MAX_DURATION_SECONDS
                && timeoutMatters(machine, r)) {
            if (report) {
                ctx.report(
                        Location.of(machine, state, "Retry/" + r.index()).at(b),
                        budget(state, r, n, total, interval.get(), rate.get(), capNode, cap.get())
                                + withAttempts(stateTimeout, total + attemptsTime) + ", longer than the 300 s "
                                + "an EXPRESS execution may run; the execution times out while retrying");
            }
            return false;
        }
        long uncappedLimit = ctx.option(MAX_UNCAPPED_WAIT);
        if (capNode == null && total > uncappedLimit) {
            if (report) {
                ctx.report(
                        Location.of(machine, state, "Retry/" + r.index()).at(b),
                        budget(state, r, n, total, interval.get(), rate.get(), capNode, cap.get()) + ", more than "
                                + (uncappedLimit == StepFunctionsLimits.UNCAPPED_RETRY_LIMIT_SECONDS
                                        ? "one hour"
                                        : human(uncappedLimit))
                                + "; add "
                                + "MaxDelaySeconds so a failing dependency does not hold the execution for that long");
            }
            return false;
        }
        boolean exponential = rate.get() > 1.0;
        Node jitter = b.get("JitterStrategy");
        boolean noJitter = jitter == null || "NONE".equals(jitter.text());
        return exponential && noJitter && n > StepFunctionsLimits.ATTEMPTS_BEFORE_JITTER_MATTERS;
    }

    /** The retrier and its total wait: {@code Task retrier 0 (States.ALL) can wait up to ...}. */
    private static String budget(
            State state, Retrier r, long n, double total, double interval, double rate, Node capNode, double cap) {
        return Asl.named(state) + " retrier " + r.index() + " (" + String.join(", ", r.errorEquals()) + ") "
                + "can wait up to " + human(total) + " in total over " + n + " retries (interval "
                + Asl.fmt(interval) + " s, backoff " + Asl.fmt(rate)
                + (capNode == null ? ", no MaxDelaySeconds" : ", capped at " + Asl.fmt(cap) + " s") + ")";
    }

    /** What the state's own TimeoutSeconds adds to the wait, or nothing when it has none. */
    private static String withAttempts(OptionalLong stateTimeout, double withTimeouts) {
        return stateTimeout.isPresent()
                ? "; with the state's TimeoutSeconds " + stateTimeout.getAsLong() + " s per attempt the state can take "
                        + human(withTimeouts)
                : "";
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
