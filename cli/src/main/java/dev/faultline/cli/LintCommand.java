package dev.faultline.cli;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.AnalysisResult;
import dev.faultline.core.engine.Analyzer;
import dev.faultline.core.engine.RuleRegistry;
import dev.faultline.core.engine.ToolError;
import dev.faultline.core.model.InputFile;
import dev.faultline.core.model.InputKind;
import dev.faultline.core.report.ReportContext;
import dev.faultline.core.report.ReportFormat;
import dev.faultline.core.report.ReportSummary;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code faultline lint [PATH...]}: analyze, report, and turn the findings into an exit code. */
@Command(name = "lint", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = "Lint templates and state machine definitions in files and directories.")
final class LintCommand implements Callable<Integer> {

    /** {@code --color}. */
    enum ColorMode { AUTO, ALWAYS, NEVER }

    private final CliEnvironment env;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Files or directories to lint (default: the current directory).")
    List<String> paths = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", converter = FormatConverter.class,
            completionCandidates = FormatNames.class, defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output.")
    String output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", converter = FailOnConverter.class,
            defaultValue = "warning",
            description = "Exit with 1 when a finding is at or above LEVEL: error, warning, info, none "
                    + "(default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = "--include", paramLabel = "GLOB",
            description = "Only lint files matching GLOB (repeatable).")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Skip files matching GLOB (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--enable", paramLabel = "RULE", split = ",",
            description = "Run only these rules: ids or prefixes such as FL-SQS (repeatable).")
    List<String> enable = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "RULE", split = ",",
            description = "Do not run these rules: ids or prefixes (repeatable).")
    List<String> disable = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: the number of processors).")
    Integer threads;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour text output: auto (on a terminal, unless NO_COLOR is set), always, never.")
    ColorMode color;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (not supported yet: using it is an error).")
    String config;

    @Mixin
    PluginOptions pluginOptions = new PluginOptions();

    LintCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        if (config != null) {
            throw new UsageException("config files are not supported yet (--config " + config + ")");
        }
        if (threads != null && threads < 1) {
            throw new UsageException("--threads must be at least 1, got " + threads);
        }
        List<Path> inputs = resolveInputs();
        Analyzer analyzer = env.analyzer().get();
        analyzer = analyzer.withRegistry(pluginOptions.extend(analyzer.registry(), env, ConfigPlugins.discovered(env)));
        checkRuleNames(analyzer.registry(), "--enable", enable);
        checkRuleNames(analyzer.registry(), "--disable", disable);

        AnalysisRequest request = new AnalysisRequest(inputs, env.workingDirectory(), includes, excludes, enable,
                disable, Map.of(), Map.of(),
                threads != null ? threads : Runtime.getRuntime().availableProcessors());
        AnalysisResult result = analyzer.analyze(request);

        writeReport(result);
        printDiagnostics(result);
        if (!result.toolErrors().isEmpty()) {
            return ExitCodes.INTERNAL;
        }
        return result.failsAt(failOn.threshold) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private List<Path> resolveInputs() {
        List<String> given = paths.isEmpty() ? List.of(".") : paths;
        List<Path> inputs = new ArrayList<>(given.size());
        for (String p : given) {
            Path path;
            try {
                path = env.workingDirectory().resolve(p).normalize();
            } catch (InvalidPathException e) {
                throw new UsageException("invalid path '" + p + "': " + e.getReason());
            }
            if (!Files.exists(path)) {
                throw new UsageException("no such file or directory: " + p);
            }
            inputs.add(path);
        }
        return inputs;
    }

    private static void checkRuleNames(RuleRegistry registry, String option, List<String> patterns) {
        for (String p : patterns) {
            String pattern = p.trim().toUpperCase(Locale.ROOT);
            String prefix = pattern.endsWith("-") ? pattern : pattern + "-";
            boolean known = false;
            for (RuleMetadata m : registry.allMetadata()) {
                if (m.id().equals(pattern) || m.id().startsWith(prefix)) {
                    known = true;
                    break;
                }
            }
            if (!known) {
                throw new UsageException(option + ": no rule matches '" + p
                        + "' (run 'faultline rules' to list them)");
            }
        }
    }

    private void writeReport(AnalysisResult result) throws IOException {
        if (output == null) {
            ReportContext ctx = new ReportContext(Version.get(), useColor(), env.workingDirectory(), false);
            format.reporter().write(result, ctx, env.out());
            env.out().flush();
            return;
        }
        Path file = env.workingDirectory().resolve(output).normalize();
        ReportContext ctx = new ReportContext(Version.get(), color == ColorMode.ALWAYS, env.workingDirectory(),
                false);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            format.reporter().write(result, ctx, w);
        } catch (IOException e) {
            throw new UsageException("cannot write " + output + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    private boolean useColor() {
        switch (color) {
            case ALWAYS:
                return true;
            case NEVER:
                return false;
            default:
                String noColor = env.env().get("NO_COLOR");
                return env.stdoutIsTerminal() && (noColor == null || noColor.isEmpty()) && format == ReportFormat.TEXT;
        }
    }

    /** What goes to standard error after the report: tool errors, a note when nothing was found, the summary. */
    private void printDiagnostics(AnalysisResult result) {
        for (ToolError e : result.toolErrors()) {
            env.err().println("faultline: tool error: rule " + e.ruleId() + " failed at " + e.location() + ": "
                    + e.message());
        }
        boolean anyInput = false;
        for (InputFile f : result.files()) {
            if (f.kind() != InputKind.OTHER) {
                anyInput = true;
                break;
            }
        }
        if (!anyInput) {
            env.err().println("faultline: note: no templates or state machine definitions found in "
                    + String.join(" ", paths.isEmpty() ? List.of(".") : paths));
        }
        env.err().println(ReportSummary.of(result).toText());
    }

    /** {@code --fail-on}: a threshold severity, or none. */
    enum FailOn {
        ERROR(Severity.ERROR), WARNING(Severity.WARNING), INFO(Severity.INFO), NONE(null);

        final Severity threshold;

        FailOn(Severity threshold) {
            this.threshold = threshold;
        }
    }

    static final class FailOnConverter implements ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            for (FailOn f : FailOn.values()) {
                if (f.name().equalsIgnoreCase(value.trim())) {
                    return f;
                }
            }
            throw new TypeConversionException("expected error, warning, info or none but was '" + value + "'");
        }
    }

    static final class FormatConverter implements ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            try {
                return ReportFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected one of " + ReportFormat.names() + " but was '"
                        + value + "'");
            }
        }
    }

    /** The format names, for help and shell completion. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> names = new ArrayList<>();
            for (ReportFormat f : ReportFormat.values()) {
                names.add(f.label());
            }
            return names.iterator();
        }
    }
}
