package dev.faultline.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.InputFile;
import dev.faultline.core.model.InputKind;
import dev.faultline.core.model.Parameter;
import dev.faultline.core.model.Resource;
import dev.faultline.core.model.Template;
import dev.faultline.core.testing.JsonTree;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import dev.faultline.core.tree.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonDocumentsTest {

    private static final String FILE = "template.json";

    private final Evaluator ev = new Evaluator(template());

    @Test
    void readsAnObjectAsItIs() {
        Value v = read("{\"deadLetterTargetArn\": {\"Fn::GetAtt\": [\"Dlq\", \"Arn\"]}, \"maxReceiveCount\": 5}");
        assertThat(v).isInstanceOf(Value.Obj.class);
        assertThat(field(v, "maxReceiveCount").asLong()).hasValue(5);
        assertThat(field(v, "deadLetterTargetArn")).isEqualTo(new Value.Attr("Dlq", "Arn"));
    }

    @Test
    void parsesAJsonStringWithTheSpanOfTheString() {
        Node raw = node(
                "\"{\\\"deadLetterTargetArn\\\": \\\"arn:aws:sqs:us-east-1:123456789012:dlq\\\", \\\"maxReceiveCount\\\": \\\"3\\\"}\"");
        Value v = JsonDocuments.read(raw, ev);
        assertThat(field(v, "maxReceiveCount").asLong()).hasValue(3);
        assertThat(field(v, "deadLetterTargetArn").asString()).hasValue("arn:aws:sqs:us-east-1:123456789012:dlq");
        assertThat(((Value.Obj) v).node().get("maxReceiveCount").span()).isEqualTo(raw.span());
    }

    @Test
    void keepsTheReferencesOfAnFnSub() {
        Value v = read(
                "{\"Fn::Sub\": \"{\\\"deadLetterTargetArn\\\": \\\"${Dlq.Arn}\\\", \\\"maxReceiveCount\\\": ${Receives}}\"}");
        assertThat(field(v, "deadLetterTargetArn")).isEqualTo(new Value.Attr("Dlq", "Arn"));
        assertThat(field(v, "maxReceiveCount").asLong()).hasValue(2);
    }

    @Test
    void anUnresolvedSubVariableIsUnknownInsideAKnownDocument() {
        Value v = read("{\"Fn::Sub\": [\"{\\\"deadLetterTargetArn\\\": \\\"arn:aws:sqs:${AWS::Region}:1:${Name}\\\", "
                + "\\\"maxReceiveCount\\\": ${Count}}\", {\"Name\": \"dlq\", \"Count\": {\"Ref\": \"NoDefault\"}}]}");
        assertThat(v).isInstanceOf(Value.Obj.class);
        assertThat(field(v, "maxReceiveCount").isUnknown()).isTrue();
        assertThat(field(v, "deadLetterTargetArn").isUnknown()).isTrue();
    }

    @Test
    void readsTheTextOfAnFnJoin() {
        Value v = read(
                "{\"Fn::Join\": [\"\", [\"{\\\"deadLetterTargetArn\\\":\\\"\", {\"Fn::GetAtt\": [\"Dlq\", \"Arn\"]}, "
                        + "\"\\\",\\\"maxReceiveCount\\\":4}\"]]}");
        assertThat(field(v, "deadLetterTargetArn")).isEqualTo(new Value.Attr("Dlq", "Arn"));
        assertThat(field(v, "maxReceiveCount").asLong()).hasValue(4);
    }

    @Test
    void keepsBothBranchesOfAnFnIfAndFollowsParameterDefaults() {
        Value v = read("{\"Fn::If\": [\"C\", {\"Ref\": \"Policy\"}, {\"Ref\": \"AWS::NoValue\"}]}");
        assertThat(v.alternatives()).hasSize(2);
        assertThat(field(v.alternatives().get(0), "redrivePermission").asString())
                .hasValue("denyAll");
        assertThat(v.alternatives().get(1)).isInstanceOf(Value.Absent.class);
    }

    @Test
    void malformedOrUnresolvableTextIsUnknown() {
        assertThat(read("\"{not json\"")).isInstanceOf(Value.Unknown.class);
        assertThat(read("{\"Fn::ImportValue\": \"shared\"}")).isInstanceOf(Value.Unknown.class);
        assertThat(read("{\"Ref\": \"NoDefault\"}")).isInstanceOf(Value.Unknown.class);
        assertThat(JsonDocuments.read(null, ev)).isInstanceOf(Value.Absent.class);
    }

    private Value read(String json) {
        return JsonDocuments.read(node(json), ev);
    }

    private Value field(Value doc, String key) {
        return ev.eval(((Value.Obj) doc).node().get(key));
    }

    /** JSON to a located tree, with long-form intrinsics as intrinsic nodes. */
    private static Node node(String json) {
        return intrinsics(JsonTree.parse(FILE, json));
    }

    private static Node intrinsics(Node n) {
        if (n instanceof MapNode m) {
            if (m.size() == 1
                    && (m.keys().get(0).equals("Ref") || m.keys().get(0).startsWith("Fn::"))) {
                return new IntrinsicNode(
                        m.span(), m.keys().get(0), intrinsics(m.entries().get(0).value()));
            }
            List<MapNode.Entry> entries = new ArrayList<>();
            for (MapNode.Entry e : m.entries()) {
                entries.add(new MapNode.Entry(e.key(), e.keySpan(), intrinsics(e.value())));
            }
            return new MapNode(m.span(), entries);
        }
        if (n instanceof ListNode l) {
            return new ListNode(
                    l.span(),
                    l.items().stream().map(JsonDocumentsTest::intrinsics).toList());
        }
        return n;
    }

    private static Template template() {
        Span s = Span.ofFile(FILE);
        MapNode empty = MapNode.empty(s);
        Map<String, Parameter> params = new LinkedHashMap<>();
        params.put("Receives", new Parameter("Receives", "Number", new ScalarNode(s, "2", ScalarNode.Kind.STRING), s));
        params.put("NoDefault", new Parameter("NoDefault", "Number", null, s));
        params.put(
                "Policy",
                new Parameter(
                        "Policy",
                        "String",
                        new ScalarNode(s, "{\"redrivePermission\": \"denyAll\"}", ScalarNode.Kind.STRING),
                        s));
        Map<String, Resource> resources = new LinkedHashMap<>();
        resources.put("Dlq", new Resource("Dlq", "AWS::SQS::Queue", empty, empty, null, List.of(), empty, s, null));
        return new Template(
                new InputFile(Path.of(FILE), FILE, InputKind.CLOUDFORMATION),
                empty,
                false,
                params,
                empty,
                empty,
                empty,
                resources,
                empty,
                empty,
                null);
    }
}
