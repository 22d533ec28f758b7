package dev.faultline.rules.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.engine.Project;
import dev.faultline.core.graph.Edge;
import dev.faultline.core.graph.EdgeKind;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.graph.ResourceGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Pins the important edges of the CDK cloud assemblies of the shared corpus, when present. */
class CdkAssemblyGraphTest {

    private static final Path CDK = dev.faultline.fixtures.TestData.cdkSynth();

    private static ResourceGraph graph(String app) {
        Path dir = CDK.resolve(app).resolve("cdk.out");
        Project p = GraphLoading.load(CDK, dir);
        ResourceGraph g = GraphLoading.graph(p);
        assertThat(g.findings()).isEmpty();
        return g;
    }

    @Test
    void eventAsyncIncludingTheNestedStack() {
        ResourceGraph g = graph("event-async");
        assertThat(GraphLoading.edges(g, EdgeKind.CONFIGURES))
                .contains(
                        "AnalyticsHandlerF43C4325 -failsTo-> AnalyticsHandlerDeadLetterQueueEB959630",
                        "AnalyticsHandlerSignupTopicAA5EBF93 -invokes/async-> AnalyticsHandlerF43C4325",
                        "AnalyticsHandlerSignupTopicAA5EBF93 -subscribes-> SignupTopic3D0D1C48",
                        "BillingHandlerEventInvokeConfig35231B3F -failsTo-> AsyncFailuresBA743569",
                        "BillingHandlerFA4B4681 -failsTo:$LATEST-> AsyncFailuresBA743569",
                        "CrmSyncHandlerSignupTopic97183086 -invokes/async-> CrmSyncHandler544C6A14",
                        "InvoicePaid87992014 -failsTo-> RuleTargetDlq2F2A846C",
                        "InvoicePaid87992014 -invokes/async-> BillingHandlerFA4B4681",
                        "NightlyC44EE0A7 -invokes/async-> NightlyJob071AEBAB",
                        "WelcomeHandlerSignupTopic7209BB51 -failsTo-> SignupSubscriptionDlqE78A576F",
                        "WelcomeHandlerSignupTopic7209BB51 -invokes/async-> WelcomeHandlerBD29C4C1",
                        // nested stack template
                        "LegacyHandlerLegacyTopic48B205F0 -invokes/async-> LegacyHandler44F35D8F",
                        "LegacyHandlerLegacyTopic48B205F0 -subscribes-> LegacyTopic71E99682");
        GraphNode legacy = g.nodes(NodeKind.FUNCTION).stream()
                .filter(n -> n.name().equals("LegacyHandler44F35D8F"))
                .findFirst()
                .orElseThrow();
        assertThat(legacy.cdkPath()).isNotNull();
        assertThat(g.isAsyncInvoked(legacy)).isTrue();
        assertThat(g.failureTargets(legacy)).isEmpty();
    }

    @Test
    void sqsLambda() {
        ResourceGraph g = graph("sqs-lambda");
        assertThat(GraphLoading.edges(g, EdgeKind.CONFIGURES))
                .containsExactly(
                        "AuditConsumerSqsEventSourceSqsLambdaStackAuditQueue985D6BDF4A2A6127 -invokes/poll-> AuditConsumer503DAE81",
                        "AuditQueue1D3C234B -consumes-> AuditConsumerSqsEventSourceSqsLambdaStackAuditQueue985D6BDF4A2A6127",
                        "OrdersConsumerSqsEventSourceSqsLambdaStackOrdersQueue3A84D26590AC2246 -invokes/poll-> OrdersConsumerF7E9FD2E",
                        "OrdersQueue3DFA1D51 -consumes-> OrdersConsumerSqsEventSourceSqsLambdaStackOrdersQueue3A84D26590AC2246",
                        "OrdersQueue3DFA1D51 -failsTo-> OrdersDlq16CD0DA3",
                        "PaymentsConsumerSqsEventSourceSqsLambdaStackPaymentsQueue1023A003D9CC510F -invokes/poll-> PaymentsConsumer669289BE",
                        "PaymentsQueue59F70EDB -consumes-> PaymentsConsumerSqsEventSourceSqsLambdaStackPaymentsQueue1023A003D9CC510F",
                        "PaymentsQueue59F70EDB -failsTo-> PaymentsDlq46E48F27");
    }

    @Test
    void streamLambda() {
        ResourceGraph g = graph("stream-lambda");
        assertThat(GraphLoading.edges(g, EdgeKind.CONFIGURES))
                .contains(
                        "AccountProjectorDynamoDBEventSourceStreamLambdaStackAccountsC0247C029395FAF1 -failsTo-> StreamFailuresE6D4F770",
                        "AccountsBE8A900E -consumes-> AccountAuditorDynamoDBEventSourceStreamLambdaStackAccountsC0247C02653569FD",
                        "AccountsBE8A900E -consumes-> AccountProjectorDynamoDBEventSourceStreamLambdaStackAccountsC0247C029395FAF1",
                        "ClickProcessorKinesisEventSourceStreamLambdaStackClickStream750CD5AC099D155C -failsTo-> ClickFailures8388592C",
                        "ClickProcessorKinesisEventSourceStreamLambdaStackClickStream750CD5AC099D155C -invokes/poll-> ClickProcessor5DA70808",
                        "ClickStream126342BE -consumes-> ClickProcessorKinesisEventSourceStreamLambdaStackClickStream750CD5AC099D155C",
                        "MetricProcessorKinesisEventSourceStreamLambdaStackMetricStream5389B8DE5526491D -invokes/poll-> MetricProcessorAF1DFCC0");
    }

    @Test
    void sfnWorkflowWithTheProdStageAssembly() {
        ResourceGraph g = graph("sfn-workflow");
        assertThat(g.nodes(NodeKind.STATE_MACHINE))
                .extracting(GraphNode::name)
                .contains("HardenedOrderFlow4E8C10A0", "NaiveOrderFlow8C5F6B55");
        assertThat(g.nodes()).anySatisfy(n -> assertThat(n.file()).contains("assembly-Prod/"));
        assertThat(g.nodes(NodeKind.FUNCTION))
                .allSatisfy(n -> assertThat(n.cdkPath()).isNotNull());
    }

    @Test
    void sfnWorkflowJoinDefinitionHasStatesOnTemplateLinesAndResolvedTaskTargets() throws Exception {
        ResourceGraph g = graph("sfn-workflow");
        StateMachine naive = g.stateMachines().stream()
                .filter(m -> m.name().equals("NaiveOrderFlow8C5F6B55")
                        && !m.file().displayPath().contains("assembly-Prod"))
                .findFirst()
                .orElseThrow();
        List<String> lines = Files.readAllLines(naive.file().path());
        List<State> tasks =
                naive.allStates().stream().filter(s -> s.isType("Task")).toList();
        assertThat(tasks).isNotEmpty();
        for (State s : tasks) {
            // the span of each state name lands on the template line of the Fn::Join part that holds it
            assertThat(lines.get(s.keySpan().line() - 1)).contains(s.name());
        }
        // every Lambda task of the Fn::Join definition resolves to one of the stack's functions
        Set<String> targets = new TreeSet<>();
        for (State s : tasks) {
            for (Edge e : g.taskTargets(s)) {
                targets.add(e.to().name());
            }
        }
        assertThat(targets).contains("ValidateFn1051E81A", "ChargeFn7B79AE09", "ShipFn97F97504");
        GraphNode machine = g.nodeOf(naive);
        assertThat(g.outgoing(machine, EdgeKind.TASK_TARGET))
                .extracting(e -> e.to().kind())
                .containsOnly(NodeKind.FUNCTION);
        assertThat(g.outgoing(machine, EdgeKind.INVOKES))
                .allSatisfy(e -> assertThat(e.to().kind()).isEqualTo(NodeKind.FUNCTION));
    }
}
