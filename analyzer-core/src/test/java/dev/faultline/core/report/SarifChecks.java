package dev.faultline.core.report;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Copy of test-fixtures SarifChecks (core tests cannot depend on test-fixtures).
 * Checks a SARIF document against the OASIS 2.1.0 schema (draft-04, {@code testdata/}) and
 * against what GitHub code scanning requires on top: one run, a tool name, non-empty required
 * strings, every result with a ruleId, an in-range ruleIndex, a message, exactly one location with
 * a relative uri and lines/columns of at least 1, at most 20 tags per rule, at most 25,000 results.
 */
final class SarifChecks {

    /** Where the schema is on this machine; overridable with {@code -Dfaultline.sarifSchema}. */
    public static final Path SCHEMA = locateSchema();

    /** {@code -Dfaultline.sarifSchema}, else {@code testdata/} found walking up from the working directory. */
    private static Path locateSchema() {
        String prop = System.getProperty("faultline.sarifSchema");
        if (prop != null) {
            return Path.of(prop);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("testdata/sarif-schema-2.1.0.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("testdata/sarif-schema-2.1.0.json not found");
    }

    private static Schema schema;

    private SarifChecks() {
    }

    private static synchronized Schema schema() {
        if (schema == null) {
            try {
                JsonNode node = JsonMapper.builder().build().readTree(Files.readString(SCHEMA));
                schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(node);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the SARIF schema " + SCHEMA, e);
            }
        }
        return schema;
    }

    /** Every problem found: schema violations first, then GitHub-rule violations (empty: valid). */
    public static List<String> problems(String sarif) {
        JsonNode log = JsonMapper.builder().build().readTree(sarif);
        List<String> out = new ArrayList<>();
        for (Error e : schema().validate(log)) {
            out.add("schema: " + e);
        }
        out.addAll(githubProblems(log));
        return out;
    }

    static List<String> githubProblems(JsonNode log) {
        List<String> out = new ArrayList<>();
        if (!"2.1.0".equals(log.path("version").asString(""))) {
            out.add("version must be 2.1.0");
        }
        JsonNode runs = log.path("runs");
        if (!runs.isArray() || runs.size() != 1) {
            out.add("exactly one run expected, got " + runs.size());
            return out;
        }
        JsonNode run = runs.get(0);
        JsonNode driver = run.path("tool").path("driver");
        nonEmpty(out, driver, "name", "tool.driver");
        JsonNode rules = driver.path("rules");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            JsonNode r = rules.get(i);
            String where = "rules[" + i + "]";
            nonEmpty(out, r, "id", where);
            if (!ids.add(r.path("id").asString(""))) {
                out.add(where + ": duplicate id " + r.path("id").asString(""));
            }
            nonEmpty(out, r.path("shortDescription"), "text", where + ".shortDescription");
            nonEmpty(out, r.path("fullDescription"), "text", where + ".fullDescription");
            nonEmpty(out, r.path("help"), "text", where + ".help");
            if (r.path("shortDescription").path("text").asString("").length() > 1024
                    || r.path("fullDescription").path("text").asString("").length() > 1024) {
                out.add(where + ": description longer than 1024 characters");
            }
            if (r.path("name").asString("").length() > 255) {
                out.add(where + ": name longer than 255 characters");
            }
            if (r.path("properties").path("tags").size() > 20) {
                out.add(where + ": more than 20 tags");
            }
        }
        JsonNode results = run.path("results");
        if (!results.isArray()) {
            out.add("run.results must be present");
            return out;
        }
        if (results.size() > 25_000) {
            out.add("more than 25,000 results");
        }
        for (int i = 0; i < results.size(); i++) {
            JsonNode r = results.get(i);
            String where = "results[" + i + "]";
            nonEmpty(out, r, "ruleId", where);
            nonEmpty(out, r.path("message"), "text", where + ".message");
            JsonNode idx = r.path("ruleIndex");
            if (!idx.isInt() || idx.asInt() < 0 || idx.asInt() >= rules.size()
                    || !rules.get(idx.asInt()).path("id").asString("").equals(r.path("ruleId").asString(""))) {
                out.add(where + ": ruleIndex does not point at its rule");
            }
            JsonNode locs = r.path("locations");
            if (locs.size() != 1) {
                out.add(where + ": exactly one location expected");
                continue;
            }
            JsonNode pl = locs.get(0).path("physicalLocation");
            String uri = pl.path("artifactLocation").path("uri").asString("");
            if (uri.isEmpty() || uri.startsWith("/") || uri.contains("\\") || uri.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
                out.add(where + ": uri must be relative with / separators: " + uri);
            }
            JsonNode region = pl.path("region");
            for (String k : List.of("startLine", "startColumn", "endLine", "endColumn")) {
                if (region.path(k).asInt(0) < 1) {
                    out.add(where + ": region." + k + " must be >= 1");
                }
            }
        }
        return out;
    }

    private static void nonEmpty(List<String> out, JsonNode parent, String field, String where) {
        JsonNode v = parent.path(field);
        if (!v.isString() || v.asString().isBlank()) {
            out.add(where + "." + field + " must be a non-empty string");
        }
    }
}
