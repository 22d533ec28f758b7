package dev.faultline.rules.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.Analyzer;
import dev.faultline.core.rule.Finding;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One application (a function consuming an orders queue that has no redrive policy and a short
 * visibility timeout; a payments queue that redrives to a DLQ keeping messages no longer than the
 * queue, with no alarm) written in every way a relation can be written: {@code !GetAtt}, a literal
 * ARN, an ARN built by {@code !Sub} or {@code Fn::Join}, a nested stack (parameter in, output
 * back), a SAM nested application, an {@code Fn::ImportValue} of an export, and CDK output (two
 * stacks linked by exports, a nested stack linked by a parameter and outputs). Each must give the
 * same findings on the same logical resources, each located at the resource in the file that
 * declares it.
 */
class CrossFileEquivalenceTest {

    /** The findings of the application, by rule id and logical id (CDK's hash suffix removed). */
    private static final Set<String> EXPECTED = Set.of(
            "FL-SQS-001 OrdersQueue",
            "FL-SQS-002 OrdersQueue",
            "FL-OBS-001 PaymentsDlq",
            "FL-SQS-006 PaymentsDlq");

    @ParameterizedTest
    @ValueSource(strings = {"getatt", "literal-arn", "sub-arn", "join-arn", "nested-stack", "sam", "import",
            "cdk-exports", "cdk-nested"})
    void sameFindingsHoweverTheRelationIsWritten(String variant) throws Exception {
        Path dir = dir(variant);
        List<Finding> findings = findings(dir);
        Set<String> described = new TreeSet<>();
        for (Finding f : findings) {
            described.add(f.ruleId() + " " + f.resource().replaceFirst("[0-9A-F]{8}$", ""));
            // located at the resource, in the file that declares it
            List<String> lines = Files.readAllLines(dir.resolve(f.file()));
            assertThat(lines.get(f.span().line() - 1)).as(f.toString()).contains(f.resource());
        }
        assertThat(described).isEqualTo(EXPECTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nested-stack", "sam"})
    void nestedStackFindingsNameTheOtherFileAndTheStack(String variant) throws Exception {
        String parent = variant.equals("sam") ? "template.yaml" : "parent.yaml";
        List<Finding> findings = findings(dir(variant));
        assertThat(findings).filteredOn(f -> f.resource().equals("OrdersQueue"))
                .allSatisfy(f -> {
                    assertThat(f.file()).isEqualTo("queues.yaml");
                    assertThat(f.message()).contains("function 'Worker' in " + parent + " (through nested stack 'Queues')");
                });
        assertThat(findings).filteredOn(f -> f.resource().equals("PaymentsDlq"))
                .allSatisfy(f -> {
                    assertThat(f.file()).isEqualTo(parent);
                    assertThat(f.message()).contains("queue 'PaymentsQueue' in queues.yaml (through nested stack 'Queues')");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"import", "cdk-exports"})
    void importedRelationsNameTheExport(String variant) throws Exception {
        List<Finding> findings = findings(dir(variant));
        assertThat(findings).filteredOn(f -> f.ruleId().equals("FL-SQS-002")).singleElement()
                .satisfies(f -> assertThat(f.message()).containsPattern("function 'Worker[0-9A-F]*' in [^ ]+ \\(through export '"));
    }

    private static Path dir(String variant) throws URISyntaxException {
        return Path.of(CrossFileEquivalenceTest.class.getResource("/equivalence/" + variant).toURI());
    }

    private static List<Finding> findings(Path dir) throws IOException {
        return Analyzer.fromClassPath().analyze(AnalysisRequest.of(dir, List.of(dir))).activeFindings();
    }
}
