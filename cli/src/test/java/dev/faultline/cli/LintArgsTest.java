package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@link LintArgs}, the lint command line parsed without picocli, against picocli's parse of the same
 * arguments: the same settings for every command line it accepts, and {@code null} (picocli parses)
 * for everything it does not fully understand.
 */
class LintArgsTest {

    @TempDir
    Path wd;

    private CliEnvironment env() {
        return new CliEnvironment(
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                wd,
                Map.of(),
                false,
                () -> {
                    throw new AssertionError("not analyzed");
                },
                () -> {
                    throw new AssertionError("no registry");
                });
    }

    /** The settings picocli parses from {@code args}. */
    private String picocli(String... args) {
        CommandLine cl = new Main(env()).commandLine(args);
        CommandLine.ParseResult parsed = cl.parseArgs(args);
        LintCommand lint = (LintCommand) parsed.subcommand().commandSpec().userObject();
        return lint.settings();
    }

    private String fast(String... args) {
        LintCommand lint = LintArgs.parse(env(), args);
        assertThat(lint).as("the fast path takes %s", List.of(args)).isNotNull();
        return lint.settings();
    }

    private void same(String... args) {
        assertThat(fast(args)).as("%s", List.of(args)).isEqualTo(picocli(args));
    }

    @Test
    void everyOptionGivesTheSameSettingsThroughBothParsers() {
        same("lint");
        same("lint", "template.yaml");
        same("lint", "a.yaml", "dir", "b.json");
        same("lint", "--fail-on", "none", "examples/sam-orders/template.yaml");
        same("lint", "--fail-on=error", "x");
        same("lint", "--fail-on", "INFO");
        same("lint", "--fail-on", " warning ");
        same("lint", "-f", "json", "x");
        same("lint", "--format", "SARIF");
        same("lint", "--format=junit");
        same("lint", "--format", " github ");
        same("lint", "--format", "markdown", "-o", "out.md");
        same("lint", "--output", "r.txt", "x");
        same("lint", "--output=dir/r.txt");
        same("lint", "--include", "**/*.yaml", "--include", "a/*.json", "x");
        same("lint", "--exclude=cdk.out/**", "--exclude", "b");
        same("lint", "--enable", "FL-SQS", "--enable", "fl-sns-001,FL-LAMBDA");
        same("lint", "--disable=FL-SQS-001,FL-SQS-002", "--disable", "FL-OBS");
        same("lint", "--threads", "1");
        same("lint", "--threads=16", "x");
        same("lint", "--threads", "0");
        same("lint", "--color", "never");
        same("lint", "--color=ALWAYS");
        same("lint", "--color", "Auto");
        same("lint", "--report", "sarif=f.sarif", "--report=json=f.json", "--report", "JUnit=x=y.xml");
        same("lint", "--include-suppressed");
        same("lint", "-c", "cfg.yml", "x");
        same("lint", "--config=.faultline.yaml");
        same("lint", "--baseline", "b.json", "--write-baseline", "n.json");
        same("lint", "--baseline=b.json");
        same("lint", "--write-baseline=n.json");
        same("lint", "--plugin", "a.jar", "--plugin=b.jar", "x");
        same("lint", "--debug", "x");
        same("--debug", "lint", "x");
        same("lint", "x", "--fail-on", "none", "y", "-f", "json", "z");
        same("lint", "lint", "rules");
        same(
                "lint",
                "-f",
                "sarif",
                "-o",
                "o.sarif",
                "--fail-on",
                "error",
                "--include",
                "i",
                "--exclude",
                "e",
                "--enable",
                "FL-SQS",
                "--disable",
                "FL-SQS-002",
                "--threads",
                "3",
                "--color",
                "always",
                "--report",
                "text=o.txt",
                "--include-suppressed",
                "-c",
                "c.yml",
                "--baseline",
                "b",
                "--write-baseline",
                "w",
                "--plugin",
                "p.jar",
                "--debug",
                "path");
    }

    @Test
    void theDefaultsAreThoseOfTheAnnotations() {
        assertThat(fast("lint"))
                .isEqualTo("paths=[]\nformat=TEXT\noutput=null\nfailOn=WARNING\nincludes=[]\nexcludes=[]\n"
                        + "enable=[]\ndisable=[]\nthreads=null\ncolor=AUTO\nreports=[]\nincludeSuppressed=false\n"
                        + "config=null\nbaseline=null\nwriteBaseline=null\nplugins=[]\ndebug=false\n");
    }

    @Test
    void everythingElseIsLeftToPicocli() {
        List<List<String>> others = List.of(
                List.of(),
                List.of("rules"),
                List.of("--version"),
                List.of("--help"),
                List.of("--debug"),
                List.of("--debug", "rules"),
                List.of("-h", "lint"),
                List.of("help", "lint"),
                List.of("lnt", "x"),
                List.of("lint", "--help"),
                List.of("lint", "-h"),
                List.of("lint", "--version"),
                List.of("lint", "-V"),
                List.of("lint", "--fial-on", "error"),
                List.of("lint", "--formt=json"),
                List.of("lint", "--format", "xml"),
                List.of("lint", "--format"),
                List.of("lint", "--format="),
                List.of("lint", "-fjson"),
                List.of("lint", "-f=json"),
                List.of("lint", "--format", "json", "--format", "text"),
                List.of("lint", "-o", "a", "--output", "b"),
                List.of("lint", "--fail-on", "sometimes"),
                List.of("lint", "--color", "maybe"),
                List.of("lint", "--threads", "-1"),
                List.of("lint", "--threads", "+2"),
                List.of("lint", "--threads", "02"),
                List.of("lint", "--threads", "x"),
                List.of("lint", "--threads", "99999999999"),
                List.of("lint", "--report", "sarif"),
                List.of("lint", "--report", "xml=o.xml"),
                List.of("lint", "--enable", "FL-SQS,,FL-SNS"),
                List.of("lint", "--enable", "FL-SQS,"),
                List.of("lint", "--enable", "\"FL-SQS,FL-SNS\""),
                List.of("lint", "--include-suppressed=true"),
                List.of("lint", "--include-suppressed", "--include-suppressed"),
                List.of("lint", "--debug", "--debug"),
                List.of("--debug", "lint", "--debug"),
                List.of("lint", "--", "-x.yaml"),
                List.of("lint", "-"),
                List.of("lint", "-o", "-"),
                List.of("lint", "--exclude", "-x"),
                List.of("lint", "@args.txt"),
                List.of("lint", "--plugin", "@p"),
                List.of("lint", ""),
                List.of("lint", "--output", ""));
        for (List<String> args : others) {
            assertThat(LintArgs.parse(env(), args.toArray(new String[0])))
                    .as("%s", args)
                    .isNull();
        }
    }
}
