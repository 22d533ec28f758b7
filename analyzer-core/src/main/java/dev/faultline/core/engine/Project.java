package dev.faultline.core.engine;

import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.graph.ReferenceScan;
import dev.faultline.core.model.InputFile;
import dev.faultline.core.model.Template;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.suppress.CommentSuppression;
import java.util.List;

/**
 * Everything a {@link SourceLoader} read: every input file with its classification, the templates
 * and state machines it could load, the findings about the inputs themselves (FL-PARSE-*), and the
 * suppressions written as comments in Serverless Framework service files.
 * Lists are in a deterministic order (by display path).
 *
 * @param referenceScans the {@link ReferenceScan}s the loader made of some templates while their
 *                       trees were fresh (any subset, any order; the graph builder scans the others)
 */
public record Project(
        List<InputFile> files,
        List<Template> templates,
        List<StateMachine> stateMachines,
        List<Finding> inputFindings,
        List<CommentSuppression> commentSuppressions,
        List<ReferenceScan> referenceScans) {

    /** Copies the lists. */
    public Project {
        files = List.copyOf(files);
        templates = List.copyOf(templates);
        stateMachines = List.copyOf(stateMachines);
        inputFindings = List.copyOf(inputFindings);
        commentSuppressions = List.copyOf(commentSuppressions);
        referenceScans = List.copyOf(referenceScans);
    }

    /** A project whose templates the graph builder scans itself. */
    public Project(
            List<InputFile> files,
            List<Template> templates,
            List<StateMachine> stateMachines,
            List<Finding> inputFindings,
            List<CommentSuppression> commentSuppressions) {
        this(files, templates, stateMachines, inputFindings, commentSuppressions, List.of());
    }

    /** A project without comment suppressions. */
    public Project(
            List<InputFile> files,
            List<Template> templates,
            List<StateMachine> stateMachines,
            List<Finding> inputFindings) {
        this(files, templates, stateMachines, inputFindings, List.of());
    }
}
