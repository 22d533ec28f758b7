package dev.faultline.cli;

import dev.faultline.core.config.ConfigException;
import dev.faultline.core.config.ConfigLoader;
import dev.faultline.core.config.FaultlineConfig;
import dev.faultline.core.rule.Finding;
import dev.faultline.parsers.Discovery;
import dev.faultline.parsers.TreeParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code plugins:} of the nearest {@code .faultline.yml}, for the commands that list rules
 * ({@code rules}, {@code explain}) and for {@code lint}: plugin rules must be known before the rest
 * of the config file (rule settings, suppressions) can be checked against them.
 */
final class ConfigPlugins {

    private ConfigPlugins() {}

    /**
     * The plugin jars of the config file nearest to the working directory, resolved against the
     * file's directory; empty when there is no config file. A config file that cannot be read or
     * does not match the schema is a usage error.
     */
    static Map<Path, String> discovered(CliEnvironment env) {
        Optional<Path> file = ConfigLoader.discover(env.workingDirectory());
        if (file.isEmpty()) {
            return Map.of();
        }
        return of(env, file.get());
    }

    /** The plugin jars of one config file. */
    static Map<Path, String> of(CliEnvironment env, Path file) {
        String display = Discovery.displayPath(env.workingDirectory(), file);
        FaultlineConfig cfg;
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            TreeParser.ParseResult parsed = TreeParser.parseYaml(text, display);
            if (!parsed.findings().isEmpty()) {
                Finding f = parsed.findings().get(0);
                throw new UsageException(f.span() + ": " + f.message());
            }
            cfg = ConfigLoader.fromTree(parsed.root(), display);
        } catch (IOException e) {
            throw new UsageException(display + ": cannot read the configuration file: " + e.getMessage());
        } catch (ConfigException e) {
            throw new UsageException(
                    "invalid configuration file " + display + ":\n  " + String.join("\n  ", e.problems()));
        }
        return new LinkedHashMap<>(cfg.pluginJars(file));
    }
}
