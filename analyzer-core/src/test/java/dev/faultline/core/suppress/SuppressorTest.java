package dev.faultline.core.suppress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.InputFile;
import dev.faultline.core.model.InputKind;
import dev.faultline.core.model.Resource;
import dev.faultline.core.model.Template;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.testing.JsonTree;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Span;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuppressorTest {

    static final String FILE = "t.json";
    static final Set<String> KNOWN = Set.of("FL-SQS-001", "FL-SFN-001", "FL-CONFIG-001", "FL-CONFIG-002");

    static MapNode meta(String json) {
        return JsonTree.parse(FILE, json).asMap();
    }

    static Resource resource(String id, MapNode metadata) {
        MapNode empty = MapNode.empty(Span.ofFile(FILE));
        return new Resource(id, "AWS::SQS::Queue", empty, metadata, null, List.of(), empty, Span.at(FILE, 2, 3), null);
    }

    static Template template(MapNode templateMeta, Resource... resources) {
        MapNode empty = MapNode.empty(Span.ofFile(FILE));
        Map<String, Resource> rs = new LinkedHashMap<>();
        for (Resource r : resources) {
            rs.put(r.logicalId(), r);
        }
        return new Template(
                new InputFile(Path.of(FILE), FILE, InputKind.CLOUDFORMATION),
                empty,
                false,
                Map.of(),
                empty,
                empty,
                empty,
                rs,
                empty,
                templateMeta,
                null);
    }

    static Finding finding(String rule, String resource, String logicalPath, int line) {
        return new Finding(
                rule,
                Severity.WARNING,
                rule + " on " + resource,
                Span.at(FILE, line, 1),
                resource,
                null,
                logicalPath,
                null,
                null);
    }

    static Suppressor suppressor() {
        return new Suppressor(
                KNOWN::contains, id -> true, id -> id.equals("FL-CONFIG-002") ? Severity.INFO : Severity.WARNING);
    }

    static List<Finding> sorted(Finding... fs) {
        List<Finding> l = new ArrayList<>(List.of(fs));
        l.sort(Finding.ORDER);
        return l;
    }

    @Test
    void resourceMetadataSuppressesWithReasonAndReportsProblems() {
        Resource queue = resource("Queue", meta("""
                {"faultline": {"suppress": [
                  {"rule": "FL-SQS-001", "reason": "replayed from S3"},
                  {"rule": "FL-SQS-001"},
                  {"rule": "FL-NOPE-001", "reason": "x"},
                  {"rule": "FL-SFN-001", "reason": "never matches"}
                ]}}
                """));
        Resource other = resource("Other", MapNode.empty(Span.ofFile(FILE)));
        List<Finding> out = suppressor()
                .apply(
                        sorted(
                                finding("FL-SQS-001", "Queue", "Resources/Queue", 20),
                                finding("FL-SQS-001", "Other", "Resources/Other", 30)),
                        List.of(template(MapNode.empty(Span.ofFile(FILE)), queue, other)),
                        SuppressionSettings.NONE);

        assertThat(out)
                .filteredOn(f -> f.ruleId().equals("FL-SQS-001"))
                .extracting(Finding::resource, Finding::suppression)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Queue", "replayed from S3"),
                        org.assertj.core.groups.Tuple.tuple("Other", null));
        assertThat(out)
                .filteredOn(f -> f.ruleId().equals("FL-CONFIG-001"))
                .extracting(f -> f.span().line() + " " + f.message())
                .containsExactly(
                        "3 Suppression of FL-SQS-001 has no 'reason'; say why the finding does not apply.",
                        "4 Suppression names unknown rule 'FL-NOPE-001'.");
        assertThat(out)
                .filteredOn(f -> f.ruleId().equals("FL-CONFIG-002"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.span().line()).isEqualTo(5);
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.resource()).isEqualTo("Queue");
                });
        assertThat(out).isSortedAccordingTo(Finding.ORDER);
    }

    @Test
    void statesNarrowAStateMachineSuppression() {
        Resource machine = resource("Machine", meta("""
                {"faultline": {"suppress": [{"rule": "FL-SFN-001", "reason": "idempotent", "states": ["Charge"]}]}}
                """));
        String base = "Resources/Machine/Properties/Definition/States/";
        List<Finding> out = suppressor()
                .apply(
                        sorted(
                                finding("FL-SFN-001", "Machine", base + "Charge", 10),
                                finding("FL-SFN-001", "Machine", base + "ChargeAgain", 11),
                                finding("FL-SFN-001", "Machine", base + "Map/ItemProcessor/States/Charge/Retry", 12)),
                        List.of(template(MapNode.empty(Span.ofFile(FILE)), machine)),
                        SuppressionSettings.NONE);
        assertThat(out).extracting(Finding::suppressed).containsExactly(true, false, true);
    }

    @Test
    void templateMetadataCoversTheWholeFile() {
        Template t = template(meta("""
                {"faultline": {"suppress": [{"rule": "FL-SQS-001", "reason": "dev stack"}]}}
                """), resource("A", MapNode.empty(Span.ofFile(FILE))));
        List<Finding> out = suppressor()
                .apply(
                        sorted(
                                finding("FL-SQS-001", "A", "Resources/A", 10),
                                finding("FL-SQS-001", "B", "Resources/B", 20)),
                        List.of(t),
                        SuppressionSettings.NONE);
        assertThat(out).allMatch(f -> "dev stack".equals(f.suppression()));
    }

    @Test
    void pathGlobsBehaveLikeGitignoreForDoubleStars() {
        PathSuppression.Glob g = new PathSuppression.Glob(List.of("infra/**/*.yaml", "**/legacy/**"));
        assertThat(g.matches("infra/top.yaml")).isTrue();
        assertThat(g.matches("infra/dev/deep.yaml")).isTrue();
        assertThat(g.matches("legacy/old.yaml")).isTrue();
        assertThat(g.matches("a/legacy/b/old.yaml")).isTrue();
        assertThat(g.matches("infrax/top.yaml")).isFalse();
        assertThat(g.matches("app/template.yaml")).isFalse();
        assertThat(new PathSuppression.Glob(List.of()).matches("anything.yaml")).isTrue();
    }

    @Test
    void configPathSuppressionsAndBaseline() throws Exception {
        List<Finding> findings = sorted(
                finding("FL-SQS-001", "A", "Resources/A", 10),
                finding("FL-SFN-001", "M", "Resources/M/Properties/Definition/States/S", 20));
        Baseline baseline = Baseline.of(List.of(findings.get(1), finding("FL-SQS-001", "Gone", "Resources/Gone", 99)));
        StringWriter w = new StringWriter();
        baseline.write(w);
        Baseline read = Baseline.read(new StringReader(w.toString()), "b.json");
        assertThat(read).isEqualTo(baseline);
        assertThat(w.toString()).contains("\"version\" : 1").doesNotContain("line");

        SuppressionSettings settings = new SuppressionSettings(
                List.of(
                        new PathSuppression(
                                "FL-SQS-001", List.of("**/*.json"), "generated", Span.at(".faultline.yml", 4, 5)),
                        new PathSuppression(
                                "FL-SQS-001", List.of("other/**"), "nothing here", Span.at(".faultline.yml", 7, 5))),
                read,
                ".faultline-baseline.json");
        List<Finding> out = suppressor().apply(findings, List.of(), settings);
        assertThat(out)
                .filteredOn(f -> f.file().equals(FILE))
                .extracting(Finding::suppression)
                .containsExactly("config: generated", "baseline");
        assertThat(SuppressionKind.of("config: generated")).isEqualTo(SuppressionKind.EXTERNAL);
        assertThat(SuppressionKind.of("baseline")).isEqualTo(SuppressionKind.EXTERNAL);
        assertThat(out)
                .filteredOn(f -> f.ruleId().equals("FL-CONFIG-002"))
                .extracting(f -> f.span().toString() + " " + f.message())
                .containsExactly(
                        ".faultline-baseline.json:1:1 Baseline entry FL-SQS-001 in t.json at Resources/Gone matches no finding any more; regenerate the baseline.",
                        ".faultline.yml:7:5 Config suppression of FL-SQS-001 for other/** matches no finding; remove it.");
    }

    @Test
    void baselineSurvivesInsertedLinesAndReorderedResources() {
        List<Finding> before =
                sorted(finding("FL-SQS-001", "A", "Resources/A", 10), finding("FL-SQS-001", "B", "Resources/B", 20));
        Baseline baseline = Baseline.of(before);
        // the same resources, 7 lines further down and in the other order
        List<Finding> after = sorted(
                finding("FL-SQS-001", "B", "Resources/B", 17),
                finding("FL-SQS-001", "A", "Resources/A", 27),
                finding("FL-SQS-001", "C", "Resources/C", 40));
        List<Finding> out =
                suppressor().apply(after, List.of(), SuppressionSettings.NONE.withBaseline(baseline, "baseline.json"));
        assertThat(out)
                .extracting(Finding::resource, Finding::suppressed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("B", true),
                        org.assertj.core.groups.Tuple.tuple("A", true),
                        org.assertj.core.groups.Tuple.tuple("C", false));
    }
}
