package dev.faultline.cli;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.Analyzer;
import dev.faultline.core.engine.Project;
import dev.faultline.core.graph.GraphBuilder;
import dev.faultline.core.graph.GraphWriter;
import dev.faultline.core.graph.ResourceGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code faultline graph PATH}: prints the resource graph, so users see where each failure goes. */
@Command(name = "graph", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Print the resource graph (invocations with their mode, failure paths, consumers, alarms) "
                + "as JSON, Graphviz DOT or a Mermaid flowchart.")
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
        Project project = Analyzer.defaultLoader(GraphCommand.class.getClassLoader())
                .load(AnalysisRequest.of(env.workingDirectory(), inputs));
        ResourceGraph g = new GraphBuilder().build(project.templates(), project.stateMachines());
        GraphWriter w = new GraphWriter(references || format == Format.JSON);
        String text = switch (format) {
            case DOT -> w.dot(g);
            case MERMAID -> w.mermaid(g);
            default -> w.json(g);
        };
        env.out().print(text);
        env.out().flush();
        return ExitCodes.OK;
    }
}
