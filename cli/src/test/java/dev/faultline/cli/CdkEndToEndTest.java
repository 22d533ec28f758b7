package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A CDK cloud assembly through the command line: findings carry the construct path in every format. */
@Tag("integration")
class CdkEndToEndTest {

    @TempDir
    Path tmp;

    private static final String MANIFEST = "{\n"
            + "  \"version\": \"55.0.0\",\n"
            + "  \"artifacts\": {\n"
            + "    \"OrdersStack\": {\n"
            + "      \"type\": \"aws:cloudformation:stack\",\n"
            + "      \"properties\": {\"templateFile\": \"OrdersStack.template.json\"},\n"
            + "      \"displayName\": \"OrdersStack\"\n"
            + "    },\n"
            + "    \"Tree\": {\"type\": \"cdk:tree\", \"properties\": {\"file\": \"tree.json\"}}\n"
            + "  }\n"
            + "}\n";

    private static final String TEMPLATE = "{\n"
            + " \"Resources\": {\n"
            + "  \"OrdersQueue3DFA1D51\": {\n"
            + "   \"Type\": \"AWS::SQS::Queue\",\n"
            + "   \"Properties\": {\"VisibilityTimeout\": 300},\n"
            + "   \"Metadata\": {\"aws:cdk:path\": \"OrdersStack/OrdersQueue/Resource\"}\n"
            + "  },\n"
            + "  \"ConsumerF7E9FD2E\": {\n"
            + "   \"Type\": \"AWS::Lambda::Function\",\n"
            + "   \"Properties\": {\"Runtime\": \"nodejs20.x\", \"Handler\": \"index.handler\", \"Timeout\": 30,\n"
            + "    \"Role\": \"arn:aws:iam::123456789012:role/r\", \"Code\": {\"ZipFile\": \"x\"}},\n"
            + "   \"Metadata\": {\"aws:cdk:path\": \"OrdersStack/Consumer/Resource\"}\n"
            + "  },\n"
            + "  \"ConsumerSqsEventSource1A2B3C4D\": {\n"
            + "   \"Type\": \"AWS::Lambda::EventSourceMapping\",\n"
            + "   \"Properties\": {\n"
            + "    \"EventSourceArn\": {\"Fn::GetAtt\": [\"OrdersQueue3DFA1D51\", \"Arn\"]},\n"
            + "    \"FunctionName\": {\"Ref\": \"ConsumerF7E9FD2E\"},\n"
            + "    \"FunctionResponseTypes\": [\"ReportBatchItemFailures\"]\n"
            + "   },\n"
            + "   \"Metadata\": {\"aws:cdk:path\": \"OrdersStack/Consumer/SqsEventSource:OrdersQueue/Resource\"}\n"
            + "  }\n"
            + " }\n"
            + "}\n";

    @BeforeEach
    void assembly() throws IOException {
        write("cdk.out/manifest.json", MANIFEST);
        write("cdk.out/cdk.out", "{\"version\":\"55.0.0\"}");
        write("cdk.out/tree.json", "{\"version\": \"tree-0.1\", \"tree\": {}}");
        write("cdk.out/OrdersStack.template.json", TEMPLATE);
    }

    @Test
    void textShowsTheConstructPath() {
        LintEndToEndTest.Run r = LintEndToEndTest.lint(tmp, "cdk.out");
        assertThat(r.err()).doesNotContain("internal error").doesNotContain("tool error");
        assertThat(r.out()).contains("cdk.out/OrdersStack.template.json:3:")
                .contains(" FL-SQS-001 ")
                .contains("[cdk: OrdersStack/OrdersQueue/Resource]");
        // the manifest, the tree and the marker are counted, not linted
        assertThat(r.err()).contains(" in 4 files");
    }

    @Test
    void jsonHasTheConstructPathAndTheFileKinds() {
        LintEndToEndTest.Run r = LintEndToEndTest.lint(tmp, "--format", "json", "cdk.out");
        JsonNode root = JsonMapper.builder().build().readTree(r.out());
        List<String> files = new ArrayList<>();
        for (JsonNode f : root.get("files")) {
            files.add(f.get("path").asString() + " " + f.get("kind").asString());
        }
        assertThat(files).containsExactly("cdk.out/OrdersStack.template.json cdk", "cdk.out/cdk.out other",
                "cdk.out/manifest.json other", "cdk.out/tree.json other");
        JsonNode sqs = null;
        for (JsonNode f : root.get("findings")) {
            if (f.get("ruleId").asString().equals("FL-SQS-001")) {
                sqs = f;
            }
        }
        assertThat(sqs).isNotNull();
        assertThat(sqs.get("cdkPath").asString()).isEqualTo("OrdersStack/OrdersQueue/Resource");
        assertThat(sqs.get("resource").asString()).isEqualTo("OrdersQueue3DFA1D51");
    }

    @Test
    void sarifHasTheConstructAsALogicalLocation() {
        LintEndToEndTest.Run r = LintEndToEndTest.lint(tmp, "--format", "sarif", "cdk.out");
        JsonNode run = JsonMapper.builder().build().readTree(r.out()).get("runs").get(0);
        JsonNode sqs = null;
        for (JsonNode res : run.get("results")) {
            if (res.get("ruleId").asString().equals("FL-SQS-001")) {
                sqs = res;
            }
        }
        assertThat(sqs).isNotNull();
        assertThat(sqs.get("properties").get("cdkPath").asString()).isEqualTo("OrdersStack/OrdersQueue/Resource");
        assertThat(sqs.toString()).contains("\"fullyQualifiedName\":\"OrdersStack/OrdersQueue/Resource\"")
                .contains("\"kind\":\"cdkConstruct\"");
    }

    private void write(String relative, String content) throws IOException {
        Path p = tmp.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }
}
