package dev.faultline.core.asl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.asl.TaskCall.Effect;
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
            # Resource                                                  | Parameters             | integration | effect    | pattern
            arn:aws:states:::dynamodb:getItem                           | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE
            arn:aws:states:::bedrock:invokeModel                        | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE
            arn:aws:states:::aws-sdk:bedrockruntime:converse            | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE
            arn:aws:states:::aws-sdk:sagemakerruntime:invokeEndpoint    | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE
            arn:aws:states:::dynamodb:putItem                           | -                      | AWS_SERVICE | WRITES    | REQUEST_RESPONSE
            arn:aws:states:::dynamodb:updateItem                        | -                      | AWS_SERVICE | WRITES    | REQUEST_RESPONSE
            arn:aws:states:::sqs:sendMessage                            | -                      | AWS_SERVICE | WRITES    | REQUEST_RESPONSE
            arn:aws:states:::sqs:sendMessage.waitForTaskToken           | -                      | AWS_SERVICE | WRITES    | CALLBACK
            arn:aws:states:::sns:publish                                | -                      | AWS_SERVICE | WRITES    | REQUEST_RESPONSE
            arn:aws:states:::events:putEvents                           | -                      | AWS_SERVICE | WRITES    | REQUEST_RESPONSE
            arn:aws:states:::ecs:runTask.sync                           | -                      | AWS_SERVICE | WRITES    | SYNC
            arn:aws:states:::states:startExecution.sync:2               | -                      | AWS_SERVICE | WRITES    | SYNC
            arn:aws:states:::athena:getQueryResults                     | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE
            arn:aws:states:::athena:startQueryExecution.sync            | -                      | AWS_SERVICE | WRITES    | SYNC
            arn:aws:states:::aws-sdk:s3:listObjectsV2                   | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE
            arn:aws:states:::aws-sdk:s3:headObject                      | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE
            arn:aws:states:::aws-sdk:s3:putObject                       | -                      | AWS_SERVICE | WRITES    | REQUEST_RESPONSE
            arn:aws:states:::aws-sdk:s3:selectObjectContent             | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE
            arn:aws:states:::aws-sdk:dynamodb:query                     | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE
            arn:aws:states:::aws-sdk:dynamodb:scan                      | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE
            arn:aws:states:::aws-sdk:dynamodb:batchGetItem              | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE
            arn:aws:states:::aws-sdk:dynamodb:batchWriteItem            | -                      | AWS_SERVICE | WRITES    | REQUEST_RESPONSE
            arn:aws:states:::aws-sdk:ec2:describeInstances              | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE
            arn:aws:states:::aws-sdk:opensearch:searchDomains           | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE
            arn:aws:states:::aws-sdk:rekognition:detectLabels           | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE
            arn:aws:states:::aws-sdk:textract:analyzeDocument           | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE
            arn:aws:states:::states:describeExecution                   | -                      | AWS_SERVICE | READ_ONLY | REQUEST_RESPONSE
            arn:aws:states:::aws-sdk:lambda:invoke                      | -                      | LAMBDA      | UNKNOWN   | REQUEST_RESPONSE
            arn:aws:states:::lambda:invoke                              | -                      | LAMBDA      | UNKNOWN   | REQUEST_RESPONSE
            arn:aws:states:::lambda:invoke.waitForTaskToken             | -                      | LAMBDA      | UNKNOWN   | CALLBACK
            arn:${AWS::Partition}:states:::lambda:invoke                | -                      | LAMBDA      | UNKNOWN   | REQUEST_RESPONSE
            arn:aws:lambda:us-east-1:123456789012:function:charge       | -                      | LAMBDA      | UNKNOWN   | REQUEST_RESPONSE
            arn:aws:states:us-east-1:123456789012:activity:review       | -                      | ACTIVITY    | UNKNOWN   | CALLBACK
            arn:aws:states:::http:invoke                                | {"Method": "GET"}      | HTTP        | READ_ONLY | REQUEST_RESPONSE
            arn:aws:states:::http:invoke                                | {"Method": "POST"}     | HTTP        | WRITES    | REQUEST_RESPONSE
            arn:aws:states:::http:invoke                                | {"Method.$": "$.verb"} | HTTP        | UNKNOWN   | REQUEST_RESPONSE
            arn:aws:states:::apigateway:invoke                          | {"Method": "head"}     | API_GATEWAY | READ_ONLY | REQUEST_RESPONSE
            arn:aws:states:::apigateway:invoke                          | {"Method": "DELETE"}   | API_GATEWAY | WRITES    | REQUEST_RESPONSE
            arn:aws:states:::apigateway:invoke.waitForTaskToken         | -                      | API_GATEWAY | UNKNOWN   | CALLBACK
            arn:aws:states:::aws-sdk:${Service}:putItem                 | -                      | AWS_SERVICE | UNKNOWN   | REQUEST_RESPONSE
            ${WorkerArn}                                                | -                      | UNKNOWN     | UNKNOWN   | REQUEST_RESPONSE
            {% $states.input.arn %}                                     | -                      | UNKNOWN     | UNKNOWN   | REQUEST_RESPONSE
            """)
    void classifiesTheResource(
            String resource, String parameters, Integration integration, Effect effect, Pattern pattern) {
        MapNode args = parameters == null ? null : (MapNode) JsonTree.parse("t.json", parameters);
        TaskCall call = TaskCall.of(resource, args);
        assertThat(call.integration()).isEqualTo(integration);
        assertThat(call.effect()).isEqualTo(effect);
        assertThat(call.pattern()).isEqualTo(pattern);
        assertThat(call.readOnly()).isEqualTo(effect == Effect.READ_ONLY);
        assertThat(call.writes()).isEqualTo(effect == Effect.WRITES);
    }
}
