package dev.faultline.core.graph;

import java.util.HashMap;
import java.util.Map;

/**
 * Which {@link NodeKind} each CloudFormation / SAM resource type is.
 *
 * <p><b>Internal</b>: not part of the rule API (see {@code docs/rule-api.md}); it may change
 * without notice.
 */
public final class ResourceTypes {

    private static final Map<String, NodeKind> KINDS = new HashMap<>();

    static {
        put(NodeKind.FUNCTION, "AWS::Lambda::Function", "AWS::Serverless::Function");
        put(NodeKind.ALIAS, "AWS::Lambda::Alias");
        put(NodeKind.VERSION, "AWS::Lambda::Version");
        put(NodeKind.EVENT_INVOKE_CONFIG, "AWS::Lambda::EventInvokeConfig");
        put(NodeKind.EVENT_SOURCE_MAPPING, "AWS::Lambda::EventSourceMapping");
        put(NodeKind.PERMISSION, "AWS::Lambda::Permission");
        put(NodeKind.QUEUE, "AWS::SQS::Queue");
        put(NodeKind.QUEUE_POLICY, "AWS::SQS::QueuePolicy");
        put(NodeKind.TOPIC, "AWS::SNS::Topic");
        put(NodeKind.SUBSCRIPTION, "AWS::SNS::Subscription");
        put(NodeKind.TOPIC_POLICY, "AWS::SNS::TopicPolicy");
        put(NodeKind.EVENT_RULE, "AWS::Events::Rule");
        put(NodeKind.EVENT_BUS, "AWS::Events::EventBus");
        put(NodeKind.SCHEDULE, "AWS::Scheduler::Schedule");
        put(NodeKind.PIPE, "AWS::Pipes::Pipe");
        put(NodeKind.STREAM, "AWS::Kinesis::Stream");
        put(NodeKind.TABLE, "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable", "AWS::Serverless::SimpleTable");
        put(NodeKind.KAFKA_CLUSTER, "AWS::MSK::Cluster", "AWS::MSK::ServerlessCluster");
        put(NodeKind.MQ_BROKER, "AWS::AmazonMQ::Broker");
        put(NodeKind.DOCDB_CLUSTER, "AWS::DocDB::DBCluster");
        put(NodeKind.BUCKET, "AWS::S3::Bucket");
        put(NodeKind.LOG_SUBSCRIPTION, "AWS::Logs::SubscriptionFilter");
        put(NodeKind.IOT_RULE, "AWS::IoT::TopicRule");
        put(NodeKind.REST_API, "AWS::ApiGateway::RestApi", "AWS::Serverless::Api");
        put(NodeKind.HTTP_API, "AWS::Serverless::HttpApi");
        put(NodeKind.API_METHOD, "AWS::ApiGateway::Method");
        put(NodeKind.API_INTEGRATION, "AWS::ApiGatewayV2::Integration");
        put(NodeKind.API_ROUTE, "AWS::ApiGatewayV2::Route");
        put(NodeKind.LOAD_BALANCER_TARGET_GROUP, "AWS::ElasticLoadBalancingV2::TargetGroup");
        put(NodeKind.USER_POOL, "AWS::Cognito::UserPool");
        put(NodeKind.APPSYNC_DATA_SOURCE, "AWS::AppSync::DataSource");
        put(NodeKind.STATE_MACHINE, "AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine");
        put(NodeKind.ACTIVITY, "AWS::StepFunctions::Activity");
        put(NodeKind.ALARM, "AWS::CloudWatch::Alarm");
        put(NodeKind.ROLE, "AWS::IAM::Role");
        put(NodeKind.POLICY, "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy");
        put(NodeKind.LOG_GROUP, "AWS::Logs::LogGroup");
        put(NodeKind.NESTED_STACK, "AWS::CloudFormation::Stack", "AWS::Serverless::Application");
    }

    private ResourceTypes() {}

    private static void put(NodeKind k, String... types) {
        for (String t : types) {
            KINDS.put(t, k);
        }
    }

    /** The kind of a type; {@code Custom::*} and {@code AWS::CloudFormation::CustomResource} are custom. */
    public static NodeKind kindOf(String type) {
        if (type == null) {
            return NodeKind.OTHER;
        }
        NodeKind k = KINDS.get(type);
        if (k != null) {
            return k;
        }
        if (type.startsWith("Custom::") || type.equals("AWS::CloudFormation::CustomResource")) {
            return NodeKind.CUSTOM_RESOURCE;
        }
        if (type.startsWith("AWS::ApiGatewayV2::Api")) {
            return NodeKind.HTTP_API;
        }
        return NodeKind.OTHER;
    }
}
