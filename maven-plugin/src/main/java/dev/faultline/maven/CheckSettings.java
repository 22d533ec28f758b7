package dev.faultline.maven;

import dev.faultline.core.rule.Severity;
import java.nio.file.Path;
import java.util.List;

/**
 * The resolved parameters of one {@code faultline:check} execution, free of Maven types so that the
 * logic in {@link CheckRunner} is testable with plain JUnit.
 *
 * @param baseDirectory          the project base directory; display paths are relative to it
 * @param buildDirectory         {@code target}; never linted (it holds copies of resources)
 * @param sourceDirectories      what to lint
 * @param includes               include globs (empty: the analyzer's default file types)
 * @param excludes               exclude globs, on top of the analyzer's defaults
 * @param formats                report format names
 * @param outputDirectory        where the report files go
 * @param configFile             a {@code .faultline.yml}, or {@code null}
 * @param baselineFile           a baseline of accepted findings, or {@code null}
 * @param failOnViolation        whether findings at or over the threshold fail the build
 * @param failOnSeverity         the threshold, {@code null} for "never"
 * @param maxAllowedViolations   how many findings at or over the threshold are tolerated
 * @param logViolationsToConsole whether each finding is logged
 * @param toolVersion            the plugin version, written into reports
 */
record CheckSettings(
        Path baseDirectory,
        Path buildDirectory,
        List<Path> sourceDirectories,
        List<String> includes,
        List<String> excludes,
        List<String> formats,
        Path outputDirectory,
        Path configFile,
        Path baselineFile,
        boolean failOnViolation,
        Severity failOnSeverity,
        int maxAllowedViolations,
        boolean logViolationsToConsole,
        String toolVersion) {

    CheckSettings {
        sourceDirectories = List.copyOf(sourceDirectories);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        formats = List.copyOf(formats);
    }
}
