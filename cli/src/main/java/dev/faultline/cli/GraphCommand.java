package dev.faultline.cli;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.AnalysisResult;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.GraphWriter;
import dev.faultline.core.graph.ResourceGraph;
import dev.faultline.core.rule.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code faultline graph PATH}: prints the resource graph, so users see where each failure goes. */
@Command(name = "graph", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Print the resource graph (invocations with their mode, failure paths, consumers, alarms) "
                + "as JSON, Graphviz DOT or a Mermaid flowchart. In DOT and Mermaid, arrows point the way events "
                + "flow and resources with findings are filled in the colour of their worst severity, with their count.")
final class GraphCommand implements Callable<Integer> {

    /** {@code --format} of this command. */
    enum Format { JSON, DOT, MERMAID }

    private final CliEnvironment env;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or directories (default: .).")
    List<String> paths = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "json",
            description = "json, dot or mermaid (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--references", description = "Also print the plain references (Ref, GetAtt, Sub) edges.")
    boolean references;

    GraphCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        List<Path> inputs = new ArrayList<>();
        for (String p : paths.isEmpty() ? List.of(".") : paths) {
            Path path = env.workingDirectory().resolve(p).normalize();
            if (!Files.exists(path)) {
                throw new UsageException("no such file or directory: " + p);
            }
            inputs.add(path);
        }
        // one analysis: the graph, and the findings that mark its resources in the pictures
        AnalysisResult result = env.analyzer().get().analyze(AnalysisRequest.of(env.workingDirectory(), inputs));
        ResourceGraph g = result.graph();
        GraphWriter w = new GraphWriter(references || format == Format.JSON).withFindings(marks(g, result));
        String text = switch (format) {
            case DOT -> w.dot(g);
            case MERMAID -> w.mermaid(g);
            default -> w.json(g);
        };
        env.out().print(text);
        env.out().flush();
        return ExitCodes.OK;
    }

    /**
     * Active findings per graph node: by the finding's file and resource, or, for a finding in another
     * file than its resource's (a {@code DefinitionUri} definition), by the one node of that name.
     */
    static Map<String, GraphWriter.Mark> marks(ResourceGraph g, AnalysisResult result) {
        Map<String, List<GraphNode>> byName = new HashMap<>();
        for (GraphNode n : g.nodes()) {
            byName.computeIfAbsent(n.name(), k -> new ArrayList<>()).add(n);
        }
        Map<String, GraphWriter.Mark> marks = new HashMap<>();
        for (Finding f : result.activeFindings()) {
            if (f.resource() == null) {
                continue;
            }
            GraphNode n = g.node(f.file() + "#" + f.resource());
            if (n == null) {
                List<GraphNode> named = byName.getOrDefault(f.resource(), List.of());
                n = named.size() == 1 ? named.get(0) : null;
            }
            if (n != null) {
                marks.merge(n.id(), new GraphWriter.Mark(f.severity(), 1), (a, b) -> new GraphWriter.Mark(
                        a.worst().atLeast(b.worst()) ? a.worst() : b.worst(), a.count() + b.count()));
            }
        }
        return marks;
    }
}
