package dev.faultline.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.model.InputFile;
import dev.faultline.core.model.InputKind;
import dev.faultline.core.model.Template;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Span;
import dev.faultline.parsers.asl.AslLoadResult;
import dev.faultline.parsers.asl.AslLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * What the property and fuzz tests run on one input: the per-file pipeline of the loader (parse,
 * classify, template model, state machines) in memory, checking that only our own located
 * FL-PARSE findings come out. Any exception escapes and fails the test (or is a Jazzer finding).
 */
final class FuzzTargets {

    /** A project root with nothing in it: DefinitionUri paths resolve to missing files. */
    private static final Path ROOT = Path.of("/nonexistent-faultline-fuzz-root");

    private FuzzTargets() {}

    static void yaml(String text) {
        pipeline(TreeParser.parseYaml(text, "fuzz.yaml"), "fuzz.yaml");
    }

    static void json(String text) {
        pipeline(TreeParser.parseJson(text, "fuzz.json"), "fuzz.json");
    }

    static void auto(String text) {
        pipeline(TreeParser.parseAuto(text, "fuzz.template"), "fuzz.template");
    }

    /** A state machine definition, standalone and embedded in a template as DefinitionString. */
    static void asl(String definition) {
        pipeline(TreeParser.parseJson(definition, "fuzz.asl.json"), "fuzz.asl.json");
        StringBuilder t = new StringBuilder("{\"Resources\": {\"SM\": {\"Type\": \"AWS::StepFunctions::StateMachine\","
                + " \"Properties\": {\"DefinitionString\": \"");
        for (int i = 0; i < definition.length(); i++) {
            char c = definition.charAt(i);
            if (c == '"' || c == '\\') {
                t.append('\\').append(c);
            } else if (c < 0x20) {
                t.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                t.append(c);
            }
        }
        t.append("\"}}}}");
        pipeline(TreeParser.parseJson(t.toString(), "fuzz-template.json"), "fuzz-template.json");
    }

    private static void pipeline(TreeParser.ParseResult parsed, String file) {
        checkFindings(parsed.findings(), file);
        InputKind kind = Classifier.classify(parsed.root(), false);
        InputFile input = new InputFile(ROOT.resolve(file), file, kind);
        if (kind == InputKind.CLOUDFORMATION || kind == InputKind.SAM || kind == InputKind.CDK) {
            Template template = TemplateModelBuilder.build(input, (MapNode) parsed.root(), null);
            AslLoadResult r = AslLoader.load(template, ROOT);
            checkFindings(r.findings(), file);
            for (StateMachine m : r.machines()) {
                assertThat(m.allStates()).isNotNull();
            }
        } else if (kind == InputKind.ASL) {
            StateMachine m = AslLoader.loadStandalone(input, (MapNode) parsed.root());
            assertThat(m.allStates()).isNotNull();
        }
    }

    static void checkFindings(List<Finding> findings, String file) {
        for (Finding f : findings) {
            assertThat(f.ruleId()).startsWith("FL-PARSE-");
            Span s = f.span();
            assertThat(s.file()).isEqualTo(file);
            assertThat(s.line()).isPositive();
            assertThat(s.column()).isPositive();
            assertThat(f.message()).isNotBlank();
        }
    }
}
