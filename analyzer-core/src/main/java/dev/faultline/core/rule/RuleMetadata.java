package dev.faultline.core.rule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything about a rule that is not its logic, declared once as a constant of the rule class.
 *
 * @param id        permanent id, {@code <PREFIX>-<AREA>-<NNN>}: {@code FL-SQS-001} for built-in rules,
 *                  a prefix of your own ({@code ACME-SQS-001}) for plugin rules; the {@code FL} prefix
 *                  is reserved for Faultline's own rules
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

    /** The id prefix reserved for Faultline's built-in rules; a plugin rule using it is refused. */
    public static final String RESERVED_PREFIX = "FL-";

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*-[A-Z]+-\\d{3}");
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Za-z0-9]+");

    /**
     * Validates and normalizes the fields.
     *
     * @throws IllegalArgumentException when the id, name or a required text is malformed or missing
     */
    public RuleMetadata {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must look like PREFIX-AREA-NNN (FL-SQS-001, ACME-SQS-001): " + id);
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

    /** The area part of the id: {@code SQS} for {@code FL-SQS-001} and {@code ACME-SQS-001}. */
    public String area() {
        return id.substring(id.indexOf('-') + 1, id.lastIndexOf('-'));
    }

    /** The prefix part of the id: {@code FL} for {@code FL-SQS-001}, {@code ACME} for {@code ACME-SQS-001}. */
    public String prefix() {
        return id.substring(0, id.indexOf('-'));
    }

    /** Whether the id uses the prefix reserved for built-in rules ({@value #RESERVED_PREFIX}). */
    public boolean hasReservedPrefix() {
        return id.startsWith(RESERVED_PREFIX);
    }

    /**
     * A builder, for rule classes that prefer named arguments.
     *
     * @param id the permanent rule id
     * @return a builder with every field but the id unset ({@link Precision#HIGH} by default)
     */
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

        /** @param v PascalCase name stating the problem @return this builder */
        public Builder name(String v) { this.name = v; return this; }
        /** @param v default severity @return this builder */
        public Builder severity(Severity v) { this.severity = v; return this; }
        /** @param v one line: what the rule flags @return this builder */
        public Builder summary(String v) { this.summary = v; return this; }
        /** @param v what fails and how @return this builder */
        public Builder rationale(String v) { this.rationale = v; return this; }
        /** @param v how to fix a finding @return this builder */
        public Builder howToFix(String v) { this.howToFix = v; return this; }
        /** @param v topic tags, at most 20 @return this builder */
        public Builder tags(String... v) { this.tags = List.of(v); return this; }
        /** @param v the documentation page behind the rule @return this builder */
        public Builder docsUrl(String v) { this.docsUrl = v; return this; }
        /** @param v a snippet that triggers the rule @return this builder */
        public Builder badExample(String v) { this.bad = v; return this; }
        /** @param v the same snippet, fixed @return this builder */
        public Builder goodExample(String v) { this.good = v; return this; }
        /**
         * Reads the bad and good examples from the files next to the rule class, named after it:
         * {@code QueueWithoutRedrivePolicy.bad.yaml} and {@code QueueWithoutRedrivePolicy.good.yaml}
         * ({@code .json} for JSON and States Language examples) in the class's package on the class
         * path. Files rather than strings, so that an editor checks them and a test can lint them.
         *
         * @param rule the rule class
         * @return this builder
         * @throws IllegalStateException when a file is missing or cannot be read
         */
        public Builder examplesOf(Class<?> rule) {
            this.bad = example(rule, "bad");
            this.good = example(rule, "good");
            return this;
        }

        private String example(Class<?> rule, String kind) {
            for (String ext : List.of("yaml", "json")) {
                String name = rule.getSimpleName() + "." + kind + "." + ext;
                try (InputStream in = rule.getResourceAsStream(name)) {
                    if (in != null) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(id + ": cannot read the example " + name, e);
                }
            }
            throw new IllegalStateException(id + ": no " + kind + " example next to " + rule.getName() + " ("
                    + rule.getSimpleName() + "." + kind + ".yaml or .json)");
        }

        /** @param v how often findings are right @return this builder */
        public Builder precision(Precision v) { this.precision = v; return this; }

        /**
         * The metadata.
         *
         * @return the validated metadata
         * @throws IllegalArgumentException when a field is malformed or missing
         */
        public RuleMetadata build() {
            return new RuleMetadata(id, name, severity, summary, rationale, howToFix, tags, docsUrl,
                    bad, good, precision);
        }
    }
}
