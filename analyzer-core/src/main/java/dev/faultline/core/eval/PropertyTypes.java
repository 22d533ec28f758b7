package dev.faultline.core.eval;

import static dev.faultline.core.eval.ValueType.ARN;
import static dev.faultline.core.eval.ValueType.BOOLEAN;
import static dev.faultline.core.eval.ValueType.INTEGER;
import static dev.faultline.core.eval.ValueType.JSON;
import static dev.faultline.core.eval.ValueType.OBJECT;
import static dev.faultline.core.eval.ValueType.STRICT_INTEGER;
import static dev.faultline.core.eval.ValueType.STRICT_NUMBER;
import static dev.faultline.core.eval.ValueType.STRING;
import static dev.faultline.core.eval.ValueType.listOf;
import static dev.faultline.core.eval.ValueType.oneOf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The types of the properties and States Language fields that the graph and the rules read, from
 * the AWS CloudFormation resource specification and the States Language specification. A path is
 * below {@code Properties} (or below a state), {@code /}-separated, {@code *} for every item of a
 * list; a path below a {@link ValueType#JSON} property reads into the document, whether it is
 * written as a mapping or as a JSON string. Parents come before their children.
 *
 * <p>Only what a rule or the linker reads is listed: a wrong literal there silences a check, so it
 * is reported (FL-PARSE-007) and read as unknown. Ranges are not types: a number out of its range
 * is the business of the range rules (FL-ESM-006, FL-LAMBDA-002, FL-EVENTS-002, FL-ASL-005).
 */
public final class PropertyTypes {

    /** A typed path. */
    public record Typed(String path, List<String> segments, ValueType type) {}

    private static final ValueType STARTING_POSITION = oneOf("TRIM_HORIZON", "LATEST", "AT_TIMESTAMP");
    private static final ValueType DESTINATION_TYPE = oneOf("SQS", "SNS", "Lambda", "EventBridge", "S3Bucket");
    private static final Map<String, List<Typed>> BY_TYPE = new LinkedHashMap<>();
    private static final List<Typed> ASL_STATE = new ArrayList<>();
    private static final List<Typed> ASL_RETRIER = new ArrayList<>();
    private static final List<Typed> ASL_MACHINE = new ArrayList<>();

    static {
        type(
                "AWS::SQS::Queue",
                "VisibilityTimeout",
                INTEGER,
                "MessageRetentionPeriod",
                INTEGER,
                "FifoQueue",
                BOOLEAN,
                "QueueName",
                STRING,
                "RedrivePolicy",
                JSON,
                "RedrivePolicy/deadLetterTargetArn",
                ARN,
                "RedrivePolicy/maxReceiveCount",
                INTEGER,
                "RedriveAllowPolicy",
                JSON,
                "RedriveAllowPolicy/redrivePermission",
                oneOf("allowAll", "denyAll", "byQueue"));
        type(
                "AWS::SNS::Topic",
                "FifoTopic",
                BOOLEAN,
                "TopicName",
                STRING,
                "Subscription",
                listOf(OBJECT),
                "Subscription/*/Protocol",
                STRING,
                "Subscription/*/Endpoint",
                STRING);
        type(
                "AWS::SNS::Subscription",
                "Protocol",
                STRING,
                "TopicArn",
                ARN,
                "Endpoint",
                STRING,
                "RedrivePolicy",
                JSON,
                "RedrivePolicy/deadLetterTargetArn",
                ARN);
        type(
                "AWS::Lambda::Function",
                "Timeout",
                INTEGER,
                "ReservedConcurrentExecutions",
                INTEGER,
                "DeadLetterConfig",
                OBJECT,
                "DeadLetterConfig/TargetArn",
                ARN,
                "FunctionName",
                STRING);
        type(
                "AWS::Lambda::EventSourceMapping",
                "BatchSize",
                INTEGER,
                "BisectBatchOnFunctionError",
                BOOLEAN,
                "Enabled",
                BOOLEAN,
                "MaximumBatchingWindowInSeconds",
                INTEGER,
                "MaximumRecordAgeInSeconds",
                INTEGER,
                "MaximumRetryAttempts",
                INTEGER,
                "ParallelizationFactor",
                INTEGER,
                "TumblingWindowInSeconds",
                INTEGER,
                "StartingPosition",
                STARTING_POSITION,
                "FunctionResponseTypes",
                listOf(oneOf("ReportBatchItemFailures")),
                "ScalingConfig",
                OBJECT,
                "ScalingConfig/MaximumConcurrency",
                INTEGER,
                "DestinationConfig",
                OBJECT,
                "DestinationConfig/OnFailure",
                OBJECT,
                // an ARN, or kafka://topic for Kafka sources
                "DestinationConfig/OnFailure/Destination",
                STRING,
                "EventSourceArn",
                ARN,
                "FunctionName",
                STRING);
        type(
                "AWS::Lambda::EventInvokeConfig",
                "MaximumEventAgeInSeconds",
                INTEGER,
                "MaximumRetryAttempts",
                INTEGER,
                "Qualifier",
                STRING,
                "FunctionName",
                STRING,
                "DestinationConfig",
                OBJECT,
                "DestinationConfig/OnFailure",
                OBJECT,
                "DestinationConfig/OnFailure/Destination",
                ARN,
                "DestinationConfig/OnSuccess",
                OBJECT,
                "DestinationConfig/OnSuccess/Destination",
                ARN);
        type(
                "AWS::Events::Rule",
                "EventBusName",
                STRING,
                "Targets",
                listOf(OBJECT),
                "Targets/*/Arn",
                ARN,
                "Targets/*/Id",
                STRING,
                "Targets/*/RetryPolicy",
                OBJECT,
                "Targets/*/RetryPolicy/MaximumRetryAttempts",
                INTEGER,
                "Targets/*/RetryPolicy/MaximumEventAgeInSeconds",
                INTEGER,
                "Targets/*/DeadLetterConfig",
                OBJECT,
                "Targets/*/DeadLetterConfig/Arn",
                ARN);
        type(
                "AWS::Scheduler::Schedule",
                "Target",
                OBJECT,
                "Target/Arn",
                ARN,
                "Target/RoleArn",
                ARN,
                "Target/RetryPolicy",
                OBJECT,
                "Target/RetryPolicy/MaximumRetryAttempts",
                INTEGER,
                "Target/RetryPolicy/MaximumEventAgeInSeconds",
                INTEGER,
                "Target/DeadLetterConfig",
                OBJECT,
                "Target/DeadLetterConfig/Arn",
                ARN);
        type("AWS::Kinesis::Stream", "RetentionPeriodHours", INTEGER);
        type(
                "AWS::StepFunctions::StateMachine",
                "StateMachineType",
                oneOf("STANDARD", "EXPRESS"),
                "LoggingConfiguration",
                OBJECT,
                "LoggingConfiguration/Level",
                oneOf("ALL", "ERROR", "FATAL", "OFF"));
        for (String p : List.of("KinesisStreamParameters", "DynamoDBStreamParameters")) {
            String s = "SourceParameters/" + p + "/";
            type(
                    "AWS::Pipes::Pipe",
                    s + "MaximumRetryAttempts",
                    INTEGER,
                    s + "MaximumRecordAgeInSeconds",
                    INTEGER,
                    s + "StartingPosition",
                    oneOf("TRIM_HORIZON", "LATEST"),
                    s + "DeadLetterConfig",
                    OBJECT,
                    s + "DeadLetterConfig/Arn",
                    ARN);
        }
        type("AWS::ApiGateway::Method", "Integration", OBJECT, "Integration/TimeoutInMillis", INTEGER);
        type("AWS::ApiGatewayV2::Integration", "TimeoutInMillis", INTEGER);
        // SAM shorthand kept on the function node (the rest becomes implied nodes of the types above)
        type(
                "AWS::Serverless::Function",
                "DeadLetterQueue",
                OBJECT,
                "DeadLetterQueue/Type",
                oneOf("SQS", "SNS"),
                "DeadLetterQueue/TargetArn",
                ARN,
                "EventInvokeConfig",
                OBJECT,
                "EventInvokeConfig/MaximumEventAgeInSeconds",
                INTEGER,
                "EventInvokeConfig/MaximumRetryAttempts",
                INTEGER,
                "EventInvokeConfig/DestinationConfig",
                OBJECT,
                "EventInvokeConfig/DestinationConfig/OnFailure",
                OBJECT,
                "EventInvokeConfig/DestinationConfig/OnFailure/Type",
                DESTINATION_TYPE,
                "EventInvokeConfig/DestinationConfig/OnSuccess",
                OBJECT,
                "EventInvokeConfig/DestinationConfig/OnSuccess/Type",
                DESTINATION_TYPE);

        add(ASL_MACHINE, "TimeoutSeconds", STRICT_INTEGER);
        add(ASL_MACHINE, "QueryLanguage", oneOf("JSONPath", "JSONata"));
        add(ASL_STATE, "TimeoutSeconds", STRICT_INTEGER);
        add(ASL_STATE, "HeartbeatSeconds", STRICT_INTEGER);
        add(ASL_STATE, "Seconds", STRICT_INTEGER);
        add(ASL_STATE, "MaxConcurrency", STRICT_INTEGER);
        add(ASL_STATE, "ToleratedFailurePercentage", STRICT_NUMBER);
        add(ASL_STATE, "ToleratedFailureCount", STRICT_INTEGER);
        add(ASL_STATE, "QueryLanguage", oneOf("JSONPath", "JSONata"));
        add(ASL_STATE, "ItemBatcher/MaxItemsPerBatch", STRICT_INTEGER);
        add(ASL_STATE, "ItemBatcher/MaxInputBytesPerBatch", STRICT_INTEGER);
        add(ASL_STATE, "ItemReader/ReaderConfig/MaxItems", STRICT_INTEGER);
        add(ASL_STATE, "ItemProcessor/ProcessorConfig/Mode", oneOf("INLINE", "DISTRIBUTED"));
        add(ASL_STATE, "ItemProcessor/ProcessorConfig/ExecutionType", oneOf("STANDARD", "EXPRESS"));
        add(ASL_RETRIER, "MaxAttempts", STRICT_INTEGER);
        add(ASL_RETRIER, "IntervalSeconds", STRICT_INTEGER);
        add(ASL_RETRIER, "MaxDelaySeconds", STRICT_INTEGER);
        add(ASL_RETRIER, "BackoffRate", STRICT_NUMBER);
        add(ASL_RETRIER, "JitterStrategy", oneOf("FULL", "NONE"));
    }

    private PropertyTypes() {}

    private static void type(String resourceType, Object... pathsAndTypes) {
        List<Typed> list = BY_TYPE.computeIfAbsent(resourceType, k -> new ArrayList<>());
        for (int i = 0; i < pathsAndTypes.length; i += 2) {
            add(list, (String) pathsAndTypes[i], (ValueType) pathsAndTypes[i + 1]);
        }
    }

    private static void add(List<Typed> list, String path, ValueType type) {
        list.add(new Typed(path, List.of(path.split("/")), type));
    }

    /**
     * @param resourceType a CloudFormation type ({@code AWS::SQS::Queue}), or {@code AWS::Serverless::Function}
     *                     for the SAM shorthand that stays on a function
     * @return its typed properties (empty when none is read)
     */
    public static List<Typed> of(String resourceType) {
        return BY_TYPE.getOrDefault(resourceType, List.of());
    }

    /** @return the typed fields of a state (any type; a field absent from a state is not judged) */
    public static List<Typed> aslState() {
        return ASL_STATE;
    }

    /** @return the typed fields of a retrier */
    public static List<Typed> aslRetrier() {
        return ASL_RETRIER;
    }

    /** @return the typed fields at the top of a definition */
    public static List<Typed> aslMachine() {
        return ASL_MACHINE;
    }
}
