package dev.faultline.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.rule.Finding;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import dev.faultline.core.tree.Span;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TreeParserTest {

    static String pos(Node n) {
        return pos(n.span());
    }

    static String pos(Span s) {
        return s.line() + ":" + s.column() + "-" + s.endLine() + ":" + s.endColumn();
    }

    static List<String> ids(TreeParser.ParseResult r) {
        return r.findings().stream()
                .map(f -> f.ruleId() + "@" + f.span().line() + ":" + f.span().column())
                .toList();
    }

    private static final String BLOCK = """
            AWSTemplateFormatVersion: 2010-09-09
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Condition: IsProd
                Properties:
                  DelaySeconds: 5
                  FifoQueue: yes
                  Ratio: 1.5
                  Nothing: ~
                  Quoted: 'yes'
            """;

    @Test
    void blockYamlIsLocatedAndResolvedTheYaml11Way() {
        TreeParser.ParseResult r = TreeParser.parseYaml(BLOCK, "t.yaml");
        assertThat(r.findings()).isEmpty();
        MapNode root = r.root().asMap();
        assertThat(root.span().file()).isEqualTo("t.yaml");
        MapNode.Entry version = root.entry("AWSTemplateFormatVersion");
        assertThat(pos(version.keySpan())).isEqualTo("1:1-1:25");
        ScalarNode v = version.value().asScalar();
        assertThat(v.raw()).isEqualTo("2010-09-09");
        assertThat(v.kind()).isEqualTo(ScalarNode.Kind.STRING);
        assertThat(pos(v)).isEqualTo("1:27-1:37");

        MapNode.Entry queue = root.getMap("Resources").entry("Queue");
        assertThat(pos(queue.keySpan())).isEqualTo("3:3-3:8");
        MapNode body = queue.value().asMap();
        assertThat(pos(body)).isEqualTo("4:5-11:20");
        // a resource's Condition key next to Type stays a plain entry
        assertThat(body.get("Condition")).isInstanceOf(ScalarNode.class);
        MapNode props = body.getMap("Properties");
        assertThat(props.get("DelaySeconds").asScalar().kind()).isEqualTo(ScalarNode.Kind.INT);
        assertThat(pos(props.get("DelaySeconds"))).isEqualTo("7:21-7:22");
        assertThat(props.get("FifoQueue").asScalar().kind()).isEqualTo(ScalarNode.Kind.BOOL);
        assertThat(props.get("FifoQueue").asScalar().raw()).isEqualTo("yes");
        assertThat(props.get("Ratio").asScalar().kind()).isEqualTo(ScalarNode.Kind.FLOAT);
        assertThat(props.get("Nothing").asScalar().isNull()).isTrue();
        assertThat(props.get("Quoted").asScalar().kind()).isEqualTo(ScalarNode.Kind.STRING);
        assertThat(pos(props.entry("Quoted").keySpan())).isEqualTo("11:7-11:13");
        assertThat(pos(props.get("Quoted"))).isEqualTo("11:15-11:20");
    }

    @Test
    void flowYamlIsLocated() {
        TreeParser.ParseResult r = TreeParser.parseYaml("Tags: [{Key: a, Value: b}, {Key: c, Value: 1}]\n", "f.yaml");
        assertThat(r.findings()).isEmpty();
        ListNode tags = r.root().asMap().getList("Tags");
        assertThat(pos(tags)).isEqualTo("1:7-1:47");
        MapNode second = tags.get(1).asMap();
        assertThat(pos(second)).isEqualTo("1:28-1:46");
        assertThat(pos(second.entry("Value").keySpan())).isEqualTo("1:37-1:42");
        assertThat(pos(second.get("Value"))).isEqualTo("1:44-1:45");
        assertThat(second.get("Value").asScalar().kind()).isEqualTo(ScalarNode.Kind.INT);
    }

    @Test
    void jsonIsLocated() {
        String json = """
                {
                  "Resources": {
                    "Q": {"Type": "AWS::SQS::Queue", "Properties": {"A": {"Fn::GetAtt": ["D", "Arn"]}, "N": 1.5, "M": [true, null, 3]}}
                  }
                }
                """;
        TreeParser.ParseResult r = TreeParser.parseJson(json, "t.json");
        assertThat(r.findings()).isEmpty();
        MapNode root = r.root().asMap();
        assertThat(pos(root)).isEqualTo("1:1-5:2");
        MapNode.Entry q = root.getMap("Resources").entry("Q");
        assertThat(pos(q.keySpan())).isEqualTo("3:5-3:8");
        assertThat(pos(q.value())).isEqualTo("3:10-3:120");
        MapNode props = q.value().asMap().getMap("Properties");
        IntrinsicNode getAtt = props.get("A").asIntrinsic();
        assertThat(getAtt.function()).isEqualTo("Fn::GetAtt");
        assertThat(pos(getAtt)).isEqualTo("3:58-3:86");
        assertThat(getAtt.argument().asList().get(1).text()).isEqualTo("Arn");
        assertThat(pos(getAtt.argument().asList().get(1))).isEqualTo("3:79-3:84");
        assertThat(props.get("N").asScalar().kind()).isEqualTo(ScalarNode.Kind.FLOAT);
        ListNode m = props.getList("M");
        assertThat(m.items())
                .extracting(n -> n.asScalar().kind())
                .containsExactly(ScalarNode.Kind.BOOL, ScalarNode.Kind.NULL, ScalarNode.Kind.INT);
        assertThat(pos(m.get(2))).isEqualTo("3:116-3:117");
    }

    @Test
    void jsonSpansCanBeMappedIntoAnotherFile() {
        TreeParser.PositionMapper mapper = (file, s, e) -> new Span("tpl.yaml", 10, 5 + (int) s, 10, 5 + (int) e);
        TreeParser.ParseResult r = TreeParser.parseJson("{\"StartAt\": \"A\"}", "tpl.yaml", mapper);
        MapNode root = r.root().asMap();
        assertThat(root.span().file()).isEqualTo("tpl.yaml");
        assertThat(pos(root.entry("StartAt").keySpan())).isEqualTo("10:6-10:15");
        assertThat(pos(root.get("StartAt"))).isEqualTo("10:17-10:20");
    }

    private static final String TAGS = """
            A: !Ref Queue
            B: !GetAtt Queue.Arn
            C: !GetAtt [Queue, Arn]
            D: !GetAtt Stack.Outputs.Url
            E: !Sub 'arn:${AWS::Partition}:sqs'
            F: !Sub ['${X}-q', {X: !Ref Name}]
            G: !Join [',', [a, b]]
            H: !If [IsProd, 1, 2]
            I: !Select [0, !GetAZs '']
            J: !Split [',', 'a,b']
            K: !FindInMap [M, K1, K2]
            L: !ImportValue Exported
            M: !GetAZs us-east-1
            N: !Base64 text
            O: !Cidr [10.0.0.0/16, 6, 5]
            P: !Equals [a, b]
            Q: !And [!Condition C1, {Condition: C2}]
            R: !Or [!Equals [a, b], !Condition C1]
            S: !Not [!Condition C1]
            T: !Condition C1
            U: !Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}
            V: !ToJsonString {a: 1}
            W: !Length [1, 2]
            """;

    @ParameterizedTest
    @CsvSource({
        "A, Ref, 1:4-1:14",
        "B, Fn::GetAtt, 2:4-2:21",
        "C, Fn::GetAtt, 3:4-3:24",
        "D, Fn::GetAtt, 4:4-4:29",
        "E, Fn::Sub, 5:4-5:36",
        "F, Fn::Sub, 6:4-6:35",
        "G, Fn::Join, 7:4-7:23",
        "H, Fn::If, 8:4-8:22",
        "I, Fn::Select, 9:4-9:27",
        "J, Fn::Split, 10:4-10:23",
        "K, Fn::FindInMap, 11:4-11:26",
        "L, Fn::ImportValue, 12:4-12:25",
        "M, Fn::GetAZs, 13:4-13:21",
        "N, Fn::Base64, 14:4-14:16",
        "O, Fn::Cidr, 15:4-15:29",
        "P, Fn::Equals, 16:4-16:18",
        "Q, Fn::And, 17:4-17:41",
        "R, Fn::Or, 18:4-18:39",
        "S, Fn::Not, 19:4-19:24",
        "T, Condition, 20:4-20:17",
        "U, Fn::Transform, 21:4-21:69",
        "V, Fn::ToJsonString, 22:4-22:24",
        "W, Fn::Length, 23:4-23:18",
    })
    void everyShortFormTagBecomesTheLongFormIntrinsic(String key, String function, String span) {
        TreeParser.ParseResult r = TreeParser.parseYaml(TAGS, "tags.yaml");
        assertThat(r.findings()).isEmpty();
        IntrinsicNode fn = r.root().asMap().get(key).asIntrinsic();
        assertThat(fn).as(key).isNotNull();
        assertThat(fn.function()).isEqualTo(function);
        assertThat(pos(fn)).isEqualTo(span);
    }

    @Test
    void shortFormArgumentsHaveTheLongFormShape() {
        MapNode root = TreeParser.parseYaml(TAGS, "tags.yaml").root().asMap();
        assertThat(root.get("A").asIntrinsic().argument().text()).isEqualTo("Queue");
        assertThat(texts(root.get("B").asIntrinsic().argument())).containsExactly("Queue", "Arn");
        assertThat(texts(root.get("C").asIntrinsic().argument())).containsExactly("Queue", "Arn");
        // a.b.c splits at the first dot
        assertThat(texts(root.get("D").asIntrinsic().argument())).containsExactly("Stack", "Outputs.Url");
        assertThat(root.get("E").asIntrinsic().argument().text()).isEqualTo("arn:${AWS::Partition}:sqs");
        ListNode sub = root.get("F").asIntrinsic().argument().asList();
        assertThat(sub.get(1).asMap().get("X").asIntrinsic().function()).isEqualTo("Ref");
        ListNode select = root.get("I").asIntrinsic().argument().asList();
        assertThat(select.get(1).asIntrinsic().function()).isEqualTo("Fn::GetAZs");
        ListNode and = root.get("Q").asIntrinsic().argument().asList();
        assertThat(and.items()).extracting(n -> n.asIntrinsic().function()).containsExactly("Condition", "Condition");
        assertThat(and.get(1).asIntrinsic().argument().text()).isEqualTo("C2");
        assertThat(pos(and.get(1))).isEqualTo("17:25-17:40");
        assertThat(root.get("U").asIntrinsic().argument().asMap().getText("Name"))
                .isEqualTo("AWS::Include");
    }

    private static List<String> texts(Node list) {
        return list.asList().items().stream().map(Node::text).toList();
    }

    @Test
    void multiLineSubInABlockScalarIsLocated() {
        String yaml = """
                Value: !Sub |
                  arn:${AWS::Partition}:sqs:${AWS::Region}
                  second line
                Next: 1
                """;
        TreeParser.ParseResult r = TreeParser.parseYaml(yaml, "s.yaml");
        assertThat(r.findings()).isEmpty();
        IntrinsicNode sub = r.root().asMap().get("Value").asIntrinsic();
        assertThat(sub.function()).isEqualTo("Fn::Sub");
        assertThat(pos(sub)).isEqualTo("1:8-4:1");
        assertThat(sub.argument().text()).isEqualTo("arn:${AWS::Partition}:sqs:${AWS::Region}\nsecond line\n");
        assertThat(pos(r.root().asMap().entry("Next").keySpan())).isEqualTo("4:1-4:5");
    }

    @Test
    void longFormsInYamlBecomeIntrinsics() {
        String yaml = """
                A: {Ref: Queue}
                B:
                  Fn::GetAtt: [Queue, Arn]
                C: {"Fn::GetAtt": "Queue.Arn"}
                D: {Fn::If: [C, {Condition: X}, b]}
                E: {Fn::Not: [{Condition: X}]}
                """;
        TreeParser.ParseResult r = TreeParser.parseYaml(yaml, "l.yaml");
        assertThat(r.findings()).isEmpty();
        MapNode root = r.root().asMap();
        assertThat(root.get("A").asIntrinsic().function()).isEqualTo("Ref");
        assertThat(pos(root.get("A"))).isEqualTo("1:4-1:16");
        IntrinsicNode b = root.get("B").asIntrinsic();
        assertThat(pos(b)).isEqualTo("3:3-3:27");
        assertThat(texts(b.argument())).containsExactly("Queue", "Arn");
        assertThat(texts(root.get("C").asIntrinsic().argument())).containsExactly("Queue", "Arn");
        // {Condition: X} is only the Condition function inside Fn::And/Or/Not
        assertThat(root.get("D").asIntrinsic().argument().asList().get(1)).isInstanceOf(MapNode.class);
        assertThat(root.get("E")
                        .asIntrinsic()
                        .argument()
                        .asList()
                        .get(0)
                        .asIntrinsic()
                        .function())
                .isEqualTo("Condition");
    }

    @Test
    void unknownAndMalformedIntrinsicsAreReported() {
        String yaml = """
                A: !GetAtt Queue
                B: !If [C, a]
                C: !GetStackOutput x
                D: {Fn::Foo: 1}
                E: !Ref ''
                """;
        TreeParser.ParseResult r = TreeParser.parseYaml(yaml, "m.yaml");
        assertThat(ids(r))
                .containsExactly(
                        "FL-PARSE-006@1:4",
                        "FL-PARSE-006@2:4",
                        "FL-PARSE-006@3:4",
                        "FL-PARSE-006@4:4",
                        "FL-PARSE-006@5:4");
        assertThat(r.findings().get(2).message()).contains("Fn::GetStackOutput");
        assertThat(r.findings().get(1).logicalPath()).isEqualTo("B");
        assertThat(r.root().asMap().get("D").asIntrinsic().function()).isEqualTo("Fn::Foo");
    }

    @Test
    void duplicateKeyIsReportedAtTheSecondOccurrenceNamingTheFirst() {
        String yaml = """
                Resources:
                  Fn:
                    Properties:
                      Timeout: 10
                      Timeout: 30
                """;
        TreeParser.ParseResult r = TreeParser.parseYaml(yaml, "d.yaml");
        assertThat(ids(r)).containsExactly("FL-PARSE-002@5:7");
        Finding f = r.findings().get(0);
        assertThat(f.message()).isEqualTo("Duplicate key 'Timeout' (first defined at line 4, column 7)");
        assertThat(f.logicalPath()).isEqualTo("Resources/Fn/Properties/Timeout");
        assertThat(pos(f.span())).isEqualTo("5:7-5:14");
        MapNode props = r.root().asMap().path("Resources", "Fn", "Properties").asMap();
        assertThat(props.entries()).hasSize(2);
        assertThat(props.get("Timeout").text()).isEqualTo("10");
    }

    @ParameterizedTest
    @CsvSource({"2, 5", "7, 8", "3, 12", "9, 14", "1, 30"})
    void aDuplicateKeyIsFoundInMapsOfAnySize(int first, int second) {
        // keys K1..K30 with K<first> written again as the <second>-th key, in YAML and in JSON: small
        // maps are searched in order, larger ones through an index made when they grow
        StringBuilder yaml = new StringBuilder();
        StringBuilder json = new StringBuilder("{");
        int n = Math.max(second, 10);
        for (int i = 1; i <= n; i++) {
            String key = i == second ? "K" + first : "K" + i;
            yaml.append(key).append(": ").append(i).append('\n');
            json.append(i > 1 ? ",\n" : "\n")
                    .append('"')
                    .append(key)
                    .append("\": ")
                    .append(i);
        }
        json.append("\n}");
        // JSON's keys start on line 2, after the brace
        List<TreeParser.ParseResult> results = List.of(
                TreeParser.parseYaml(yaml.toString(), "d.yaml"), TreeParser.parseJson(json.toString(), "d.json"));
        for (int offset = 0; offset < 2; offset++) {
            TreeParser.ParseResult r = results.get(offset);
            assertThat(r.findings()).hasSize(1);
            assertThat(r.findings().get(0).message())
                    .startsWith("Duplicate key 'K" + first + "' (first defined at line " + (first + offset) + ",");
            assertThat(r.findings().get(0).span().line()).isEqualTo(second + offset);
            assertThat(r.root().asMap().get("K" + first).text()).isEqualTo(Integer.toString(first));
            assertThat(r.root().asMap().size()).isEqualTo(n);
        }
    }

    @ParameterizedTest
    @CsvSource({"2", "12"})
    void aCollectionAsKeyIsReportedAndTheKeysAfterItKeepTheirValues(int keys) {
        // "? [a, b]" and its value are left out (and reported): the entries after it keep their values,
        // and their keys are still checked for duplicates (in small and in larger maps)
        StringBuilder yaml = new StringBuilder("? [a, b]\n: 0\n");
        for (int i = 1; i <= keys; i++) {
            yaml.append("K").append(i).append(": ").append(i).append('\n');
        }
        yaml.append("K1: again\n");
        TreeParser.ParseResult r = TreeParser.parseYaml(yaml.toString(), "c.yaml");
        assertThat(r.findings())
                .extracting(f -> f.ruleId() + "@" + f.span().line() + ": " + f.message())
                .containsExactly(
                        "FL-PARSE-001@1: A mapping key is a collection; CloudFormation mapping keys are strings, so"
                                + " this key and its value are left out",
                        "FL-PARSE-002@" + (keys + 3) + ": Duplicate key 'K1' (first defined at line 3, column 1)");
        MapNode root = r.root().asMap();
        assertThat(root.get("K1").text()).isEqualTo("1");
        assertThat(root.get("K" + keys).text()).isEqualTo(Integer.toString(keys));
        assertThat(root.entries())
                .extracting(MapNode.Entry::key)
                .doesNotContainNull()
                .startsWith("K1", "K2");

        // a map whose only key is a collection is no intrinsic function and no crash
        TreeParser.ParseResult only = TreeParser.parseYaml("A:\n  ? [x]\n  : 1\n", "o.yaml");
        assertThat(only.findings()).extracting(Finding::logicalPath).containsExactly("A");
        assertThat(only.root().asMap().getMap("A").size()).isZero();
    }

    @Test
    void duplicateKeyInJsonIsReported() {
        TreeParser.ParseResult r = TreeParser.parseJson("{\n  \"a\": 1,\n  \"a\": 2\n}", "d.json");
        assertThat(ids(r)).containsExactly("FL-PARSE-002@3:3");
        assertThat(r.findings().get(0).message()).contains("first defined at line 2, column 3");
    }

    @Test
    void anchorsAliasesAndMergeKeysAreReported() {
        String yaml = """
                Base: &base
                  Timeout: 3
                Fn:
                  <<: *base
                  Other: *base
                """;
        TreeParser.ParseResult r = TreeParser.parseYaml(yaml, "a.yaml");
        assertThat(ids(r))
                .containsExactly("FL-PARSE-006@1:7", "FL-PARSE-006@4:3", "FL-PARSE-006@4:7", "FL-PARSE-006@5:10");
        // the alias stands for the anchored node; nothing is copied
        assertThat(r.root().asMap().getMap("Fn").get("Other"))
                .isSameAs(r.root().asMap().get("Base"));
    }

    @Test
    @Timeout(10)
    void billionLaughsIsStoppedWithALimitFinding() {
        StringBuilder sb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            sb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                sb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            sb.append("]\n");
        }
        TreeParser.ParseResult r = TreeParser.parseYaml(sb.toString(), "bomb.yaml");
        assertThat(r.root()).isNull();
        assertThat(r.findings()).extracting(Finding::ruleId).contains("FL-PARSE-005");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Resources:\\n  Q:\\n    Type: x\\n   Properties: {}\\n | 4:4",
                "a: [1, 2\\n | 2:1",
                "a: 'unterminated\\n | 2:1",
            })
    void yamlSyntaxErrorsAreLocated(String yaml, String at) {
        TreeParser.ParseResult r = TreeParser.parseYaml(yaml.replace("\\n", "\n"), "e.yaml");
        assertThat(r.root()).isNull();
        assertThat(ids(r)).containsExactly("FL-PARSE-001@" + at);
    }

    @Test
    void jsonSyntaxErrorIsLocated() {
        TreeParser.ParseResult r = TreeParser.parseJson("{\n  \"a\": [1, 2}\n", "e.json");
        assertThat(r.root()).isNull();
        assertThat(ids(r)).containsExactly("FL-PARSE-001@2:13");
        assertThat(r.findings().get(0).message())
                .startsWith("JSON syntax error: Unexpected close marker '}'")
                .doesNotContain("Source");
        assertThat(ids(TreeParser.parseJson("{} {}", "x.json"))).containsExactly("FL-PARSE-001@1:4");
    }

    @Test
    void binaryContentIsASyntaxFinding() {
        TreeParser.ParseResult y = TreeParser.parseYaml("a: 1\nb: \u0000\u0001\u0002", "bin.yaml");
        assertThat(y.root()).isNull();
        assertThat(ids(y)).containsExactly("FL-PARSE-001@2:4");
        TreeParser.ParseResult j = TreeParser.parseJson("\u0000\u0001{", "bin.json");
        assertThat(j.root()).isNull();
        assertThat(j.findings()).extracting(Finding::ruleId).containsExactly("FL-PARSE-001");
    }

    @Test
    void emptyDocumentsAreANullScalar() {
        assertThat(TreeParser.parseYaml("", "e.yaml").root().asScalar().isNull())
                .isTrue();
        assertThat(TreeParser.parseYaml("# only a comment\n", "e.yaml").findings())
                .isEmpty();
        assertThat(TreeParser.parseJson("  ", "e.json").root().asScalar().isNull())
                .isTrue();
    }

    @Test
    void secondYamlDocumentIsReported() {
        TreeParser.ParseResult r = TreeParser.parseYaml("a: 1\n---\nb: 2\n", "two.yaml");
        assertThat(ids(r)).containsExactly("FL-PARSE-001@2:1");
    }

    @Test
    void deepNestingIsALimitFindingNotACrash() {
        int n = 100_000;
        String yamlFlow = "[".repeat(n) + "]".repeat(n);
        String yamlBlock = "a:\n" + " ".repeat(0) + buildBlock(2_000);
        String json = "[".repeat(n) + "]".repeat(n);
        String jsonObj = "{\"a\":".repeat(n) + "1" + "}".repeat(n);
        long t0 = System.nanoTime();
        for (TreeParser.ParseResult r : List.of(
                TreeParser.parseYaml(yamlFlow, "deep.yaml"),
                TreeParser.parseYaml(yamlBlock, "deep2.yaml"),
                TreeParser.parseJson(json, "deep.json"),
                TreeParser.parseJson(jsonObj, "deep2.json"))) {
            assertThat(r.root()).isNull();
            assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("FL-PARSE-005");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(ids(TreeParser.parseJson(json, "deep.json"))).containsExactly("FL-PARSE-005@1:501");
    }

    private static String buildBlock(int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= depth; i++) {
            sb.append(" ".repeat(i)).append("k:\n");
        }
        return sb.toString();
    }
}
