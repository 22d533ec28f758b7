package dev.faultline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.AnalysisResult;
import dev.faultline.core.engine.Analyzer;
import dev.faultline.core.graph.Edge;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.rule.Finding;
import dev.faultline.fixtures.FixtureHarness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Graph linking and the rules run per template on the request's threads: all fixtures in one
 * analysis give the same findings (in the same order), tool errors and graph with 1 and 4 threads.
 */
class ThreadCountDeterminismTest {

    @TempDir
    Path extracted;

    @Test
    void oneAndFourThreadsGiveTheSameFindingsAndGraph() {
        Path root = FixtureHarness.builtinFixtures(extracted);
        Analyzer analyzer = Analyzer.fromClassPath();
        AnalysisResult one =
                analyzer.analyze(AnalysisRequest.of(root, List.of(root)).withThreads(1));
        AnalysisResult four =
                analyzer.analyze(AnalysisRequest.of(root, List.of(root)).withThreads(4));

        assertThat(one.files()).hasSizeGreaterThan(40);
        assertThat(one.findings()).hasSizeGreaterThan(100);
        assertThat(describe(four.findings())).containsExactlyElementsOf(describe(one.findings()));
        assertThat(four.toolErrors()).isEqualTo(one.toolErrors());
        assertThat(edges(four)).containsExactlyElementsOf(edges(one));
        assertThat(four.graph().nodes().stream().map(GraphNode::id).toList())
                .containsExactlyElementsOf(
                        one.graph().nodes().stream().map(GraphNode::id).toList());
    }

    private static List<String> describe(List<Finding> findings) {
        return findings.stream()
                .map(f -> f.span() + " " + f.ruleId() + " " + f.severity() + " " + f.logicalPath() + " " + f.resource()
                        + " " + f.suppressed() + " " + f.message())
                .toList();
    }

    private static List<String> edges(AnalysisResult r) {
        return r.graph().edges().stream().map(ThreadCountDeterminismTest::edge).toList();
    }

    private static String edge(Edge e) {
        return e.kind() + " " + e.from().id() + " -> " + e.to().id() + " " + e.mode() + " " + e.qualifier() + " "
                + e.span();
    }
}
