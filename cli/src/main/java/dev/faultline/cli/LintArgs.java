package dev.faultline.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The fast path of {@code faultline lint}: a command line made only of options and values this class
 * fully understands is turned into a {@link LintCommand} without picocli, whose model of a command is
 * built by reflection over its annotations (annotation proxies, generic signatures, its converter
 * table) and was about a third of a one-template lint. Anything else — {@code --help}, {@code
 * --version}, an unknown or repeated option, a value a converter rejects, an argument file, {@code
 * --}, clustered short options, a value that starts with {@code -} — gives {@code null}, and the
 * caller parses the command line with picocli, which has the one set of messages for usage errors and
 * help. So this parser only ever accepts a subset of what picocli accepts, and for that subset it
 * must give the same settings; {@code LintArgsTest} compares the two on every option.
 */
final class LintArgs {

    private LintArgs() {}

    /** The lint command {@code args} describe, or {@code null} when picocli must parse them. */
    static LintCommand parse(CliEnvironment env, String[] args) {
        if (System.getProperty("picocli.trimQuotes") != null
                || System.getProperty("picocli.useSimplifiedAtFiles") != null) {
            return null;
        }
        int i = 0;
        boolean debug = false;
        if (i < args.length && args[i].equals("--debug")) {
            debug = true;
            i++;
        }
        if (i >= args.length || !args[i].equals("lint")) {
            return null;
        }
        i++;
        LintCommand lint = new LintCommand(env);
        lint.format = LintCommand.format("text");
        lint.failOn = LintCommand.failOn("warning");
        lint.color = LintCommand.ColorMode.AUTO;
        // single-valued options and flags may be given once (picocli rejects a second one)
        List<String> seen = new ArrayList<>();
        for (; i < args.length; i++) {
            String arg = args[i];
            if (arg.isEmpty() || arg.charAt(0) == '@') {
                return null;
            }
            if (arg.charAt(0) != '-') {
                lint.paths.add(arg);
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            String key = canonical(name);
            if (key == null) {
                return null;
            }
            if (key.equals("--debug") || key.equals("--include-suppressed")) {
                if (value != null || seen.contains(key)) {
                    return null;
                }
                seen.add(key);
                if (key.equals("--debug")) {
                    if (debug) {
                        return null;
                    }
                    debug = true;
                } else {
                    lint.includeSuppressed = true;
                }
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    return null;
                }
                value = args[++i];
            }
            if (value.isEmpty() || value.charAt(0) == '-' || value.charAt(0) == '@') {
                return null;
            }
            if (!set(lint, key, value, seen)) {
                return null;
            }
        }
        lint.fastDebug = debug;
        return lint;
    }

    /** The long name of a lint option, or {@code null} for one this parser leaves to picocli. */
    private static String canonical(String name) {
        switch (name) {
            case "-f":
            case "--format":
                return "--format";
            case "-o":
            case "--output":
                return "--output";
            case "-c":
            case "--config":
                return "--config";
            case "--fail-on":
            case "--include":
            case "--exclude":
            case "--enable":
            case "--disable":
            case "--threads":
            case "--color":
            case "--report":
            case "--include-suppressed":
            case "--baseline":
            case "--write-baseline":
            case "--plugin":
            case "--debug":
                return name;
            default:
                return null;
        }
    }

    /** Sets one option with its value; {@code false} when picocli must handle it. */
    private static boolean set(LintCommand lint, String key, String value, List<String> seen) {
        boolean repeatable = key.equals("--include")
                || key.equals("--exclude")
                || key.equals("--enable")
                || key.equals("--disable")
                || key.equals("--report")
                || key.equals("--plugin");
        if (!repeatable) {
            if (seen.contains(key)) {
                return false;
            }
            seen.add(key);
        }
        try {
            switch (key) {
                case "--format":
                    lint.format = LintCommand.format(value);
                    return true;
                case "--output":
                    lint.output = value;
                    return true;
                case "--config":
                    lint.config = value;
                    return true;
                case "--fail-on":
                    lint.failOn = LintCommand.failOn(value);
                    return true;
                case "--include":
                    lint.includes.add(value);
                    return true;
                case "--exclude":
                    lint.excludes.add(value);
                    return true;
                case "--enable":
                    return split(value, lint.enable);
                case "--disable":
                    return split(value, lint.disable);
                case "--threads":
                    return threads(lint, value);
                case "--color":
                    return color(lint, value);
                case "--report":
                    lint.reports.add(LintCommand.reportTarget(value));
                    return true;
                case "--baseline":
                    lint.baseline = value;
                    return true;
                case "--write-baseline":
                    lint.writeBaseline = value;
                    return true;
                case "--plugin":
                    lint.pluginOptions.plugins.add(value);
                    return true;
                default:
                    return false;
            }
        } catch (IllegalArgumentException e) {
            // a value the converter rejects: picocli gives the message
            return false;
        }
    }

    /** {@code split = ","} for plain values only (no quotes, no empty parts). */
    private static boolean split(String value, List<String> into) {
        if (value.indexOf('"') >= 0 || value.indexOf('\'') >= 0) {
            return false;
        }
        int start = 0;
        while (true) {
            int comma = value.indexOf(',', start);
            String part = comma < 0 ? value.substring(start) : value.substring(start, comma);
            if (part.isEmpty()) {
                return false;
            }
            into.add(part);
            if (comma < 0) {
                return true;
            }
            start = comma + 1;
        }
    }

    /** {@code --threads}: plain decimal digits only (no sign, no leading zero, no overflow). */
    private static boolean threads(LintCommand lint, String value) {
        if (value.length() > 9 || (value.length() > 1 && value.charAt(0) == '0')) {
            return false;
        }
        int n = 0;
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
            n = n * 10 + (c - '0');
        }
        lint.threads = n;
        return true;
    }

    /** {@code --color}: a constant's name in any case. */
    private static boolean color(LintCommand lint, String value) {
        for (LintCommand.ColorMode m : LintCommand.ColorMode.values()) {
            if (m.name().equalsIgnoreCase(value)) {
                lint.color = m;
                return true;
            }
        }
        return false;
    }
}
