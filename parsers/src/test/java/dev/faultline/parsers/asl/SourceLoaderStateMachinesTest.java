package dev.faultline.parsers.asl;

import static dev.faultline.parsers.asl.AslTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.Project;
import dev.faultline.parsers.DefaultSourceLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceLoaderStateMachinesTest {

    @TempDir
    Path dir;

    @Test
    void projectHoldsTemplateAndStandaloneMachinesOnceEach() throws IOException {
        String asl = "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}";
        write(dir, "a/flow.asl.json", asl);
        write(dir, "b/other.asl.json", asl);
        write(dir, "a/template.yaml", """
                Resources:
                  Second:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: flow.asl.json
                  First:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      DefinitionUri: ../../etc/passwd
                      Definition: {StartAt: X, States: {X: {Type: Pass, End: true}}}
                """);
        Project p = new DefaultSourceLoader()
                .load(AnalysisRequest.of(dir, List.of(dir)).withThreads(2));

        assertThat(p.stateMachines())
                .extracting(StateMachine::name, m -> m.file().displayPath())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Second", "a/flow.asl.json"),
                        org.assertj.core.groups.Tuple.tuple("First", "a/template.yaml"),
                        org.assertj.core.groups.Tuple.tuple("other.asl.json", "b/other.asl.json"));
        assertThat(p.inputFindings()).isEmpty();
    }

    @Test
    void definitionStringPositionsComeFromTheTextTheLoaderRead() throws IOException {
        // a byte order mark is not part of the text the tree's positions count in: a state inside a
        // DefinitionString on line 1 is placed where the loader's text has it, not one column off
        String json = "{\"Resources\": {\"M\": {\"Type\": \"AWS::StepFunctions::StateMachine\", \"Properties\": "
                + "{\"DefinitionString\": \"{\\\"StartAt\\\": \\\"A\\\", \\\"States\\\": "
                + "{\\\"A\\\": {\\\"Type\\\": \\\"Succeed\\\"}}}\"}}}}";
        write(dir, "bom/t.json", "\uFEFF" + json);
        write(dir, "plain/t.json", json);
        dev.faultline.core.tree.Span withMark = stateKey(dir.resolve("bom"));
        dev.faultline.core.tree.Span without = stateKey(dir.resolve("plain"));

        assertThat(withMark.line()).isEqualTo(1);
        assertThat(withMark.column()).isGreaterThan(json.indexOf("DefinitionString"));
        assertThat(withMark.column()).isEqualTo(without.column());
        assertThat(withMark.endColumn()).isEqualTo(without.endColumn());
    }

    @Test
    void withoutTheLoadersTextTheFileIsReadAsTheLoaderReadsIt() throws IOException {
        // AslLoader.load without a text reads the template again: the byte order mark is dropped
        // there too, so the state is placed in the same column as through the loader
        String json = "{\"Resources\": {\"M\": {\"Type\": \"AWS::StepFunctions::StateMachine\", \"Properties\": "
                + "{\"DefinitionString\": \"{\\\"StartAt\\\": \\\"A\\\", \\\"States\\\": "
                + "{\\\"A\\\": {\\\"Type\\\": \\\"Succeed\\\"}}}\"}}}}";
        Path file = write(dir, "again/t.json", "\uFEFF" + json);
        dev.faultline.core.model.Template template = DefaultSourceLoader.loadOne(
                        new dev.faultline.parsers.Discovery.Candidate(file, "again/t.json", false, null))
                .template();
        AslLoadResult reread = AslLoader.load(template, dir);
        assertThat(reread.findings()).isEmpty();
        dev.faultline.core.tree.Span again =
                reread.machines().get(0).allStates().get(0).keySpan();
        dev.faultline.core.tree.Span loaded = stateKey(dir.resolve("again"));
        assertThat(again.line()).isEqualTo(1);
        assertThat(List.of(again.column(), again.endColumn())).isEqualTo(List.of(loaded.column(), loaded.endColumn()));
    }

    private static dev.faultline.core.tree.Span stateKey(Path root) {
        Project p = new DefaultSourceLoader()
                .load(AnalysisRequest.of(root, List.of(root)).withThreads(1));
        assertThat(p.inputFindings()).isEmpty();
        return p.stateMachines().get(0).allStates().get(0).keySpan();
    }

    @Test
    void aDefinitionFileThatATemplateReadsIsReportedOnceWithTheTemplatesSubstitutions() throws IOException {
        write(
                dir,
                "app/bare.asl.json",
                "{\"StartAt\": \"A\", \"TimeoutSeconds\": ${Timeout},\n"
                        + " \"States\": {\"A\": {\"Type\": \"Succeed\"}}}\n");
        write(dir, "app/broken.asl.json", "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\",}}}\n");
        write(dir, "app/template.yaml", """
                Resources:
                  Bare:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: bare.asl.json
                      DefinitionSubstitutions: {Timeout: 60}
                  Broken:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: broken.asl.json
                """);
        Project p = new DefaultSourceLoader()
                .load(AnalysisRequest.of(dir, List.of(dir)).withThreads(1));

        // the bare token parses with the template's substitution; the broken file is reported once
        assertThat(p.stateMachines()).extracting(StateMachine::name).containsExactly("Bare");
        assertThat(p.inputFindings())
                .extracting(f -> f.ruleId() + "@" + f.file() + ":" + f.span().line())
                .containsExactly("FL-PARSE-001@app/broken.asl.json:1");
    }
}
