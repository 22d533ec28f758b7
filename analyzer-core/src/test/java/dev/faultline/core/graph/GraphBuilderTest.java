package dev.faultline.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.asl.Placeholder;
import dev.faultline.core.asl.QueryLanguage;
import dev.faultline.core.asl.Scope;
import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.model.Template;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class GraphBuilderTest {

    static Set<String> edges(ResourceGraph g, EdgeKind... kinds) {
        Set<String> out = new TreeSet<>();
        for (Edge e : g.edges()) {
            if (kinds.length > 0 && !List.of(kinds).contains(e.kind())) {
                continue;
            }
            if (kinds.length == 0 && e.kind() == EdgeKind.REFERENCES) {
                continue;
            }
            out.add(e.from().name() + " -" + e.kind().label()
                    + (e.mode() == InvocationMode.NONE ? "" : "/" + e.mode().label())
                    + (e.qualifier() == null ? "" : ":" + e.qualifier()) + "-> " + e.to().name());
        }
        return out;
    }

    private static ResourceGraph build(Template t) {
        return new GraphBuilder().build(List.of(t), List.of());
    }

    @Test
    void samApiEventDoesNotMakeAnotherKindOfResourceNamedServerlessRestApiAnInvoker() {
        Trees4Test b = new Trees4Test("sam.yaml");
        MapNode root = b.m(
                "Transform",
                "AWS::Serverless-2016-10-31",
                "Resources",
                b.m(
                        "Worker",
                                b.m(
                                        "Type",
                                        "AWS::Serverless::Function",
                                        "Properties",
                                        b.m(
                                                "Events",
                                                b.m(
                                                        "Get",
                                                        b.m(
                                                                "Type",
                                                                "Api",
                                                                "Properties",
                                                                b.m("Path", "/", "Method", "get"))))),
                        "ServerlessRestApi", b.m("Type", "AWS::Serverless::Function")));
        Template t = b.template(root);
        ResourceGraph g = build(t);
        assertThat(edges(g, EdgeKind.INVOKES)).isEmpty();
    }

    @Test
    void samFunctionGlobalsEventsAndFailureTargets() {
        Trees4Test b = new Trees4Test("sam.yaml");
        MapNode globals = b.m("Function", b.m("Timeout", 30, "Tags", b.m("team", "a")));
        MapNode root = b.m(
                "Transform",
                "AWS::Serverless-2016-10-31",
                "Globals",
                globals,
                "Resources",
                b.m(
                        "Queue",
                                b.m(
                                        "Type",
                                        "AWS::SQS::Queue",
                                        "Properties",
                                        b.m(
                                                "RedrivePolicy",
                                                b.m("deadLetterTargetArn", b.arn("Dlq"), "maxReceiveCount", 5))),
                        "Dlq", b.m("Type", "AWS::SQS::Queue"),
                        "FnDlq", b.m("Type", "AWS::SNS::Topic"),
                        "Bus", b.m("Type", "AWS::Events::EventBus", "Properties", b.m("Name", "orders")),
                        "Stream", b.m("Type", "AWS::Kinesis::Stream"),
                        "Worker",
                                b.m(
                                        "Type",
                                        "AWS::Serverless::Function",
                                        "Properties",
                                        b.m(
                                                "Tags", b.m("svc", "w"),
                                                "AutoPublishAlias", "live",
                                                "DeadLetterQueue", b.m("Type", "SNS", "TargetArn", b.ref("FnDlq")),
                                                "EventInvokeConfig",
                                                        b.m(
                                                                "MaximumRetryAttempts",
                                                                1,
                                                                "DestinationConfig",
                                                                b.m("OnFailure", b.m("Type", "SQS"))),
                                                "Events",
                                                        b.m(
                                                                "FromQueue",
                                                                        b.m(
                                                                                "Type",
                                                                                "SQS",
                                                                                "Properties",
                                                                                b.m(
                                                                                        "Queue",
                                                                                        b.arn("Queue"),
                                                                                        "BatchSize",
                                                                                        5)),
                                                                "FromStream",
                                                                        b.m(
                                                                                "Type",
                                                                                "Kinesis",
                                                                                "Properties",
                                                                                b.m(
                                                                                        "Stream",
                                                                                        b.arn("Stream"),
                                                                                        "StartingPosition",
                                                                                        "LATEST",
                                                                                        "DestinationConfig",
                                                                                        b.m(
                                                                                                "OnFailure",
                                                                                                b.m(
                                                                                                        "Type",
                                                                                                        "SQS",
                                                                                                        "Destination",
                                                                                                        b.arn(
                                                                                                                "Dlq"))))),
                                                                "Rule",
                                                                        b.m(
                                                                                "Type",
                                                                                "EventBridgeRule",
                                                                                "Properties",
                                                                                b.m(
                                                                                        "EventBusName", b.ref("Bus"),
                                                                                        "Pattern",
                                                                                                b.m("source", b.l("x")),
                                                                                        "DeadLetterConfig",
                                                                                                b.m("Type", "SQS"))),
                                                                "Nightly",
                                                                        b.m(
                                                                                "Type",
                                                                                "ScheduleV2",
                                                                                "Properties",
                                                                                b.m(
                                                                                        "ScheduleExpression",
                                                                                        "rate(1 day)",
                                                                                        "DeadLetterConfig",
                                                                                        b.m("Arn", b.arn("Dlq")))),
                                                                "Get",
                                                                        b.m(
                                                                                "Type",
                                                                                "Api",
                                                                                "Properties",
                                                                                b.m("Path", "/", "Method", "get")))))));
        Template t = b.template(root);
        ResourceGraph g = build(t);

        GraphNode fn = g.find(t, "Worker");
        assertThat(fn.kind()).isEqualTo(NodeKind.FUNCTION);
        assertThat(fn.type()).isEqualTo("AWS::Lambda::Function");
        // Globals merged: Timeout from Globals keeps its span there; Tags merged key by key
        assertThat(fn.property("Timeout").span())
                .isEqualTo(globals.getMap("Function").get("Timeout").span());
        assertThat(fn.properties().getMap("Tags").keys()).containsExactly("svc", "team");
        assertThat(fn.properties().path("DeadLetterConfig", "TargetArn")).isNotNull();

        GraphNode esm = g.find(t, "WorkerFromQueue");
        assertThat(esm.implied()).isTrue();
        assertThat(esm.kind()).isEqualTo(NodeKind.EVENT_SOURCE_MAPPING);
        assertThat(esm.logicalPath()).isEqualTo("Resources/Worker/Properties/Events/FromQueue");
        assertThat(esm.property("BatchSize").text()).isEqualTo("5");
        assertThat(esm.resourceId()).isEqualTo("Worker");

        assertThat(edges(g))
                .contains(
                        "Queue -consumes-> WorkerFromQueue",
                        "WorkerFromQueue -invokes/poll:live-> Worker",
                        "Stream -consumes-> WorkerFromStream",
                        "WorkerFromStream -invokes/poll:live-> Worker",
                        "WorkerFromStream -failsTo-> Dlq",
                        "Queue -failsTo-> Dlq",
                        "Worker -failsTo-> FnDlq",
                        "Worker -failsTo:live-> WorkerEventInvokeConfigOnFailureQueue",
                        "WorkerEventInvokeConfig -failsTo-> WorkerEventInvokeConfigOnFailureQueue",
                        "WorkerEventInvokeConfig -configures:live-> Worker",
                        "WorkerRule -invokes/async:live-> Worker",
                        "WorkerRule -subscribes-> Bus",
                        "WorkerRule -failsTo-> WorkerRuleQueue",
                        "WorkerNightly -invokes/async:live-> Worker",
                        "WorkerNightly -failsTo-> Dlq",
                        "ServerlessRestApi -invokes/sync:live-> Worker");
        assertThat(g.isAsyncInvoked(fn)).isTrue();
        assertThat(g.invokers(fn, InvocationMode.POLL))
                .extracting(GraphNode::name)
                .containsExactly("WorkerFromQueue", "WorkerFromStream");
        GraphNode queue = g.find(t, "Queue");
        assertThat(g.consumersOf(queue)).extracting(GraphNode::name).containsExactly("WorkerFromQueue");
        assertThat(g.consumingFunctions(queue)).containsExactly(fn);
        assertThat(g.functionOf(esm)).isSameAs(fn);
        assertThat(g.isFailureTarget(g.find(t, "Dlq"))).isTrue();
        assertThat(g.isFailureTarget(queue)).isFalse();
        assertThat(g.eventInvokeConfigs(fn)).extracting(GraphNode::name).containsExactly("WorkerEventInvokeConfig");
        assertThat(g.find(t, "WorkerEventInvokeConfig").property("Qualifier").text())
                .isEqualTo("live");
        assertThat(g.findings()).isEmpty();

        // the named predicates rules use instead of loops over edges
        GraphNode eic = g.find(t, "WorkerEventInvokeConfig");
        assertThat(g.invocation(fn, InvocationMode.ASYNC).from().name()).isEqualTo("WorkerRule");
        assertThat(g.invocation(fn, InvocationMode.SYNC).from().name()).isEqualTo("ServerlessRestApi");
        assertThat(g.invocation(fn, InvocationMode.UNKNOWN)).isNull();
        assertThat(g.invokers(fn, NodeKind.SCHEDULE))
                .extracting(GraphNode::name)
                .containsExactly("WorkerNightly");
        assertThat(g.invokers(fn, NodeKind.USER_POOL)).isEmpty();
        assertThat(g.invoked(esm)).containsExactly(fn);
        assertThat(g.invoked(fn)).isEmpty();
        assertThat(g.failureTargets(fn, NodeKind.QUEUE))
                .extracting(GraphNode::name)
                .containsExactly("WorkerEventInvokeConfigOnFailureQueue");
        assertThat(g.failureTargets(fn, NodeKind.TOPIC))
                .extracting(GraphNode::name)
                .containsExactly("FnDlq");
        assertThat(g.destinations(fn))
                .extracting(GraphNode::name)
                .containsExactlyInAnyOrder("FnDlq", "WorkerEventInvokeConfigOnFailureQueue");
        assertThat(g.isRedriveTarget(g.find(t, "Dlq"))).isTrue();
        assertThat(g.isRedriveTarget(g.find(t, "WorkerRuleQueue"))).isFalse();
        assertThat(g.consumersOf(queue, NodeKind.EVENT_SOURCE_MAPPING, NodeKind.PIPE))
                .extracting(GraphNode::name)
                .containsExactly("WorkerFromQueue");
        assertThat(g.consumersOf(queue, NodeKind.PIPE)).isEmpty();
        assertThat(g.configuredBy(fn, NodeKind.EVENT_INVOKE_CONFIG)).containsExactly(eic);
        assertThat(g.configuredBy(fn, NodeKind.QUEUE_POLICY)).isEmpty();
        assertThat(g.configures(eic, NodeKind.FUNCTION)).containsExactly(fn);
        assertThat(g.isSubscribed(g.find(t, "Bus"))).isTrue();
        assertThat(g.isSubscribed(queue)).isFalse();
        assertThat(g.referencedBy(g.find(t, "FnDlq"))).containsExactly(fn);
        assertThat(g.referencedBy(fn)).doesNotContain(fn);
        assertThat(g.nodesOf(t, NodeKind.QUEUE))
                .extracting(GraphNode::name)
                .contains("Queue", "Dlq", "WorkerRuleQueue")
                .doesNotContain("FnDlq");
        assertThat(g.nodesOf(t, NodeKind.FUNCTION)).containsExactly(fn);
    }

    @Test
    void rawCloudFormationInvokersModesAndResolution() {
        Trees4Test b = new Trees4Test("cfn.yaml");
        MapNode root = b.m(
                "Parameters", b.m("DlqArn", b.m("Type", "String", "Default", "arn:aws:sqs:us-east-1:1:named-dlq")),
                "Resources",
                        b.m(
                                "Fn",
                                        b.m(
                                                "Type",
                                                "AWS::Lambda::Function",
                                                "Properties",
                                                b.m("FunctionName", "orders-fn")),
                                "Live",
                                        b.m(
                                                "Type",
                                                "AWS::Lambda::Alias",
                                                "Properties",
                                                b.m("FunctionName", b.ref("Fn"), "Name", "live")),
                                "Named", b.m("Type", "AWS::SQS::Queue", "Properties", b.m("QueueName", "named-dlq")),
                                "Src",
                                        b.m(
                                                "Type",
                                                "AWS::SQS::Queue",
                                                "Properties",
                                                b.m(
                                                        "RedrivePolicy",
                                                        b.sub(
                                                                "{\"deadLetterTargetArn\": \"${Dlq2.Arn}\", \"maxReceiveCount\": 3}"))),
                                "Src2",
                                        b.m(
                                                "Type",
                                                "AWS::SQS::Queue",
                                                "Properties",
                                                b.m(
                                                        "RedrivePolicy",
                                                        b.fn(
                                                                "Fn::Join",
                                                                List.of(
                                                                        "",
                                                                        List.of(
                                                                                "{\"deadLetterTargetArn\":\"",
                                                                                b.arn("Dlq2"),
                                                                                "\",\"maxReceiveCount\":5}"))))),
                                "Src3",
                                        b.m(
                                                "Type",
                                                "AWS::SQS::Queue",
                                                "Properties",
                                                b.m(
                                                        "RedrivePolicy",
                                                        "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:123:named-dlq\"}")),
                                "Src4",
                                        b.m(
                                                "Type",
                                                "AWS::SQS::Queue",
                                                "Properties",
                                                b.m(
                                                        "RedrivePolicy",
                                                        b.sub(
                                                                "{\"deadLetterTargetArn\": \"arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:named-dlq\"}"))),
                                "Src5",
                                        b.m(
                                                "Type",
                                                "AWS::SQS::Queue",
                                                "Properties",
                                                b.m(
                                                        "RedrivePolicy",
                                                        b.fn(
                                                                "Fn::If",
                                                                List.of(
                                                                        "Cond",
                                                                        "{\"deadLetterTargetArn\":\"named-dlq\"}",
                                                                        b.m("deadLetterTargetArn", b.arn("Dlq2")))))),
                                "Dlq2", b.m("Type", "AWS::SQS::Queue"),
                                "Topic",
                                        b.m(
                                                "Type",
                                                "AWS::SNS::Topic",
                                                "Properties",
                                                b.m(
                                                        "Subscription",
                                                        b.l(b.m("Protocol", "lambda", "Endpoint", b.arn("Fn"))))),
                                "Sub",
                                        b.m(
                                                "Type",
                                                "AWS::SNS::Subscription",
                                                "Properties",
                                                b.m(
                                                        "TopicArn",
                                                        b.ref("Topic"),
                                                        "Protocol",
                                                        "lambda",
                                                        "Endpoint",
                                                        b.ref("Live"),
                                                        "RedrivePolicy",
                                                        b.m("deadLetterTargetArn", b.ref("DlqArn")))),
                                "Bucket",
                                        b.m(
                                                "Type",
                                                "AWS::S3::Bucket",
                                                "Properties",
                                                b.m(
                                                        "NotificationConfiguration",
                                                        b.m(
                                                                "LambdaConfigurations",
                                                                b.l(b.m(
                                                                        "Event",
                                                                        "s3:ObjectCreated:*",
                                                                        "Function",
                                                                        b.sub("${Fn.Arn}:live")))))),
                                "Method",
                                        b.m(
                                                "Type",
                                                "AWS::ApiGateway::Method",
                                                "Properties",
                                                b.m(
                                                        "Integration",
                                                        b.m(
                                                                "Type",
                                                                "AWS_PROXY",
                                                                "Uri",
                                                                b.sub(
                                                                        "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations")))),
                                "Logs",
                                        b.m(
                                                "Type",
                                                "AWS::Logs::SubscriptionFilter",
                                                "Properties",
                                                b.m(
                                                        "DestinationArn",
                                                        "arn:aws:lambda:us-east-1:123:function:orders-fn")),
                                "Pipe",
                                        b.m(
                                                "Type",
                                                "AWS::Pipes::Pipe",
                                                "Properties",
                                                b.m(
                                                        "Source",
                                                        b.arn("Dlq2"),
                                                        "Target",
                                                        b.arn("Fn"),
                                                        "TargetParameters",
                                                        b.m(
                                                                "LambdaFunctionParameters",
                                                                b.m("InvocationType", "FIRE_AND_FORGET")))),
                                "Pool",
                                        b.m(
                                                "Type",
                                                "AWS::Cognito::UserPool",
                                                "Properties",
                                                b.m("LambdaConfig", b.m("PreSignUp", b.arn("Fn")))),
                                "Alarm",
                                        b.m(
                                                "Type",
                                                "AWS::CloudWatch::Alarm",
                                                "Properties",
                                                b.m(
                                                        "Dimensions",
                                                        b.l(b.m(
                                                                "Name",
                                                                "QueueName",
                                                                "Value",
                                                                b.getAtt("Named", "QueueName"))))),
                                "Cfg",
                                        b.m(
                                                "Type",
                                                "AWS::Lambda::EventInvokeConfig",
                                                "Properties",
                                                b.m(
                                                        "FunctionName",
                                                        b.ref("Fn"),
                                                        "Qualifier",
                                                        "$LATEST",
                                                        "DestinationConfig",
                                                        b.m(
                                                                "OnFailure",
                                                                b.m(
                                                                        "Destination",
                                                                        b.fn(
                                                                                "Fn::If",
                                                                                List.of(
                                                                                        "Cond",
                                                                                        b.arn("Dlq2"),
                                                                                        b.ref("AWS::NoValue"))))))),
                                "Policy",
                                        b.m(
                                                "Type",
                                                "AWS::SQS::QueuePolicy",
                                                "Properties",
                                                b.m("Queues", b.l(b.ref("Named"), b.ref("Dlq2")))),
                                "Perm",
                                        b.m(
                                                "Type",
                                                "AWS::Lambda::Permission",
                                                "Properties",
                                                b.m("FunctionName", b.arn("Fn")))));
        Template t = b.template(root);
        ResourceGraph g = build(t);
        assertThat(edges(g))
                .contains(
                        "Src -failsTo-> Dlq2",
                        "Src2 -failsTo-> Dlq2",
                        "Src3 -failsTo-> Named",
                        "Src4 -failsTo-> Named",
                        "Src5 -failsTo-> Named",
                        "Src5 -failsTo-> Dlq2",
                        "Topic -invokes/async-> Fn",
                        "Sub -invokes/async:live-> Fn",
                        "Sub -subscribes-> Topic",
                        "Sub -failsTo-> Named",
                        "Bucket -invokes/async:live-> Fn",
                        "Method -invokes/sync-> Fn",
                        "Logs -invokes/async-> Fn",
                        "Dlq2 -consumes-> Pipe",
                        "Pipe -invokes/async-> Fn",
                        "Pool -invokes/sync-> Fn",
                        "Alarm -alarms-> Named",
                        "Cfg -configures:$LATEST-> Fn",
                        "Fn -failsTo:$LATEST-> Dlq2",
                        "Cfg -failsTo-> Dlq2",
                        "Policy -configures-> Named",
                        "Policy -configures-> Dlq2",
                        "Perm -configures-> Fn");
        GraphNode named = g.find(t, "Named");
        assertThat(g.alarmsOn(named)).extracting(GraphNode::name).containsExactly("Alarm");
        assertThat(g.failureSources(named)).extracting(GraphNode::name).containsExactly("Src3", "Src4", "Src5", "Sub");
        // the failsTo edge a redrive policy makes carries that policy; one per Fn::If branch, each with its DLQ
        GraphNode src2 = g.find(t, "Src2");
        assertThat(g.redrives(src2)).singleElement().satisfies(r -> {
            assertThat(r.dlq()).isEqualTo(g.find(t, "Dlq2"));
            assertThat(r.maxReceiveCount().text()).isEqualTo("5");
        });
        assertThat(g.failureEdges(src2))
                .singleElement()
                .satisfies(
                        e -> assertThat(e.redrive()).isSameAs(g.redrives(src2).get(0)));
        assertThat(g.redrives(g.find(t, "Src5")))
                .extracting(r -> r.dlq().name())
                .containsExactly("Named", "Dlq2");
        assertThat(g.redrives(g.find(t, "Src3")).get(0).maxReceiveCount()).isNull();
        assertThat(g.redrives(g.find(t, "Sub"))).extracting(r -> r.dlq().name()).containsExactly("Named");
        assertThat(g.redrives(named)).isEmpty();
        // a bare queue name is resolved for the graph, but SQS accepts only an ARN there: FL-PARSE-007
        assertThat(g.findings())
                .extracting(Finding::logicalPath)
                .containsExactly("Resources/Src5/Properties/RedrivePolicy/deadLetterTargetArn");
    }

    @Test
    void unresolvedReferencesAreReportedButSamGeneratedNamesAreNot() {
        Trees4Test b = new Trees4Test("refs.yaml");
        MapNode root = b.m(
                "Transform", "AWS::Serverless-2016-10-31",
                "Parameters", b.m("Stage", b.m("Type", "String")),
                "Resources",
                        b.m(
                                "Fn",
                                        b.m(
                                                "Type",
                                                "AWS::Serverless::Function",
                                                "Properties",
                                                b.m(
                                                        "AutoPublishAlias",
                                                        "live",
                                                        "Environment",
                                                        b.m(
                                                                "Variables",
                                                                b.m(
                                                                        "A",
                                                                        b.ref("FnRole"),
                                                                        "B",
                                                                        b.ref("Fn.Alias"),
                                                                        "C",
                                                                        b.ref("ServerlessRestApi"),
                                                                        "D",
                                                                        b.sub(
                                                                                "${Stage}-${AWS::Region}-${!Literal}-${X}"),
                                                                        "E",
                                                                        b.fn(
                                                                                "Fn::Sub",
                                                                                List.of(
                                                                                        "${Var}",
                                                                                        b.m("Var", b.ref("Missing1")))),
                                                                        "F",
                                                                        b.getAtt("Missing2", "Arn"),
                                                                        "G",
                                                                        b.sub("${Missing3.Arn}"))))),
                                "Q", b.m("Type", "AWS::SQS::Queue", "DependsOn", b.l("Fn", "Missing4"))),
                "Outputs", b.m("O", b.m("Value", b.ref("Missing5"))));
        Template t = b.template(root);
        ResourceGraph g = build(t);
        assertThat(g.findings()).extracting(Finding::ruleId).containsOnly("FL-PARSE-003");
        assertThat(g.findings())
                .extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("${X}"))
                .anySatisfy(m -> assertThat(m).contains("Missing1"))
                .anySatisfy(m -> assertThat(m).contains("Missing2"))
                .anySatisfy(m -> assertThat(m).contains("Missing3"))
                .anySatisfy(m -> assertThat(m).contains("Missing4"))
                .anySatisfy(m -> assertThat(m).contains("Missing5"));
        assertThat(g.findings()).hasSize(6);
        Finding first = g.findings().stream()
                .filter(f -> f.message().contains("Missing2"))
                .findFirst()
                .orElseThrow();
        assertThat(first.resource()).isEqualTo("Fn");
        assertThat(first.logicalPath()).isEqualTo("Resources/Fn/Properties/Environment/Variables/F");
    }

    @Test
    void aNameSamImpliesResolvesReferencesAndGlobalsReferencesBelongToEachFunction() {
        Trees4Test b = new Trees4Test("implied.yaml");
        MapNode root = b.m(
                "Transform", "AWS::Serverless-2016-10-31",
                "Globals", b.m("Function", b.m("Environment", b.m("Variables", b.m("T", b.ref("Table"))))),
                "Resources",
                        b.m(
                                "Fn",
                                        b.m(
                                                "Type",
                                                "AWS::Serverless::Function",
                                                "Properties",
                                                b.m(
                                                        "Events",
                                                        b.m(
                                                                "Nightly",
                                                                b.m(
                                                                        "Type",
                                                                        "Schedule",
                                                                        "Properties",
                                                                        b.m(
                                                                                "Schedule",
                                                                                "rate(1 day)",
                                                                                "DeadLetterConfig",
                                                                                b.m(
                                                                                        "Type",
                                                                                        "SQS",
                                                                                        "QueueLogicalId",
                                                                                        "NightlyDlq")))))),
                                "Table", b.m("Type", "AWS::DynamoDB::Table"),
                                "Alarm",
                                        b.m(
                                                "Type",
                                                "AWS::CloudWatch::Alarm",
                                                "Properties",
                                                b.m(
                                                        "Dimensions",
                                                        b.l(b.m("Value", b.getAtt("NightlyDlq", "QueueName"))),
                                                        "AlarmActions",
                                                        b.l(b.ref("Fn"), b.sub("${Table.Arn}-${Nope}"))))),
                "Outputs", b.m("O", b.m("Value", b.ref("NightlyDlq"))));
        ResourceGraph g = build(b.template(root));
        // the queue SAM makes under the name the event chose resolves the references to it; ${Nope} stays
        assertThat(g.findings())
                .extracting(Finding::message)
                .singleElement()
                .asString()
                .contains("${Nope}");
        assertThat(edges(g, EdgeKind.REFERENCES))
                .contains("Alarm -references-> NightlyDlq", "Alarm -references-> Fn", "Alarm -references-> Table")
                .contains("Fn -references-> Table"); // written in Globals, merged into the function
    }

    @Test
    void foreignTransformsAreNotChecked() {
        Trees4Test b = new Trees4Test("macro.yaml");
        MapNode root = b.m(
                "Transform",
                b.l("AWS::LanguageExtensions", "AWS::Serverless-2016-10-31"),
                "Resources",
                b.m("Q", b.m("Type", "AWS::SQS::Queue", "Properties", b.m("QueueName", b.ref("Nope")))));
        assertThat(build(b.template(root)).findings()).isEmpty();
    }

    @Test
    void taskTargetsThroughPlaceholdersSubstitutionsAndLiterals() {
        Trees4Test b = new Trees4Test("sfn.yaml");
        MapNode root = b.m(
                "Resources",
                b.m(
                        "Fn", b.m("Type", "AWS::Lambda::Function"),
                        "Other", b.m("Type", "AWS::Lambda::Function", "Properties", b.m("FunctionName", "other-fn")),
                        "Q", b.m("Type", "AWS::SQS::Queue"),
                        "Machine",
                                b.m(
                                        "Type",
                                        "AWS::StepFunctions::StateMachine",
                                        "Properties",
                                        b.m("DefinitionSubstitutions", b.m("QueueUrl", b.ref("Q"))))));
        Template t = b.template(root);
        MapNode invoke = b.m(
                "Type",
                "Task",
                "Resource",
                "arn:aws:states:::lambda:invoke",
                "Parameters",
                b.m("FunctionName", "${Token[0]}:live", "Payload.$", "$"));
        MapNode asyncInvoke = b.m(
                "Type",
                "Task",
                "Resource",
                "arn:aws:states:::lambda:invoke",
                "Parameters",
                b.m("FunctionName", "arn:aws:lambda:us-east-1:1:function:other-fn", "InvocationType", "Event"));
        MapNode direct = b.m("Type", "Task", "Resource", "${Token[0]}");
        MapNode send = b.m(
                "Type",
                "Task",
                "Resource",
                "arn:aws:states:::sqs:sendMessage",
                "Parameters",
                b.m("QueueUrl", "${QueueUrl}"));
        MapNode unknown = b.m(
                "Type",
                "Task",
                "Resource",
                "arn:aws:states:::lambda:invoke",
                "Parameters",
                b.m("FunctionName.$", "$.fn"));
        Map<String, State> states = new LinkedHashMap<>();
        for (Map.Entry<String, MapNode> e : Map.of("A", invoke, "B", asyncInvoke, "C", direct, "D", send, "E", unknown)
                .entrySet()) {
            states.put(
                    e.getKey(),
                    new State(
                            e.getKey(),
                            "Task",
                            e.getValue(),
                            e.getValue().span(),
                            "Resources/Machine/Properties/Definition/States/" + e.getKey(),
                            QueryLanguage.JSONPATH,
                            List.of(),
                            List.of(),
                            List.of()));
        }
        Scope top = new Scope(b.m(), "A", states, "Resources/Machine/Properties/Definition", null);
        StateMachine m = new StateMachine(
                "Machine",
                t.file(),
                t,
                t.resource("Machine"),
                top,
                false,
                Span.ofFile("sfn.yaml"),
                Map.of("${Token[0]}", new Placeholder("${Token[0]}", b.arn("Fn"))));
        ResourceGraph g = new GraphBuilder().build(List.of(t), List.of(m));
        assertThat(edges(g))
                .contains(
                        "Machine -taskTarget/sync:live-> Fn",
                        "Machine -invokes/sync:live-> Fn",
                        "Machine -taskTarget/async-> Other",
                        "Machine -invokes/async-> Other",
                        "Machine -taskTarget/sync-> Fn",
                        "Machine -taskTarget-> Q");
        assertThat(g.taskTargets(states.get("E"))).isEmpty();
        assertThat(g.taskTargets(states.get("D")))
                .extracting(e -> e.to().name())
                .containsExactly("Q");
    }

    @Test
    void writersAreSortedAndDrawFailurePathsDistinctly() {
        Trees4Test b = new Trees4Test("w.yaml");
        MapNode root = b.m(
                "Resources",
                b.m(
                        "Q",
                                b.m(
                                        "Type",
                                        "AWS::SQS::Queue",
                                        "Properties",
                                        b.m("RedrivePolicy", b.m("deadLetterTargetArn", b.arn("D")))),
                        "D", b.m("Type", "AWS::SQS::Queue"),
                        "Fn", b.m("Type", "AWS::Lambda::Function"),
                        "M",
                                b.m(
                                        "Type",
                                        "AWS::Lambda::EventSourceMapping",
                                        "Properties",
                                        b.m("EventSourceArn", b.arn("Q"), "FunctionName", b.ref("Fn")))));
        ResourceGraph g = build(b.template(root));
        GraphWriter w = new GraphWriter(false);
        String json = w.json(g);
        assertThat(json)
                .contains("\"id\" : \"w.yaml#D\"")
                .contains("\"kind\" : \"failsTo\"")
                .contains("\"mode\" : \"poll\"")
                .doesNotContain("references")
                .contains("\"fact\" : \"event source mapping\"")
                .contains("\"path\" : \"Resources/M/Properties/FunctionName\"");
        assertThat(json.indexOf("w.yaml#D")).isLessThan(json.indexOf("w.yaml#Fn"));
        assertThat(w.mermaid(g))
                .startsWith("flowchart LR\n")
                .contains("-.->|\"failsTo\"|")
                .contains("-->|\"invokes poll: event source mapping\"|")
                .contains("linkStyle");
        assertThat(w.dot(g))
                .startsWith("digraph faultline {")
                .contains("style=dashed, color=red")
                .contains("[label=\"invokes poll: event source mapping\"]");
        assertThat(new GraphWriter(true).json(g)).contains("references");
        assertThat(w.json(g)).isEqualTo(json);
    }

    @Test
    void consumesEdgesCarryTheMappingsSourceFamilyAndBatchAndRetrySettings() {
        Trees4Test b = new Trees4Test("s.yaml");
        MapNode root = b.m(
                "Resources",
                b.m(
                        "S",
                        b.m("Type", "AWS::Kinesis::Stream"),
                        "Fn",
                        b.m("Type", "AWS::Lambda::Function"),
                        "M",
                        b.m(
                                "Type",
                                "AWS::Lambda::EventSourceMapping",
                                "Properties",
                                b.m(
                                        "EventSourceArn",
                                        b.arn("S"),
                                        "FunctionName",
                                        b.ref("Fn"),
                                        "StartingPosition",
                                        "LATEST",
                                        "BatchSize",
                                        50,
                                        "MaximumBatchingWindowInSeconds",
                                        5,
                                        "MaximumRetryAttempts",
                                        3,
                                        "MaximumRecordAgeInSeconds",
                                        3600,
                                        "BisectBatchOnFunctionError",
                                        true,
                                        "FunctionResponseTypes",
                                        b.l("ReportBatchItemFailures"))),
                        "Bare",
                        b.m(
                                "Type",
                                "AWS::Lambda::EventSourceMapping",
                                "Properties",
                                b.m("EventSourceArn", b.arn("S"), "FunctionName", b.ref("Fn")))));
        ResourceGraph g = build(b.template(root));
        Edge consumes = g.edges().stream()
                .filter(e -> e.kind() == EdgeKind.CONSUMES && e.to().name().equals("M"))
                .findFirst()
                .orElseThrow();
        EventSource s = consumes.eventSource();
        assertThat(s).isSameAs(g.eventSource(consumes.to()));
        assertThat(s.family()).isEqualTo(SourceFamily.KINESIS);
        assertThat(s.batchSize().text()).isEqualTo("50");
        assertThat(s.batchingWindow().text()).isEqualTo("5");
        assertThat(s.retryAttempts().text()).isEqualTo("3");
        assertThat(s.recordAge().text()).isEqualTo("3600");
        assertThat(s.bisect().text()).isEqualTo("true");
        assertThat(s.responseTypes().asList().get(0).text()).isEqualTo("ReportBatchItemFailures");
        EventSource bare = g.eventSource(g.find(consumes.to().template(), "Bare"));
        assertThat(bare.family()).isEqualTo(SourceFamily.KINESIS);
        assertThat(bare.batchSize()).isNull();
        assertThat(bare.retryAttempts()).isNull();
        assertThat(bare.recordAge()).isNull();
        assertThat(bare.bisect()).isNull();
        assertThat(bare.responseTypes()).isNull();
    }
}
