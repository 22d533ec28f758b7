package dev.faultline.core.engine;

import dev.faultline.core.asl.StateMachine;
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
 */
public record Project(
        List<InputFile> files,
        List<Template> templates,
        List<StateMachine> stateMachines,
        List<Finding> inputFindings,
        List<CommentSuppression> commentSuppressions) {

    /** Copies the lists. */
    public Project {
        files = List.copyOf(files);
        templates = List.copyOf(templates);
        stateMachines = List.copyOf(stateMachines);
        inputFindings = List.copyOf(inputFindings);
        commentSuppressions = List.copyOf(commentSuppressions);
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
