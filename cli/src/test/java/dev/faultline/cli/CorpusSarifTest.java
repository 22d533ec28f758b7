package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cli.LintEndToEndTest.Run;
import dev.faultline.fixtures.SarifChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SARIF of a lint over the whole shared corpus (about 2,700 real files) validates against the
 * SARIF 2.1.0 schema and GitHub's rules. The corpus lies outside the repository, so every uri is a
 * relative reference starting with {@code ..}. Skipped where the corpus is not present.
 */
@Tag("corpus")
class CorpusSarifTest {

    static final Path CORPUS = Path.of(System.getProperty("faultline.corpus", "/work/shared/corpus"));

    /** The repository root: Maven runs the tests in {@code cli/}. */
    static final Path REPO = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path tmp;

    @Test
    void theCorpusSarifIsValidForCodeScanning() throws IOException {
        // The shared public corpus (21 MB of third-party files) lives beside the repository, not in it;
        // where it is absent this whole-corpus check cannot run, and the vendored testdata/ tests still do.
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "corpus not present");
        Path sarif = tmp.resolve("corpus.sarif");
        Run r = LintEndToEndTest.lint(REPO, "--format", "sarif", "-o", sarif.toString(), "--include-suppressed",
                CORPUS.toString());
        assertThat(r.err()).doesNotContain("internal error").doesNotContain("tool error");
        assertThat(r.code()).isIn(0, 1);
        String text = Files.readString(sarif);
        assertThat(SarifChecks.problems(text)).isEmpty();

        JsonNode results = JsonMapper.builder().build().readTree(text).get("runs").get(0).get("results");
        assertThat(results.size()).isPositive();
        String expectedPrefix = corpusPrefix(REPO, CORPUS);
        for (JsonNode res : results) {
            assertThat(res.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asString())
                    .startsWith(expectedPrefix);
        }
    }

    /** The display path of the corpus from the repository, as the parsers compute it. */
    private static String corpusPrefix(Path wd, Path corpus) {
        return dev.faultline.parsers.Discovery.displayPath(wd, corpus) + "/";
    }
}
