package dev.faultline.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.faultline.core.engine.AnalysisResult;
import dev.faultline.core.engine.ToolError;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.suppress.SuppressionKind;
import dev.faultline.core.tree.Span;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, every enabled rule with its
 * help, one physical and logical location per result, and a line-independent
 * {@code partialFingerprints["logicalPath/v1"]}. GitHub's hard limits are respected: at most
 * {@value #MAX_RESULTS} results (the most severe kept, the cut reported as a tool notification), at
 * most 20 tags per rule, descriptions of at most 1024 characters.
 */
public final class SarifReporter implements Reporter {

    /** The schema URI GitHub's own examples use. */
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** The project page, used as {@code informationUri}. */
    public static final String INFORMATION_URI = "https://github.com/faultline-dev/faultline";
    /** The fingerprint key in {@code partialFingerprints}. */
    public static final String FINGERPRINT_KEY = "logicalPath/v1";
    /** GitHub rejects runs with more results. */
    public static final int MAX_RESULTS = 25_000;

    static final int MAX_DESCRIPTION = 1024;
    static final int MAX_NAME = 255;
    static final int MAX_TAGS = 20;
    private static final String SRCROOT = "%SRCROOT%";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(
                    v -> JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY))
            .enable(SerializationFeature.INDENT_OUTPUT)
            // The caller owns the writer (Reporter contract): Jackson must not close it.
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final int maxResults;

    public SarifReporter() {
        this(MAX_RESULTS);
    }

    /** A reporter with a lower result cap (for tests of the cap). */
    public SarifReporter(int maxResults) {
        this.maxResults = Math.max(0, maxResults);
    }

    @Override
    public void write(AnalysisResult result, ReportContext ctx, Writer out) throws IOException {
        try {
            MAPPER.writeValue(out, build(result, ctx));
        } catch (JacksonException e) {
            throw new IOException("cannot write SARIF: " + e.getMessage(), e);
        }
        out.write('\n');
        out.flush();
    }

    Sarif.Log build(AnalysisResult result, ReportContext ctx) {
        List<RuleMetadata> rules = new ArrayList<>(result.rules());
        rules.sort(Comparator.comparing(RuleMetadata::id));
        Map<String, Integer> index = new HashMap<>();
        List<Sarif.ReportingDescriptor> descriptors = new ArrayList<>(rules.size());
        for (RuleMetadata m : rules) {
            if (index.putIfAbsent(m.id(), descriptors.size()) == null) {
                descriptors.add(descriptor(m));
            }
        }

        List<Finding> selected = result.findings().stream()
                .filter(f -> ctx.includeSuppressed() || !f.suppressed())
                .toList();
        List<Sarif.Notification> notifications = new ArrayList<>();
        for (ToolError e : result.toolErrors()) {
            notifications.add(new Sarif.Notification(
                    "error",
                    new Sarif.Message(nonEmpty(e.location() + ": " + e.message())),
                    null,
                    e.ruleId() == null ? null : new Sarif.DescriptorReference(e.ruleId())));
        }
        if (selected.size() > maxResults) {
            List<Finding> bySeverity = new ArrayList<>(selected);
            bySeverity.sort(Comparator.comparing(Finding::severity).thenComparing(Finding.ORDER));
            List<Finding> kept = new ArrayList<>(bySeverity.subList(0, maxResults));
            kept.sort(Finding.ORDER);
            notifications.add(new Sarif.Notification(
                    "warning",
                    new Sarif.Message(String.format(
                            java.util.Locale.ROOT,
                            "%d results exceed GitHub's limit of %d per run; the %d most severe are reported.",
                            selected.size(),
                            maxResults,
                            maxResults)),
                    null,
                    null));
            selected = kept;
        }
        List<Sarif.Result> results = new ArrayList<>(selected.size());
        for (Finding f : selected) {
            results.add(result(f, index.get(f.ruleId())));
        }

        Map<String, Sarif.ArtifactLocation> bases = null;
        if (ctx.workingDirectory() != null) {
            String root =
                    ctx.workingDirectory().toAbsolutePath().normalize().toUri().toString();
            bases = Map.of(SRCROOT, new Sarif.ArtifactLocation(root.endsWith("/") ? root : root + "/", null));
        }
        String version = ctx.toolVersion() == null || ctx.toolVersion().isBlank() ? "0.0.0" : ctx.toolVersion();
        Sarif.ToolComponent driver =
                new Sarif.ToolComponent("faultline", version, version, INFORMATION_URI, descriptors);
        Sarif.Run run = new Sarif.Run(
                new Sarif.Tool(driver),
                new Sarif.AutomationDetails("faultline/"),
                bases,
                List.of(new Sarif.Invocation(result.toolErrors().isEmpty(), notifications)),
                results,
                "utf16CodeUnits");
        return new Sarif.Log(SCHEMA, "2.1.0", List.of(run));
    }

    private static Sarif.ReportingDescriptor descriptor(RuleMetadata m) {
        Map<String, Object> props = new LinkedHashMap<>();
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        tags.add("reliability");
        for (String t : m.tags()) {
            if (t != null && !t.isBlank() && tags.size() < MAX_TAGS) {
                tags.add(t);
            }
        }
        props.put("tags", List.copyOf(tags));
        props.put("precision", m.precision().label());
        props.put("problem.severity", problemSeverity(m.severity()));
        String fullDescription = m.rationale();
        return new Sarif.ReportingDescriptor(
                m.id(),
                cap(m.name(), MAX_NAME),
                new Sarif.Message(cap(m.summary(), MAX_DESCRIPTION)),
                new Sarif.Message(cap(fullDescription, MAX_DESCRIPTION)),
                new Sarif.MultiformatMessage(RuleHelp.text(m), RuleHelp.markdown(m)),
                m.docsUrl().isBlank() ? null : m.docsUrl(),
                new Sarif.Configuration(level(m.severity())),
                props);
    }

    private static Sarif.Result result(Finding f, Integer ruleIndex) {
        Sarif.ArtifactLocation artifact = new Sarif.ArtifactLocation(uri(f.file()), SRCROOT);
        List<Sarif.LogicalLocation> logical = new ArrayList<>(2);
        if (f.logicalPath() != null && !f.logicalPath().isEmpty()) {
            logical.add(new Sarif.LogicalLocation(f.resource(), f.logicalPath(), "resource"));
        } else if (f.resource() != null && !f.resource().isEmpty()) {
            logical.add(new Sarif.LogicalLocation(f.resource(), "Resources/" + f.resource(), "resource"));
        }
        Map<String, Object> props = new LinkedHashMap<>();
        if (f.cdkPath() != null && !f.cdkPath().isEmpty()) {
            logical.add(new Sarif.LogicalLocation(lastSegment(f.cdkPath()), f.cdkPath(), "cdkConstruct"));
            props.put("cdkPath", f.cdkPath());
        }
        List<Sarif.Fix> fixes = List.of();
        if (f.fix() != null && f.fix().span() != null) {
            dev.faultline.core.rule.Fix fx = f.fix();
            Sarif.Message inserted =
                    fx.replacement() == null || fx.replacement().isEmpty() ? null : new Sarif.Message(fx.replacement());
            String description = fx.description() == null || fx.description().isBlank()
                    ? "Apply the suggested change."
                    : fx.description();
            fixes = List.of(new Sarif.Fix(
                    new Sarif.Message(description),
                    List.of(new Sarif.ArtifactChange(
                            new Sarif.ArtifactLocation(uri(fx.span().file()), SRCROOT),
                            List.of(new Sarif.Replacement(region(fx.span()), inserted))))));
        }
        List<Sarif.Suppression> suppressions = f.suppressed()
                ? List.of(new Sarif.Suppression(
                        SuppressionKind.of(f.suppression()).sarif(), f.suppression()))
                : List.of();
        return new Sarif.Result(
                f.ruleId(),
                ruleIndex,
                level(f.severity()),
                new Sarif.Message(nonEmpty(f.message())),
                List.of(new Sarif.Location(new Sarif.PhysicalLocation(artifact, region(f.span())), logical)),
                Map.of(FINGERPRINT_KEY, f.fingerprint()),
                fixes,
                suppressions,
                props);
    }

    private static Sarif.Region region(Span s) {
        int line = Math.max(1, s.line());
        int col = Math.max(1, s.column());
        int endLine = Math.max(line, s.endLine());
        int endCol = Math.max(1, s.endColumn());
        if (endLine == line && endCol < col) {
            endCol = col;
        }
        return new Sarif.Region(line, col, endLine, endCol);
    }

    /** SARIF level of a severity: error, warning, note. */
    public static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** GitHub's {@code problem.severity}: error, warning, recommendation. */
    public static String problemSeverity(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "recommendation";
        };
    }

    /**
     * A relative URI reference for a display path: {@code /}-separated, each byte outside the
     * unreserved and sub-delimiter characters percent-encoded ({@code :} too, so that the first
     * segment never reads as a scheme).
     */
    public static String uri(String displayPath) {
        String p = displayPath == null || displayPath.isEmpty() ? "." : displayPath.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        StringBuilder sb = new StringBuilder(p.length() + 8);
        for (byte b : p.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~/!$&'()*+,;=@".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    static String cap(String s, int max) {
        String t = nonEmpty(s);
        if (t.length() <= max) {
            return t;
        }
        return t.substring(0, max - 1) + "\u2026";
    }

    private static String nonEmpty(String s) {
        return s == null || s.isBlank() ? "(no text)" : s;
    }

    private static String lastSegment(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 || i == path.length() - 1 ? path : path.substring(i + 1);
    }
}
