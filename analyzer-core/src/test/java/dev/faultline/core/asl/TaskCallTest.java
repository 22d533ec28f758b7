package dev.faultline.core.asl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.asl.TaskCall.Effect;
import dev.faultline.core.asl.TaskCall.Form;
import dev.faultline.core.asl.TaskCall.Integration;
import dev.faultline.core.asl.TaskCall.Pattern;
import dev.faultline.core.testing.JsonTree;
import dev.faultline.core.tree.MapNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The read-only / writing classification of task resources, one row per kind of Resource. */
class TaskCallTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # Resource                                                  | Parameters             | integration | effect    | pattern          | form
            arn:aws:states:::dynamodb:getItem                           | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE | OPTIMIZED
            arn:aws:states:::bedrock:invokeModel                        | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE | OPTIMIZED
            arn:aws:states:::aws-sdk:bedrockruntime:converse            | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE | SDK
            arn:aws:states:::aws-sdk:sagemakerruntime:invokeEndpoint    | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE | SDK
            arn:aws:states:::dynamodb:putItem                           | -                      | AWS_SERVICE | WRITES    | REQUEST_RESPONSE | OPTIMIZED
            arn:aws:states:::dynamodb:updateItem                        | -                      | AWS_SERVICE | WRITES    | REQUEST_RESPONSE | OPTIMIZED
            arn:aws:states:::sqs:sendMessage                            | -                      | AWS_SERVICE | WRITES    | REQUEST_RESPONSE | OPTIMIZED
            arn:aws:states:::sqs:sendMessage.waitForTaskToken           | -                      | AWS_SERVICE | WRITES    | CALLBACK        | OPTIMIZED
            arn:aws:states:::sns:publish                                | -                      | AWS_SERVICE | WRITES    | REQUEST_RESPONSE | OPTIMIZED
            arn:aws:states:::events:putEvents                           | -                      | AWS_SERVICE | WRITES    | REQUEST_RESPONSE | OPTIMIZED
            arn:aws:states:::ecs:runTask.sync                           | -                      | AWS_SERVICE | WRITES    | SYNC            | OPTIMIZED
            arn:aws:states:::states:startExecution.sync:2               | -                      | AWS_SERVICE | WRITES    | SYNC            | OPTIMIZED
            arn:aws:states:::athena:getQueryResults                     | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE | OPTIMIZED
            arn:aws:states:::athena:startQueryExecution.sync            | -                      | AWS_SERVICE | WRITES    | SYNC            | OPTIMIZED
            arn:aws:states:::aws-sdk:s3:listObjectsV2                   | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE | SDK
            arn:aws:states:::aws-sdk:s3:headObject                      | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE | SDK
            arn:aws:states:::aws-sdk:s3:putObject                       | -                      | AWS_SERVICE | WRITES    | REQUEST_RESPONSE | SDK
            arn:aws:states:::aws-sdk:s3:selectObjectContent             | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE | SDK
            arn:aws:states:::aws-sdk:dynamodb:query                     | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE | SDK
            arn:aws:states:::aws-sdk:dynamodb:scan                      | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE | SDK
            arn:aws:states:::aws-sdk:dynamodb:batchGetItem              | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE | SDK
            arn:aws:states:::aws-sdk:dynamodb:batchWriteItem            | -                      | AWS_SERVICE | WRITES    | REQUEST_RESPONSE | SDK
            arn:aws:states:::aws-sdk:ec2:describeInstances              | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE | SDK
            arn:aws:states:::aws-sdk:opensearch:searchDomains           | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE | SDK
            arn:aws:states:::aws-sdk:rekognition:detectLabels           | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE | SDK
            arn:aws:states:::aws-sdk:textract:analyzeDocument           | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE | SDK
            arn:aws:states:::states:describeExecution                   | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE | OPTIMIZED
            arn:aws:states:::aws-sdk:lambda:invoke                      | -                      | LAMBDA      | UNKNOWN   | REQUEST_RESPONSE | SDK
            arn:aws:states:::lambda:invoke                              | -                      | LAMBDA      | UNKNOWN   | REQUEST_RESPONSE | OPTIMIZED
            arn:aws:states:::lambda:invoke.waitForTaskToken             | -                      | LAMBDA      | UNKNOWN   | CALLBACK        | OPTIMIZED
            arn:${AWS::Partition}:states:::lambda:invoke                | -                      | LAMBDA      | UNKNOWN   | REQUEST_RESPONSE | OPTIMIZED
            arn:aws:lambda:us-east-1:123456789012:function:charge       | -                      | LAMBDA      | UNKNOWN   | REQUEST_RESPONSE | TARGET_ARN
            arn:aws:states:us-east-1:123456789012:activity:review       | -                      | ACTIVITY    | UNKNOWN   | CALLBACK        | TARGET_ARN
            arn:aws:states:::http:invoke                                | {"Method": "GET"}      | HTTP        | READ_ONLY | REQUEST_RESPONSE | OPTIMIZED
            arn:aws:states:::http:invoke                                | {"Method": "POST"}     | HTTP        | WRITES    | REQUEST_RESPONSE | OPTIMIZED
            arn:aws:states:::http:invoke                                | {"Method.$": "$.verb"} | HTTP        | UNKNOWN   | REQUEST_RESPONSE | OPTIMIZED
            arn:aws:states:::apigateway:invoke                          | {"Method": "head"}     | API_GATEWAY | READ_ONLY | REQUEST_RESPONSE | OPTIMIZED
            arn:aws:states:::apigateway:invoke                          | {"Method": "DELETE"}   | API_GATEWAY | WRITES    | REQUEST_RESPONSE | OPTIMIZED
            arn:aws:states:::apigateway:invoke.waitForTaskToken         | -                      | API_GATEWAY | UNKNOWN   | CALLBACK        | OPTIMIZED
            arn:aws:states:::aws-sdk:${Service}:putItem                 | -                      | AWS_SERVICE | UNKNOWN   | REQUEST_RESPONSE | SDK
            ${WorkerArn}                                                | -                      | UNKNOWN     | UNKNOWN   | REQUEST_RESPONSE | UNKNOWN
            {% $states.input.arn %}                                     | -                      | UNKNOWN     | UNKNOWN   | REQUEST_RESPONSE | UNKNOWN
            """)
    void classifiesTheResource(
            String resource, String parameters, Integration integration, Effect effect, Pattern pattern, Form form) {
        MapNode args = parameters == null ? null : (MapNode) JsonTree.parse("t.json", parameters);
        TaskCall call = TaskCall.of(resource, args);
        assertThat(call.integration()).isEqualTo(integration);
        assertThat(call.effect()).isEqualTo(effect);
        assertThat(call.pattern()).isEqualTo(pattern);
        assertThat(call.form()).isEqualTo(form);
        assertThat(call.lambdaTask()).isEqualTo(integration == Integration.LAMBDA && form != Form.SDK);
        assertThat(call.readOnly()).isEqualTo(effect == Effect.READ_ONLY);
        assertThat(call.writes()).isEqualTo(effect == Effect.WRITES);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            LAMBDA   | lambda:invoke | REQUEST_RESPONSE
            ACTIVITY | ''            | CALLBACK
            """)
    void aPlaceholderResolvedByTheGraphIsTheTargetsArn(Integration resolved, String api, Pattern pattern) {
        TaskCall call = TaskCall.of("${WorkerArn}", null).as(resolved);
        assertThat(call.integration()).isEqualTo(resolved);
        assertThat(call.form()).isEqualTo(Form.TARGET_ARN);
        assertThat(call.api()).isEqualTo(api);
        assertThat(call.pattern()).isEqualTo(pattern);
        assertThat(call.effect()).isEqualTo(Effect.UNKNOWN);
    }
}
