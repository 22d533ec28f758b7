package dev.faultline.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which directory a template's local DefinitionUri may not leave. */
class ProjectRootTest {

    @Test
    void insideTheWorkingDirectoryItIsTheWorkingDirectory() {
        Path wd = Path.of("/repo");
        assertThat(DefaultSourceLoader.projectRoot(Path.of("/repo/app/t.yaml"), wd, List.of(Path.of("/repo/app"))))
                .isEqualTo(wd);
    }

    @Test
    void outsideItIsTheDeepestInputPathHoldingTheFile() {
        Path wd = Path.of("/work/main");
        List<Path> inputs = List.of(Path.of("/work/shared"), Path.of("/work/shared/corpus"));
        assertThat(DefaultSourceLoader.projectRoot(Path.of("/work/shared/corpus/a/t.yaml"), wd, inputs))
                .isEqualTo(Path.of("/work/shared/corpus"));
    }

    @Test
    void aDefinitionUriNextToATemplateOutsideTheWorkingDirectoryLoads(@TempDir Path tmp) throws Exception {
        Path wd = Files.createDirectories(tmp.resolve("cwd"));
        Path app = Files.createDirectories(tmp.resolve("other/app"));
        Files.writeString(
                app.resolve("sm.asl.json"), "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}");
        Files.writeString(app.resolve("template.yaml"), """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Machine:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: sm.asl.json
                """);
        Project p = new DefaultSourceLoader()
                .load(AnalysisRequest.of(wd, List.of(tmp.resolve("other"))).withThreads(1));
        assertThat(p.inputFindings()).isEmpty();
        assertThat(p.stateMachines()).extracting(m -> m.name()).contains("Machine");
    }

    @Test
    void aDefinitionFileIsShownTheWayItsTemplateIsShown(@TempDir Path tmp) throws Exception {
        Path wd = Files.createDirectories(tmp.resolve("cwd"));
        Path app = Files.createDirectories(tmp.resolve("other/app"));
        Files.writeString(
                app.resolve("sm.asl.json"), "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}");
        Files.writeString(app.resolve("template.yaml"), """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Machine:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: sm.asl.json
                """);
        Path input = tmp.resolve("other").toAbsolutePath().normalize();
        Project p = new DefaultSourceLoader()
                .load(AnalysisRequest.of(wd, List.of(input)).withThreads(1));

        // the definition file is shown in the same form as its template (same base, same prefix),
        // not relative to the input path, which would read as relative to the working directory
        assertThat(p.stateMachines()).singleElement().satisfies(m -> {
            String t = m.template().displayPath();
            assertThat(t).endsWith("other/app/template.yaml");
            assertThat(m.file().displayPath()).isEqualTo(t.substring(0, t.lastIndexOf('/') + 1) + "sm.asl.json");
        });

        Project inside = new DefaultSourceLoader()
                .load(AnalysisRequest.of(tmp, List.of(input)).withThreads(1));
        assertThat(inside.stateMachines())
                .extracting(m -> m.template().displayPath(), m -> m.file().displayPath())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("other/app/template.yaml", "other/app/sm.asl.json"));
    }
}
