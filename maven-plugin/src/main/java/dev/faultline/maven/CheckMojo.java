package dev.faultline.maven;

import dev.faultline.core.engine.Analyzer;
import dev.faultline.core.engine.RuleRegistry;
import dev.faultline.core.rule.Severity;
import java.io.File;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Lints the AWS serverless configuration of the project (CloudFormation, SAM, CDK {@code cdk.out}
 * assemblies, Step Functions definitions) for failure handling, writes the reports and fails the
 * build when findings at or over {@code failOnSeverity} exceed {@code maxAllowedViolations}.
 *
 * <p>Thread-safe: every execution builds its own analyzer; nothing is static.
 */
@Mojo(
        name = "check",
        defaultPhase = LifecyclePhase.VERIFY,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.NONE)
public class CheckMojo extends AbstractMojo {

    /** Skips the check. */
    @Parameter(property = "faultline.skip", defaultValue = "false")
    private boolean skip;

    /** Whether findings at or over {@code failOnSeverity} fail the build (otherwise they are only logged). */
    @Parameter(property = "faultline.failOnViolation", defaultValue = "true")
    private boolean failOnViolation;

    /** The lowest severity that counts as a violation: {@code error}, {@code warning}, {@code info} or {@code none}. */
    @Parameter(property = "faultline.failOnSeverity", defaultValue = "warning")
    private String failOnSeverity;

    /** How many violations are tolerated before the build fails. */
    @Parameter(property = "faultline.maxAllowedViolations", defaultValue = "0")
    private int maxAllowedViolations;

    /**
     * Files and directories to lint; default the project base directory. {@code cdk.out} folders found
     * in them are linted as CDK cloud assemblies. The build directory is never linted.
     */
    @Parameter(property = "faultline.sourceDirectories")
    private List<File> sourceDirectories;

    /** Include globs, relative to the base directory (default: YAML, JSON and {@code .template} files). */
    @Parameter(property = "faultline.includes")
    private List<String> includes;

    /** Exclude globs, relative to the base directory, on top of the analyzer's defaults. */
    @Parameter(property = "faultline.excludes")
    private List<String> excludes;

    /**
     * Report formats: {@code text} ({@code faultline.txt}), {@code json} ({@code faultline.json}),
     * {@code sarif} ({@code faultline.sarif}), {@code junit} ({@code faultline-junit.xml}) in
     * {@code outputDirectory}, and {@code github} (workflow annotations on standard output).
     */
    @Parameter(property = "faultline.formats", defaultValue = "text,sarif")
    private List<String> formats;

    /** Where the reports are written. */
    @Parameter(property = "faultline.outputDirectory", defaultValue = "${project.build.directory}/faultline")
    private File outputDirectory;

    /** A Faultline configuration file (default: {@code .faultline.yml} in the base directory, if present). */
    @Parameter(property = "faultline.configFile")
    private File configFile;

    /** A baseline of accepted findings; findings in it do not count as violations. */
    @Parameter(property = "faultline.baselineFile")
    private File baselineFile;

    /** Whether each finding is logged, compiler-style ({@code file:[line,col] RULE message}). */
    @Parameter(property = "faultline.logViolationsToConsole", defaultValue = "true")
    private boolean logViolationsToConsole;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Faultline: skipped (faultline.skip)");
            return;
        }
        CheckSettings settings = settings();
        // The plugin's own class realm holds the parsers and rules; the thread's context loader does not.
        ClassLoader cl = getClass().getClassLoader();
        Analyzer analyzer;
        try {
            analyzer = new Analyzer(Analyzer.defaultLoader(cl), RuleRegistry.load(cl));
        } catch (RuntimeException e) {
            throw new MojoExecutionException("Faultline could not start: " + e.getMessage(), e);
        }
        // Not closed: it wraps System.out.
        Writer stdout = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        new CheckRunner(analyzer, getLog(), stdout).run(settings);
    }

    private CheckSettings settings() throws MojoExecutionException {
        Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
        List<Path> sources = new ArrayList<>();
        if (sourceDirectories == null || sourceDirectories.isEmpty()) {
            sources.add(base);
        } else {
            for (File f : sourceDirectories) {
                sources.add(base.resolve(f.toPath()).normalize());
            }
        }
        List<String> allExcludes = new ArrayList<>(clean(excludes));
        // An aggregator's modules lint themselves; linting them again from here would double every finding.
        for (String module : project.getModules()) {
            allExcludes.add(module.replace('\\', '/').replaceAll("/+$", "") + "/**");
        }
        return new CheckSettings(
                base,
                Path.of(project.getBuild().getDirectory()),
                sources,
                clean(includes),
                allExcludes,
                clean(formats),
                outputDirectory.toPath(),
                configFile == null ? null : configFile.toPath(),
                baselineFile == null ? null : baselineFile.toPath(),
                failOnViolation,
                severity(failOnSeverity),
                maxAllowedViolations,
                logViolationsToConsole,
                pluginVersion == null ? "unknown" : pluginVersion);
    }

    static Severity severity(String s) throws MojoExecutionException {
        String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "none":
                return null;
            case "error":
            case "warning":
            case "info":
                return Severity.parse(v);
            default:
                throw new MojoExecutionException(
                        "faultline.failOnSeverity must be error, warning, info or none, not '" + s + "'");
        }
    }

    /** Trims and drops blanks, splitting comma-separated entries (as given on the command line). */
    static List<String> clean(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values == null) {
            return out;
        }
        for (String v : values) {
            if (v == null) {
                continue;
            }
            for (String part : v.split(",")) {
                String t = part.trim();
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        return out;
    }
}
