package dev.faultline.rules.sfn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.rules.sfn.TestMachines.Reported;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepFunctionsRulesTest {

    private static final String LAMBDA_RETRY = """
                Retry:
                  - ErrorEquals: [Lambda.ServiceException, Lambda.AWSLambdaException, Lambda.SdkClientException]
                    IntervalSeconds: 2
                    MaxAttempts: 3
                    BackoffRate: 2
            """;

    @Test
    void lambdaServiceRetryRecognisesBothFormsAndWildcards() {
        String def = """
                StartAt: A
                States:
                  A:
                    Type: Task
                    Resource: arn:aws:states:::lambda:invoke.waitForTaskToken
                    Next: B
                  B:
                    Type: Task
                    Resource: arn:aws:lambda:us-east-1:123456789012:function:charge
                    Retry:
                      - ErrorEquals: [States.TaskFailed]
                    Next: C
                  C:
                    Type: Task
                    Resource: arn:aws:lambda:us-east-1:123456789012:function:charge:live
                    Retry:
                      - ErrorEquals: [Lambda.ServiceException]
                        MaxAttempts: 0
                      - ErrorEquals: [States.ALL]
                    Next: D
                  D:
                    Type: Task
                    Resource: arn:aws:states:::lambda:invoke
                    Retry:
                      - ErrorEquals: [Lambda.ServiceException]
                    End: true
                """;
        List<Reported> r = TestMachines.run(new LambdaTaskWithoutServiceRetry(), def);
        assertThat(r).extracting(Reported::line).containsExactly(3, 17, 25);
        assertThat(r.get(1).message()).contains("does not retry Lambda.ServiceException");
        assertThat(r.get(2).message()).contains("Lambda.AWSLambdaException, Lambda.SdkClientException");
    }

    @Test
    void worstCaseRetryTimeSumsCappedIntervals() {
        assertThat(UnsafeRetrier.worstCase(1, 2, 3, Double.POSITIVE_INFINITY)).isEqualTo(7.0);
        assertThat(UnsafeRetrier.worstCase(2, 2, 6, Double.POSITIVE_INFINITY)).isEqualTo(126.0);
        assertThat(UnsafeRetrier.worstCase(10, 2, 10, 60)).isEqualTo(10 + 20 + 40 + 60 * 7);
        assertThat(UnsafeRetrier.worstCase(5, 1, 4, Double.POSITIVE_INFINITY)).isEqualTo(20.0);
        assertThat(UnsafeRetrier.worstCase(1, 2, 0, 10)).isZero();
        assertThat(UnsafeRetrier.worstCase(1, 3, 99_999_999, Double.POSITIVE_INFINITY))
                .isGreaterThan(1e15);
    }

    @Test
    void unsafeRetrierComparesWithTimeoutsAndFlagsUncappedAndJitterCases() {
        List<Reported> r = TestMachines.run(new UnsafeRetrier(), """
                TimeoutSeconds: 600
                StartAt: A
                States:
                  A:
                    Type: Task
                    Resource: arn:aws:states:::sqs:sendMessage
                    Retry:
                      - ErrorEquals: [States.Timeout]
                        IntervalSeconds: 60
                        MaxAttempts: 5
                    Next: B
                  B:
                    Type: Task
                    Resource: arn:aws:states:::sqs:sendMessage
                    TimeoutSeconds: 100
                    Retry:
                      - ErrorEquals: [States.ALL]
                        IntervalSeconds: 5
                        MaxAttempts: 3
                        BackoffRate: 1
                    Next: C
                  C:
                    Type: Task
                    Resource: arn:aws:states:::sqs:sendMessage
                    Retry:
                      - ErrorEquals: [States.ALL]
                        IntervalSeconds: 2
                        MaxAttempts: 6
                      - ErrorEquals: [States.ALL]
                        IntervalSeconds: 2
                        MaxAttempts: 6
                        JitterStrategy: FULL
                      - ErrorEquals: [States.ALL]
                        IntervalSeconds: 2
                        MaxAttempts: 6
                        MaxDelaySeconds: 30
                        JitterStrategy: FULL
                    End: true
                """);
        assertThat(r).extracting(Reported::line).containsExactlyInAnyOrder(8, 26);
        assertThat(r.stream()
                        .filter(x -> x.line() == 8)
                        .findFirst()
                        .orElseThrow()
                        .message())
                .contains("can wait up to 1860 s in total over 5 retries")
                .contains("machine's TimeoutSeconds 600 s");
        assertThat(r.stream()
                        .filter(x -> x.line() == 26)
                        .findFirst()
                        .orElseThrow()
                        .message())
                .contains("without JitterStrategy FULL")
                .doesNotContain("more retriers");

        List<Reported> perAttempt = TestMachines.run(new UnsafeRetrier(), """
                TimeoutSeconds: 300
                StartAt: A
                States:
                  A:
                    Type: Task
                    Resource: arn:aws:states:::sqs:sendMessage
                    TimeoutSeconds: 100
                    Retry:
                      - ErrorEquals: [States.Timeout]
                        IntervalSeconds: 5
                        JitterStrategy: FULL
                    End: true
                """);
        assertThat(perAttempt)
                .singleElement()
                .satisfies(x ->
                        assertThat(x.message()).contains("can wait up to 35 s").contains("the state can take 435 s"));

        List<Reported> uncapped = TestMachines.run(new UnsafeRetrier(), """
                StartAt: A
                States:
                  A:
                    Type: Task
                    Resource: arn:aws:states:::sqs:sendMessage
                    Retry:
                      - ErrorEquals: [States.ALL]
                        IntervalSeconds: 10
                        MaxAttempts: 10
                        JitterStrategy: FULL
                    End: true
                """);
        assertThat(uncapped)
                .singleElement()
                .satisfies(
                        x -> assertThat(x.message()).contains("10230 s (2.8 h)").contains("more than one hour"));
    }

    @Test
    void jitterIsReportedOncePerMachineAndNeverOnTheRecommendedLambdaRetrier() {
        List<Reported> r = TestMachines.run(new UnsafeRetrier(), """
                StartAt: A
                States:
                  A:
                    Type: Task
                    Resource: arn:aws:states:::lambda:invoke
                    Retry:
                      - ErrorEquals: [Lambda.ClientExecutionTimeoutException, Lambda.ServiceException, Lambda.AWSLambdaException, Lambda.SdkClientException]
                        IntervalSeconds: 2
                        MaxAttempts: 6
                        BackoffRate: 2
                    Next: B
                  B:
                    Type: Task
                    Resource: arn:aws:states:::sqs:sendMessage
                    Retry:
                      - ErrorEquals: [States.TaskFailed]
                        MaxAttempts: 5
                    Next: C
                  C:
                    Type: Task
                    Resource: arn:aws:states:::sqs:sendMessage
                    Retry:
                      - ErrorEquals: [States.TaskFailed]
                        MaxAttempts: 4
                    End: true
                """);
        assertThat(r).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(16);
            assertThat(x.message()).contains("as do 1 more retriers of this machine");
        });
    }

    @Test
    void callbackSyncAndActivityTimeouts() {
        List<Reported> r = TestMachines.run(new CallbackTaskWithoutTimeout(), """
                StartAt: A
                States:
                  A:
                    Type: Task
                    Resource: arn:aws:states:::sqs:sendMessage.waitForTaskToken
                    Next: B
                  B:
                    Type: Task
                    Resource: arn:aws:states:::sqs:sendMessage.waitForTaskToken
                    HeartbeatSeconds: 60
                    Next: C
                  C:
                    Type: Task
                    Resource: arn:aws:states:::states:startExecution.sync:2
                    HeartbeatSeconds: 60
                    Next: D
                  D:
                    Type: Task
                    Resource: arn:aws:states:us-east-1:123456789012:activity:approve
                    Next: E
                  E:
                    Type: Task
                    Resource: arn:aws:states:::ecs:runTask.sync
                    TimeoutSeconds: 900
                    End: true
                """);
        assertThat(r).extracting(Reported::line).containsExactly(5, 14, 19);
        assertThat(r.get(2).message()).contains("activity worker");
    }

    @Test
    void callbackTimeoutMessageNamesTheMachineTimeoutWhenOneBoundsTheWait() {
        List<Reported> r = TestMachines.run(new CallbackTaskWithoutTimeout(), """
                StartAt: A
                TimeoutSeconds: 3600
                States:
                  A:
                    Type: Task
                    Resource: arn:aws:states:::ecs:runTask.sync
                    Next: B
                  B:
                    Type: Task
                    Resource: arn:aws:states:::sqs:sendMessage.waitForTaskToken
                    End: true
                """);
        assertThat(r).extracting(Reported::line).containsExactly(6, 10);
        assertThat(r)
                .allSatisfy(x -> assertThat(x.message())
                        .contains("until the machine's TimeoutSeconds 3600 s ends it with States.Timeout")
                        .doesNotContain("up to a year"));
    }

    @Test
    void catcherResultPathIgnoresJsonataAndFailTargets() {
        List<Reported> r = TestMachines.run(new CatcherWithoutResultPath(), """
                StartAt: A
                States:
                  A:
                    Type: Task
                    Resource: arn:aws:states:::sqs:sendMessage
                    Catch:
                      - ErrorEquals: [States.Timeout]
                        Next: Failed
                      - ErrorEquals: [States.ALL]
                        Next: Compensate
                    Next: J
                  J:
                    Type: Task
                    QueryLanguage: JSONata
                    Resource: arn:aws:states:::sqs:sendMessage
                    Catch:
                      - ErrorEquals: [States.ALL]
                        Next: Compensate
                    End: true
                  Compensate:
                    Type: Pass
                    Parameters:
                      orderId.$: $.orderId
                      reason.$: $.Cause
                    End: true
                  Failed:
                    Type: Fail
                """);
        assertThat(r).extracting(Reported::line).containsExactly(9);
        assertThat(r.get(0).message()).contains("fallback 'Compensate'").contains("reads $.orderId");

        List<Reported> errorOnly = TestMachines.run(new CatcherWithoutResultPath(), """
                StartAt: A
                States:
                  A:
                    Type: Task
                    Resource: arn:aws:states:::sqs:sendMessage
                    Catch:
                      - ErrorEquals: [States.ALL]
                        Next: Log
                    Next: Done
                  Log:
                    Type: Pass
                    Parameters:
                      error.$: States.Format('{} {}', $.Error, $.Cause)
                      execution.$: $$.Execution.Id
                    Next: Release
                  Release:
                    Type: Task
                    Resource: arn:aws:states:::sqs:sendMessage
                    Parameters:
                      MessageBody.$: $
                    End: true
                  Done:
                    Type: Succeed
                """);
        assertThat(errorOnly)
                .as("the fallback reads only the error fields; the Task after it receives the Pass state's output")
                .isEmpty();
    }

    @Test
    void httpTaskNeedsATransientRetrier() {
        List<Reported> r = TestMachines.run(new HttpTaskWithoutRetry(), """
                StartAt: A
                States:
                  A:
                    Type: Task
                    Resource: arn:aws:states:::http:invoke
                    Retry:
                      - ErrorEquals: [States.Http.StatusCode.400]
                    Next: B
                  B:
                    Type: Task
                    Resource: arn:aws:states:::http:invoke
                    Retry:
                      - ErrorEquals: [States.Http.StatusCode.429]
                    End: true
                """);
        assertThat(r).extracting(Reported::line).containsExactly(7);
    }

    @Test
    void distributedMapToleranceAndExpressChildren() {
        String def = """
                StartAt: M
                States:
                  M:
                    Type: Map
                    ItemProcessor:
                      ProcessorConfig:
                        Mode: DISTRIBUTED
                        ExecutionType: EXPRESS
                      StartAt: W
                      States:
                        W:
                          Type: Task
                          Resource: arn:aws:states:::sqs:sendMessage.waitForTaskToken
                          TimeoutSeconds: 60
                          End: true
                    End: true
                """;
        assertThat(TestMachines.run(new DistributedMapWithoutToleratedFailure(), def))
                .as("FL-SFN-001 reports this Map")
                .isEmpty();
        assertThat(TestMachines.run(
                        new DistributedMapWithoutToleratedFailure(),
                        def.replace("sqs:sendMessage.waitForTaskToken", "dynamodb:getItem")))
                .extracting(Reported::line)
                .containsExactly(3);
        assertThat(TestMachines.run(new DistributedMapWithoutToleratedFailure(), """
                        StartAt: M
                        States:
                          M:
                            Type: Map
                            ItemProcessor:
                              ProcessorConfig:
                                Mode: DISTRIBUTED
                                ExecutionType: EXPRESS
                              StartAt: P
                              States:
                                P:
                                  Type: Pass
                                  End: true
                            End: true
                        """))
                .as("no Task in the processor")
                .isEmpty();
        assertThat(TestMachines.run(new ExpressMachineUnsupportedIntegration(), def))
                .singleElement()
                .satisfies(x -> assertThat(x.message()).contains("EXPRESS child executions of distributed Map 'M'"));
        assertThat(TestMachines.run(new ChoiceWithoutDefault(), def)).isEmpty();
        assertThat(TestMachines.run(new FailureStrandsCompletedWork(), def))
                .extracting(Reported::line)
                .containsExactly(3);
    }

    @Test
    void expressMachineRejectsCallbacks() {
        String def = """
                StartAt: A
                States:
                  A:
                    Type: Task
                    Resource: arn:aws:states:::lambda:invoke.waitForTaskToken
                    TimeoutSeconds: 60
                    End: true
                """;
        assertThat(TestMachines.run(new ExpressMachineUnsupportedIntegration(), def, true))
                .hasSize(1);
        assertThat(TestMachines.run(new ExpressMachineUnsupportedIntegration(), def, false))
                .isEmpty();
    }

    @Test
    void lambdaRetrierConstantIsUsedInFixtures() {
        assertThat(LAMBDA_RETRY).contains("Lambda.SdkClientException");
    }
}
