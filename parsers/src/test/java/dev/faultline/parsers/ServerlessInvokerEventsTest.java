package dev.faultline.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.Project;
import dev.faultline.core.model.Resource;
import dev.faultline.core.model.Template;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kafka, msk, activemq, rabbitmq, cloudwatchLog, iot, cognitoUserPool, alb, http, httpApi and
 * websocket events of {@code serverless-invokers/serverless.yml} compile to the resources that
 * {@code serverless package} (osls 3.77.1) generated for the same file: the expected logical ids,
 * types and values below are those of the framework's compiled template.
 */
class ServerlessInvokerEventsTest {

    private static Template t;

    @BeforeAll
    static void load() throws URISyntaxException {
        Path dir = Path.of(ServerlessInvokerEventsTest.class
                .getResource("serverless-invokers")
                .toURI());
        Project p = new DefaultSourceLoader()
                .load(AnalysisRequest.of(dir, List.of(dir)).withThreads(1));
        assertThat(p.templates()).hasSize(1);
        t = p.templates().get(0);
    }

    private static String text(String resource, String... path) {
        Resource r = t.resource(resource);
        assertThat(r).as(resource + " in " + t.resources().keySet()).isNotNull();
        Node n = r.properties().path(path);
        return n == null ? null : n.text();
    }

    @Test
    void theFrameworksLogicalIdsAndTypes() {
        Map<String, String> types = new TreeMap<>();
        for (Resource r : t.resources().values()) {
            if (!r.type().equals("AWS::Lambda::Function") && !r.type().equals("AWS::IAM::Role")) {
                types.put(r.logicalId(), r.type());
            }
        }
        String esm = "AWS::Lambda::EventSourceMapping";
        assertThat(types)
                .containsOnlyKeys(
                        "AlbFnAlbListenerRule1",
                        "AlbFnAlbListenerRule2",
                        "AlbFnAlbMultiValueTargetGroup50dc6c495c0c9188",
                        "AlbFnAlbTargetGroup50dc6c495c0c9188",
                        "ApiGatewayMethodAsyncRunPost",
                        "ApiGatewayMethodHelloGet",
                        "ApiGatewayMethodLamGet",
                        "ApiGatewayMethodUsersIdVarOrdersPost",
                        "ApiGatewayRestApi",
                        "CognitoUserPoolMyUserPool",
                        "HttpApi",
                        "HttpApiIntegrationHttpApiFn",
                        "HttpApiRouteGetItems",
                        "HttpApiRoutePostItemsIdVar",
                        "IotFnIotTopicRule1",
                        "IotFnIotTopicRule2",
                        "KafkaFnEventSourceMappingActiveMQMyqueue",
                        "KafkaFnEventSourceMappingKafkaOrderevents",
                        "KafkaFnEventSourceMappingKafkaOther",
                        "KafkaFnEventSourceMappingMSKMyClusterPayments2",
                        "KafkaFnEventSourceMappingMSKMyclusterPayments",
                        "KafkaFnEventSourceMappingRabbitMQRabbitq",
                        "LogFnLogsSubscriptionFilterCloudWatchLog1",
                        "LogFnLogsSubscriptionFilterCloudWatchLog2",
                        "MyCluster",
                        "SconnectWebsocketsRoute",
                        "SdefaultWebsocketsRoute",
                        "WebsocketsApi",
                        "WsFnWebsocketsIntegration",
                        "sendMessageWebsocketsRoute",
                        "sendMessageWebsocketsRouteResponse")
                .containsEntry("KafkaFnEventSourceMappingKafkaOrderevents", esm)
                .containsEntry("KafkaFnEventSourceMappingRabbitMQRabbitq", esm)
                .containsEntry("LogFnLogsSubscriptionFilterCloudWatchLog2", "AWS::Logs::SubscriptionFilter")
                .containsEntry("IotFnIotTopicRule2", "AWS::IoT::TopicRule")
                .containsEntry("CognitoUserPoolMyUserPool", "AWS::Cognito::UserPool")
                .containsEntry("AlbFnAlbTargetGroup50dc6c495c0c9188", "AWS::ElasticLoadBalancingV2::TargetGroup")
                .containsEntry("ApiGatewayMethodHelloGet", "AWS::ApiGateway::Method")
                .containsEntry("HttpApiIntegrationHttpApiFn", "AWS::ApiGatewayV2::Integration")
                .containsEntry("sendMessageWebsocketsRoute", "AWS::ApiGatewayV2::Route")
                .containsEntry("sendMessageWebsocketsRouteResponse", "AWS::ApiGatewayV2::RouteResponse");
    }

    @Test
    void brokerMappingsKeepTheFrameworksDefaultsAndNoOthers() {
        String kafka = "KafkaFnEventSourceMappingKafkaOrderevents";
        assertThat(text(kafka, "StartingPosition")).isEqualTo("TRIM_HORIZON");
        assertThat(text(kafka, "BatchSize")).isEqualTo("50");
        assertThat(text(kafka, "MaximumBatchingWindowInSeconds")).isEqualTo("10");
        assertThat(t.resource(kafka).properties().path("SelfManagedEventSource", "Endpoints", "KafkaBootstrapServers"))
                .isNotNull();
        assertThat(text("KafkaFnEventSourceMappingKafkaOther", "DestinationConfig", "OnFailure", "Destination"))
                .isEqualTo("arn:aws:sqs:us-east-1:123456789012:kdlq");
        // the framework writes no BatchSize when none is given (Lambda's default applies)
        assertThat(text("KafkaFnEventSourceMappingMSKMyclusterPayments", "BatchSize"))
                .isNull();
        assertThat(text("KafkaFnEventSourceMappingMSKMyclusterPayments", "StartingPosition"))
                .isEqualTo("LATEST");
        assertThat(text("KafkaFnEventSourceMappingActiveMQMyqueue", "StartingPosition"))
                .isNull();
        assertThat(text("KafkaFnEventSourceMappingRabbitMQRabbitq", "BatchSize"))
                .isEqualTo("5");
    }

    @Test
    void logsIotAndCognito() {
        assertThat(text("LogFnLogsSubscriptionFilterCloudWatchLog1", "LogGroupName"))
                .isEqualTo("/aws/lambda/hello");
        assertThat(text("LogFnLogsSubscriptionFilterCloudWatchLog1", "FilterPattern"))
                .isEmpty();
        assertThat(text("LogFnLogsSubscriptionFilterCloudWatchLog2", "FilterPattern"))
                .isEqualTo("{$.userIdentity.type = Root}");
        assertThat(text("IotFnIotTopicRule1", "TopicRulePayload", "RuleDisabled"))
                .isEqualTo("false");
        assertThat(text("IotFnIotTopicRule2", "TopicRulePayload", "RuleDisabled"))
                .isEqualTo("true");
        assertThat(text("IotFnIotTopicRule2", "RuleName")).isEqualTo("myRule");
        ListNode actions =
                (ListNode) t.resource("IotFnIotTopicRule1").properties().path("TopicRulePayload", "Actions");
        assertThat(((MapNode) actions.get(0)).path("Lambda", "FunctionArn")).isInstanceOf(IntrinsicNode.class);
        assertThat(t.resource("CognitoUserPoolMyUserPool")
                        .properties()
                        .getMap("LambdaConfig")
                        .keys())
                .containsExactly("PreSignUp", "PostConfirmation");
    }

    @Test
    void apiGatewayIntegrationsCarryTheirTimeoutsAndInvocationTypes() {
        // provider.apiGateway.timeoutInMillis, unless the event sets its own
        assertThat(text("ApiGatewayMethodHelloGet", "Integration", "TimeoutInMillis"))
                .isEqualTo("15000");
        assertThat(text("ApiGatewayMethodUsersIdVarOrdersPost", "Integration", "TimeoutInMillis"))
                .isEqualTo("10000");
        assertThat(text("ApiGatewayMethodHelloGet", "Integration", "Type")).isEqualTo("AWS_PROXY");
        assertThat(text("ApiGatewayMethodLamGet", "Integration", "Type")).isEqualTo("AWS");
        assertThat(text("ApiGatewayMethodAsyncRunPost", "Integration", "Type")).isEqualTo("AWS");
        assertThat(text(
                        "ApiGatewayMethodAsyncRunPost",
                        "Integration",
                        "RequestParameters",
                        "integration.request.header.X-Amz-Invocation-Type"))
                .isEqualTo("'Event'");
        assertThat(text("HttpApiIntegrationHttpApiFn", "TimeoutInMillis")).isEqualTo("30000");
        assertThat(text("HttpApiIntegrationHttpApiFn", "PayloadFormatVersion")).isEqualTo("2.0");
        assertThat(text("HttpApiRoutePostItemsIdVar", "RouteKey")).isEqualTo("POST /items/{id}");
        assertThat(text("sendMessageWebsocketsRoute", "RouteResponseSelectionExpression"))
                .isEqualTo("$default");
        assertThat(text("SconnectWebsocketsRoute", "RouteResponseSelectionExpression"))
                .isNull();
    }
}
