package dev.faultline.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.faultline.core.rule.RuleMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.json.JsonMapper;

/** {@code faultline rules}: the rule catalog. */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = "List every rule with its id, default severity, name and summary.")
final class RulesCommand implements Callable<Integer> {

    /** {@code --format} of this command. */
    enum Format {
        TEXT,
        JSON,
        MARKDOWN
    }

    private final CliEnvironment env;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    PluginOptions pluginOptions = new PluginOptions();

    RulesCommand(CliEnvironment env) {
        this.env = env;
    }

    /** One rule in {@code rules --format json}. */
    @JsonPropertyOrder({
        "id",
        "name",
        "severity",
        "area",
        "summary",
        "rationale",
        "howToFix",
        "tags",
        "docsUrl",
        "precision",
        "badExample",
        "goodExample"
    })
    record RuleEntry(
            String id,
            String name,
            String severity,
            String area,
            String summary,
            String rationale,
            String howToFix,
            List<String> tags,
            String docsUrl,
            String precision,
            String badExample,
            String goodExample) {

        static RuleEntry of(RuleMetadata m) {
            return new RuleEntry(
                    m.id(),
                    m.name(),
                    m.severity().label(),
                    m.area(),
                    m.summary(),
                    m.rationale(),
                    m.howToFix(),
                    m.tags(),
                    m.docsUrl(),
                    m.precision().label(),
                    m.badExample(),
                    m.goodExample());
        }
    }

    @Override
    public Integer call() {
        List<RuleMetadata> rules = pluginOptions
                .extend(env.registry().get(), env, ConfigPlugins.discovered(env))
                .allMetadata();
        switch (format) {
            case JSON:
                json(rules);
                break;
            case MARKDOWN:
                markdown(rules);
                break;
            default:
                text(rules);
                break;
        }
        env.out().flush();
        return ExitCodes.OK;
    }

    private void text(List<RuleMetadata> rules) {
        int idWidth = 0;
        int nameWidth = 0;
        for (RuleMetadata m : rules) {
            idWidth = Math.max(idWidth, m.id().length());
            nameWidth = Math.max(nameWidth, m.name().length());
        }
        for (RuleMetadata m : rules) {
            env.out()
                    .println(pad(m.id(), idWidth) + "  " + pad(m.severity().label(), 7) + "  "
                            + pad(m.name(), nameWidth) + "  " + m.summary());
        }
    }

    private void markdown(List<RuleMetadata> rules) {
        env.out().println("| Rule | Severity | Name | What it flags |");
        env.out().println("|---|---|---|---|");
        for (RuleMetadata m : rules) {
            env.out()
                    .println("| " + link(m) + " | " + m.severity().label() + " | " + cell(m.name()) + " | "
                            + cell(m.summary()) + " |");
        }
    }

    private static String link(RuleMetadata m) {
        return m.docsUrl().isEmpty() ? m.id() : "[" + m.id() + "](" + m.docsUrl() + ")";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace('\n', ' ');
    }

    private void json(List<RuleMetadata> rules) {
        List<RuleEntry> entries = new ArrayList<>(rules.size());
        for (RuleMetadata m : rules) {
            entries.add(RuleEntry.of(m));
        }
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(
                        Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        JsonMapper mapper = JsonMapper.builder()
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .build();
        mapper.writer().with(printer).writeValue(env.out(), entries);
        env.out().println();
    }

    private static String pad(String s, int width) {
        StringBuilder sb = new StringBuilder(s);
        while (sb.length() < width) {
            sb.append(' ');
        }
        return sb.toString();
    }
}
