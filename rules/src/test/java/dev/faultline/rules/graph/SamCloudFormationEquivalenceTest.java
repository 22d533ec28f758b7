package dev.faultline.rules.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.Project;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.graph.ResourceGraph;
import dev.faultline.core.model.Template;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The product's promise: the same application written as SAM and as raw CloudFormation gives the
 * same typed edges, so a rule written once against the graph sees both alike.
 */
class SamCloudFormationEquivalenceTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(SamCloudFormationEquivalenceTest.class
                .getResource("/graph/" + name)
                .toURI());
    }

    @Test
    void samAndRawCloudFormationGiveTheSameEdges() throws Exception {
        Path sam = resource("sam-app.yaml");
        Path cfn = resource("cfn-app.yaml");
        Project ps = GraphLoading.load(sam.getParent(), sam);
        Project pc = GraphLoading.load(cfn.getParent(), cfn);
        ResourceGraph gs = GraphLoading.graph(ps);
        ResourceGraph gc = GraphLoading.graph(pc);

        Set<String> expected = Set.of(
                "OrdersQueue -consumes-> WorkerFromQueue",
                "OrdersQueue -failsTo-> OrdersDlq",
                "ClickStream -consumes-> WorkerFromStream",
                "WorkerFromQueue -invokes/poll-> Worker",
                "WorkerFromStream -invokes/poll-> Worker",
                "WorkerFromStream -failsTo-> OrdersDlq",
                "Worker -failsTo-> FnDlq",
                "WorkerSignup -subscribes-> SignupTopic",
                "WorkerSignup -invokes/async-> Worker",
                "WorkerPaid -subscribes-> Bus",
                "WorkerPaid -invokes/async-> Worker",
                "WorkerPaid -failsTo-> OrdersDlq",
                "WorkerNightly -invokes/async-> Worker",
                "ServerlessRestApi -invokes/sync-> Worker");
        assertThat(GraphLoading.edges(gs)).isEqualTo(expected);
        assertThat(GraphLoading.edges(gc)).isEqualTo(expected);

        Template ts = ps.templates().get(0);
        GraphNode fn = gs.find(ts, "Worker");
        assertThat(fn.kind()).isEqualTo(NodeKind.FUNCTION);
        assertThat(fn.property("Timeout").text()).isEqualTo("20");
        assertThat(fn.property("Timeout").span().line()).isEqualTo(5);
        GraphNode esm = gs.find(ts, "WorkerFromQueue");
        assertThat(esm.implied()).isTrue();
        assertThat(esm.span().line()).isEqualTo(37);
        assertThat(esm.property("EventSourceArn").span().line()).isEqualTo(40);
        assertThat(gs.findings()).isEmpty();
        assertThat(gc.findings()).isEmpty();
    }
}
