package dev.faultline.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.Project;
import dev.faultline.core.model.InputFile;
import dev.faultline.core.model.InputKind;
import dev.faultline.core.model.Resource;
import dev.faultline.core.model.Template;
import dev.faultline.core.rule.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryTest {

    @TempDir
    Path dir;

    private void write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private AnalysisRequest request(List<String> includes, List<String> excludes) {
        return new AnalysisRequest(List.of(dir), dir, includes, excludes, List.of(), List.of(), Map.of(), Map.of(), 1);
    }

    private List<String> found(List<String> includes, List<String> excludes) {
        return Discovery.discover(request(includes, excludes)).files().stream()
                .map(Discovery.Candidate::displayPath)
                .toList();
    }

    @Test
    void defaultIncludesAndExcludes() throws IOException {
        write("x.yaml", "a: 1");
        write("b/y.yml", "a: 1");
        write("b/z.json", "{}");
        write("c.template", "a: 1");
        write("readme.md", "#");
        write("node_modules/p/t.yaml", "a: 1");
        write(".git/t.yaml", "a: 1");
        write(".aws-sam/build/template.yaml", "a: 1");
        write("sub/target/t.yaml", "a: 1");
        assertThat(found(List.of(), List.of())).containsExactly("b/y.yml", "b/z.json", "c.template", "x.yaml");
    }

    @Test
    void aSyntaxErrorIsReportedOnlyInAFileThatMayBeAnInput() throws IOException {
        // files of other tools: JSON with comments, a broken CI workflow, website metadata
        write("tsconfig.json", "{ \"compilerOptions\": { \"target\": \"es6\", /* comment */ } }");
        write(".github/workflows/ci.yml", "on: push\njobs: [1\n");
        write("site/metadata.json", "{\"title\": \"x\",}");
        write("etc/environment.template", "STAGE=dev\nURL: a: b\n"); // a shell file named like a template
        // inputs, by content or by name
        write("stack.yaml", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n  x: [1\n");
        write("refs.json", "{\"Outputs\": {\"A\": {\"Value\": {\"Fn::GetAtt\": [\"Q\", \"Arn\"]}}},}");
        write("flow.json", "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\",}}}");
        write("svc/sls.yml", "service: orders\nprovider:\n  name: aws\nfunctions: [1\n");
        write("app/template.yaml", "a: [1\n");
        write("app/serverless.yml", "a: [1\n");
        write("app/flow.asl.yaml", "a: [1\n");
        // a limit is reported for any file
        write("deep.yaml", "a: " + "[".repeat(600) + "\n");
        Project p = new DefaultSourceLoader().load(request(List.of(), List.of()));
        assertThat(p.files())
                .extracting(f -> f.displayPath() + "=" + f.kind().label())
                .containsExactly(
                        ".github/workflows/ci.yml=other",
                        "app/flow.asl.yaml=unparseable",
                        "app/serverless.yml=unparseable",
                        "app/template.yaml=unparseable",
                        "deep.yaml=unparseable",
                        "etc/environment.template=other",
                        "flow.json=unparseable",
                        "refs.json=unparseable",
                        "site/metadata.json=other",
                        "stack.yaml=unparseable",
                        "svc/sls.yml=unparseable",
                        "tsconfig.json=other");
        assertThat(p.inputFindings())
                .extracting(Finding::file)
                .doesNotContain("tsconfig.json", ".github/workflows/ci.yml", "site/metadata.json")
                .contains(
                        "app/flow.asl.yaml",
                        "app/serverless.yml",
                        "app/template.yaml",
                        "deep.yaml",
                        "flow.json",
                        "refs.json",
                        "stack.yaml",
                        "svc/sls.yml");
    }

    @Test
    void filesOutsideTheWorkingDirectoryAreShownRelativeWithDotDot() throws IOException {
        write("shared/corpus/x.yaml", "a: 1");
        write("shared/corpus/deep/y.yml", "a: 1");
        Files.createDirectories(dir.resolve("work/wt"));
        Path wd = dir.resolve("work/wt");
        AnalysisRequest relative = new AnalysisRequest(
                List.of(wd.resolve("../../shared/corpus")),
                wd,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                Map.of(),
                1);
        AnalysisRequest absolute = new AnalysisRequest(
                List.of(dir.resolve("shared/corpus").toAbsolutePath()),
                wd,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                Map.of(),
                1);
        for (AnalysisRequest r : List.of(relative, absolute)) {
            assertThat(Discovery.discover(r).files())
                    .extracting(Discovery.Candidate::displayPath)
                    .containsExactly("../../shared/corpus/deep/y.yml", "../../shared/corpus/x.yaml");
        }
        assertThat(Discovery.displayPath(wd, wd)).isEqualTo(".");
        assertThat(Discovery.displayPath(wd, wd.resolve("a/b.yaml"))).isEqualTo("a/b.yaml");
        assertThat(Discovery.displayPath(wd, dir)).isEqualTo("../..");
    }

    @Test
    void doubleStarGlobsAlsoMatchAtTopLevel() throws IOException {
        write("x.yaml", "a: 1");
        write("deep/x.yaml", "a: 1");
        write("deep/y.yaml", "a: 1");
        assertThat(found(List.of("**/x.yaml"), List.of())).containsExactly("deep/x.yaml", "x.yaml");
        assertThat(found(List.of(), List.of("**/x.yaml"))).containsExactly("deep/y.yaml");
        assertThat(found(List.of(), List.of("deep"))).containsExactly("x.yaml");
        assertThat(found(List.of(), List.of("deep/**"))).containsExactly("x.yaml");
        write("infra/top.yaml", "a: 1");
        write("infra/dev/deeper.yaml", "a: 1");
        assertThat(found(List.of("infra/**/*.yaml"), List.of()))
                .containsExactly("infra/dev/deeper.yaml", "infra/top.yaml");
    }

    @Test
    void aRootAboveTheWorkingDirectoryShowsItsFilesRelativeToIt() throws IOException {
        // the walk passes through the working directory: its files are shown without "..", the
        // others with as many ".." as it takes
        write("app/infra/x.yaml", "a: 1");
        write("app/infra/sub/y.yaml", "a: 1");
        write("app/other/z.yaml", "a: 1");
        write("top.yaml", "a: 1");
        Path wd = dir.resolve("app/infra");
        AnalysisRequest r = new AnalysisRequest(
                List.of(dir), wd, List.of(), List.of(), List.of(), List.of(), Map.of(), Map.of(), 1);
        assertThat(Discovery.discover(r).files())
                .extracting(Discovery.Candidate::displayPath)
                .containsExactly("../../top.yaml", "../other/z.yaml", "sub/y.yaml", "x.yaml");
    }

    @Test
    void linksInsideTheRootAreFollowedAndADirectoryIsWalkedOnce() throws IOException {
        write("real/t.yaml", "a: 1");
        write("real/deep/u.yaml", "a: 1");
        Files.createSymbolicLink(dir.resolve("alias.yaml"), dir.resolve("real/t.yaml"));
        Files.createSymbolicLink(dir.resolve("zlink"), dir.resolve("real"));
        Files.createSymbolicLink(dir.resolve("deeplink"), dir.resolve("real/deep"));
        Files.createSymbolicLink(dir.resolve("dangling.yaml"), dir.resolve("missing.yaml"));
        // "deeplink" comes first and claims real/deep; "real" is then walked without it; the link
        // to "real" leads back into a directory already walked
        assertThat(found(List.of(), List.of())).containsExactly("alias.yaml", "deeplink/u.yaml", "real/t.yaml");
    }

    @Test
    void symlinkLoopsAndLinksOutOfTheRootAreNotFollowed(@TempDir Path outside) throws IOException {
        write("a/t.yaml", "a: 1");
        Files.writeString(outside.resolve("secret.yaml"), "a: 1");
        Files.createSymbolicLink(dir.resolve("a/loop"), dir);
        Files.createSymbolicLink(dir.resolve("out"), outside);
        Files.createSymbolicLink(dir.resolve("a/link.yaml"), outside.resolve("secret.yaml"));
        assertThat(found(List.of(), List.of())).containsExactly("a/t.yaml");
    }

    @Test
    void filesGivenDirectlyAreAlwaysRead() throws IOException {
        write("notes.txt", "a: 1");
        AnalysisRequest r = new AnalysisRequest(
                List.of(dir.resolve("notes.txt"), dir.resolve("missing.yaml")),
                dir,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                Map.of(),
                1);
        Discovery.Result result = Discovery.discover(r);
        assertThat(result.files()).extracting(Discovery.Candidate::displayPath).containsExactly("notes.txt");
        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("FL-PARSE-001");
    }

    @Test
    void classifiesByContentAndBuildsTheTemplateModel() throws IOException {
        write("cfn.yaml", """
                Parameters:
                  Env:
                    Type: String
                    Default: prod
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Condition: IsProd
                    DependsOn: Other
                    Metadata:
                      aws:cdk:path: App/Queue
                  Other:
                    Type: Custom::Thing
                    DependsOn: [Queue, Env]
                """);
        write(
                "sam.yaml",
                "Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n");
        write("sam2.json", "{\"Resources\": {\"F\": {\"Type\": \"AWS::Serverless::Function\"}}}");
        write("version-only.yaml", "AWSTemplateFormatVersion: '2010-09-09'\n");
        write("flow.asl.json", "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}");
        write("package.json", "{\"name\": \"x\"}");
        write("empty.yaml", "");
        write("broken.yaml", "# AWS::SQS::Queue\na: [1\n");
        Files.write(dir.resolve("bad-utf8.json"), new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
        Files.write(dir.resolve("binary.yaml"), new byte[] {0, 1, 2, 3, (byte) 0xFF, (byte) 0xFE});
        Project p = new DefaultSourceLoader().load(request(List.of(), List.of()));
        assertThat(p.files())
                .extracting(f -> f.displayPath() + "=" + f.kind().label())
                .containsExactly(
                        "bad-utf8.json=unparseable",
                        "binary.yaml=unparseable",
                        "broken.yaml=unparseable",
                        "cfn.yaml=cloudformation",
                        "empty.yaml=other",
                        "flow.asl.json=asl",
                        "package.json=other",
                        "sam.yaml=sam",
                        "sam2.json=sam",
                        "version-only.yaml=cloudformation");
        assertThat(p.inputFindings())
                .extracting(
                        f -> f.file() + "@" + f.span().line() + ":" + f.span().column())
                .containsExactly("bad-utf8.json@1:1", "binary.yaml@1:1", "broken.yaml@3:1");
        assertThat(p.templates())
                .extracting(Template::displayPath)
                .containsExactly("cfn.yaml", "sam.yaml", "sam2.json", "version-only.yaml");

        Template t = p.templates().get(0);
        assertThat(t.sam()).isFalse();
        assertThat(t.parameters().get("Env").defaultValue().text()).isEqualTo("prod");
        assertThat(t.parameters().get("Env").type()).isEqualTo("String");
        Resource q = t.resource("Queue");
        assertThat(q.type()).isEqualTo("AWS::SQS::Queue");
        assertThat(q.condition()).isEqualTo("IsProd");
        assertThat(q.dependsOn()).containsExactly("Other");
        assertThat(q.cdkPath()).isEqualTo("App/Queue");
        assertThat(q.properties().isEmpty()).isTrue();
        assertThat(q.span().line()).isEqualTo(6);
        assertThat(q.span().column()).isEqualTo(3);
        assertThat(t.resource("Other").dependsOn()).containsExactly("Queue", "Env");
        assertThat(t.outputs().isEmpty()).isTrue();
        assertThat(p.templates().get(1).sam()).isTrue();
        // the resource types, for passes that look for a few of them without reading every resource
        assertThat(t.resourceTypes()).containsExactlyInAnyOrder("AWS::SQS::Queue", "Custom::Thing");
        assertThat(t.declares("AWS::SQS::Queue")).isTrue();
        assertThat(t.declares("AWS::SQS::QueuePolicy")).isFalse();
        assertThat(t.declaresTypeStartingWith("AWS::Serverless::")).isFalse();
        assertThat(p.templates().get(1).declaresTypeStartingWith("AWS::Serverless::"))
                .isTrue();
        // the standalone definition is loaded by the ASL loader (see asl.SourceLoaderStateMachinesTest)
        assertThat(p.stateMachines()).extracting(m -> m.file().displayPath()).containsExactly("flow.asl.json");
    }

    @Test
    void cdkAssemblyTemplatesAreCdkAndBookkeepingIsSkipped() throws IOException {
        write(
                "cdk.out/manifest.json",
                "{\"version\": \"36.0.0\", \"artifacts\": {\"Stack\": "
                        + "{\"type\": \"aws:cloudformation:stack\", \"properties\": {\"templateFile\": \"Stack.template.json\"}}}}");
        write("cdk.out/tree.json", "{\"tree\": {}}");
        write("cdk.out/Stack.assets.json", "{}");
        write(
                "cdk.out/Stack.template.json",
                "{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\", \"Metadata\": {\"aws:cdk:path\": \"Stack/Q\"}}}}");
        write("cdk.out/asset.abc/inner.json", "{}");
        Project p = new DefaultSourceLoader().load(request(List.of(), List.of()));
        assertThat(p.files())
                .extracting(InputFile::displayPath, InputFile::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("cdk.out/Stack.assets.json", InputKind.OTHER),
                        org.assertj.core.groups.Tuple.tuple("cdk.out/Stack.template.json", InputKind.CDK),
                        org.assertj.core.groups.Tuple.tuple("cdk.out/asset.abc", InputKind.OTHER),
                        org.assertj.core.groups.Tuple.tuple("cdk.out/manifest.json", InputKind.OTHER),
                        org.assertj.core.groups.Tuple.tuple("cdk.out/tree.json", InputKind.OTHER));
        assertThat(p.templates().get(0).stackName()).isEqualTo("Stack");
        assertThat(p.templates().get(0).resource("Q").cdkPath()).isEqualTo("Stack/Q");
    }

    @Test
    void outputIsTheSameWhateverTheThreadCount() throws IOException {
        for (int i = 0; i < 30; i++) {
            write(
                    "d" + (i % 4) + "/t" + i + ".yaml",
                    "Resources:\n  Q" + i + ":\n    Type: AWS::SQS::Queue\n  Q" + i + ":\n    Type: x\n");
        }
        Project one =
                new DefaultSourceLoader().load(request(List.of(), List.of()).withThreads(1));
        Project four =
                new DefaultSourceLoader().load(request(List.of(), List.of()).withThreads(4));
        assertThat(four.files()).isEqualTo(one.files());
        assertThat(four.inputFindings()).isEqualTo(one.inputFindings());
        assertThat(four.templates())
                .extracting(Template::displayPath)
                .isEqualTo(one.templates().stream().map(Template::displayPath).toList());
    }
}
