package dev.faultline.parsers.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.model.InputFile;
import dev.faultline.core.model.InputKind;
import dev.faultline.core.tree.MapNode;
import dev.faultline.parsers.TemplateModelBuilder;
import dev.faultline.parsers.TreeParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Loads every definition and state machine template of the shared corpus. */
@Tag("corpus")
class AslCorpusTest {

    private static final Path CORPUS = dev.faultline.fixtures.TestData.corpus();

    @Test
    void loadsEveryStateMachineOfTheCorpusWithoutCrashing() throws IOException {
        // The shared public corpus (21 MB of third-party files) lives beside the repository, not in it;
        // where it is absent this whole-corpus check cannot run, and the vendored testdata/ tests still do.
        assumeTrue(Files.isRegularFile(CORPUS.resolve("INDEX.tsv")), "the shared corpus is not on this machine");
        List<String> rows = Files.readAllLines(CORPUS.resolve("INDEX.tsv"), StandardCharsets.UTF_8);
        int standalone = 0;
        int templates = 0;
        int machines = 0;
        int states = 0;
        int placeholders = 0;
        List<String> unparsed = new ArrayList<>();
        int findings = 0;
        java.util.Map<String, Integer> byForm = new java.util.TreeMap<>();
        for (String row : rows.subList(1, rows.size())) {
            String rel = row.substring(0, row.indexOf('\t'));
            String lower = rel.toLowerCase(Locale.ROOT);
            if (!(lower.endsWith(".json") || lower.endsWith(".yaml") || lower.endsWith(".yml")
                    || lower.endsWith(".template"))) {
                continue;
            }
            Path file = CORPUS.resolve(rel);
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (java.nio.charset.MalformedInputException e) {
                continue; // not UTF-8: the discovery reports it, nothing of ours to load
            }
            TreeParser.ParseResult parsed = TreeParser.parseAuto(text, rel);
            MapNode root = parsed.root() == null ? null : parsed.root().asMap();
            if (root == null) {
                continue;
            }
            if (AslLoader.isDefinition(root)) {
                StateMachine m = AslLoader.loadStandalone(new InputFile(file, rel, InputKind.ASL), root);
                standalone++;
                machines++;
                states += m.allStates().size();
            } else if (root.getMap("Resources") != null && (text.contains("AWS::StepFunctions::StateMachine")
                    || text.contains("AWS::Serverless::StateMachine"))) {
                templates++;
                AslLoadResult r = AslLoader.load(
                        TemplateModelBuilder.build(new InputFile(file, rel, InputKind.CLOUDFORMATION), root, null),
                        CORPUS);
                for (StateMachine m : r.machines()) {
                    machines++;
                    states += m.allStates().size();
                    placeholders += m.placeholders().size();
                    String path = m.top().logicalPath();
                    byForm.merge(path.substring(path.lastIndexOf('/') + 1), 1, Integer::sum);
                    assertThat(m.allStates()).allSatisfy(s -> assertThat(s.keySpan().file())
                            .isEqualTo(m.file().displayPath()));
                }
                findings += r.findings().size();
                r.findings().forEach(f -> System.out.println("  finding: " + f.span() + " " + f.ruleId() + " "
                        + f.message()));
                r.unparsed().forEach(u -> unparsed.add(rel + " " + u));
            }
        }
        System.out.printf(Locale.ROOT, "ASL corpus: %d standalone definitions, %d templates with state machines,"
                        + " %d machines, %d states, %d placeholders, %d findings, %d definitions not parsed%n",
                standalone, templates, machines, states, placeholders, findings, unparsed.size());
        System.out.println("  template machines by property: " + byForm);
        unparsed.forEach(u -> System.out.println("  not parsed: " + u));
        assertThat(machines).isGreaterThan(300);
    }
}
