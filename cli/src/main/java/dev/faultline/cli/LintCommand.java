package dev.faultline.cli;

import dev.faultline.core.config.ConfigException;
import dev.faultline.core.config.ConfigLoader;
import dev.faultline.core.config.FaultlineConfig;
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
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.InputRules;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.suppress.Baseline;
import dev.faultline.core.suppress.SuppressionKind;
import dev.faultline.parsers.Discovery;
import dev.faultline.parsers.TreeParser;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code faultline lint [PATH...]}: analyze, report, and turn the findings into an exit code. */
@Command(
        name = "lint",
        sortOptions = false,
        usageHelpAutoWidth = true,
        mixinStandardHelpOptions = true,
        description = "Lint templates and state machine definitions in files and directories.")
final class LintCommand implements Callable<Integer> {

    /** {@code --color}. */
    enum ColorMode {
        AUTO,
        ALWAYS,
        NEVER
    }

    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "PATH",
            arity = "0..*",
            description = "Files or directories to lint (default: the current directory).")
    List<String> paths = new ArrayList<>();

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            converter = FormatConverter.class,
            completionCandidates = FormatNames.class,
            defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output.")
    String output;

    @Option(
            names = "--fail-on",
            paramLabel = "LEVEL",
            converter = FailOnConverter.class,
            defaultValue = "warning",
            description = "Exit with 1 when a finding is at or above LEVEL: error, warning, info, none "
                    + "(default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = "--include", paramLabel = "GLOB", description = "Only lint files matching GLOB (repeatable).")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip files matching GLOB (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(
            names = "--enable",
            paramLabel = "RULE",
            split = ",",
            description = "Run only these rules: ids or prefixes such as FL-SQS (repeatable).")
    List<String> enable = new ArrayList<>();

    @Option(
            names = "--disable",
            paramLabel = "RULE",
            split = ",",
            description = "Do not run these rules: ids or prefixes (repeatable).")
    List<String> disable = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of processors).")
    Integer threads;

    @Option(
            names = "--color",
            paramLabel = "WHEN",
            defaultValue = "auto",
            description = "Colour text output: auto (on a terminal, unless NO_COLOR is set), always, never.")
    ColorMode color;

    @Option(
            names = "--report",
            paramLabel = "FORMAT=FILE",
            converter = ReportTargetConverter.class,
            description = "Also write a report in FORMAT to FILE (repeatable), e.g. --report sarif=faultline.sarif.")
    List<ReportTarget> reports = new ArrayList<>();

    @Option(
            names = "--include-suppressed",
            description = "Write suppressed findings too, marked as suppressed (they are always counted).")
    boolean includeSuppressed;

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            description = "Configuration file (default: the nearest .faultline.yml or .faultline.yaml in the "
                    + "working directory or above, up to the repository root).")
    String config;

    @Option(
            names = "--baseline",
            paramLabel = "FILE",
            description = "Report only findings that are not in this baseline; stale entries are FL-CONFIG-002.")
    String baseline;

    @Option(
            names = "--write-baseline",
            paramLabel = "FILE",
            description = "Write the current findings to FILE as a baseline, and exit 0 unless a tool error occurred.")
    String writeBaseline;

    @Mixin
    PluginOptions pluginOptions = new PluginOptions();

    /** {@code --debug} when the command line was parsed by {@link LintArgs} ({@code spec} is then null). */
    boolean fastDebug;

    LintCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        if (threads != null && threads < 1) {
            throw new UsageException("--threads must be at least 1, got " + threads);
        }
        List<Path> inputs = resolveInputs();
        List<Output> outputs = outputs();
        Path writeBaselineFile = writeBaseline == null ? null : outputFile("--write-baseline", writeBaseline);
        Analyzer analyzer = env.analyzer().get();
        // the config file first: its plugins: must be loaded before rule names and settings are checked
        FaultlineConfig cfg;
        Path cfgFile;
        try {
            cfgFile = configFile();
            cfg = readConfig(cfgFile);
            analyzer = analyzer.withRegistry(pluginOptions.extend(
                    analyzer.registry(), env, cfgFile == null ? Map.of() : cfg.pluginJars(cfgFile)));
            cfg.checkAgainst(analyzer.registry());
        } catch (ConfigException e) {
            for (String problem : e.problems()) {
                env.err().println(problem);
            }
            env.err().println("faultline: invalid configuration file; nothing was linted");
            return ExitCodes.USAGE;
        }
        checkRuleNames(analyzer.registry(), "--enable", enable);
        checkRuleNames(analyzer.registry(), "--disable", disable);

        List<String> excluded = new ArrayList<>(excludes);
        if (cfgFile != null) {
            // a --config file of another name than .faultline.yml is not an input either
            excluded.add(literalGlob(Discovery.displayPath(env.workingDirectory(), cfgFile)));
        }
        AnalysisRequest request = new AnalysisRequest(
                inputs,
                env.workingDirectory(),
                includes,
                excluded,
                enable,
                disable,
                Map.of(),
                Map.of(),
                threads != null ? threads : Runtime.getRuntime().availableProcessors());
        if (baseline != null) {
            request = request.withSuppressions(request.suppressions()
                    .withBaseline(
                            readBaseline(),
                            Discovery.displayPath(
                                    env.workingDirectory(),
                                    env.workingDirectory().resolve(baseline))));
        }
        request = cfg.applyTo(request);
        AnalysisResult result;
        if (env.progress()) {
            // erased before the reports and the summary are written
            try (ProgressLine line = new ProgressLine(env.err())) {
                result = analyzer.withProgress(line).analyze(request);
            }
        } else {
            result = analyzer.analyze(request);
        }

        for (Output o : outputs) {
            write(o, result);
        }
        if (writeBaselineFile != null) {
            writeBaselineTo(writeBaselineFile, result);
        }
        printDiagnostics(result);
        if (!result.toolErrors().isEmpty()) {
            return ExitCodes.INTERNAL;
        }
        if (writeBaselineFile != null) {
            return ExitCodes.OK;
        }
        return result.failsAt(failOn.threshold) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** One report to write: a format and a file, or standard output when {@code file} is null. */
    private record Output(ReportFormat format, Path file, String given) {}

    /** The main report ({@code --format}, {@code -o}) and every {@code --report}, checked before analysis. */
    private List<Output> outputs() {
        List<Output> out = new ArrayList<>();
        out.add(new Output(format, output == null ? null : outputFile("--output", output), output));
        for (ReportTarget t : reports) {
            out.add(new Output(t.format(), outputFile("--report", t.file()), t.file()));
        }
        Set<Path> seen = new HashSet<>();
        for (Output o : out) {
            if (o.file() != null && !seen.add(o.file())) {
                throw new UsageException("two reports are written to the same file: " + o.given());
            }
        }
        return out;
    }

    private Path outputFile(String option, String name) {
        Path file;
        try {
            file = env.workingDirectory().resolve(name).normalize();
        } catch (InvalidPathException e) {
            throw new UsageException(option + ": invalid path '" + name + "': " + e.getReason());
        }
        Path parent = file.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UsageException(option + ": directory does not exist: " + name);
        }
        if (Files.isDirectory(file)) {
            throw new UsageException(option + ": is a directory: " + name);
        }
        return file;
    }

    private Baseline readBaseline() {
        Path file;
        try {
            file = env.workingDirectory().resolve(baseline).normalize();
        } catch (InvalidPathException e) {
            throw new UsageException("--baseline: invalid path '" + baseline + "': " + e.getReason());
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--baseline: no such file: " + baseline);
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Baseline.read(r, baseline);
        } catch (IOException e) {
            throw new UsageException("--baseline: " + e.getMessage());
        }
    }

    /**
     * The config file: {@code --config}, else the nearest one found from the working directory up to the
     * repository root, else {@code null}.
     */
    private Path configFile() {
        Path file;
        if (config != null) {
            try {
                file = env.workingDirectory().resolve(config).normalize();
            } catch (InvalidPathException e) {
                throw new UsageException("--config: invalid path '" + config + "': " + e.getReason());
            }
            if (!Files.isRegularFile(file)) {
                throw new UsageException("--config: no such file: " + config);
            }
        } else {
            Optional<Path> found = ConfigLoader.discover(env.workingDirectory());
            if (found.isEmpty()) {
                return null;
            }
            file = found.get();
        }
        return file;
    }

    /**
     * The config file read and checked against the schema (not yet against the rules: its plugins are
     * not loaded yet); the empty default when {@code file} is null.
     */
    private FaultlineConfig readConfig(Path file) throws ConfigException {
        if (file == null) {
            return FaultlineConfig.EMPTY;
        }
        String display = Discovery.displayPath(env.workingDirectory(), file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(display + ": cannot read the configuration file: " + e.getMessage(), e);
        }
        TreeParser.ParseResult parsed = TreeParser.parseYaml(text, display);
        if (!parsed.findings().isEmpty()) {
            List<String> problems = new ArrayList<>();
            for (Finding f : parsed.findings()) {
                problems.add(f.span() + ": " + f.message());
            }
            throw new ConfigException(problems);
        }
        return ConfigLoader.fromTree(parsed.root(), display);
    }

    /**
     * Writes the findings a new baseline accepts: every active finding and every finding the current
     * baseline already accepted, but not the FL-CONFIG-002 findings about stale baseline entries.
     */
    private void writeBaselineTo(Path file, AnalysisResult result) {
        List<Finding> accepted = new ArrayList<>();
        for (Finding f : result.findings()) {
            boolean stale = InputRules.CONFIG_UNUSED.id().equals(f.ruleId())
                    && f.logicalPath() != null
                    && f.logicalPath().startsWith("baseline/");
            if (stale) {
                continue;
            }
            if (!f.suppressed()) {
                accepted.add(f);
            } else if (SuppressionKind.BASELINE_REASON.equals(f.suppression())) {
                accepted.add(f.withSuppression(null));
            }
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Baseline.of(accepted).write(w);
        } catch (IOException e) {
            throw new UsageException("cannot write " + writeBaseline + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        env.err()
                .println("faultline: wrote a baseline of "
                        + Baseline.of(accepted).findings().size() + " findings to " + writeBaseline);
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

    /** A glob that matches exactly this path (glob syntax characters escaped). */
    static String literalGlob(String path) {
        StringBuilder sb = new StringBuilder(path.length());
        for (char c : path.toCharArray()) {
            if ("*?[]{}\\".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
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
                // the suggestion may be a rule id or a family prefix (FL-SQS)
                Set<String> names = new java.util.TreeSet<>();
                for (RuleMetadata m : registry.allMetadata()) {
                    names.add(m.id());
                    names.add(m.id().substring(0, m.id().lastIndexOf('-')));
                }
                throw new UsageException(option + ": no rule matches '" + p + "'" + Suggestions.didYouMean(p, names)
                        + "; run 'faultline rules' to list them");
            }
        }
    }

    private void write(Output o, AnalysisResult result) throws IOException {
        if (o.file() == null) {
            ReportContext ctx = new ReportContext(
                    Version.get(), useColor(o.format()), env.workingDirectory(), includeSuppressed, failOn.threshold);
            o.format().reporter().write(result, ctx, env.out());
            env.out().flush();
            return;
        }
        ReportContext ctx = new ReportContext(
                Version.get(),
                color == ColorMode.ALWAYS && o.format() == ReportFormat.TEXT,
                env.workingDirectory(),
                includeSuppressed,
                failOn.threshold);
        try (Writer w = Files.newBufferedWriter(o.file(), StandardCharsets.UTF_8)) {
            o.format().reporter().write(result, ctx, w);
        } catch (IOException e) {
            throw new UsageException("cannot write " + o.given() + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    private boolean useColor(ReportFormat f) {
        if (f != ReportFormat.TEXT) {
            return false;
        }
        switch (color) {
            case ALWAYS:
                return true;
            case NEVER:
                return false;
            default:
                String noColor = env.env().get("NO_COLOR");
                return env.stdoutIsTerminal() && (noColor == null || noColor.isEmpty());
        }
    }

    /** What goes to standard error after the report: tool errors, a note when nothing was found, the summary. */
    private void printDiagnostics(AnalysisResult result) {
        for (ToolError e : result.toolErrors()) {
            env.err()
                    .println("faultline: tool error: rule " + e.ruleId() + " failed at " + e.location() + ": "
                            + e.message());
            if (e.cause() != null && debugRequested()) {
                e.cause().printStackTrace(env.err());
            }
        }
        boolean anyInput = false;
        for (InputFile f : result.files()) {
            if (f.kind() != InputKind.OTHER) {
                anyInput = true;
                break;
            }
        }
        if (!anyInput) {
            env.err()
                    .println("faultline: note: no templates or state machine definitions found in "
                            + String.join(" ", paths.isEmpty() ? List.of(".") : paths));
        }
        env.err().println(ReportSummary.of(result).toText());
    }

    /** Whether {@code --debug} was given, before or after {@code lint}. */
    boolean debugRequested() {
        return spec == null ? fastDebug : Main.debug(spec.root().commandLine().getParseResult());
    }

    /**
     * The parsed settings, one per line, for comparing the two parsers ({@link LintArgs} and picocli)
     * in tests.
     */
    String settings() {
        return "paths=" + paths + "\nformat=" + format + "\noutput=" + output + "\nfailOn=" + failOn
                + "\nincludes=" + includes + "\nexcludes=" + excludes + "\nenable=" + enable + "\ndisable="
                + disable + "\nthreads=" + threads + "\ncolor=" + color + "\nreports=" + reports
                + "\nincludeSuppressed=" + includeSuppressed + "\nconfig=" + config + "\nbaseline=" + baseline
                + "\nwriteBaseline=" + writeBaseline + "\nplugins=" + pluginOptions.plugins + "\ndebug="
                + debugRequested() + "\n";
    }

    /** {@code --fail-on}: a threshold severity, or none. */
    enum FailOn {
        ERROR(Severity.ERROR),
        WARNING(Severity.WARNING),
        INFO(Severity.INFO),
        NONE(null);

        final Severity threshold;

        FailOn(Severity threshold) {
            this.threshold = threshold;
        }
    }

    /** {@code --fail-on} from its value; throws with the message picocli shows. */
    static FailOn failOn(String value) {
        for (FailOn f : FailOn.values()) {
            if (f.name().equalsIgnoreCase(value.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("expected error, warning, info or none but was '" + value + "'");
    }

    /** {@code --format} from its value; throws with the message picocli shows. */
    static ReportFormat format(String value) {
        try {
            return ReportFormat.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "expected one of " + ReportFormat.names() + " but was '" + value + "'", e);
        }
    }

    /** One {@code --report} from its value; throws with the message picocli shows. */
    static ReportTarget reportTarget(String value) {
        int eq = value.indexOf('=');
        if (eq <= 0 || eq == value.length() - 1) {
            throw new IllegalArgumentException(
                    "expected FORMAT=FILE (FORMAT one of " + ReportFormat.names() + ") but was '" + value + "'");
        }
        try {
            return new ReportTarget(ReportFormat.parse(value.substring(0, eq)), value.substring(eq + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "expected FORMAT=FILE with FORMAT one of " + ReportFormat.names() + " but was '" + value + "'", e);
        }
    }

    static final class FailOnConverter implements ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            try {
                return failOn(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class FormatConverter implements ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            try {
                return format(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** One {@code --report FORMAT=FILE}. */
    record ReportTarget(ReportFormat format, String file) {}

    static final class ReportTargetConverter implements ITypeConverter<ReportTarget> {
        @Override
        public ReportTarget convert(String value) {
            try {
                return reportTarget(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
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
