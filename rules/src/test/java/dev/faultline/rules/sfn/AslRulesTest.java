package dev.faultline.rules.sfn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.rules.asl.BrokenTransition;
import dev.faultline.rules.asl.InvalidStateStructure;
import dev.faultline.rules.asl.MisplacedStatesAll;
import dev.faultline.rules.asl.OutOfRangeField;
import dev.faultline.rules.asl.QueryLanguageFieldMismatch;
import dev.faultline.rules.asl.UnreachableState;
import dev.faultline.rules.sfn.TestMachines.Reported;
import java.util.List;
import org.junit.jupiter.api.Test;

class AslRulesTest {

    private static final String BROKEN = """
            StartAt: A
            States:
              A:
                Type: Task
                Resource: arn:aws:states:::sqs:sendMessage
                Catch:
                  - ErrorEquals: [States.ALL]
                    Next: Inner
                Next: Missing
              P:
                Type: Parallel
                Branches:
                  - StartAt: Inner
                    States:
                      Inner:
                        Type: Pass
                        Next: A
                End: true
              Orphan:
                Type: Succeed
            """;

    @Test
    void brokenTransitionsPerScope() {
        List<Reported> r = TestMachines.run(new BrokenTransition(), BROKEN);
        assertThat(r).extracting(Reported::line).containsExactly(9, 8, 17);
        assertThat(r.get(1).message()).contains("catcher 0 Next 'Inner'").contains("another scope");
    }

    @Test
    void unreachableStatesPerScope() {
        List<Reported> r = TestMachines.run(new UnreachableState(), BROKEN);
        assertThat(r).extracting(Reported::line).containsExactly(10, 19);
        assertThat(TestMachines.run(new UnreachableState(), "StartAt: X\nStates:\n  A:\n    Type: Succeed\n"))
                .isEmpty();
    }

    @Test
    void structuralErrors() {
        List<Reported> r = TestMachines.run(new InvalidStateStructure(), """
                StartAt: A
                States:
                  A:
                    Type: Task
                    Next: B
                    End: true
                  B:
                    Type: Choice
                    Choices:
                      - Variable: $.x
                        IsPresent: true
                    End: true
                  C:
                    Type: Wait
                    Next: A
                  D:
                    Type: Bogus
                  E:
                    Type: Pass
                  F:
                    Type: Parallel
                    Branches:
                      - StartAt: G
                        States:
                          G:
                            Type: Pass
                            Next: G
                    Next: A
                """);
        assertThat(r)
                .extracting(Reported::message)
                .anySatisfy(m -> assertThat(m).contains("has both Next and End"))
                .anySatisfy(m -> assertThat(m).contains("has no Resource"))
                .anySatisfy(m -> assertThat(m).contains("Choice rule 0 has no Next"))
                .anySatisfy(m -> assertThat(m).contains("(Choice) must not have End"))
                .anySatisfy(m -> assertThat(m).contains("has no Seconds"))
                .anySatisfy(m -> assertThat(m).contains("unknown Type 'Bogus'"))
                .anySatisfy(m -> assertThat(m).contains("State 'E' (Pass) has neither Next nor"))
                .anySatisfy(m -> assertThat(m).contains("in a branch of Parallel 'F' has no terminal state"));
        assertThat(r).hasSize(8);
    }

    @Test
    void statesAllPosition() {
        List<Reported> r = TestMachines.run(new MisplacedStatesAll(), """
                StartAt: A
                States:
                  A:
                    Type: Task
                    Resource: arn:aws:states:::sqs:sendMessage
                    Retry:
                      - ErrorEquals: [States.ALL, States.Timeout]
                    Catch:
                      - ErrorEquals: [States.ALL]
                        Next: B
                      - ErrorEquals: [States.Timeout]
                        Next: B
                    End: true
                  B:
                    Type: Succeed
                """);
        assertThat(r).extracting(Reported::line).containsExactly(7, 9);
    }

    @Test
    void outOfRangeFields() {
        List<Reported> r = TestMachines.run(new OutOfRangeField(), """
                StartAt: A
                States:
                  A:
                    Type: Task
                    Resource: arn:aws:states:::sqs:sendMessage.waitForTaskToken
                    TimeoutSeconds: 60
                    HeartbeatSeconds: 60
                    TimeoutSecondsPath: $.t
                    Retry:
                      - ErrorEquals: [States.ALL]
                        MaxAttempts: -1
                        IntervalSeconds: 0
                        BackoffRate: 0.5
                        MaxDelaySeconds: 31622401
                        JitterStrategy: PARTIAL
                    End: true
                """);
        // JitterStrategy PARTIAL (line 15) is a type error, FL-PARSE-007's
        assertThat(r).extracting(Reported::line).containsExactlyInAnyOrder(7, 8, 11, 12, 13, 14);
    }

    @Test
    void queryLanguageFields() {
        List<Reported> r = TestMachines.run(new QueryLanguageFieldMismatch(), """
                QueryLanguage: JSONata
                StartAt: A
                States:
                  A:
                    Type: Task
                    Resource: arn:aws:states:::sqs:sendMessage
                    Parameters: {}
                    Catch:
                      - ErrorEquals: [States.ALL]
                        ResultPath: $.error
                        Next: B
                    Next: B
                  B:
                    Type: Pass
                    QueryLanguage: JSONPath
                    Output: {}
                    Next: C
                  C:
                    Type: Pass
                    Output: {}
                    End: true
                """);
        assertThat(r).extracting(Reported::line).containsExactly(7, 10, 16);
    }
}
