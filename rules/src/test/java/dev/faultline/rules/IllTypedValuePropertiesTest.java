package dev.faultline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.asl.Retrier;
import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.AnalysisResult;
import dev.faultline.core.engine.Analyzer;
import dev.faultline.core.eval.PropertyTypes;
import dev.faultline.core.eval.ValueType;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.model.InputKind;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.InputRules;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import dev.faultline.core.tree.Span;
import dev.faultline.fixtures.FixtureHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property test of FL-PARSE-007: a random wrong-typed literal written over a valid value of a
 * property (or States Language field) that the rules read, in any fixture, never crashes a rule,
 * gives exactly one FL-PARSE-007 at the value, and no finding of any other rule that was not there
 * before (the rules that needed the value stay silent).
 *
 * <p>The places come from the fixtures' own graphs and {@link PropertyTypes}; only values written
 * as a plain token on their line (not inside a JSON string, such as a CDK {@code Fn::Join}
 * definition) are replaced, since the replacement is written as text. Seeded as
 * {@code ParserPropertiesTest} (re-run a case with {@code -Dfaultline.propertySeed=SEED}); plain
 * JUnit rather than jqwik, whose maintainers ask AI coding agents not to use it.
 */
@Tag("property")
class IllTypedValuePropertiesTest {

    private static final int TRIES = 250;
    private static final long BASE_SEED = Long.getLong("faultline.propertySeed", 20261202L);

    @TempDir
    static Path extracted;

    private static final Analyzer ANALYZER = Analyzer.fromClassPath();
    private static final List<Site> SITES = new ArrayList<>();

    /** A valid literal of a typed place: the fixture, where it is written, and its type. */
    private record Site(Path fixture, Span span, String raw, ValueType type, boolean asl, boolean json) {}

    @BeforeAll
    static void collectSites() {
        Path root = FixtureHarness.builtinFixtures(extracted.resolve("fixtures"));
        for (Path f : FixtureHarness.fixtures(root)) {
            AnalysisResult r = analyze(f);
            Map<Node, Site> found = new LinkedHashMap<>();
            String text = read(f);
            boolean json = f.toString().endsWith(".json");
            for (GraphNode n : r.graph().nodes()) {
                if (n.resource() != null
                        && "AWS::Serverless::Function".equals(n.resource().type())
                        && !n.implied()) {
                    sites(
                            f,
                            text,
                            json,
                            n.resource().properties(),
                            PropertyTypes.of(n.resource().type()),
                            false,
                            found);
                }
                Map<Node, Site> ofNode = new LinkedHashMap<>();
                sites(f, text, json, n.properties(), PropertyTypes.of(n.type()), false, ofNode);
                for (Map.Entry<Node, Site> e : ofNode.entrySet()) {
                    if (!namesTheNode(n, e.getValue())) {
                        found.putIfAbsent(e.getKey(), e.getValue());
                    }
                }
                if (n.template() != null && n.template().globals() != null) {
                    MapNode g = n.template().globals().getMap("Function");
                    sites(f, text, json, g, PropertyTypes.of("AWS::Lambda::Function"), false, found);
                }
            }
            for (StateMachine m : r.graph().stateMachines()) {
                sites(f, text, json, m.top().body(), PropertyTypes.aslMachine(), true, found);
                for (State s : m.allStates()) {
                    sites(f, text, json, s.body(), PropertyTypes.aslState(), true, found);
                    for (Retrier rt : s.retriers()) {
                        sites(f, text, json, rt.body(), PropertyTypes.aslRetrier(), true, found);
                    }
                }
            }
            // a place whose literal is already ill-typed (a fixture of FL-PARSE-007) cannot gain a finding
            Set<String> reported = new HashSet<>();
            for (Finding finding : r.findings()) {
                if (finding.ruleId().equals(InputRules.PARSE_TYPE.id())) {
                    reported.add(finding.span().line() + ":" + finding.span().column());
                }
            }
            for (Site site : found.values()) {
                if (!reported.contains(site.span().line() + ":" + site.span().column())) {
                    SITES.add(site);
                }
            }
        }
        SITES.sort(Comparator.comparing((Site s) -> s.fixture().toString())
                .thenComparing(s -> s.span().line())
                .thenComparing(s -> s.span().column()));
    }

    @TestFactory
    Stream<DynamicTest> aWrongTypedLiteralGivesExactlyOneFindingAndSilencesTheRest() {
        assertThat(SITES)
                .as("typed places with a plain literal in the fixtures")
                .hasSizeGreaterThan(50);
        return IntStream.range(0, TRIES).mapToObj(i -> {
            long seed = BASE_SEED + i;
            return DynamicTest.dynamicTest("seed=" + seed, () -> check(new Random(seed)));
        });
    }

    private static void check(Random random) throws IOException {
        Site site = SITES.get(random.nextInt(SITES.size()));
        String bad = wrongLiteral(site, random);
        Path dir = Files.createTempDirectory(extracted, "case");
        copyTree(site.fixture().getParent(), dir);
        Path file = dir.resolve(site.fixture().getFileName().toString());
        String before = read(file);
        Files.writeString(file, replace(before, site.span(), bad), StandardCharsets.UTF_8);
        AnalysisResult old = analyze(site.fixture());
        AnalysisResult now = analyze(file);
        String what = site.fixture().getFileName() + ":" + site.span().line() + ":"
                + site.span().column() + " " + site.raw() + " -> " + bad + " ("
                + site.type().allowed() + ")";

        assertThat(now.toolErrors()).as("no rule crashes: " + what).isEmpty();
        List<Finding> parse7 = now.findings().stream()
                .filter(f -> f.ruleId().equals(InputRules.PARSE_TYPE.id()))
                .toList();
        List<Finding> parse7Before = old.findings().stream()
                .filter(f -> f.ruleId().equals(InputRules.PARSE_TYPE.id()))
                .toList();
        assertThat(parse7).as("exactly one more FL-PARSE-007: " + what).hasSize(parse7Before.size() + 1);
        assertThat(parse7.stream()
                        .filter(f -> f.span().line() == site.span().line()
                                && f.span().column() == site.span().column())
                        .count())
                .as("FL-PARSE-007 at the value: " + what + " got " + parse7)
                .isEqualTo(1);
        Set<String> was = new HashSet<>(keys(old));
        List<String> added = keys(now).stream()
                .filter(k -> !was.contains(k) && !k.startsWith(InputRules.PARSE_TYPE.id()))
                .toList();
        assertThat(added).as("no finding of another rule appears: " + what).isEmpty();
    }

    /**
     * Findings by rule, line and logical path: columns after the value may move, and a finding that
     * was there before may now word a fact it no longer knows differently; it is the same finding.
     */
    private static List<String> keys(AnalysisResult r) {
        return r.findings().stream()
                .map(f -> f.ruleId() + " " + f.span().file().replaceAll(".*/", "") + ":"
                        + f.span().line() + " " + f.logicalPath())
                .toList();
    }

    /**
     * Whether the value is part of the node's compiled logical id (a Serverless Framework topic,
     * queue, stream or bucket name): replacing it renames the resource, so every finding on it moves
     * to another logical path by design, and the site says nothing about FL-PARSE-007 alone.
     */
    private static boolean namesTheNode(GraphNode n, Site site) {
        if (n.template() == null || n.template().file().kind() != InputKind.SERVERLESS) {
            return false;
        }
        String raw = site.raw();
        // a name in the resource part of an ARN, as the framework puts it in the id: the last part
        // (a queue, topic or stream name), or another (an MSK cluster/<name>/<uuid>)
        String[] arn = raw.split(":", 6);
        String resource = arn.length == 6 ? arn[5] : raw;
        String id = n.name().toLowerCase(Locale.ROOT);
        for (String part : resource.split("[:/]")) {
            String name = part.replaceAll("[^0-9A-Za-z]", "").toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && id.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** A literal of the wrong type or form for the site, written as YAML or JSON text. */
    private static String wrongLiteral(Site site, Random r) {
        String word = WORDS[r.nextInt(WORDS.length)];
        int kind = r.nextInt(4);
        if (kind == 0 || site.type() == ValueType.STRING) {
            // a list where a single value belongs (the only wrong form of a plain string)
            return site.json() ? "[\"" + word + "\", 2]" : "[" + word + ", 2]";
        }
        ValueType t = site.type();
        if (t instanceof ValueType.Numeric n && site.asl() && kind == 1) {
            // a numeric string, or a fraction where an integer belongs: valid in a template, not in ASL
            return n.integer() && r.nextBoolean() ? "1.5" : "\"" + (1 + r.nextInt(9)) + "\"";
        }
        if (t instanceof ValueType.Enum e && kind == 2) {
            String v = e.values().get(r.nextInt(e.values().size()));
            return quoted(site, v.toLowerCase(java.util.Locale.ROOT) + "_X");
        }
        if (t == ValueType.JSON && kind == 2) {
            return site.json() ? "\"{\\\"maxReceiveCount\\\": 5,\"" : "'{\"maxReceiveCount\": 5,'";
        }
        return quoted(site, word);
    }

    private static String quoted(Site site, String s) {
        return site.json() || site.asl() ? "\"" + s + "\"" : s;
    }

    private static final String[] WORDS = {
        "abc",
        "ten",
        "1h",
        "three",
        "soon",
        "maybe",
        "EARLIEST",
        "none-such",
        "my-queue",
        "five minutes",
        "yesterday",
        "x1"
    };

    /** Collects the plain literal values of the typed paths below {@code map} (map keys only, lists with *). */
    private static void sites(
            Path f,
            String text,
            boolean json,
            MapNode map,
            List<PropertyTypes.Typed> types,
            boolean asl,
            Map<Node, Site> out) {
        if (map == null) {
            return;
        }
        for (PropertyTypes.Typed t : types) {
            collect(f, text, json, map, t.segments(), 0, t.type(), asl, out);
        }
    }

    private static void collect(
            Path f,
            String text,
            boolean json,
            Node cur,
            List<String> segs,
            int i,
            ValueType type,
            boolean asl,
            Map<Node, Site> out) {
        if (cur == null) {
            return;
        }
        if (i == segs.size()) {
            if (cur instanceof ScalarNode s
                    && !s.isNull()
                    && type.problem(s).isEmpty()
                    && !(type instanceof ValueType.Seq)
                    && type != ValueType.OBJECT
                    && plainToken(text, s, json)) {
                out.putIfAbsent(cur, new Site(f, s.span(), s.raw(), type, asl, json));
            }
            return;
        }
        if (segs.get(i).equals("*")) {
            if (cur instanceof ListNode l) {
                for (Node item : l.items()) {
                    collect(f, text, json, item, segs, i + 1, type, asl, out);
                }
            }
        } else if (cur instanceof MapNode m) {
            collect(f, text, json, m.get(segs.get(i)), segs, i + 1, type, asl, out);
        }
    }

    /**
     * Whether the scalar is written in {@code text} at its span as one token on one line (bare or
     * quoted), outside any JSON string: then replacing that text replaces exactly this value.
     */
    private static boolean plainToken(String text, ScalarNode s, boolean json) {
        Span sp = s.span();
        if (sp.line() != sp.endLine() || sp.line() < 1) {
            return false;
        }
        String[] lines = text.split("\n", -1);
        if (sp.line() > lines.length) {
            return false;
        }
        String line = lines[sp.line() - 1];
        int from = sp.column() - 1;
        int to = sp.endColumn() - 1;
        if (from < 0 || to > line.length() || from >= to) {
            return false;
        }
        String written = line.substring(from, to);
        boolean same =
                written.equals(s.raw()) || written.equals("\"" + s.raw() + "\"") || written.equals("'" + s.raw() + "'");
        if (!same || line.substring(0, from).contains("\\\"")) {
            return false;
        }
        if (json) {
            int quotes = 0;
            for (int k = 0; k < from; k++) {
                if (line.charAt(k) == '"' && (k == 0 || line.charAt(k - 1) != '\\')) {
                    quotes++;
                }
            }
            return quotes % 2 == 0;
        }
        return true;
    }

    private static String replace(String text, Span sp, String with) {
        String[] lines = text.split("\n", -1);
        String line = lines[sp.line() - 1];
        lines[sp.line() - 1] = line.substring(0, sp.column() - 1) + with + line.substring(sp.endColumn() - 1);
        return String.join("\n", lines);
    }

    private static AnalysisResult analyze(Path f) {
        Path dir = f.toAbsolutePath().getParent();
        return ANALYZER.analyze(
                AnalysisRequest.of(dir, List.of(f.toAbsolutePath())).withThreads(1));
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dst = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dst);
                } else {
                    Files.createDirectories(dst.getParent());
                    Files.copy(p, dst);
                }
            }
        }
    }
}
