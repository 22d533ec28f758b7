package dev.faultline.rules.sfn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.rules.DirectoryLint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether a state's inherited query language is known is a fact of its machine, worked out once per
 * machine while the rules visit its states: machines visited one after another on one thread each
 * get their own answer.
 */
class QueryLanguageAcrossMachinesTest {

    private static final String KNOWN =
            "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Parameters\":{},\"End\":true}}}";

    /** {@code QueryLanguage} inside {@code States}: the language every state inherits is not known. */
    private static final String UNKNOWN = "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"A\",\"States\":"
            + "{\"QueryLanguage\":\"JSONPath\",\"A\":{\"Type\":\"Pass\",\"Parameters\":{},\"End\":true}}}";

    @TempDir
    Path dir;

    @Test
    void eachMachineGetsItsOwnAnswer() throws IOException {
        // read in this order: known, unknown, known
        Files.writeString(dir.resolve("0.asl.json"), KNOWN);
        Files.writeString(dir.resolve("a.asl.json"), UNKNOWN);
        Files.writeString(dir.resolve("b.asl.json"), KNOWN);
        assertThat(DirectoryLint.filesReportedBy(dir, "FL-ASL-006")).containsExactly("0.asl.json", "b.asl.json");
        assertThat(DirectoryLint.filesReportedBy(dir, "FL-ASL-002")).containsExactly("a.asl.json");
    }
}
