package dev.faultline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code faultline} command; it only dispatches to its subcommands. */
@Command(
        name = "faultline",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Finds missing and broken failure handling (dead-letter queues, retries, "
                + "on-failure destinations, Catch/Retry) in CloudFormation, SAM, CDK output and "
                + "Step Functions definitions.",
        footer = {
            "",
            "Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it, "
                    + "2 usage or configuration error, 3 internal error."
        })
final class FaultlineCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print the stack trace of an internal error.")
    boolean debug;

    FaultlineCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        env.err().println("faultline: missing command (lint, rules, explain, graph)");
        spec.commandLine().usage(env.err());
        return ExitCodes.USAGE;
    }
}
