package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.Analyzer;
import dev.faultline.core.engine.RuleRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphCommandTest {

    private static String run(String... args) throws Exception {
        Path wd = Path.of(GraphCommandTest.class.getResource("/graph/sam-app.yaml").toURI()).getParent();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Main(new CliEnvironment(new PrintWriter(out), new PrintWriter(err), wd, Map.of(), false,
                Analyzer::fromClassPath, RuleRegistry::load)).run(args);
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    @Test
    void printsJsonDotAndMermaid() throws Exception {
        assertThat(run("graph", "sam-app.yaml")).contains("\"id\" : \"sam-app.yaml#WorkerFromQueue\"")
                .contains("\"implied\" : true").contains("\"kind\" : \"failsTo\"").contains("\"mode\" : \"poll\"")
                .contains("\"fact\" : \"SAM Api event\"").contains("\"path\" : \"Resources/Worker/Properties/Events/Get\"");
        assertThat(run("graph", "--format", "dot", "sam-app.yaml")).startsWith("digraph faultline {")
                .contains("color=red");
        assertThat(run("graph", "--format", "mermaid", "sam-app.yaml")).startsWith("flowchart LR")
                .contains("-.->|\"failsTo\"|").contains("-->|\"invokes async: SNS subscription (lambda)\"|");
    }
}
