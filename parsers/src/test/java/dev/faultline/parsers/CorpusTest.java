package dev.faultline.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.Project;
import dev.faultline.core.model.InputFile;
import dev.faultline.core.rule.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Loads every file of the shared real-world corpus, when it is present. */
@Tag("corpus")
class CorpusTest {

    private static final Path CORPUS = dev.faultline.fixtures.TestData.corpus();

    @Test
    void everyCorpusFileLoadsAndIsClassified() {
        // The shared public corpus (21 MB of third-party files) lives beside the repository, not in it;
        // where it is absent this whole-corpus check cannot run, and the vendored testdata/ tests still do.
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "corpus not present");
        AnalysisRequest request = AnalysisRequest.of(CORPUS, List.of(CORPUS));
        DefaultSourceLoader loader = new DefaultSourceLoader();
        loader.load(request); // warm-up
        long t0 = System.nanoTime();
        Project p = loader.load(request);
        long ms = (System.nanoTime() - t0) / 1_000_000;

        Map<String, Integer> kinds = new TreeMap<>();
        for (InputFile f : p.files()) {
            assertThat(f.kind()).as(f.displayPath()).isNotNull();
            kinds.merge(f.kind().label(), 1, Integer::sum);
        }
        Map<String, Integer> rules = new TreeMap<>();
        for (Finding f : p.inputFindings()) {
            rules.merge(f.ruleId(), 1, Integer::sum);
        }
        System.out.println("corpus: " + p.files().size() + " files " + kinds + ", " + p.templates().size()
                + " templates, parse findings " + rules + ", warm load " + ms + " ms with " + request.threads()
                + " threads");
        assertThat(p.files()).hasSizeGreaterThan(2000);
        assertThat(p.files()).extracting(InputFile::displayPath).isSorted();
    }
}
