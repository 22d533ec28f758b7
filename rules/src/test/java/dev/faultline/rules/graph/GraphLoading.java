package dev.faultline.rules.graph;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.Analyzer;
import dev.faultline.core.engine.Project;
import dev.faultline.core.graph.Edge;
import dev.faultline.core.graph.EdgeKind;
import dev.faultline.core.graph.GraphBuilder;
import dev.faultline.core.graph.InvocationMode;
import dev.faultline.core.graph.ResourceGraph;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Loads inputs with the real parsers and builds their graph. */
final class GraphLoading {

    private GraphLoading() {}

    static Project load(Path workDir, Path... paths) {
        return Analyzer.defaultLoader(GraphLoading.class.getClassLoader())
                .load(AnalysisRequest.of(workDir, List.of(paths)).withThreads(1));
    }

    static ResourceGraph graph(Project p) {
        return new GraphBuilder().build(p.templates(), p.stateMachines());
    }

    /** Edges as {@code from -kind/mode:qualifier-> to} by node name, without {@code references}. */
    static Set<String> edges(ResourceGraph g, EdgeKind... skip) {
        Set<String> out = new TreeSet<>();
        for (Edge e : g.edges()) {
            if (e.kind() == EdgeKind.REFERENCES || List.of(skip).contains(e.kind())) {
                continue;
            }
            out.add(e.from().name() + " -" + e.kind().label()
                    + (e.mode() == InvocationMode.NONE ? "" : "/" + e.mode().label())
                    + (e.qualifier() == null ? "" : ":" + e.qualifier()) + "-> " + e.to().name());
        }
        return out;
    }
}
