package dev.faultline.cli;

import dev.faultline.core.engine.Analyzer;
import dev.faultline.core.engine.Project;
import dev.faultline.core.engine.RuleRegistry;
import dev.faultline.core.engine.SourceLoader;
import dev.faultline.core.model.InputFile;
import dev.faultline.core.model.InputKind;
import dev.faultline.core.model.Template;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.Rule;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Span;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Runs the CLI in-process with captured output and a substitute analyzer. */
final class CliHarness {

    /** What one run produced. */
    record Run(int code, String out, String err) {}

    private final Path workingDirectory;
    private Supplier<Analyzer> analyzer;
    private Supplier<RuleRegistry> registry = () -> RuleRegistry.of(List.of(new WarningRule(), new InfoRule()));
    private final Map<String, String> env = new HashMap<>();
    private boolean terminal;

    CliHarness(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
        this.analyzer = () -> new Analyzer(loader(workingDirectory, List.of()), registry.get());
    }

    CliHarness analyzer(Supplier<Analyzer> a) {
        this.analyzer = a;
        return this;
    }

    CliHarness loader(SourceLoader loader, Rule... rules) {
        this.analyzer = () -> new Analyzer(loader, RuleRegistry.of(List.of(rules)));
        return this;
    }

    CliHarness terminal(boolean t) {
        this.terminal = t;
        return this;
    }

    CliHarness env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment e = new CliEnvironment(
                new PrintWriter(out),
                new PrintWriter(err),
                workingDirectory,
                Map.copyOf(env),
                terminal,
                analyzer,
                registry);
        int code = new Main(e).run(args);
        return new Run(code, out.toString(), err.toString());
    }

    // --- fakes -------------------------------------------------------------------------------

    static final String FILE = "app/template.yaml";

    /** A loader that returns one SAM template plus the given input findings. */
    static SourceLoader loader(Path wd, List<Finding> inputFindings) {
        return request -> {
            InputFile f = new InputFile(wd.resolve(FILE), FILE, InputKind.SAM);
            Template t = new Template(
                    f,
                    MapNode.empty(Span.ofFile(FILE)),
                    true,
                    Map.of(),
                    MapNode.empty(Span.ofFile(FILE)),
                    MapNode.empty(Span.ofFile(FILE)),
                    MapNode.empty(Span.ofFile(FILE)),
                    Map.of(),
                    MapNode.empty(Span.ofFile(FILE)),
                    MapNode.empty(Span.ofFile(FILE)),
                    null);
            InputFile other = new InputFile(wd.resolve("package.json"), "package.json", InputKind.OTHER);
            return new Project(List.of(f, other), List.of(t), List.of(), inputFindings);
        };
    }

    /** A loader that finds nothing but one unrelated file. */
    static SourceLoader emptyLoader(Path wd) {
        return request -> new Project(
                List.of(new InputFile(wd.resolve("package.json"), "package.json", InputKind.OTHER)),
                List.of(),
                List.of(),
                List.of());
    }

    static Finding parseError() {
        return new Finding(
                "FL-PARSE-002",
                Severity.ERROR,
                "Duplicate key 'Timeout'.",
                new Span(FILE, 7, 7, 7, 14),
                "Fn",
                null,
                "Resources/Fn/Properties/Timeout",
                null,
                null);
    }

    static RuleMetadata meta(String id, String name, Severity s) {
        return RuleMetadata.builder(id)
                .name(name)
                .severity(s)
                .summary("Flags every template (" + name + ").")
                .rationale("A test rule.\nIt has two lines.")
                .howToFix("Nothing to fix.")
                .tags("test", "cli")
                .docsUrl("https://example.com/" + id)
                .badExample("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n")
                .goodExample("Resources: {}\n")
                .precision(Precision.HIGH)
                .build();
    }

    /** Reports a warning on every template, with a CDK path. */
    static final class WarningRule implements Rule {
        @Override
        public RuleMetadata metadata() {
            return meta("FL-TEST-001", "TemplateWarning", Severity.WARNING);
        }

        @Override
        public Subscription subscription() {
            return Subscription.templates();
        }

        @Override
        public void visitTemplate(Template template, RuleContext ctx) {
            ctx.report(
                    Location.of(template, "Resources/OrdersQueue"),
                    "Queue 'OrdersQueue' has no RedrivePolicy; " + "poison messages retry until they expire.");
        }
    }

    /** Reports an info on every template. */
    static final class InfoRule implements Rule {
        @Override
        public RuleMetadata metadata() {
            return meta("FL-TEST-002", "TemplateInfo", Severity.INFO);
        }

        @Override
        public Subscription subscription() {
            return Subscription.templates();
        }

        @Override
        public void visitTemplate(Template template, RuleContext ctx) {
            ctx.report(Location.of(template), "A safer setting exists.");
        }
    }

    /** Always throws. */
    static final class ThrowingRule implements Rule {
        @Override
        public RuleMetadata metadata() {
            return meta("FL-TEST-003", "AlwaysThrows", Severity.ERROR);
        }

        @Override
        public Subscription subscription() {
            return Subscription.templates();
        }

        @Override
        public void visitTemplate(Template template, RuleContext ctx) {
            throw new IllegalStateException("rule bug");
        }
    }
}
