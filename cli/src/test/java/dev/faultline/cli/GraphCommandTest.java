package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.Analyzer;
import dev.faultline.core.engine.RuleRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GraphCommandTest {

    private static String run(String... args) throws Exception {
        Path wd = Path.of(GraphCommandTest.class
                        .getResource("/graph/sam-app.yaml")
                        .toURI())
                .getParent();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Main(new CliEnvironment(
                        new PrintWriter(out),
                        new PrintWriter(err),
                        wd,
                        Map.of(),
                        false,
                        Analyzer::fromClassPath,
                        RuleRegistry::load))
                .run(args);
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    @Test
    void printsJsonDotAndMermaid() throws Exception {
        assertThat(run("graph", "sam-app.yaml"))
                .contains("\"id\" : \"sam-app.yaml#WorkerFromQueue\"")
                .contains("\"implied\" : true")
                .contains("\"kind\" : \"failsTo\"")
                .contains("\"mode\" : \"poll\"")
                .contains("\"fact\" : \"SAM Api event\"")
                .contains("\"path\" : \"Resources/Worker/Properties/Events/Get\"");
        assertThat(run("graph", "--format", "dot", "sam-app.yaml"))
                .startsWith("digraph faultline {")
                .contains("color=red");
        assertThat(run("graph", "--format", "mermaid", "sam-app.yaml"))
                .startsWith("flowchart LR")
                .contains("-.->|\"failsTo\"|")
                .contains("-->|\"invokes async: SNS subscription (lambda)\"|");
    }

    @Test
    void picturesDrawEdgesFromSourceToTargetAndHighlightResourcesWithFindings() throws Exception {
        Path repo = Path.of("").toAbsolutePath().getParent();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main main = new Main(new CliEnvironment(
                new PrintWriter(out),
                new PrintWriter(err),
                repo,
                Map.of(),
                false,
                Analyzer::fromClassPath,
                RuleRegistry::load));
        assertThat(main.run("graph", "--format", "dot", "examples/sam-orders")).isZero();
        String dot = out.toString();
        String t = "examples/sam-orders/template.yaml#";
        // the queue is read by the mapping: the arrow goes queue -> mapping, and reads that way
        assertThat(dot)
                .contains("\"" + t + "BillingQueue\" -> \"" + t + "BillingMapping\" [label=\"consumed by\"]")
                .contains("\"" + t + "AuditDeadLetterQueue\" -> \"" + t
                        + "AuditDeadLetterQueueAlarm\" [label=\"watched by\"]")
                .contains("\"" + t + "OrderEventsTopic\" -> \"" + t
                        + "AuditFunctionOrderPlaced\" [label=\"subscribed by\"]");
        // IngestQueue has one warning (FL-SQS-001); the audit queue is alarmed and has none
        assertThat(dot)
                .containsPattern("\"" + t + "IngestQueue\" \\[label=\"IngestQueue\\\\nAWS::SQS::Queue\\\\n1 finding "
                        + "\\(warning\\)\", style=filled, fillcolor=\"#fff3cd\"");
        assertThat(dot)
                .containsPattern(
                        "\"" + t + "AuditDeadLetterQueue\" \\[label=\"AuditDeadLetterQueue\\\\nAWS::SQS::Queue\"\\];");

        out.getBuffer().setLength(0);
        assertThat(main.run("graph", "--format", "mermaid", "examples/sam-orders"))
                .isZero();
        String mermaid = out.toString();
        assertThat(mermaid)
                .contains("IngestQueue<br/>SQS::Queue<br/>1 finding (warning)")
                .contains("classDef warning fill:#fff3cd")
                .containsPattern("(?m)^  class n\\d+(,n\\d+)* warning$")
                .contains("-->|\"consumed by\"|")
                .doesNotContain("consumes");
    }

    @Test
    void jsonEdgesCarryTheRedriveTheEventSourceTheTaskAndTheOtherFile() throws Exception {
        JsonNode edges =
                JsonMapper.builder().build().readTree(run("graph", "nested")).get("edges");
        JsonNode redrive = edge(edges, "nested/queues.yaml#PaymentsQueue", "nested/parent.yaml#PaymentsDlq", "failsTo");
        assertThat(redrive.get("redrive").get("maxReceiveCount").asString()).isEqualTo("5");
        assertThat(redrive.get("redrive").get("deadLetterQueue").asString())
                .isEqualTo("nested/parent.yaml#PaymentsDlq");
        assertThat(redrive.get("redrive").get("line").asInt()).isEqualTo(17);
        assertThat(redrive.get("crossesFiles").get("from").asString()).isEqualTo("nested/queues.yaml");
        assertThat(redrive.get("crossesFiles").get("to").asString()).isEqualTo("nested/parent.yaml");
        assertThat(redrive.get("crossesFiles").get("via").asString()).isEqualTo("nested stack 'Queues'");

        JsonNode consumes =
                edge(edges, "nested/queues.yaml#OrdersQueue", "nested/parent.yaml#WorkerMapping", "consumes");
        JsonNode source = consumes.get("eventSource");
        assertThat(source.get("family").asString()).isEqualTo("SQS");
        assertThat(source.get("batchSize").asString()).isEqualTo("1");
        assertThat(source.get("functionResponseTypes").get(0).asString()).isEqualTo("ReportBatchItemFailures");
        assertThat(source.has("maximumRetryAttempts")).isFalse();
        assertThat(consumes.get("crossesFiles").get("via").asString()).isEqualTo("nested stack 'Queues'");

        JsonNode task = edge(edges, "nested/parent.yaml#Flow", "nested/parent.yaml#Worker", "taskTarget");
        assertThat(task.get("task").get("integration").asString()).isEqualTo("LAMBDA");
        assertThat(task.get("task").get("api").asString()).isEqualTo("lambda:invoke");
        assertThat(task.get("task").get("pattern").asString()).isEqualTo("REQUEST_RESPONSE");
        assertThat(task.get("task").get("form").asString()).isEqualTo("OPTIMIZED");
        assertThat(task.has("crossesFiles")).as("both ends in parent.yaml").isFalse();
        assertThat(task.has("redrive") || task.has("eventSource")).isFalse();
    }

    private static JsonNode edge(JsonNode edges, String from, String to, String kind) {
        for (JsonNode e : edges) {
            if (e.get("from").asString().equals(from)
                    && e.get("to").asString().equals(to)
                    && e.get("kind").asString().equals(kind)) {
                return e;
            }
        }
        throw new AssertionError("no " + kind + " edge " + from + " -> " + to + " in " + edges);
    }
}
