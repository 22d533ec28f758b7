package dev.faultline.cli;

import dev.faultline.core.engine.PluginException;
import dev.faultline.core.engine.PluginLoader;
import dev.faultline.core.engine.RuleRegistry;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --plugin JAR} (repeatable), shared by {@code lint}, {@code rules} and {@code explain}. */
final class PluginOptions {

    @Option(
            names = "--plugin",
            paramLabel = "JAR",
            description = "Load rules from a plugin jar (repeatable); they run like built-in rules.")
    List<String> plugins = new ArrayList<>();

    /** The jars given with {@code --plugin}, resolved against the working directory, in order. */
    Map<Path, String> jars(CliEnvironment env) {
        Map<Path, String> jars = new LinkedHashMap<>();
        for (String p : plugins) {
            try {
                jars.put(env.workingDirectory().resolve(p).normalize(), p);
            } catch (InvalidPathException e) {
                throw new UsageException("--plugin: invalid path '" + p + "': " + e.getReason());
            }
        }
        return jars;
    }

    /** The registry plus the rules of {@code --plugin} jars and then {@code extra} jars; a plugin problem is a usage error. */
    RuleRegistry extend(RuleRegistry base, CliEnvironment env, Map<Path, String> extra) {
        Map<Path, String> all = new LinkedHashMap<>(jars(env));
        for (Map.Entry<Path, String> e : extra.entrySet()) {
            all.putIfAbsent(e.getKey(), e.getValue());
        }
        if (all.isEmpty()) {
            return base;
        }
        try {
            return base.withPlugins(new PluginLoader(), all);
        } catch (PluginException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
