package dev.faultline.rules.sfn;

import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.eval.Value;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.InvocationMode;
import dev.faultline.core.model.Resource;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.tree.Node;
import java.util.List;

/** Readings of the resource that owns a state machine: its type and logging configuration. */
public final class Machines {

    private Machines() {}

    /** A property of the owning resource in CloudFormation shape, falling back to the SAM name. */
    public static Node property(StateMachine machine, RuleContext ctx, String cfnName, String samName) {
        GraphNode n = ctx.graph().nodeOf(machine);
        Node v = n == null ? null : n.property(cfnName);
        if (v != null) {
            return v;
        }
        Resource r = machine.resource();
        if (r == null) {
            return null;
        }
        v = r.property(cfnName);
        if (v == null && samName != null && "AWS::Serverless::StateMachine".equals(r.type())) {
            v = r.property(samName);
        }
        return v;
    }

    /** Whether the machine is certainly EXPRESS (every known alternative of its type says so). */
    public static boolean express(StateMachine machine, RuleContext ctx) {
        return machine.express() || typeIs(machine, ctx, "EXPRESS");
    }

    /**
     * Whether the machine is certainly STANDARD: its type is absent (the default) or every known
     * alternative says STANDARD. A standalone definition (no resource) counts as STANDARD, the
     * default type, unless its loader knew it was EXPRESS.
     */
    public static boolean standard(StateMachine machine, RuleContext ctx) {
        return !machine.express() && typeIs(machine, ctx, "STANDARD");
    }

    /**
     * Whether the owning resource's type is certainly {@code want}: every alternative of the
     * evaluated value is that literal. An absent type is STANDARD (the default); an unknown one is
     * neither.
     */
    private static boolean typeIs(StateMachine machine, RuleContext ctx, String want) {
        boolean absentMatches = "STANDARD".equals(want);
        Node type = property(machine, ctx, "StateMachineType", "Type");
        if (type == null) {
            return absentMatches;
        }
        if (machine.template() == null) {
            return false;
        }
        Value v = ctx.evaluator(machine.template()).eval(type);
        if (v.isAbsent()) {
            return absentMatches;
        }
        if (v.isUnknown()) {
            return false;
        }
        List<String> alts = v.knownStrings();
        return !alts.isEmpty()
                && alts.size() == v.alternatives().size()
                && alts.stream().allMatch(want::equals);
    }

    /**
     * Whether the machine is an EXPRESS machine that something in the graph starts synchronously
     * (API Gateway {@code StartSyncExecution}, AppSync): the caller receives the failure.
     */
    public static boolean startedSynchronously(StateMachine machine, RuleContext ctx) {
        GraphNode n = ctx.graph().nodeOf(machine);
        return n != null && express(machine, ctx) && ctx.graph().invocation(n, InvocationMode.SYNC) != null;
    }
}
