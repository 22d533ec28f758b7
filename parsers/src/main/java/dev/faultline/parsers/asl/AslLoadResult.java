package dev.faultline.parsers.asl;

import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.rule.Finding;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link AslLoader} found in one template.
 *
 * @param machines    the state machines it could build, in resource order
 * @param findings    FL-PARSE findings (malformed embedded definitions, bad local paths), located
 *                    in the file the user edits
 * @param unparsed    logical paths of definitions that were present but could not be turned into a
 *                    machine (an unknown {@code DefinitionString} shape, malformed JSON)
 * @param read        the local definition files ({@code DefinitionUri}, {@code DefinitionS3Location})
 *                    it read, absolute and normalized, whether or not they parsed: their problems are
 *                    reported here, with the template's substitutions, and not again for the file alone
 */
public record AslLoadResult(
        List<StateMachine> machines, List<Finding> findings, List<String> unparsed, List<Path> read) {

    public AslLoadResult {
        machines = List.copyOf(machines);
        findings = List.copyOf(findings);
        unparsed = List.copyOf(unparsed);
        read = List.copyOf(read);
    }

    public AslLoadResult(List<StateMachine> machines, List<Finding> findings, List<String> unparsed) {
        this(machines, findings, unparsed, List.of());
    }

    public AslLoadResult(List<StateMachine> machines, List<Finding> findings) {
        this(machines, findings, List.of(), List.of());
    }
}
