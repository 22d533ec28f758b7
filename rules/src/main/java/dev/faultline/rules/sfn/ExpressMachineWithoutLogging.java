package dev.faultline.rules.sfn;

import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.eval.Value;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import java.util.List;

/**
 * FL-SFN-008: an EXPRESS state machine without {@code LoggingConfiguration} (SAM {@code Logging}),
 * or with level {@code OFF}. Express executions have no execution history in Step Functions; only
 * CloudWatch Logs record what failed.
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html">Logging Step Functions using CloudWatch Logs</a>
 */
public final class ExpressMachineWithoutLogging extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-SFN-008")
            .name("ExpressMachineWithoutLogging")
            .severity(Severity.WARNING)
            .summary("An EXPRESS state machine has no LoggingConfiguration (or level OFF).")
            .rationale("Step Functions keeps no execution history for Express workflows: the only record "
                    + "of an execution, its input and the error that failed it is what the machine sends to "
                    + "CloudWatch Logs. Without a LoggingConfiguration (SAM: Logging) or with Level OFF, "
                    + "failed executions leave no trace anywhere.")
            .howToFix("Add LoggingConfiguration with Level ERROR (or ALL), IncludeExecutionData as needed, and "
                    + "a CloudWatch Logs log group destination; the role needs the logs delivery permissions.")
            .tags("observability", "step-functions", "express", "logging")
            .docsUrl("https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html")
            .examplesOf(ExpressMachineWithoutLogging.class)
            .precision(Precision.HIGH)
            .build();

    public ExpressMachineWithoutLogging() {
        super(METADATA, Subscription.stateMachines());
    }

    @Override
    public void visitStateMachine(StateMachine machine, RuleContext ctx) {
        GraphNode node = ctx.graph().nodeOf(machine);
        if (node == null || !Machines.express(machine, ctx)) {
            return;
        }
        Node logging = Machines.property(machine, ctx, "LoggingConfiguration", "Logging");
        String name = "EXPRESS state machine '" + machine.name() + "'";
        if (logging == null) {
            ctx.report(
                    Location.of(node, "Properties/LoggingConfiguration"),
                    name + " has no LoggingConfiguration; "
                            + "Express executions keep no history, so its failures leave no trace anywhere");
            return;
        }
        MapNode cfg = logging.asMap();
        if (cfg == null) {
            return; // an intrinsic or a conditional block: unknown, stay silent
        }
        Node level = cfg.get("Level");
        Value v = ctx.eval(node, level);
        List<String> levels = v.knownStrings();
        boolean off = level != null
                && !v.isUnknown()
                && !levels.isEmpty()
                && levels.stream().allMatch("OFF"::equals);
        if (off) {
            ctx.report(
                    Location.of(node, "Properties/LoggingConfiguration/Level").at(level),
                    name + " logs at Level OFF; Express executions keep no history, so its "
                            + "failures leave no trace anywhere");
        }
    }
}
