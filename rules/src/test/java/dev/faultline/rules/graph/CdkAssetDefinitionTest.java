package dev.faultline.rules.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.AnalysisResult;
import dev.faultline.core.engine.Analyzer;
import dev.faultline.core.model.InputKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An Express state machine of a CDK assembly whose definition is a file asset
 * ({@code DefinitionBody.fromFile}: {@code DefinitionS3Location} with the asset's object key): the
 * asset is found through the assembly's asset manifest, read as the machine's definition, listed as
 * ASL, and its states get their findings in the asset file, with the template's substitutions.
 */
class CdkAssetDefinitionTest {

    private static final String ASSET = "cdk.out/asset.5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c.json";

    @Test
    void definitionS3LocationAssetIsLintedWithItsTemplate() throws Exception {
        Path dir = Path.of(CdkAssetDefinitionTest.class.getResource("/cdk-asset").toURI());
        AnalysisResult r = Analyzer.fromClassPath().analyze(AnalysisRequest.of(dir, List.of(dir)));
        assertThat(r.files()).filteredOn(f -> f.displayPath().equals(ASSET)).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(InputKind.ASL));
        assertThat(r.activeFindings()).extracting(f -> f.file() + ":" + f.span().line() + " " + f.ruleId() + " " + f.resource())
                .containsExactlyInAnyOrder(
                        ASSET + ":5 FL-SFN-002 OrderFlow1E2F3A4B",
                        ASSET + ":14 FL-SFN-006 OrderFlow1E2F3A4B",
                        "cdk.out/WorkflowStack.template.json:66 FL-SFN-008 OrderFlow1E2F3A4B");
    }
}
