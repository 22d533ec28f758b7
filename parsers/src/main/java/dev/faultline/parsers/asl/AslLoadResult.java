package dev.faultline.parsers.asl;

import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.rule.Finding;
import java.util.List;

/**
 * What {@link AslLoader} found in one template.
 *
 * @param machines    the state machines it could build, in resource order
 * @param findings    FL-PARSE findings (malformed embedded definitions, bad local paths), located
 *                    in the file the user edits
 * @param unparsed    logical paths of definitions that were present but could not be turned into a
 *                    machine (an unknown {@code DefinitionString} shape, malformed JSON)
 */
public record AslLoadResult(List<StateMachine> machines, List<Finding> findings, List<String> unparsed) {

    public AslLoadResult {
        machines = List.copyOf(machines);
        findings = List.copyOf(findings);
        unparsed = List.copyOf(unparsed);
    }

    public AslLoadResult(List<StateMachine> machines, List<Finding> findings) {
        this(machines, findings, List.of());
    }
}
