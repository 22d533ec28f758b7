package dev.faultline.rules.obs;

import dev.faultline.core.asl.Catcher;
import dev.faultline.core.asl.Scope;
import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.eval.JsonDocuments;
import dev.faultline.core.eval.Value;
import dev.faultline.core.graph.Edge;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.InvocationMode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.rules.support.Alarms;
import dev.faultline.rules.support.Describe;
import java.util.List;
import java.util.Set;

/**
 * FL-OBS-003: a state machine started asynchronously (EventBridge rule or schedule target, Scheduler
 * target, IoT rule action, fire-and-forget pipe, SAM EventBridge/schedule events, another machine's
 * {@code states:startExecution} without {@code .sync}) whose failed, timed-out or aborted executions
 * nobody sees: no CloudWatch alarm on {@code ExecutionsFailed}/{@code ExecutionsTimedOut}/
 * {@code ExecutionsAborted} for it, for a STANDARD machine no EventBridge rule on "Step Functions
 * Execution Status Change", and some state that can fail (Task, Parallel, Map) is not covered by a
 * catch-all catcher (its own or an enclosing one) whose fallback runs a Task. Once per machine.
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/procedure-cw-metrics.html">Step Functions: CloudWatch metrics</a>
 */
public final class AsyncMachineFailuresUnseen extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-OBS-003")
            .name("AsyncMachineFailuresUnseen")
            .severity(Severity.WARNING)
            .summary(
                    "An asynchronously started state machine fails without anyone noticing: no alarm, no status-change "
                            + "rule, no notifying catcher.")
            .rationale("When an EventBridge rule, a schedule, a pipe, an IoT rule or another machine's "
                    + "startExecution (without .sync) starts a state machine, nobody waits for the execution. If it "
                    + "fails, times out or is aborted, the only traces are the execution history and the "
                    + "ExecutionsFailed/ExecutionsTimedOut/ExecutionsAborted metrics. Without a CloudWatch alarm on "
                    + "them (dimension StateMachineArn), an EventBridge rule on the 'Step Functions Execution Status "
                    + "Change' events of a STANDARD machine (EXPRESS machines emit none), or catch-all catchers "
                    + "whose fallback runs a notification or compensation task, the failure goes unseen.")
            .howToFix("Add an AWS::CloudWatch::Alarm on AWS/States ExecutionsFailed (and ExecutionsTimedOut, "
                    + "ExecutionsAborted) with Dimensions StateMachineArn = !Ref <Machine>, or an EventBridge rule "
                    + "on source aws.states, detail-type 'Step Functions Execution Status Change', status FAILED/"
                    + "TIMED_OUT/ABORTED for the machine, or catch States.ALL and run a task that notifies.")
            .tags("observability", "step-functions", "alarms", "async")
            .docsUrl("https://docs.aws.amazon.com/step-functions/latest/dg/procedure-cw-metrics.html")
            .examplesOf(AsyncMachineFailuresUnseen.class)
            .precision(Precision.HIGH)
            .build();

    private static final Set<String> FAILURE_METRICS =
            Set.of("ExecutionsFailed", "ExecutionsTimedOut", "ExecutionsAborted");
    private static final String STATUS_CHANGE = "Step Functions Execution Status Change";
    private static final Set<String> CAN_FAIL = Set.of("Task", "Parallel", "Map");

    public AsyncMachineFailuresUnseen() {
        super(METADATA, Subscription.stateMachines());
    }

    @Override
    public void visitStateMachine(StateMachine m, RuleContext ctx) {
        GraphNode node = ctx.graph().nodeOf(m);
        if (node == null) {
            return;
        }
        Edge starter = ctx.graph().invocation(node, InvocationMode.ASYNC);
        if (starter == null || alarmed(node, ctx) || (!m.express() && statusRule(node, ctx))) {
            return;
        }
        State uncovered = uncovered(m.top(), false);
        if (uncovered == null) {
            return;
        }
        ctx.report(
                Location.of(node),
                "State machine '" + node.name() + "' is started asynchronously by "
                        + Describe.invoker(starter)
                        + " but nobody sees its failed executions: no CloudWatch "
                        + "alarm on ExecutionsFailed, ExecutionsTimedOut or ExecutionsAborted"
                        + (m.express() ? "" : ", no EventBridge rule on '" + STATUS_CHANGE + "'")
                        + ", and state '" + uncovered.name()
                        + "' can fail without a catcher that runs a notification or "
                        + "compensation task");
    }

    /** Whether an alarm watches one of the machine's failure metrics (an unknown metric counts). */
    private static boolean alarmed(GraphNode machine, RuleContext ctx) {
        return ctx.graph().alarmsOn(machine).stream().anyMatch(alarm -> Alarms.mayWatch(alarm, ctx, FAILURE_METRICS));
    }

    /**
     * Whether an EventBridge rule listens to the machine's status changes: source {@code aws.states},
     * detail-type "Step Functions Execution Status Change", and no {@code detail.stateMachineArn} or one
     * that may name the machine. A pattern that cannot be read counts (silence rather than a guess).
     */
    private static boolean statusRule(GraphNode machine, RuleContext ctx) {
        for (GraphNode rule : ctx.graph().nodes(NodeKind.EVENT_RULE)) {
            Node raw = rule.property("EventPattern");
            if (raw == null) {
                continue;
            }
            for (Value doc :
                    JsonDocuments.read(raw, ctx.evaluator(rule.template())).alternatives()) {
                if (!(doc instanceof Value.Obj o)) {
                    if (doc.isUnknown()) {
                        return true;
                    }
                    continue;
                }
                MapNode p = o.node();
                if (!mentions(ctx, rule, p.get("source"), "aws.states")
                        || !mentions(ctx, rule, p.get("detail-type"), STATUS_CHANGE)) {
                    continue;
                }
                Node arns = p.path("detail", "stateMachineArn");
                if (arns == null || namesMachine(ctx, rule, arns, machine)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean mentions(RuleContext ctx, GraphNode owner, Node list, String text) {
        if (list == null) {
            return text.equals(STATUS_CHANGE); // no detail-type filter: every aws.states event
        }
        Value v = ctx.eval(owner, list);
        if (v.isUnknown()) {
            return true;
        }
        for (Value alt : v.alternatives()) {
            if (alt instanceof Value.Seq s) {
                for (Value item : s.items()) {
                    if (item.isUnknown() || item.knownStrings().contains(text)) {
                        return true;
                    }
                }
            } else if (alt.knownStrings().contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a {@code detail.stateMachineArn} filter may name the machine (unknown or prefix filters count). */
    private static boolean namesMachine(RuleContext ctx, GraphNode owner, Node arns, GraphNode machine) {
        Value v = ctx.eval(owner, arns);
        for (Value alt : v.alternatives()) {
            List<Value> items = alt instanceof Value.Seq s ? s.items() : List.of(alt);
            for (Value item : items) {
                if (item.isUnknown() || item instanceof Value.Obj) {
                    return true;
                }
                if (item.referencedResource().map(machine.name()::equals).orElse(false)) {
                    return true;
                }
                for (String t : item.knownStrings()) {
                    if (t.contains(machine.name())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The first state that can fail (Task, Parallel, Map) and is not covered by a catch-all catcher
     * whose fallback runs a Task, its own or an enclosing Parallel/Map state's; null when all are.
     */
    private static State uncovered(Scope scope, boolean covered) {
        Set<String> fallbacks = new java.util.HashSet<>();
        for (State s : scope.states().values()) {
            State f = fallback(s, scope);
            if (f != null) {
                fallbacks.add(f.name());
            }
        }
        for (State s : scope.states().values()) {
            boolean mine = covered || fallback(s, scope) != null || fallbacks.contains(s.name());
            if (CAN_FAIL.contains(s.type()) && !mine) {
                return s;
            }
            for (Scope child : s.children()) {
                State inner = uncovered(child, mine);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /**
     * The Task a state's {@code States.ALL} catcher falls back to (directly or after one Pass), or null.
     * That task is the notification or compensation; its own failure is not asked to be caught again.
     */
    private static State fallback(State s, Scope scope) {
        for (Catcher c : s.catchers()) {
            if (!c.errorEquals().contains("States.ALL") || c.next() == null) {
                continue;
            }
            State next = scope.states().get(c.next());
            if (next != null && next.isType("Pass") && next.text("Next") != null) {
                next = scope.states().get(next.text("Next"));
            }
            if (next != null && next.isType("Task")) {
                return next;
            }
        }
        return null;
    }
}
