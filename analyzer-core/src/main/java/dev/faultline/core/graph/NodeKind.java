package dev.faultline.core.graph;

/**
 * What a graph node is, independent of how it was written (raw CloudFormation, SAM or CDK).
 * Subscribe to kinds with {@link dev.faultline.core.rule.Subscription#nodes}. New kinds may be added
 * in later versions; treat an unknown kind as {@link #OTHER}.
 */
public enum NodeKind {
    /** A Lambda function: {@code AWS::Lambda::Function}, {@code AWS::Serverless::Function} (SAM {@code Globals} merged). */
    FUNCTION,
    /** {@code AWS::Lambda::Alias}. */
    ALIAS,
    /** {@code AWS::Lambda::Version}. */
    VERSION,
    /** {@code AWS::Lambda::EventInvokeConfig} (also implied by SAM {@code EventInvokeConfig}). */
    EVENT_INVOKE_CONFIG,
    /** {@code AWS::Lambda::EventSourceMapping}, also implied by SAM {@code SQS}, {@code Kinesis}, {@code DynamoDB}, ... events. */
    EVENT_SOURCE_MAPPING,
    /** {@code AWS::Lambda::Permission}. */
    PERMISSION,
    /** {@code AWS::SQS::Queue}. */
    QUEUE,
    /** {@code AWS::SQS::QueuePolicy}. */
    QUEUE_POLICY,
    /** {@code AWS::SNS::Topic}. */
    TOPIC,
    /** {@code AWS::SNS::Subscription}, also implied by SAM {@code SNS} events. */
    SUBSCRIPTION,
    /** {@code AWS::SNS::TopicPolicy}. */
    TOPIC_POLICY,
    /** {@code AWS::Events::Rule}, also implied by SAM {@code EventBridgeRule} and {@code Schedule} events. */
    EVENT_RULE,
    /** {@code AWS::Events::EventBus}. */
    EVENT_BUS,
    /** {@code AWS::Scheduler::Schedule}, also implied by SAM {@code ScheduleV2} events. */
    SCHEDULE,
    /** {@code AWS::Pipes::Pipe}. */
    PIPE,
    /** {@code AWS::Kinesis::Stream}. */
    STREAM,
    /** A DynamoDB table: {@code AWS::DynamoDB::Table}, {@code GlobalTable}, {@code AWS::Serverless::SimpleTable}. */
    TABLE,
    /** {@code AWS::MSK::Cluster}, {@code AWS::MSK::ServerlessCluster}. */
    KAFKA_CLUSTER,
    /** {@code AWS::AmazonMQ::Broker}. */
    MQ_BROKER,
    /** {@code AWS::DocDB::DBCluster}. */
    DOCDB_CLUSTER,
    /** {@code AWS::S3::Bucket}. */
    BUCKET,
    /** An S3 bucket notification to a function, queue or topic. */
    BUCKET_NOTIFICATION,
    /** {@code AWS::Logs::SubscriptionFilter}. */
    LOG_SUBSCRIPTION,
    /** {@code AWS::IoT::TopicRule}. */
    IOT_RULE,
    /** {@code AWS::ApiGateway::RestApi}, {@code AWS::Serverless::Api}. */
    REST_API,
    /** {@code AWS::ApiGatewayV2::Api}, {@code AWS::Serverless::HttpApi}. */
    HTTP_API,
    /** An API Gateway WebSocket API. */
    WEBSOCKET_API,
    /** {@code AWS::ApiGateway::Method}. */
    API_METHOD,
    /** {@code AWS::ApiGatewayV2::Integration}. */
    API_INTEGRATION,
    /** {@code AWS::ApiGatewayV2::Route}. */
    API_ROUTE,
    /** {@code AWS::ElasticLoadBalancingV2::TargetGroup}. */
    LOAD_BALANCER_TARGET_GROUP,
    /** {@code AWS::Cognito::UserPool}. */
    USER_POOL,
    /** {@code AWS::AppSync::DataSource}. */
    APPSYNC_DATA_SOURCE,
    /** {@code AWS::StepFunctions::StateMachine}, {@code AWS::Serverless::StateMachine}, or a standalone ASL file. */
    STATE_MACHINE,
    /** {@code AWS::StepFunctions::Activity}. */
    ACTIVITY,
    /** {@code AWS::CloudWatch::Alarm}. */
    ALARM,
    /** {@code AWS::IAM::Role}. */
    ROLE,
    /** {@code AWS::IAM::Policy}, {@code AWS::IAM::ManagedPolicy}. */
    POLICY,
    /** {@code AWS::Logs::LogGroup}. */
    LOG_GROUP,
    /** {@code AWS::CloudFormation::Stack}, {@code AWS::Serverless::Application}. */
    NESTED_STACK,
    /** {@code Custom::*} and {@code AWS::CloudFormation::CustomResource}. */
    CUSTOM_RESOURCE,
    /** Any other resource type; its {@link GraphNode#type()} says which. */
    OTHER
}
