package dev.faultline.core.engine;

import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.model.InputFile;
import dev.faultline.core.model.Template;
import dev.faultline.core.rule.Finding;
import java.util.List;

/**
 * Everything a {@link SourceLoader} read: every input file with its classification, the templates
 * and state machines it could load, and the findings about the inputs themselves (FL-PARSE-*).
 * Lists are in a deterministic order (by display path).
 */
public record Project(
        List<InputFile> files,
        List<Template> templates,
        List<StateMachine> stateMachines,
        List<Finding> inputFindings) {

    /** Copies the lists. */
    public Project {
        files = List.copyOf(files);
        templates = List.copyOf(templates);
        stateMachines = List.copyOf(stateMachines);
        inputFindings = List.copyOf(inputFindings);
    }
}
