package dev.faultline.core.rule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
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
 *
 * <p>A value class with the accessors, equality and text of a record of these components. Not a
 * record so that the examples read by {@link Builder#examplesOf} can be read when first asked for
 * ({@code explain}, SARIF help, {@code rules --format json}): reading two or four resources from the
 * jar for each of the rules was a third of a one-template lint's start-up.
 */
public final class RuleMetadata {

    private final String id;
    private final String name;
    private final Severity severity;
    private final String summary;
    private final String rationale;
    private final String howToFix;
    private final List<String> tags;
    private final String docsUrl;
    private final Precision precision;
    /** Reads an example ("bad", "good") when it is first asked for; null once both are known. */
    private Function<String, String> examples;

    private String badExample;
    private String goodExample;

    /** The id prefix reserved for Faultline's built-in rules; a plugin rule using it is refused. */
    public static final String RESERVED_PREFIX = "FL-";

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*-[A-Z]+-\\d{3}");
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Za-z0-9]+");

    /**
     * Validates and normalizes the fields.
     *
     * @throws IllegalArgumentException when the id, name or a required text is malformed or missing
     */
    public RuleMetadata(
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
        this(id, name, severity, summary, rationale, howToFix, tags, docsUrl, precision, null);
        this.badExample = badExample == null ? "" : badExample;
        this.goodExample = goodExample == null ? "" : goodExample;
    }

    /** The fields but the examples, which {@code examples} reads when they are first asked for. */
    private RuleMetadata(
            String id,
            String name,
            Severity severity,
            String summary,
            String rationale,
            String howToFix,
            List<String> tags,
            String docsUrl,
            Precision precision,
            Function<String, String> examples) {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "rule id must look like PREFIX-AREA-NNN (FL-SQS-001, ACME-SQS-001): " + id);
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(id + ": name must be PascalCase: " + name);
        }
        Objects.requireNonNull(severity, id + ": severity");
        requireText(id, "summary", summary);
        requireText(id, "rationale", rationale);
        requireText(id, "howToFix", howToFix);
        List<String> t = List.copyOf(tags);
        if (t.size() > 20) {
            throw new IllegalArgumentException(id + ": at most 20 tags");
        }
        this.id = id;
        this.name = name;
        this.severity = severity;
        this.summary = summary;
        this.rationale = rationale;
        this.howToFix = howToFix;
        this.tags = t;
        this.docsUrl = docsUrl == null ? "" : docsUrl;
        this.precision = precision == null ? Precision.HIGH : precision;
        this.examples = examples;
    }

    /** @return the permanent id, {@code <PREFIX>-<AREA>-<NNN>} */
    public String id() {
        return id;
    }

    /** @return the PascalCase name stating the problem */
    public String name() {
        return name;
    }

    /** @return the default severity */
    public Severity severity() {
        return severity;
    }

    /** @return one line: what the rule flags */
    public String summary() {
        return summary;
    }

    /** @return what fails and how */
    public String rationale() {
        return rationale;
    }

    /** @return the fix */
    public String howToFix() {
        return howToFix;
    }

    /** @return the topic tags */
    public List<String> tags() {
        return tags;
    }

    /** @return the AWS documentation page behind the rule, or empty */
    public String docsUrl() {
        return docsUrl;
    }

    /**
     * @return a snippet that triggers the rule, or empty
     * @throws IllegalStateException when the example file of {@link Builder#examplesOf} is missing or
     *                               cannot be read
     */
    public String badExample() {
        readExamples();
        return badExample;
    }

    /**
     * @return the same snippet, fixed, or empty
     * @throws IllegalStateException when the example file of {@link Builder#examplesOf} is missing or
     *                               cannot be read
     */
    public String goodExample() {
        readExamples();
        return goodExample;
    }

    /** @return how often findings are right */
    public Precision precision() {
        return precision;
    }

    private synchronized void readExamples() {
        if (examples != null) {
            String bad = examples.apply("bad");
            String good = examples.apply("good");
            badExample = bad;
            goodExample = good;
            examples = null;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o == this
                || o instanceof RuleMetadata m
                        && id.equals(m.id)
                        && name.equals(m.name)
                        && severity == m.severity
                        && summary.equals(m.summary)
                        && rationale.equals(m.rationale)
                        && howToFix.equals(m.howToFix)
                        && tags.equals(m.tags)
                        && docsUrl.equals(m.docsUrl)
                        && badExample().equals(m.badExample())
                        && goodExample().equals(m.goodExample())
                        && precision == m.precision;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id,
                name,
                severity,
                summary,
                rationale,
                howToFix,
                tags,
                docsUrl,
                badExample(),
                goodExample(),
                precision);
    }

    @Override
    public String toString() {
        return "RuleMetadata[id=" + id + ", name=" + name + ", severity=" + severity + ", summary=" + summary
                + ", rationale=" + rationale + ", howToFix=" + howToFix + ", tags=" + tags + ", docsUrl="
                + docsUrl + ", badExample=" + badExample() + ", goodExample=" + goodExample() + ", precision="
                + precision + "]";
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
        private Class<?> examplesOf;
        private Precision precision = Precision.HIGH;

        private Builder(String id) {
            this.id = id;
        }

        /** @param v PascalCase name stating the problem @return this builder */
        public Builder name(String v) {
            this.name = v;
            return this;
        }
        /** @param v default severity @return this builder */
        public Builder severity(Severity v) {
            this.severity = v;
            return this;
        }
        /** @param v one line: what the rule flags @return this builder */
        public Builder summary(String v) {
            this.summary = v;
            return this;
        }
        /** @param v what fails and how @return this builder */
        public Builder rationale(String v) {
            this.rationale = v;
            return this;
        }
        /** @param v how to fix a finding @return this builder */
        public Builder howToFix(String v) {
            this.howToFix = v;
            return this;
        }
        /** @param v topic tags, at most 20 @return this builder */
        public Builder tags(String... v) {
            this.tags = List.of(v);
            return this;
        }
        /** @param v the documentation page behind the rule @return this builder */
        public Builder docsUrl(String v) {
            this.docsUrl = v;
            return this;
        }
        /** @param v a snippet that triggers the rule @return this builder */
        public Builder badExample(String v) {
            this.bad = v;
            return this;
        }
        /** @param v the same snippet, fixed @return this builder */
        public Builder goodExample(String v) {
            this.good = v;
            return this;
        }
        /**
         * Reads the bad and good examples from the files next to the rule class, named after it:
         * {@code QueueWithoutRedrivePolicy.bad.yaml} and {@code QueueWithoutRedrivePolicy.good.yaml}
         * ({@code .json} for JSON and States Language examples) in the class's package on the class
         * path. Files rather than strings, so that an editor checks them and a test can lint them.
         * They are read when first asked for ({@link RuleMetadata#badExample()}), not when the rule is
         * loaded: a lint does not need them.
         *
         * @param rule the rule class
         * @return this builder
         */
        public Builder examplesOf(Class<?> rule) {
            this.examplesOf = Objects.requireNonNull(rule, "rule");
            this.bad = null;
            this.good = null;
            return this;
        }

        private static String example(String id, Class<?> rule, String kind) {
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
        public Builder precision(Precision v) {
            this.precision = v;
            return this;
        }

        /**
         * The metadata.
         *
         * @return the validated metadata
         * @throws IllegalArgumentException when a field is malformed or missing
         */
        public RuleMetadata build() {
            if (examplesOf == null) {
                return new RuleMetadata(
                        id, name, severity, summary, rationale, howToFix, tags, docsUrl, bad, good, precision);
            }
            Class<?> rule = examplesOf;
            String ruleId = id;
            String givenBad = bad;
            String givenGood = good;
            return new RuleMetadata(
                    id,
                    name,
                    severity,
                    summary,
                    rationale,
                    howToFix,
                    tags,
                    docsUrl,
                    precision,
                    new Function<String, String>() {
                        @Override
                        public String apply(String kind) {
                            String given = kind.equals("bad") ? givenBad : givenGood;
                            return given != null ? given : example(ruleId, rule, kind);
                        }
                    });
        }
    }
}
