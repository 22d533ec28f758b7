package dev.faultline.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The {@code faultline} command line: wires picocli to the commands, maps failures to exit codes. */
public final class Main {

    private final CliEnvironment env;

    Main(CliEnvironment env) {
        this.env = env;
    }

    public static void main(String[] args) {
        // the JSON Schema validator logs through SLF4J; without a provider SLF4J warns on standard error
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
        PrintWriter err = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        int code = new Main(CliEnvironment.system(out, err)).run(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line and returns its exit code; never throws. */
    int run(String... args) {
        try {
            LintCommand lint = LintArgs.parse(env, args);
            if (lint != null) {
                return runLint(lint);
            }
            return commandLine(args).execute(args);
        } finally {
            env.out().flush();
            env.err().flush();
        }
    }

    /**
     * A lint whose command line {@link LintArgs} parsed, without picocli: what picocli's {@code execute}
     * does for it (the exit code {@code call} returns, an exception through {@link #handle}).
     */
    private int runLint(LintCommand lint) {
        try {
            return lint.call();
        } catch (Exception e) {
            return handle(e, env.err(), lint.debugRequested());
        }
    }

    /** The command line with every subcommand. */
    CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for {@code args}: when they name a subcommand, only that one is registered
     * (picocli reads each command's annotations by reflection when it is added, which is a large part
     * of a small lint's start-up); otherwise, for help, usage errors and suggestions, all of them.
     */
    CommandLine commandLine(String[] args) {
        String sub = null;
        for (String a : args) {
            if (!a.startsWith("-")) {
                sub = a;
                break;
            }
        }
        CommandLine cl = new CommandLine(new FaultlineCommand(env));
        boolean all = sub == null
                || !(sub.equals("lint") || sub.equals("rules") || sub.equals("explain") || sub.equals("graph"));
        if (all || sub.equals("lint")) {
            cl.addSubcommand("lint", new LintCommand(env));
        }
        if (all || sub.equals("rules")) {
            cl.addSubcommand("rules", new RulesCommand(env));
        }
        if (all || sub.equals("explain")) {
            cl.addSubcommand("explain", new ExplainCommand(env));
        }
        if (all || sub.equals("graph")) {
            cl.addSubcommand("graph", new GraphCommand(env));
        }
        if (all) {
            cl.addSubcommand("help", new CommandLine.HelpCommand());
        }
        cl.setOut(env.out());
        cl.setErr(env.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(this::handle);
        cl.setParameterExceptionHandler(Main::badParameters);
        return cl;
    }

    /**
     * A command line that does not parse: one short message, with the closest option or command when
     * the unknown one looks like a typo, and where to find the usage (not the whole usage text).
     */
    private static int badParameters(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        String message = e.getMessage();
        if (e instanceof CommandLine.UnmatchedArgumentException u
                && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            boolean option = arg.startsWith("-");
            List<String> names = new ArrayList<>();
            if (option) {
                for (CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
                    names.addAll(List.of(o.names()));
                }
            } else {
                names.addAll(cl.getSubcommands().keySet());
            }
            String name = option && arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            message = (option ? "unknown option '" : "unexpected argument '") + name + "'"
                    + Suggestions.didYouMean(name, names);
        }
        String command = cl.getCommandSpec().qualifiedName();
        err.println("faultline: " + message.strip());
        err.println("faultline: run '" + command + " --help' for the usage");
        err.flush();
        return ExitCodes.USAGE;
    }

    private int handle(Exception e, CommandLine cl, ParseResult parsed) {
        return handle(e, cl.getErr(), debug(parsed));
    }

    private static int handle(Exception e, PrintWriter err, boolean debug) {
        if (e instanceof UsageException) {
            err.println("faultline: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        err.println("faultline: internal error: " + describe(e));
        if (debug) {
            e.printStackTrace(err);
        } else {
            err.println("faultline: run again with --debug for the stack trace");
        }
        return ExitCodes.INTERNAL;
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        String name = e.getClass().getName();
        return m == null || m.isBlank() ? name : name + ": " + m.replace('\n', ' ');
    }

    /** Whether {@code --debug} was given, before or after the subcommand. */
    static boolean debug(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    /** Lower-case, for option values in messages. */
    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
