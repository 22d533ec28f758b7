package dev.faultline.cli;

import dev.faultline.core.engine.Analyzer;
import dev.faultline.core.engine.RuleRegistry;
import dev.faultline.parsers.DefaultSourceLoader;
import dev.faultline.rules.BuiltinRules;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything the commands take from the outside world, injected so that tests can capture output
 * and substitute the analyzer.
 *
 * @param out          standard output (reports)
 * @param err          standard error (diagnostics, summary)
 * @param workingDirectory user paths and display paths are relative to it
 * @param env          environment variables ({@code NO_COLOR})
 * @param stdoutIsTerminal whether standard output is an interactive terminal
 * @param analyzer     makes the analyzer for {@code lint}
 * @param registry     makes the rule registry for {@code rules} and {@code explain}
 * @param progress     whether a status line may be shown on standard error on long runs (it is a
 *                     terminal: the launchers pass {@code -Dfaultline.progress=true} when it is)
 */
record CliEnvironment(
        PrintWriter out,
        PrintWriter err,
        Path workingDirectory,
        Map<String, String> env,
        boolean stdoutIsTerminal,
        Supplier<Analyzer> analyzer,
        Supplier<RuleRegistry> registry,
        boolean progress) {

    /** Without a progress line. */
    CliEnvironment(
            PrintWriter out,
            PrintWriter err,
            Path workingDirectory,
            Map<String, String> env,
            boolean stdoutIsTerminal,
            Supplier<Analyzer> analyzer,
            Supplier<RuleRegistry> registry) {
        this(out, err, workingDirectory, env, stdoutIsTerminal, analyzer, registry, false);
    }

    /**
     * The real process environment. The analyzer and the registry are made from the built-in rules and
     * source loader directly ({@link BuiltinRules}, {@link DefaultSourceLoader}): the same ones
     * {@code ServiceLoader} finds on the CLI's class path (its own jar), without reading the services
     * files and creating each rule by reflection on every start.
     */
    static CliEnvironment system(PrintWriter out, PrintWriter err) {
        return new CliEnvironment(
                out,
                err,
                Path.of("").toAbsolutePath(),
                System.getenv(),
                System.console() != null,
                new Supplier<Analyzer>() {
                    @Override
                    public Analyzer get() {
                        return new Analyzer(new DefaultSourceLoader(), builtinRegistry());
                    }
                },
                new Supplier<RuleRegistry>() {
                    @Override
                    public RuleRegistry get() {
                        return builtinRegistry();
                    }
                },
                Boolean.getBoolean("faultline.progress"));
    }

    /** The built-in rules. */
    static RuleRegistry builtinRegistry() {
        return RuleRegistry.of(BuiltinRules.all());
    }
}
