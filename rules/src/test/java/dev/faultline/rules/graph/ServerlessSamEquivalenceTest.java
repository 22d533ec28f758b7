package dev.faultline.rules.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.Analyzer;
import dev.faultline.core.rule.Finding;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One service written as {@code serverless.yml} (with a variable, a {@code ${file()}} fragment in
 * {@code resources:} and the framework's defaults) and as the equivalent SAM template (with the
 * framework's compiled logical ids as SAM event names, and its defaults written out) gives the same
 * findings on the same logical resources; each finding of the service is on the line of
 * {@code serverless.yml} or of the included file where the function, event or resource is written.
 */
class ServerlessSamEquivalenceTest {

    private static final Pattern SAM_EVENT = Pattern.compile("^Resources/[^/]+/Properties/Events/([^/]+)(/|$)");

    private static Path dir(String name) throws URISyntaxException {
        return Path.of(ServerlessSamEquivalenceTest.class
                .getResource("/serverless-equivalence/" + name)
                .toURI());
    }

    private static List<Finding> findings(Path dir) {
        return Analyzer.fromClassPath()
                .analyze(AnalysisRequest.of(dir, List.of(dir)).withThreads(1))
                .activeFindings();
    }

    /** Rule id and logical resource: a SAM event's resource is {@code <Function><EventName>}. */
    private static String described(Finding f) {
        String resource = f.resource();
        Matcher m = SAM_EVENT.matcher(f.logicalPath() == null ? "" : f.logicalPath());
        if (m.find()) {
            resource = resource + m.group(1);
        }
        return f.ruleId() + " " + resource.replaceFirst("LambdaFunction$", "");
    }

    @Test
    void theServiceAndItsSamTemplateGiveTheSameFindings() throws Exception {
        Set<String> sls = new TreeSet<>();
        for (Finding f : findings(dir("serverless"))) {
            sls.add(described(f));
        }
        Set<String> sam = new TreeSet<>();
        for (Finding f : findings(dir("sam"))) {
            sam.add(described(f));
        }
        assertThat(sls)
                .containsExactlyInAnyOrder(
                        "FL-SQS-001 OrdersQueue",
                        "FL-SQS-002 OrdersQueue",
                        "FL-OBS-001 Failures",
                        "FL-LAMBDA-001 Hello",
                        "FL-ESM-002 HelloEventSourceMappingKinesisClicks",
                        "FL-SNS-001 HelloSnsSubscriptionOrders",
                        "FL-EVENTS-001 HellobridgeEventBridgeRule",
                        "FL-EVENTS-001 HelloEventsRuleSchedule1");
        assertThat(sam).isEqualTo(sls);
    }

    @Test
    void findingsAreOnTheLinesWhereTheServiceWritesThem() throws Exception {
        Path dir = dir("serverless");
        for (Finding f : findings(dir)) {
            String line = Files.readAllLines(dir.resolve(f.file())).get(f.span().line() - 1);
            String expected = switch (f.ruleId()) {
                case "FL-SQS-001", "FL-OBS-001" -> f.resource() + ":";
                case "FL-SQS-002" -> "VisibilityTimeout: 5";
                case "FL-LAMBDA-001" -> "hello:";
                case "FL-ESM-002" -> "- stream:";
                case "FL-SNS-001" -> "- sns: orders";
                case "FL-EVENTS-001" -> f.resource().contains("Schedule") ? "- schedule:" : "- eventBridge:";
                default -> throw new AssertionError("unexpected " + f);
            };
            assertThat(line).as(f.toString()).contains(expected);
            assertThat(f.file())
                    .isEqualTo(
                            f.resource().endsWith("Queue") || f.resource().equals("Failures")
                                    ? "resources/queues.yml"
                                    : "serverless.yml");
        }
    }
    /**
     * The second service: kafka, msk, http (with {@code provider.apiGateway.timeoutInMillis} from a
     * variable, an event's own {@code timeoutInMillis}, {@code async: true}), httpApi, cloudwatchLog,
     * iot and cognitoUserPool events, against the SAM template with the compiled logical ids.
     */
    @Test
    void brokerLogIotCognitoAndApiEventsGiveTheFindingsOfTheirSamTemplate() throws Exception {
        Set<String> sls = new TreeSet<>();
        for (Finding f : findings(dir("invokers/serverless"))) {
            sls.add(described(f));
        }
        Set<String> sam = new TreeSet<>();
        for (Finding f : findings(dir("invokers/sam"))) {
            sam.add(described(f));
        }
        assertThat(sls)
                .containsExactlyInAnyOrder(
                        "FL-ESM-001 IngestEventSourceMappingKafkaPayments",
                        "FL-ESM-002 IngestEventSourceMappingKafkaPayments",
                        "FL-ESM-001 IngestEventSourceMappingMSKPaymentsSettlements",
                        "FL-ESM-002 IngestEventSourceMappingMSKPaymentsSettlements",
                        "FL-SYNC-001 Checkout",
                        "FL-SYNC-001 Upload",
                        "FL-LAMBDA-001 Enqueue",
                        "FL-LAMBDA-001 ShipLogs",
                        "FL-LAMBDA-001 Telemetry",
                        "FL-IOT-001 TelemetryIotTopicRule1",
                        "FL-SYNC-002 PreSignUp");
        assertThat(sam).isEqualTo(sls);
        Path dir = dir("invokers/serverless");
        for (Finding f : findings(dir)) {
            String line = Files.readAllLines(dir.resolve(f.file())).get(f.span().line() - 1);
            String expected = switch (f.ruleId()) {
                case "FL-ESM-001", "FL-ESM-002" -> f.message().contains("MSK") ? "- msk:" : "- kafka:";
                case "FL-SYNC-001" -> "timeout: ";
                case "FL-LAMBDA-001", "FL-SYNC-002" -> {
                    String fn = f.resource().replaceFirst("LambdaFunction$", "");
                    yield "  " + Character.toLowerCase(fn.charAt(0)) + fn.substring(1) + ":";
                }
                case "FL-IOT-001" -> "- iot:";
                default -> throw new AssertionError("unexpected " + f);
            };
            assertThat(line).as(f.toString()).contains(expected);
        }
    }
}
