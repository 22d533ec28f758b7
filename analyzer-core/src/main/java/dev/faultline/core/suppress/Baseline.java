package dev.faultline.core.suppress;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.faultline.core.rule.Finding;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Findings accepted when a repository adopted Faultline, keyed by {@link Finding#fingerprint()}
 * (rule, file, logical location: no line numbers, so moving a resource or inserting lines keeps the
 * match). Written as {@code {"version": 1, "findings": [{ruleId, path, logicalLocation,
 * fingerprint}]}}, sorted.
 *
 * @param version  the file format version ({@link #VERSION})
 * @param findings the accepted findings
 */
public record Baseline(int version, List<Entry> findings) {

    /** The current format version. */
    public static final int VERSION = 1;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(
                    v -> JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // The caller owns the writer (Reporter contract): Jackson must not close it.
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    /** One accepted finding. */
    public record Entry(String ruleId, String path, String logicalLocation, String fingerprint) {}

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::path)
            .thenComparing(Entry::ruleId)
            .thenComparing(e -> e.logicalLocation() == null ? "" : e.logicalLocation())
            .thenComparing(Entry::fingerprint);

    public Baseline {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** A baseline of the active (not suppressed) findings, sorted and without duplicates. */
    public static Baseline of(List<Finding> findings) {
        TreeSet<Entry> set = new TreeSet<>(ORDER);
        for (Finding f : findings) {
            if (!f.suppressed()) {
                set.add(new Entry(f.ruleId(), f.file(), f.logicalPath(), f.fingerprint()));
            }
        }
        return new Baseline(VERSION, new ArrayList<>(set));
    }

    /** Writes this baseline as JSON. */
    public void write(Writer out) throws IOException {
        List<Entry> sorted = new ArrayList<>(findings);
        sorted.sort(ORDER);
        try {
            MAPPER.writeValue(out, new Baseline(version, sorted));
        } catch (JacksonException e) {
            throw new IOException("cannot write the baseline: " + e.getMessage(), e);
        }
        out.write('\n');
        out.flush();
    }

    /**
     * Reads a baseline; {@code name} names the file in the error message.
     *
     * @throws IOException when the file cannot be read or is not a baseline
     */
    public static Baseline read(Reader in, String name) throws IOException {
        Baseline b;
        try {
            b = MAPPER.readValue(in, Baseline.class);
        } catch (JacksonException e) {
            throw new IOException(name + ": not a Faultline baseline: " + e.getOriginalMessage(), e);
        }
        if (b == null || b.version() != VERSION) {
            throw new IOException(name + ": unsupported baseline version " + (b == null ? "(empty file)" : b.version())
                    + " (expected " + VERSION + ")");
        }
        for (Entry e : b.findings()) {
            if (e == null || e.fingerprint() == null || e.ruleId() == null || e.path() == null) {
                throw new IOException(name + ": every baseline entry needs ruleId, path and fingerprint");
            }
        }
        return b;
    }

    /** The entries, each with its fingerprint checked non-null. */
    public List<Entry> entries() {
        return findings.stream().filter(Objects::nonNull).toList();
    }
}
