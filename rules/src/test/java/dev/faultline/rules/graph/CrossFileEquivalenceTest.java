package dev.faultline.rules.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.AnalysisResult;
import dev.faultline.core.engine.Analyzer;
import dev.faultline.core.rule.Finding;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
            "FL-SQS-001 OrdersQueue", "FL-SQS-002 OrdersQueue", "FL-OBS-001 PaymentsDlq", "FL-SQS-006 PaymentsDlq");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "getatt",
                "literal-arn",
                "sub-arn",
                "join-arn",
                "nested-stack",
                "sam",
                "import",
                "cdk-exports",
                "cdk-nested",
                "cdk-stage"
            })
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
        // a template that is both an input and another's nested template is linted once
        assertThat(findings).as("each finding once").hasSize(EXPECTED.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nested-stack", "sam"})
    void nestedStackFindingsNameTheOtherFileAndTheStack(String variant) throws Exception {
        String parent = variant.equals("sam") ? "template.yaml" : "parent.yaml";
        List<Finding> findings = findings(dir(variant));
        assertThat(findings).filteredOn(f -> f.resource().equals("OrdersQueue")).allSatisfy(f -> {
            assertThat(f.file()).isEqualTo("queues.yaml");
            assertThat(f.message()).contains("function 'Worker' in " + parent + " (through nested stack 'Queues')");
        });
        assertThat(findings).filteredOn(f -> f.resource().equals("PaymentsDlq")).allSatisfy(f -> {
            assertThat(f.file()).isEqualTo(parent);
            assertThat(f.message()).contains("queue 'PaymentsQueue' in queues.yaml (through nested stack 'Queues')");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"import", "cdk-exports", "cdk-stage"})
    void importedRelationsNameTheExport(String variant) throws Exception {
        List<Finding> findings = findings(dir(variant));
        assertThat(findings)
                .filteredOn(f -> f.ruleId().equals("FL-SQS-002"))
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .containsPattern("function 'Worker[0-9A-F]*' in [^ ]+ \\(through export '"));
    }

    /**
     * A CDK stage ({@code cdk.out/assembly-Prod}, listed in the app's manifest as a
     * {@code cdk:cloud-assembly} artifact) whose two stacks share the queues through exports: its
     * stacks join the one graph, and each finding is located in the stage's stack template that
     * declares the resource, naming the other stack's template and the export.
     */
    @Test
    void stacksOfAStageSubAssemblyJoinTheGraph() throws Exception {
        List<Finding> findings = findings(dir("cdk-stage"));
        assertThat(findings)
                .extracting(Finding::file)
                .containsOnly("cdk.out/assembly-Prod/ProdQueues3F1B2A9C.template.json");
        assertThat(findings)
                .filteredOn(f -> f.ruleId().equals("FL-SQS-001"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.cdkPath()).isEqualTo("Prod/Queues/OrdersQueue/Resource");
                    assertThat(f.message())
                            .contains(
                                    "function 'Worker4B2C1D0E' in cdk.out/assembly-Prod/ProdApp7D4E5C21.template.json"
                                            + " (through export 'Prod-Queues:ExportsOutputFnGetAttOrdersQueueE0B2D1F3Arn7C1D2E3F')");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"nested-stack/parent.yaml", "sam/template.yaml"})
    void lintingTheParentAloneReadsItsNestedTemplateOnce(String parent) throws Exception {
        Path file = dir(parent);
        Path dir = file.getParent();
        AnalysisResult r = Analyzer.fromClassPath().analyze(AnalysisRequest.of(dir, List.of(file)));
        assertThat(r.files())
                .extracting(f -> f.displayPath())
                .containsExactlyInAnyOrder(file.getFileName().toString(), "queues.yaml");
        Set<String> described = new TreeSet<>();
        for (Finding f : r.activeFindings()) {
            assertThat(described.add(f.ruleId() + " " + f.resource()))
                    .as("reported once: " + f)
                    .isTrue();
        }
        assertThat(described).isEqualTo(EXPECTED);
    }

    @Test
    void aNestedTemplatePathThatIsMissingOrLeavesTheProjectIsReportedAndNotRead(@TempDir Path tmp) throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(tmp.resolve("outside.yaml"), "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n");
        Files.writeString(project.resolve("parent.yaml"), """
                Resources:
                  Outside:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: ../outside.yaml
                  Missing:
                    Type: AWS::Serverless::Application
                    Properties:
                      Location: ./missing.yaml
                  Remote:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: https://s3.amazonaws.com/bucket/child.yaml
                """);
        AnalysisResult r =
                Analyzer.fromClassPath().analyze(AnalysisRequest.of(project, List.of(project.resolve("parent.yaml"))));
        assertThat(r.files()).extracting(f -> f.displayPath()).containsExactly("parent.yaml");
        assertThat(r.activeFindings())
                .extracting(f -> f.span().line() + " " + f.ruleId() + " " + f.resource())
                .containsExactly("5 FL-PARSE-004 Outside", "9 FL-PARSE-004 Missing");
    }

    private static Path dir(String variant) throws URISyntaxException {
        return Path.of(CrossFileEquivalenceTest.class
                .getResource("/equivalence/" + variant)
                .toURI());
    }

    private static List<Finding> findings(Path dir) throws IOException {
        return Analyzer.fromClassPath()
                .analyze(AnalysisRequest.of(dir, List.of(dir)))
                .activeFindings();
    }
}
