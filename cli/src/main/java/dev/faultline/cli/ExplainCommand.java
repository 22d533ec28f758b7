package dev.faultline.cli;

import dev.faultline.core.engine.RuleRegistry;
import dev.faultline.core.rule.Rule;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.RuleOption;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code faultline explain RULE}: one rule's documentation. */
@Command(name = "explain", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Explain a rule: what it flags, why it matters, how to fix it, with examples.")
final class ExplainCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Parameters(paramLabel = "RULE", description = "A rule id, such as FL-SQS-001.")
    String rule;

    @Mixin
    PluginOptions pluginOptions = new PluginOptions();

    ExplainCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        RuleRegistry registry = pluginOptions.extend(env.registry().get(), env, ConfigPlugins.discovered(env));
        RuleMetadata m = registry.metadata(rule.trim().toUpperCase(Locale.ROOT));
        if (m == null) {
            throw new UsageException("unknown rule '" + rule + "'" + Suggestions.didYouMean(rule,
                    registry.allMetadata().stream().map(RuleMetadata::id).toList())
                    + "; run 'faultline rules' to list them");
        }
        PrintWriter out = env.out();
        out.println(m.id() + " " + m.name() + " (" + m.severity().label() + ")");
        out.println();
        out.println(m.summary());
        section(out, "Why it matters", m.rationale());
        section(out, "How to fix", m.howToFix());
        Rule r = registry.rule(m.id());
        if (r != null && !r.options().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (RuleOption<?> o : r.options()) {
                sb.append(sb.length() == 0 ? "" : "\n").append(o.name()).append(" (default ").append(o.defaultValue())
                        .append("): ").append(o.description());
            }
            section(out, "Options", sb.toString());
        }
        if (!m.badExample().isEmpty()) {
            section(out, "Bad", m.badExample());
        }
        if (!m.goodExample().isEmpty()) {
            section(out, "Good", m.goodExample());
        }
        out.println();
        if (!m.tags().isEmpty()) {
            out.println("Tags: " + String.join(", ", m.tags()));
        }
        if (!m.docsUrl().isEmpty()) {
            out.println("Docs: " + m.docsUrl());
        }
        registry.origin(m.id()).ifPresent(jar -> out.println("Plugin: " + jar));
        out.flush();
        return ExitCodes.OK;
    }

    private static void section(PrintWriter out, String title, String body) {
        out.println();
        out.println(title + ":");
        for (String line : body.strip().split("\n", -1)) {
            out.println(line.isEmpty() ? "" : "    " + line);
        }
    }
}
