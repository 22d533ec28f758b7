package dev.faultline.core.rule;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything about a rule that is not its logic, declared once as a constant of the rule class.
 *
 * @param id        permanent id, {@code FL-<AREA>-<NNN>}
 * @param name      PascalCase name stating the problem ({@code QueueWithoutRedrivePolicy})
 * @param severity  default severity
 * @param summary   one line: what it flags
 * @param rationale what fails and how, in a few sentences
 * @param howToFix  the fix, in a few sentences
 * @param tags      topic tags ({@code sqs}, {@code lambda}, ...), at most 20
 * @param docsUrl   the AWS documentation page behind the rule
 * @param badExample  a snippet that triggers the rule
 * @param goodExample the same snippet, fixed
 * @param precision how often findings are right
 */
public record RuleMetadata(
        String id,
        String name,
        Severity severity,
        String summary,
        String rationale,
        String howToFix,
        List<String> tags,
        String docsUrl,
        String badExample,
        String goodExample,
        Precision precision) {

    private static final Pattern ID = Pattern.compile("FL-[A-Z]+-\\d{3}");
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Za-z0-9]+");

    public RuleMetadata {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must look like FL-AREA-NNN: " + id);
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(id + ": name must be PascalCase: " + name);
        }
        Objects.requireNonNull(severity, id + ": severity");
        requireText(id, "summary", summary);
        requireText(id, "rationale", rationale);
        requireText(id, "howToFix", howToFix);
        tags = List.copyOf(tags);
        if (tags.size() > 20) {
            throw new IllegalArgumentException(id + ": at most 20 tags");
        }
        badExample = badExample == null ? "" : badExample;
        goodExample = goodExample == null ? "" : goodExample;
        docsUrl = docsUrl == null ? "" : docsUrl;
        precision = precision == null ? Precision.HIGH : precision;
    }

    private static void requireText(String id, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(id + ": " + field + " must not be blank");
        }
    }

    /** The area part of the id: {@code SQS} for {@code FL-SQS-001}. */
    public String area() {
        return id.substring(3, id.lastIndexOf('-'));
    }

    /** A builder, for rule classes that prefer named arguments. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Fluent construction of {@link RuleMetadata}. */
    public static final class Builder {
        private final String id;
        private String name;
        private Severity severity;
        private String summary;
        private String rationale;
        private String howToFix;
        private List<String> tags = List.of();
        private String docsUrl;
        private String bad;
        private String good;
        private Precision precision = Precision.HIGH;

        private Builder(String id) {
            this.id = id;
        }

        public Builder name(String v) { this.name = v; return this; }
        public Builder severity(Severity v) { this.severity = v; return this; }
        public Builder summary(String v) { this.summary = v; return this; }
        public Builder rationale(String v) { this.rationale = v; return this; }
        public Builder howToFix(String v) { this.howToFix = v; return this; }
        public Builder tags(String... v) { this.tags = List.of(v); return this; }
        public Builder docsUrl(String v) { this.docsUrl = v; return this; }
        public Builder badExample(String v) { this.bad = v; return this; }
        public Builder goodExample(String v) { this.good = v; return this; }
        public Builder precision(Precision v) { this.precision = v; return this; }

        public RuleMetadata build() {
            return new RuleMetadata(id, name, severity, summary, rationale, howToFix, tags, docsUrl,
                    bad, good, precision);
        }
    }
}
