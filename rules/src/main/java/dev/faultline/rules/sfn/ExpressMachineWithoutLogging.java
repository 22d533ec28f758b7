package dev.faultline.rules.sfn;

import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.eval.Value;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.Rule;
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
public final class ExpressMachineWithoutLogging implements Rule {

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
            .badExample("""
                    Orders:
                      Type: AWS::StepFunctions::StateMachine
                      Properties:
                        StateMachineType: EXPRESS
                        RoleArn: !GetAtt OrdersRole.Arn
                        Definition:
                          StartAt: Done
                          States: {Done: {Type: Succeed}}
                    OrdersRole:
                      Type: AWS::IAM::Role
                      Properties:
                        AssumeRolePolicyDocument:
                          Statement: [{Effect: Allow, Principal: {Service: states.amazonaws.com}, Action: sts:AssumeRole}]
                    """)
            .goodExample("""
                    Orders:
                      Type: AWS::StepFunctions::StateMachine
                      Properties:
                        StateMachineType: EXPRESS
                        RoleArn: !GetAtt OrdersRole.Arn
                        LoggingConfiguration:
                          Level: ERROR
                          IncludeExecutionData: true
                          Destinations:
                            - CloudWatchLogsLogGroup:
                                LogGroupArn: !GetAtt OrdersLogs.Arn
                        Definition:
                          StartAt: Done
                          States: {Done: {Type: Succeed}}
                    OrdersRole:
                      Type: AWS::IAM::Role
                      Properties:
                        AssumeRolePolicyDocument:
                          Statement: [{Effect: Allow, Principal: {Service: states.amazonaws.com}, Action: sts:AssumeRole}]
                    OrdersLogs:
                      Type: AWS::Logs::LogGroup
                    """)
            .precision(Precision.HIGH)
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Subscription subscription() {
        return Subscription.stateMachines();
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
            ctx.report(node, null, "Properties/LoggingConfiguration", name + " has no LoggingConfiguration; "
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
        boolean off = level != null && !v.isUnknown() && !levels.isEmpty() && levels.stream().allMatch("OFF"::equals);
        if (off) {
            ctx.report(node, level, "Properties/LoggingConfiguration/Level", name + " logs at Level OFF; Express executions keep no history, so its "
                    + "failures leave no trace anywhere");
        }
    }
}
