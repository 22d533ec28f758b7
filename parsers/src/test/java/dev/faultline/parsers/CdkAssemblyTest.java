package dev.faultline.parsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.Project;
import dev.faultline.core.model.InputFile;
import dev.faultline.core.model.InputKind;
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

/** CDK cloud assemblies read through their manifests: the generated corpus and hand-made broken ones. */
class CdkAssemblyTest {

    private static final Path SYNTH = dev.faultline.fixtures.TestData.cdkSynth();

    @TempDir
    Path dir;

    private static Project load(Path workingDirectory, Path... paths) {
        return new DefaultSourceLoader()
                .load(new AnalysisRequest(
                        List.of(paths),
                        workingDirectory,
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        Map.of(),
                        Map.of(),
                        2));
    }

    private static Project synth(String app) {
        return load(SYNTH, SYNTH.resolve(app));
    }

    private void write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private static String stackManifest(String id, String templateFile) {
        return "{\n  \"version\": \"55.0.0\",\n  \"artifacts\": {\n    \"" + id + "\": {\n"
                + "      \"type\": \"aws:cloudformation:stack\",\n"
                + "      \"properties\": {\n        \"templateFile\": \"" + templateFile
                + "\"\n      }\n    }\n  }\n}\n";
    }

    private static final String QUEUE_TEMPLATE =
            "{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\", \"Metadata\": {\"aws:cdk:path\": \"S/Q/Resource\"}}}}";

    // ---- the generated corpus -------------------------------------------------------------------

    @Test
    void eventAsyncHasItsStackAndTheNestedStack() {
        Project p = synth("event-async");
        assertThat(p.inputFindings()).isEmpty();
        assertThat(p.templates())
                .extracting(
                        Template::displayPath,
                        Template::stackName,
                        t -> t.file().kind(),
                        t -> t.resources().size())
                .containsExactly(
                        tuple(
                                "event-async/cdk.out/EventAsyncStack.template.json",
                                "EventAsyncStack",
                                InputKind.CDK,
                                34),
                        tuple(
                                "event-async/cdk.out/EventAsyncStackNotifications7FE5EF79.nested.template.json",
                                "EventAsyncStack/NotificationsNestedStackNotificationsNestedStackResourceA63DC337",
                                InputKind.CDK,
                                6));
        Template parent = p.templates().get(0);
        assertThat(parent.resource("RuleTargetDlq2F2A846C").cdkPath())
                .isEqualTo("EventAsyncStack/RuleTargetDlq/Resource");
        assertThat(parent.resource("NotificationsNestedStackNotificationsNestedStackResourceA63DC337")
                        .cdkPath())
                .isEqualTo("EventAsyncStack/Notifications.NestedStack/Notifications.NestedStackResource");
        Template nested = p.templates().get(1);
        assertThat(nested.resource("LegacyTopic71E99682").cdkPath())
                .isEqualTo("EventAsyncStack/Notifications/LegacyTopic/Resource");
        assertThat(nested.resource("LegacyHandler44F35D8F").cdkPath())
                .isEqualTo("EventAsyncStack/Notifications/LegacyHandler/Resource");
        // the bookkeeping files are counted, not read
        assertThat(p.files())
                .extracting(InputFile::displayPath, InputFile::kind)
                .containsExactly(
                        tuple("event-async/cdk.out/EventAsyncStack.assets.json", InputKind.OTHER),
                        tuple("event-async/cdk.out/EventAsyncStack.metadata.json", InputKind.OTHER),
                        tuple("event-async/cdk.out/EventAsyncStack.template.json", InputKind.CDK),
                        tuple(
                                "event-async/cdk.out/EventAsyncStackNotifications7FE5EF79.nested.template.json",
                                InputKind.CDK),
                        tuple("event-async/cdk.out/cdk.out", InputKind.OTHER),
                        tuple("event-async/cdk.out/manifest.json", InputKind.OTHER),
                        tuple("event-async/cdk.out/tree.json", InputKind.OTHER),
                        tuple("event-async/cdk.out/validation-report.json", InputKind.OTHER));
    }

    @Test
    void sfnWorkflowHasTheDevStackAndTheProdStageAssembly() {
        Project p = synth("sfn-workflow");
        assertThat(p.inputFindings()).isEmpty();
        assertThat(p.templates())
                .extracting(
                        Template::displayPath,
                        Template::stackName,
                        t -> t.file().kind(),
                        t -> t.resources().size())
                .containsExactly(
                        tuple(
                                "sfn-workflow/cdk.out/WorkflowDevStack.template.json",
                                "WorkflowDevStack",
                                InputKind.CDK,
                                16),
                        tuple(
                                "sfn-workflow/cdk.out/assembly-Prod/ProdWorkflow4E0782C3.template.json",
                                "Prod/Workflow",
                                InputKind.CDK,
                                16));
        assertThat(p.templates().get(0).resource("HardenedOrderFlow4E8C10A0").cdkPath())
                .isEqualTo("WorkflowDevStack/HardenedOrderFlow/Resource");
        assertThat(p.templates().get(1).resource("HardenedOrderFlow4E8C10A0").cdkPath())
                .isEqualTo("Prod/Workflow/HardenedOrderFlow/Resource");
        assertThat(p.templates().get(1).resource("ReviewQueueD8FD0AEF").cdkPath())
                .isEqualTo("Prod/Workflow/ReviewQueue/Resource");
        assertThat(p.files())
                .extracting(InputFile::displayPath)
                .contains(
                        "sfn-workflow/cdk.out/assembly-Prod/manifest.json",
                        "sfn-workflow/cdk.out/assembly-Prod/cdk.out",
                        "sfn-workflow/cdk.out/assembly-Prod/ProdWorkflow4E0782C3.assets.json")
                .doesNotContain("sfn-workflow/cdk.out/assembly-Prod")
                .doesNotHaveDuplicates();
        assertThat(p.files()).filteredOn(f -> f.kind() == InputKind.OTHER).hasSize(10);
    }

    @Test
    void sqsLambdaAndStreamLambda() {
        Project sqs = synth("sqs-lambda");
        assertThat(sqs.inputFindings()).isEmpty();
        assertThat(sqs.templates())
                .extracting(
                        Template::stackName,
                        t -> t.file().kind(),
                        t -> t.resources().size())
                .containsExactly(tuple("SqsLambdaStack", InputKind.CDK, 18));
        Template t = sqs.templates().get(0);
        assertThat(t.resource("OrdersQueue3DFA1D51").cdkPath()).isEqualTo("SqsLambdaStack/OrdersQueue/Resource");
        assertThat(t.resource("OrdersConsumerSqsEventSourceSqsLambdaStackOrdersQueue3A84D26590AC2246")
                        .cdkPath())
                .isEqualTo("SqsLambdaStack/OrdersConsumer/SqsEventSource:SqsLambdaStackOrdersQueue3A84D265/Resource");

        Project stream = synth("stream-lambda");
        assertThat(stream.inputFindings()).isEmpty();
        assertThat(stream.templates())
                .extracting(
                        Template::displayPath,
                        Template::stackName,
                        x -> x.resources().size())
                .containsExactly(
                        tuple("stream-lambda/cdk.out/StreamLambdaStack.template.json", "StreamLambdaStack", 22));
        assertThat(stream.templates().get(0).resource("ClickFailures8388592C").cdkPath())
                .isEqualTo("StreamLambdaStack/ClickFailures/Resource");
        assertThat(stream.templates().get(0).resource("StreamFailuresE6D4F770").cdkPath())
                .isEqualTo("StreamLambdaStack/StreamFailures/Resource");
    }

    @Test
    void discoveryOverTheWholeCorpusFolderFindsEachTemplateOnce() {
        Discovery.Result r = Discovery.discover(new AnalysisRequest(
                List.of(SYNTH), SYNTH, List.of(), List.of(), List.of(), List.of(), Map.of(), Map.of(), 1));
        assertThat(r.findings()).isEmpty();
        assertThat(r.files())
                .extracting(Discovery.Candidate::displayPath, Discovery.Candidate::cdk, Discovery.Candidate::stackName)
                .containsExactly(
                        tuple("event-async/cdk.out/EventAsyncStack.template.json", true, "EventAsyncStack"),
                        tuple(
                                "event-async/cdk.out/EventAsyncStackNotifications7FE5EF79.nested.template.json",
                                true,
                                "EventAsyncStack/NotificationsNestedStackNotificationsNestedStackResourceA63DC337"),
                        tuple("sfn-workflow/cdk.out/WorkflowDevStack.template.json", true, "WorkflowDevStack"),
                        tuple(
                                "sfn-workflow/cdk.out/assembly-Prod/ProdWorkflow4E0782C3.template.json",
                                true,
                                "Prod/Workflow"),
                        tuple("sqs-lambda/cdk.out/SqsLambdaStack.template.json", true, "SqsLambdaStack"),
                        tuple("stream-lambda/cdk.out/StreamLambdaStack.template.json", true, "StreamLambdaStack"));
        // 4 assemblies × (manifest, tree, assets, metadata, marker, validation report), plus the Prod
        // stage's manifest, assets, metadata and marker
        assertThat(r.skipped())
                .extracting(Discovery.Candidate::displayPath)
                .doesNotHaveDuplicates()
                .allSatisfy(d -> assertThat(d).doesNotEndWith(".template.json"))
                .contains(
                        "event-async/cdk.out/cdk.out",
                        "sfn-workflow/cdk.out/assembly-Prod/cdk.out",
                        "sqs-lambda/cdk.out/tree.json",
                        "stream-lambda/cdk.out/manifest.json");
        assertThat(r.skipped()).hasSize(4 * 6 + 4);
    }

    @Test
    void overlappingRootsReadEachTemplateOnce() {
        Path out = SYNTH.resolve("sfn-workflow/cdk.out");
        Project p = load(SYNTH, out, out.resolve("assembly-Prod"), out.resolve("WorkflowDevStack.template.json"));
        assertThat(p.templates())
                .extracting(Template::displayPath)
                .containsExactly(
                        "sfn-workflow/cdk.out/WorkflowDevStack.template.json",
                        "sfn-workflow/cdk.out/assembly-Prod/ProdWorkflow4E0782C3.template.json");
        assertThat(p.files()).extracting(InputFile::displayPath).doesNotHaveDuplicates();
    }

    @Test
    void aTemplateNamedDirectlyIsStillReadAsCdkWithItsStackName() {
        Project nested = load(
                SYNTH, SYNTH.resolve("event-async/cdk.out/EventAsyncStackNotifications7FE5EF79.nested.template.json"));
        assertThat(nested.templates())
                .extracting(Template::stackName, t -> t.file().kind())
                .containsExactly(tuple(
                        "EventAsyncStack/NotificationsNestedStackNotificationsNestedStackResourceA63DC337",
                        InputKind.CDK));
        assertThat(nested.files()).hasSize(1);

        Project prod =
                load(SYNTH, SYNTH.resolve("sfn-workflow/cdk.out/assembly-Prod/ProdWorkflow4E0782C3.template.json"));
        assertThat(prod.templates())
                .extracting(Template::stackName, t -> t.file().kind())
                .containsExactly(tuple("Prod/Workflow", InputKind.CDK));
    }

    // ---- broken assemblies ----------------------------------------------------------------------

    @Test
    void malformedManifestIsALocatedParseErrorAndTemplatesAreStillReadByName() throws IOException {
        write("cdk.out/cdk.out", "{\"version\":\"55.0.0\"}");
        write("cdk.out/manifest.json", "{\n  \"version\": \"55.0.0\",\n  \"artifacts\": {\n    \"S\": \n  }\n}\n");
        write("cdk.out/S.template.json", QUEUE_TEMPLATE);
        Project p = load(dir, dir);
        assertThat(p.inputFindings())
                .extracting(Finding::ruleId, Finding::file, f -> f.span().line())
                .containsExactly(tuple("FL-PARSE-001", "cdk.out/manifest.json", 5));
        assertThat(p.templates())
                .extracting(Template::stackName, t -> t.file().kind())
                .containsExactly(tuple("S", InputKind.CDK));
        assertThat(p.templates().get(0).resource("Q").cdkPath()).isEqualTo("S/Q/Resource");
    }

    @Test
    void malformedManifestWithoutMarkerIsReadAsAnOrdinaryFile() throws IOException {
        write("app/manifest.json", "{\n  \"artifacts\": {\n    \"S\": [1,\n  }\n}\n");
        write("app/S.template.json", QUEUE_TEMPLATE);
        Project p = load(dir, dir);
        // without the marker it is any JSON file, and nothing in it says it is an input: its syntax
        // error is not reported (Classifier.mayBeInput), the file is counted as another tool's
        assertThat(p.inputFindings()).isEmpty();
        assertThat(p.files())
                .extracting(InputFile::displayPath, InputFile::kind)
                .containsExactly(
                        tuple("app/S.template.json", InputKind.CLOUDFORMATION),
                        tuple("app/manifest.json", InputKind.OTHER));
    }

    @Test
    void manifestPointingOutsideTheAssemblyIsAFindingAndTheFileIsNotRead() throws IOException {
        write("outside.template.json", QUEUE_TEMPLATE);
        write("cdk.out/manifest.json", stackManifest("S", "../outside.template.json"));
        Project p = load(dir, dir.resolve("cdk.out"));
        assertThat(p.inputFindings())
                .extracting(Finding::ruleId, Finding::file, f -> f.span().line(), Finding::logicalPath)
                .containsExactly(
                        tuple("FL-PARSE-004", "cdk.out/manifest.json", 7, "artifacts/S/properties/templateFile"));
        assertThat(p.inputFindings().get(0).message()).contains("outside the cloud assembly");
        assertThat(p.templates()).isEmpty();
        assertThat(p.files()).extracting(InputFile::displayPath).containsExactly("cdk.out/manifest.json");
    }

    @Test
    void absoluteTemplatePathIsOutsideToo() throws IOException {
        Path outside = dir.resolve("elsewhere/x.template.json");
        write("elsewhere/x.template.json", QUEUE_TEMPLATE);
        write("cdk.out/manifest.json", stackManifest("S", outside.toString().replace('\\', '/')));
        Project p = load(dir, dir.resolve("cdk.out"));
        assertThat(p.inputFindings()).extracting(Finding::ruleId).containsExactly("FL-PARSE-004");
        assertThat(p.templates()).isEmpty();
    }

    @Test
    void missingTemplateIsALocatedFinding() throws IOException {
        write("cdk.out/manifest.json", stackManifest("S", "S.template.json"));
        Project p = load(dir, dir);
        assertThat(p.inputFindings())
                .extracting(
                        Finding::ruleId,
                        Finding::file,
                        f -> f.span().line(),
                        f -> f.span().column())
                .containsExactly(tuple("FL-PARSE-004", "cdk.out/manifest.json", 7, 25));
        assertThat(p.inputFindings().get(0).message())
                .contains("S.template.json")
                .contains("does not exist");
        assertThat(p.templates()).isEmpty();
    }

    @Test
    void nestedStackPathOutsideTheAssemblyIsAFindingInTheParentTemplate() throws IOException {
        write("secret.json", QUEUE_TEMPLATE);
        write("cdk.out/manifest.json", stackManifest("S", "S.template.json"));
        write(
                "cdk.out/S.template.json",
                "{\n  \"Resources\": {\n    \"N\": {\n"
                        + "      \"Type\": \"AWS::CloudFormation::Stack\",\n"
                        + "      \"Metadata\": {\"aws:asset:path\": \"../secret.json\"}\n    }\n  }\n}\n");
        Project p = load(dir, dir.resolve("cdk.out"));
        assertThat(p.inputFindings())
                .extracting(Finding::ruleId, Finding::file, f -> f.span().line(), Finding::logicalPath)
                .containsExactly(
                        tuple("FL-PARSE-004", "cdk.out/S.template.json", 5, "Resources/N/Metadata/aws:asset:path"));
        assertThat(p.templates()).extracting(Template::displayPath).containsExactly("cdk.out/S.template.json");
        assertThat(p.files()).extracting(InputFile::displayPath).doesNotContain("secret.json");
    }

    @Test
    void eachTemplateIsReadOnceAndParsedOnce() throws IOException {
        write("cdk.out/manifest.json", stackManifest("S", "S.template.json"));
        write(
                "cdk.out/S.template.json",
                "{\n  \"Resources\": {\n    \"N\": {\n"
                        + "      \"Type\": \"AWS::CloudFormation::Stack\",\n"
                        + "      \"Metadata\": {\"aws:asset:path\": \"SN.nested.template.json\"}\n    }\n  }\n}\n");
        write("cdk.out/SN.nested.template.json", QUEUE_TEMPLATE);
        List<Discovery.Candidate> found = Discovery.discover(
                        AnalysisRequest.of(dir, List.of(dir.resolve("cdk.out"))).withThreads(1))
                .files();
        // discovery read both templates to find nested stacks, and parsed the one that has any
        assertThat(found)
                .extracting(Discovery.Candidate::displayPath, c -> c.text() != null, c -> c.parsed() != null)
                .containsExactly(
                        tuple("cdk.out/S.template.json", true, true),
                        tuple("cdk.out/SN.nested.template.json", true, false));
        // the loader takes that text and parse: the files are not read again
        Files.delete(dir.resolve("cdk.out/S.template.json"));
        Files.delete(dir.resolve("cdk.out/SN.nested.template.json"));
        List<DefaultSourceLoader.LoadedFile> loaded = DefaultSourceLoader.loadAll(found, 1);
        assertThat(loaded)
                .extracting(
                        f -> f.file().kind(),
                        f -> f.template().stackName(),
                        f -> f.template().resources().size())
                .containsExactly(tuple(InputKind.CDK, "S", 1), tuple(InputKind.CDK, "S/N", 1));
        assertThat(loaded.get(0).root()).isSameAs(found.get(0).parsed().root());
    }

    @Test
    void nestedAssemblyWithoutManifestIsAFinding() throws IOException {
        write(
                "cdk.out/manifest.json",
                "{\n  \"artifacts\": {\n    \"assembly-Prod\": {\n"
                        + "      \"type\": \"cdk:cloud-assembly\",\n"
                        + "      \"properties\": {\"directoryName\": \"assembly-Prod\"}\n    }\n  }\n}\n");
        write("cdk.out/assembly-Prod/P.template.json", QUEUE_TEMPLATE);
        Project p = load(dir, dir);
        assertThat(p.inputFindings())
                .extracting(Finding::ruleId, f -> f.span().line())
                .containsExactly(tuple("FL-PARSE-004", 5));
        assertThat(p.templates()).isEmpty();
        assertThat(p.files())
                .extracting(InputFile::displayPath, InputFile::kind)
                .containsExactly(
                        tuple("cdk.out/assembly-Prod", InputKind.OTHER),
                        tuple("cdk.out/manifest.json", InputKind.OTHER));
    }

    @Test
    void assemblyThatRefersToItselfIsReadOnce() throws IOException {
        write(
                "cdk.out/manifest.json",
                "{\"artifacts\": {"
                        + "\"S\": {\"type\": \"aws:cloudformation:stack\", \"properties\": {\"templateFile\": \"S.template.json\"}},"
                        + "\"Self\": {\"type\": \"cdk:cloud-assembly\", \"properties\": {\"directoryName\": \"./sub/..\"}}}}");
        write("cdk.out/S.template.json", QUEUE_TEMPLATE);
        Files.createDirectories(dir.resolve("cdk.out/sub"));
        Project p = load(dir, dir);
        assertThat(p.templates()).extracting(Template::stackName).containsExactly("S");
        assertThat(p.inputFindings()).extracting(Finding::ruleId).containsExactly("FL-PARSE-004");
    }
}
