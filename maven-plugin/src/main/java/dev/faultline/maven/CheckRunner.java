package dev.faultline.maven;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.AnalysisResult;
import dev.faultline.core.engine.Analyzer;
import dev.faultline.core.engine.PluginException;
import dev.faultline.core.engine.PluginLoader;
import dev.faultline.core.engine.ToolError;
import dev.faultline.core.model.InputKind;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.config.ConfigException;
import dev.faultline.core.config.ConfigLoader;
import dev.faultline.core.config.FaultlineConfig;
import dev.faultline.core.suppress.Baseline;
import dev.faultline.parsers.TreeParser;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * What {@code faultline:check} does, without Maven's parameter injection: build the same
 * {@link AnalysisRequest} the CLI builds, run the {@link Analyzer}, write the reports, log the
 * findings like compiler messages and decide whether the build fails.
 *
 * <p>A finding at or over the threshold is a violation ({@link MojoFailureException}); a tool that
 * cannot do its job (an exception, a rule that crashed, bad configuration) is an execution error
 * ({@link MojoExecutionException}).
 */
final class CheckRunner {

    /** The analyzer; replaced by one with the config file's {@code plugins:} rules when it lists any. */
    private Analyzer analyzer;
    private final Log log;
    private final Writer stdout;

    /**
     * @param stdout where formats meant for standard output go (GitHub workflow commands must
     *               start a line of the raw output, not a log line)
     */
    CheckRunner(Analyzer analyzer, Log log, Writer stdout) {
        this.analyzer = analyzer;
        this.log = log;
        this.stdout = stdout;
    }

    /** Runs the check; returns the result (for tests), or {@code null} when there was nothing to lint. */
    AnalysisResult run(CheckSettings s) throws MojoExecutionException, MojoFailureException {
        List<Reports.Format> formats;
        try {
            formats = Reports.parse(s.formats());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("faultline.formats: " + e.getMessage(), e);
        }
        List<Path> sources = existingSources(s);
        if (sources.isEmpty()) {
            log.info("Faultline: no source directory exists, nothing to lint");
            return null;
        }
        Path workingDirectory = workingDirectory(s.baseDirectory(), sources);
        AnalysisRequest request = new AnalysisRequest(sources, workingDirectory, s.includes(),
                excludes(s, workingDirectory), List.of(), List.of(), Map.of(), Map.of(),
                Runtime.getRuntime().availableProcessors());
        request = withConfig(request, s, workingDirectory);
        request = withBaseline(request, s, workingDirectory);

        AnalysisResult result;
        try {
            result = analyzer.analyze(request);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("Faultline failed to analyze " + describe(sources, workingDirectory)
                    + ": " + e.getMessage(), e);
        }

        List<Path> reports;
        try {
            reports = Reports.write(formats, result, s.outputDirectory(), s.toolVersion(),
                    workingDirectory, s.failOnViolation() ? s.failOnSeverity() : null, stdout);
        } catch (IOException e) {
            throw new MojoExecutionException("Faultline could not write its reports to "
                    + s.outputDirectory() + ": " + e.getMessage(), e);
        }

        for (Path written : reports) {
            log.info("Faultline: wrote " + display(s.baseDirectory(), written));
        }
        if (s.logViolationsToConsole()) {
            for (Finding f : result.activeFindings()) {
                logFinding(workingDirectory, f);
            }
        }
        log.info(summary(result));

        if (!result.toolErrors().isEmpty()) {
            for (ToolError e : result.toolErrors()) {
                log.error("Faultline internal error in " + e.ruleId() + " at " + e.location() + ": " + e.message());
                if (e.cause() != null && log.isDebugEnabled()) {
                    log.debug("stack trace of the internal error in " + e.ruleId(), e.cause());
                }
            }
            throw new MojoExecutionException("Faultline could not complete the analysis: "
                    + result.toolErrors().size() + " internal error(s) (see the log above)");
        }

        checkThreshold(s, result, !reports.isEmpty());
        return result;
    }

    /** The explicit config file, else the nearest {@code .faultline.yml} (as the CLI finds it). */
    private AnalysisRequest withConfig(AnalysisRequest request, CheckSettings s, Path workingDirectory)
            throws MojoExecutionException {
        Path file;
        if (s.configFile() != null) {
            file = s.baseDirectory().resolve(s.configFile()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw new MojoExecutionException("faultline.configFile: " + file + " does not exist");
            }
        } else {
            file = ConfigLoader.discover(s.baseDirectory()).orElse(null);
            if (file == null) {
                return request;
            }
        }
        String name = display(workingDirectory, file);
        FaultlineConfig config;
        try {
            TreeParser.ParseResult parsed = TreeParser.parseYaml(Files.readString(file, StandardCharsets.UTF_8), name);
            if (!parsed.findings().isEmpty()) {
                Finding f = parsed.findings().get(0);
                throw new ConfigException(f.span() + ": " + f.message());
            }
            config = ConfigLoader.fromTree(parsed.root(), name);
            if (!config.plugins().isEmpty()) {
                analyzer = analyzer.withRegistry(analyzer.registry().withPlugins(
                        new PluginLoader(CheckRunner.class.getClassLoader()), config.pluginJars(file)));
            }
            config.checkAgainst(analyzer.registry());
        } catch (IOException e) {
            throw new MojoExecutionException("Faultline could not read its configuration " + file + ": "
                    + e.getMessage(), e);
        } catch (ConfigException e) {
            throw new MojoExecutionException("Invalid Faultline configuration " + name + ":\n" + e.getMessage(), e);
        } catch (PluginException e) {
            throw new MojoExecutionException("Faultline could not load a rule plugin of " + name + ": "
                    + e.getMessage(), e);
        }
        log.debug("Faultline: using configuration " + file);
        return config.applyTo(request);
    }

    private AnalysisRequest withBaseline(AnalysisRequest request, CheckSettings s, Path workingDirectory)
            throws MojoExecutionException {
        if (s.baselineFile() == null) {
            return request;
        }
        Path file = s.baseDirectory().resolve(s.baselineFile()).toAbsolutePath().normalize();
        String name = display(workingDirectory, file);
        if (!Files.isRegularFile(file)) {
            throw new MojoExecutionException("faultline.baselineFile: " + file + " does not exist");
        }
        Baseline baseline;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            baseline = Baseline.read(in, name);
        } catch (IOException e) {
            throw new MojoExecutionException("faultline.baselineFile: " + e.getMessage(), e);
        }
        return request.withSuppressions(request.suppressions().withBaseline(baseline, name));
    }

    private void checkThreshold(CheckSettings s, AnalysisResult result, boolean reportsWritten) throws MojoFailureException {
        Severity threshold = s.failOnSeverity();
        if (threshold == null) {
            return;
        }
        long violations = result.activeFindings().stream().filter(f -> f.severity().atLeast(threshold)).count();
        if (violations == 0) {
            return;
        }
        String message = "Faultline found " + violations + " violation" + (violations == 1 ? "" : "s")
                + " at or above severity '" + threshold.label() + "'"
                + (s.maxAllowedViolations() > 0 ? " (maximum allowed: " + s.maxAllowedViolations() + ")" : "")
                + (reportsWritten ? "; reports are in " + display(s.baseDirectory(), s.outputDirectory()) : "");
        if (s.failOnViolation() && violations > s.maxAllowedViolations()) {
            throw new MojoFailureException(message);
        }
        log.warn(message);
    }

    private void logFinding(Path workingDirectory, Finding f) {
        // Like javac under Maven: absolute path, [line,col], so IDEs and CI link to the spot.
        String line = workingDirectory.resolve(f.file()).normalize() + ":[" + f.span().line() + ","
                + f.span().column() + "] " + f.ruleId() + " " + f.message();
        switch (f.severity()) {
            case ERROR -> log.error(line);
            case WARNING -> log.warn(line);
            case INFO -> log.info(line);
        }
    }

    static String summary(AnalysisResult r) {
        long linted = r.files().stream()
                .filter(f -> f.kind() != InputKind.OTHER).count();
        return String.format(Locale.ROOT,
                "Faultline: %d file%s linted, %d finding%s (%d error, %d warning, %d info), %d suppressed",
                linted, linted == 1 ? "" : "s",
                r.activeFindings().size(), r.activeFindings().size() == 1 ? "" : "s",
                r.count(Severity.ERROR), r.count(Severity.WARNING), r.count(Severity.INFO), r.suppressedCount());
    }

    private List<Path> existingSources(CheckSettings s) {
        List<Path> found = new ArrayList<>();
        for (Path p : s.sourceDirectories()) {
            Path abs = s.baseDirectory().resolve(p).toAbsolutePath().normalize();
            if (Files.exists(abs)) {
                if (!found.contains(abs)) {
                    found.add(abs);
                }
            } else {
                log.debug("Faultline: skipping missing source directory " + abs);
            }
        }
        return found;
    }

    /** The base directory, or the closest directory above it that holds every source. */
    static Path workingDirectory(Path baseDirectory, List<Path> sources) {
        Path wd = baseDirectory.toAbsolutePath().normalize();
        for (Path src : sources) {
            while (wd != null && !src.startsWith(wd)) {
                wd = wd.getParent();
            }
        }
        return wd == null ? baseDirectory.toAbsolutePath().normalize() : wd;
    }

    /** The user's excludes plus the build directory, which holds copies of resources and our reports. */
    static List<String> excludes(CheckSettings s, Path workingDirectory) {
        List<String> all = new ArrayList<>(s.excludes());
        if (s.buildDirectory() != null) {
            Path build = s.buildDirectory().toAbsolutePath().normalize();
            if (build.startsWith(workingDirectory) && !build.equals(workingDirectory)) {
                all.add(slashes(workingDirectory.relativize(build)) + "/**");
            }
        }
        return all;
    }

    private static String describe(List<Path> sources, Path workingDirectory) {
        List<String> names = new ArrayList<>();
        for (Path p : sources) {
            names.add(p.equals(workingDirectory) ? "." : slashes(workingDirectory.relativize(p)));
        }
        return String.join(", ", names);
    }

    static String display(Path base, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path b = base.toAbsolutePath().normalize();
        return abs.startsWith(b) ? slashes(b.relativize(abs)) : abs.toString();
    }

    private static String slashes(Path p) {
        return p.toString().replace('\\', '/');
    }
}
