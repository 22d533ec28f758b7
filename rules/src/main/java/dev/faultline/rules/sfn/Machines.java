package dev.faultline.rules.sfn;

import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.eval.Value;
import dev.faultline.core.graph.GraphNode;
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
        if (machine.express()) {
            return true;
        }
        Node type = property(machine, ctx, "StateMachineType", "Type");
        if (type == null || machine.template() == null) {
            return false;
        }
        Value v = ctx.evaluator(machine.template()).eval(type);
        if (v.isUnknown()) {
            return false;
        }
        List<String> alts = v.knownStrings();
        return !alts.isEmpty()
                && alts.size() == v.alternatives().size()
                && alts.stream().allMatch("EXPRESS"::equals);
    }
}
