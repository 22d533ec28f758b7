package dev.faultline.rules;

import dev.faultline.core.rule.Rule;
import java.util.List;

/**
 * Faultline's built-in rules, created directly: what {@code ServiceLoader} finds through
 * {@code META-INF/services/dev.faultline.core.rule.Rule} in this module, without reading that file
 * from the jar and creating each rule by reflection (a one-template lint spent a noticeable part of
 * its start-up there). The services file stays the registration that plugins, the Maven plugin and
 * the test harness use; {@code BuiltinRulesTest} checks that this list names the same classes in the
 * same order, so a rule added to one and not the other fails the build.
 */
public final class BuiltinRules {

    private BuiltinRules() {}

    /** @return a new instance of every built-in rule, in the order of the services file */
    public static List<Rule> all() {
        return List.of(
                new dev.faultline.rules.asl.BrokenTransition(),
                new dev.faultline.rules.asl.InvalidStateStructure(),
                new dev.faultline.rules.asl.MisplacedStatesAll(),
                new dev.faultline.rules.asl.OutOfRangeField(),
                new dev.faultline.rules.asl.QueryLanguageFieldMismatch(),
                new dev.faultline.rules.asl.UnreachableState(),
                new dev.faultline.rules.asl.InvalidErrorName(),
                new dev.faultline.rules.asl.FieldNotAllowedForStateType(),
                new dev.faultline.rules.asl.PathValueWithoutPathKey(),
                new dev.faultline.rules.esm.EsmOnFailureDestinationWrongKind(),
                new dev.faultline.rules.esm.EsmSettingUnsupportedBySource(),
                new dev.faultline.rules.esm.EsmValueOutOfRange(),
                new dev.faultline.rules.esm.SqsBatchWithoutPartialFailure(),
                new dev.faultline.rules.esm.SqsFilterDeletesMessages(),
                new dev.faultline.rules.esm.SqsMaxConcurrencyAboveReservedConcurrency(),
                new dev.faultline.rules.esm.StreamBatchWithoutBisectOrPartialFailure(),
                new dev.faultline.rules.esm.StreamMappingRetriesForever(),
                new dev.faultline.rules.esm.StreamMappingWithoutOnFailureDestination(),
                new dev.faultline.rules.events.DeadLetterQueueNotWritable(),
                new dev.faultline.rules.events.InvalidEventsDeadLetterQueue(),
                new dev.faultline.rules.events.RetryPolicyOutOfRange(),
                new dev.faultline.rules.events.RuleTargetWithoutDeadLetterQueue(),
                new dev.faultline.rules.events.ScheduleWithoutDeadLetterQueue(),
                new dev.faultline.rules.iot.TopicRuleWithoutErrorAction(),
                new dev.faultline.rules.lambda.AsyncFunctionWithoutFailureCapture(),
                new dev.faultline.rules.lambda.EventInvokeConfigOutOfRange(),
                new dev.faultline.rules.lambda.FailureSettingsNeverApply(),
                new dev.faultline.rules.lambda.EventInvokeConfigQualifierMismatch(),
                new dev.faultline.rules.lambda.FailureTargetNotPermitted(),
                new dev.faultline.rules.lambda.InvalidAsyncFailureTarget(),
                new dev.faultline.rules.lambda.ReservedConcurrencyZero(),
                new dev.faultline.rules.lambda.TriggeredFunctionDefaultTimeout(),
                new dev.faultline.rules.obs.FailureQueueWithoutAlarm(),
                new dev.faultline.rules.obs.FailureTopicWithoutSubscription(),
                new dev.faultline.rules.obs.AsyncMachineFailuresUnseen(),
                new dev.faultline.rules.pipes.StreamPipeWithoutFailureHandling(),
                new dev.faultline.rules.sfn.CallbackTaskWithoutTimeout(),
                new dev.faultline.rules.sfn.CatcherWithoutResultPath(),
                new dev.faultline.rules.sfn.ChoiceWithoutDefault(),
                new dev.faultline.rules.sfn.DistributedMapWithoutToleratedFailure(),
                new dev.faultline.rules.sfn.ExpressMachineUnsupportedIntegration(),
                new dev.faultline.rules.sfn.ExpressMachineWithoutLogging(),
                new dev.faultline.rules.sfn.HttpTaskWithoutRetry(),
                new dev.faultline.rules.sfn.LambdaTaskWithoutServiceRetry(),
                new dev.faultline.rules.sfn.RetryRerunsAllBranches(),
                new dev.faultline.rules.sfn.ShadowedRetrier(),
                new dev.faultline.rules.sfn.FailureStrandsCompletedWork(),
                new dev.faultline.rules.sfn.TaskTimeoutShorterThanFunctionTimeout(),
                new dev.faultline.rules.sfn.UnsafeRetrier(),
                new dev.faultline.rules.sns.InvalidSubscriptionDeadLetterQueue(),
                new dev.faultline.rules.sns.SubscriptionWithoutRedrivePolicy(),
                new dev.faultline.rules.sqs.DeadLetterQueueFifoMismatch(),
                new dev.faultline.rules.sqs.DeadLetterQueueRedriveAllowBlocks(),
                new dev.faultline.rules.sqs.DeadLetterQueueRetentionNotLonger(),
                new dev.faultline.rules.sqs.QueueMaxReceiveCountTooLow(),
                new dev.faultline.rules.sqs.QueueVisibilityBelowFunctionTimeout(),
                new dev.faultline.rules.sqs.QueueVisibilityBelowSixTimesTimeout(),
                new dev.faultline.rules.sqs.QueueWithoutRedrivePolicy(),
                new dev.faultline.rules.sync.ApiTimeoutExceedsIntegrationTimeout(),
                new dev.faultline.rules.sync.CognitoTriggerTimeoutTooLong(),
                new dev.faultline.rules.sfn.UncompensatedWriteSequence(),
                new dev.faultline.rules.sfn.SwallowedError(),
                new dev.faultline.rules.sfn.PollingLoopWithoutTimeout(),
                new dev.faultline.rules.sfn.ServiceTaskWithoutRetry());
    }
}
