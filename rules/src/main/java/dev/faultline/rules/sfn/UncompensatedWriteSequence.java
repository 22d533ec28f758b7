package dev.faultline.rules.sfn;

import dev.faultline.core.asl.Scope;
import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.asl.TaskCall;
import dev.faultline.core.graph.ResourceGraph;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.rules.support.Asl;
import dev.faultline.rules.support.Transitions;
import java.util.ArrayList;
import java.util.List;

/**
 * FL-SFN-014: a machine with no catcher anywhere that runs two or more writing Tasks (a known
 * writing AWS action, or an HTTP or API Gateway call) one after the other: a failure after the first
 * write leaves it in place with nothing to undo or record it. Lambda and activity tasks do not count
 * (their effect is unknown), nor do notifications and the start of asynchronous service jobs. Once per machine, on the first write that others follow. Silent for an
 * EXPRESS machine started synchronously (the caller sees the failure and retries the whole request)
 * and where FL-SFN-001 already reports a Map or Parallel of the machine.
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html">Handling errors in Step Functions workflows</a>
 */
public final class UncompensatedWriteSequence extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SFN-014")
            .name("UncompensatedWriteSequence")
            .severity(Severity.INFO)
            .summary("A machine without any catcher writes in two or more steps: a failure after the first write "
                    + "leaves it uncompensated.")
            .rationale("When a later step fails and nothing catches it, the execution fails with the earlier "
                    + "writes (an item put, a message sent, an API called) already done. Nothing undoes them and "
                    + "nothing records which steps completed, so a rerun may write twice and an operator has to "
                    + "reconstruct the state by hand.")
            .howToFix("Catch States.ALL on the later writing states and route to compensating steps (the saga "
                    + "pattern) or to a state that records the partial result before failing; or make the writes "
                    + "idempotent so that the whole execution can be rerun safely.")
            .tags("reliability", "step-functions", "error-handling", "saga")
            .docsUrl("https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html")
            .examplesOf(UncompensatedWriteSequence.class)
            .precision(Precision.MEDIUM)
            .build();

    public UncompensatedWriteSequence() {
        super(METADATA, Subscription.stateMachines());
    }

    @Override
    public void visitStateMachine(StateMachine machine, RuleContext ctx) {
        ResourceGraph graph = ctx.graph();
        if (Asl.hasCatcher(machine)
                || Machines.startedSynchronously(machine, ctx)
                || StrandedWork.reportedInMachine(machine, graph)) {
            return;
        }
        for (Scope scope : machine.allScopes()) {
            for (State first : scope.states().values()) {
                if (!writes(first, machine, graph)) {
                    continue;
                }
                List<State> later = new ArrayList<>();
                for (State s : Transitions.reachable(scope, Transitions.next(first), x -> true)) {
                    if (s != first && writes(s, machine, graph)) {
                        later.add(s);
                    }
                }
                if (later.isEmpty()) {
                    continue;
                }
                ctx.report(
                        Location.of(machine, first),
                        "State '" + first.name() + "' writes and " + StrandedWork.names(later)
                                + (later.size() == 1 ? " writes" : " write") + " after it, with no catcher anywhere "
                                + "in the machine; a failure after the first write leaves it in place, uncompensated "
                                + "and unrecorded");
                return;
            }
        }
    }

    /** A Task whose call changes state (see {@link #changesState}), or a Map/Parallel containing one. */
    private static boolean writes(State s, StateMachine machine, ResourceGraph graph) {
        if (s.isType("Task")) {
            return changesState(graph.taskCall(s, machine));
        }
        for (State t : StrandedWork.tasksWithin(s)) {
            if (changesState(graph.taskCall(t, machine))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a call leaves state behind that a later failure would strand: a writing AWS call or an
     * HTTP call other than a {@code GET}, but not a notification ({@code sns:publish}, {@code events:putEvents}: nothing to undo)
     * nor the start of an asynchronous service job ({@code transcribe:startTranscriptionJob},
     * {@code rekognition:startSegmentDetection}: its output is only read later). A child workflow
     * ({@code states:startExecution}) counts.
     */
    private static boolean changesState(TaskCall c) {
        if (c.readOnly() || (!c.writes() && !c.external())) {
            return false; // an HTTP GET reads, as for FL-SFN-001; another external call may write
        }
        String api = c.api();
        if (api.equals("sns:publish") || api.equals("events:putEvents")) {
            return false;
        }
        return !(c.action().startsWith("start") && !c.service().equals("states"));
    }
}
