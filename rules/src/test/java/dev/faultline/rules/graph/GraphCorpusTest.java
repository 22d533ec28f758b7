package dev.faultline.rules.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.engine.Project;
import dev.faultline.core.graph.EdgeKind;
import dev.faultline.core.graph.GraphBuilder;
import dev.faultline.core.graph.GraphWriter;
import dev.faultline.core.graph.ResourceGraph;
import dev.faultline.core.rule.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Builds the graph of the whole shared corpus, when present: no crash, and the numbers. */
@Tag("corpus")
class GraphCorpusTest {

    private static final Path CORPUS = dev.faultline.fixtures.TestData.corpus();

    @Test
    void wholeCorpusLinksWithoutCrashing() {
        // The shared public corpus (21 MB of third-party files) lives beside the repository, not in it;
        // where it is absent this whole-corpus check cannot run, and the vendored testdata/ tests still do.
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "corpus not present");
        Project p = GraphLoading.load(CORPUS, CORPUS);
        new GraphBuilder().build(p.templates(), p.stateMachines()); // warm-up
        long t0 = System.nanoTime();
        ResourceGraph g = new GraphBuilder().build(p.templates(), p.stateMachines());
        long ms = (System.nanoTime() - t0) / 1_000_000;

        int machines = 0;
        int templateMachines = 0;
        int lambdaTasks = 0;
        int lambdaResolved = 0;
        int otherTasks = 0;
        int otherResolved = 0;
        for (StateMachine m : g.stateMachines()) {
            machines++;
            if (g.nodeOf(m) == null) {
                continue;
            }
            templateMachines++;
            for (State s : m.allStates()) {
                if (!s.isType("Task")) {
                    continue;
                }
                String r = s.resource() == null ? "" : s.resource();
                boolean lambda = r.contains(":lambda:") || r.contains("lambda:invoke") || !r.startsWith("arn:");
                if (lambda) {
                    lambdaTasks++;
                    lambdaResolved += g.hasResolvedTaskTarget(s) ? 1 : 0;
                } else {
                    otherTasks++;
                    otherResolved += g.hasResolvedTaskTarget(s) ? 1 : 0;
                }
            }
        }
        Map<String, Integer> edgeKinds = new TreeMap<>();
        g.edges().forEach(e -> edgeKinds.merge(e.kind().label(), 1, Integer::sum));
        long implied = g.nodes().stream().filter(n -> n.implied()).count();
        int unresolved = 0;
        for (Finding f : g.findings()) {
            // the graph's own findings: unresolved references and ill-typed literals
            assertThat(f.ruleId()).isIn("FL-PARSE-003", "FL-PARSE-007");
            unresolved += f.ruleId().equals("FL-PARSE-003") ? 1 : 0;
        }
        System.out.println("graph corpus: " + g.nodes().size() + " nodes (" + implied + " implied), edges " + edgeKinds
                + ", state machines " + machines + " (" + templateMachines + " in templates), Lambda task targets "
                + lambdaResolved + "/" + lambdaTasks + " resolved, other task targets " + otherResolved + "/"
                + otherTasks + " resolved, FL-PARSE-003 " + unresolved + ", graph build " + ms + " ms");
        if (Boolean.getBoolean("faultline.printUnresolved")) {
            g.findings().forEach(f -> System.out.println("  " + f.span() + " " + f.message()));
        }
        assertThat(g.edges(EdgeKind.INVOKES)).isNotEmpty();
        String json = new GraphWriter(false).json(g);
        assertThat(json).startsWith("{");
        assertThat(new GraphWriter(false).mermaid(g)).startsWith("flowchart LR");
    }
}
