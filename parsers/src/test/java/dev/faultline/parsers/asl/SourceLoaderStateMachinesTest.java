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
}
