package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cli.LintEndToEndTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .faultline.yml}: discovery, precedence, and located errors with exit code 2 (real pipeline). */
class ConfigFileTest {

    static final String RAW_QUEUE = ""
            + "Resources:\n"
            + "  Jobs:\n"
            + "    Type: AWS::SQS::Queue\n"
            + "  Worker:\n"
            + "    Type: AWS::Lambda::Function\n"
            + "    Properties:\n"
            + "      Handler: index.handler\n"
            + "      Runtime: nodejs20.x\n"
            + "      Role: arn:aws:iam::123456789012:role/worker\n"
            + "      Code:\n"
            + "        ZipFile: exports.handler = async () => {}\n"
            + "  JobsMapping:\n"
            + "    Type: AWS::Lambda::EventSourceMapping\n"
            + "    Properties:\n"
            + "      EventSourceArn: !GetAtt Jobs.Arn\n"
            + "      FunctionName: !Ref Worker\n";

    @TempDir
    Path repo;

    /** The working directory: a sub-directory of the repository, so the config is found above it. */
    Path service;

    @BeforeEach
    void layout() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        service = repo.resolve("services/jobs");
        write("services/jobs/template.yaml", RAW_QUEUE);
    }

    private void write(String rel, String text) throws IOException {
        Path p = repo.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    @Test
    void withoutAConfigTheWarningIsReported() {
        Run r = LintEndToEndTest.lint(service);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("template.yaml:2:3: warning FL-SQS-001 Queue 'Jobs' is consumed by function "
                + "'Worker' but has no RedrivePolicy; a poison message is retried until its retention period expires, "
                + "then deleted without a trace\n");
    }

    @Test
    void aDiscoveredConfigAtTheRepositoryRootDisablesARule() throws IOException {
        write(".faultline.yml", "rules:\n  FL-SQS-001: off\n");
        Run r = LintEndToEndTest.lint(service, "--fail-on", "error");
        assertThat(r.code()).isZero();
        assertThat(r.out()).doesNotContain("FL-SQS-001");
        assertThat(r.err()).endsWith(" in 1 file\n");

        // the command line wins over the file
        Run enabled = LintEndToEndTest.lint(service, "--enable", "FL-SQS-001");
        assertThat(enabled.code()).isEqualTo(1);
        assertThat(enabled.out()).contains("warning FL-SQS-001 Queue 'Jobs'");
    }

    @Test
    void discoveryStopsAtTheRepositoryRoot() throws IOException {
        write(".faultline.yml", "rules:\n  FL-SQS-001: off\n");
        Path outside = repo.resolve("vendor/other");
        write("vendor/other/.git/HEAD", "ref: refs/heads/main\n");
        write("vendor/other/template.yaml", RAW_QUEUE);
        Run r = LintEndToEndTest.lint(outside);
        assertThat(r.out()).contains("warning FL-SQS-001 Queue 'Jobs'");
    }

    @Test
    void severityOverridesAndPathSuppressionsApply() throws IOException {
        write(".faultline.yaml", ""
                + "rules:\n"
                + "  FL-SQS-001:\n"
                + "    severity: error\n"
                + "suppress:\n"
                + "  - rule: FL-PARSE-002\n"
                + "    paths: [\"legacy/**\"]\n"
                + "    reason: frozen\n");
        write("services/jobs/legacy/old.yaml", "Resources:\n  A:\n    Type: AWS::SNS::Topic\n  A:\n    Type: AWS::SNS::Topic\n");
        Run r = LintEndToEndTest.lint(service, "--fail-on", "error");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).startsWith("template.yaml:2:3: error FL-SQS-001 ").doesNotContain("legacy/old.yaml");
        assertThat(r.err()).contains("(1 error, 0 warnings, ").endsWith(" in 2 files, 1 suppressed\n");
    }

    @Test
    void anExplicitConfigFileIsUsedInsteadOfTheDiscoveredOne() throws IOException {
        write(".faultline.yml", "rules:\n  FL-SQS-001: off\n");
        write("ci/strict.yml", "rules:\n  FL-SQS-001: info\n");
        Run r = LintEndToEndTest.lint(service, "-c", "../../ci/strict.yml", "--fail-on", "warning");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("template.yaml:2:3: info FL-SQS-001 ");
    }

    @Test
    void anUnusedConfigSuppressionIsAnInfoAtItsEntry() throws IOException {
        // judged against the linted files its globs match (services/jobs/template.yaml is linted here)
        write(".faultline.yml", "suppress:\n  - rule: FL-PARSE-002\n    paths: [\"**/template.yaml\"]\n    reason: none\n");
        Run r = LintEndToEndTest.lint(service, "--fail-on", "error");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("../../.faultline.yml:2:5: info FL-CONFIG-002 Config suppression of FL-PARSE-002 "
                + "for **/template.yaml matches no finding; remove it.\n");
    }

    @Test
    void anInvalidConfigIsALocatedErrorWithExitCode2() throws IOException {
        write(".faultline.yml", "rules:\n  FL-SQS-001: loud\n  FL-NOPE-001: off\nincludes: [x]\n");
        Run r = LintEndToEndTest.lint(service);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("../../.faultline.yml:2:15: rules.FL-SQS-001: ")
                .contains("../../.faultline.yml:4:1: ")
                .contains("includes")
                .endsWith("faultline: invalid configuration file; nothing was linted\n");
        assertThat(r.err().lines().filter(l -> l.startsWith("../../.faultline.yml:"))).isNotEmpty();
    }

    @Test
    void anUnknownRuleInAValidConfigIsALocatedError() throws IOException {
        write(".faultline.yml", "rules:\n  FL-NOPE-001: off\n");
        Run r = LintEndToEndTest.lint(service);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("../../.faultline.yml:2:3: unknown rule 'FL-NOPE-001' (see `faultline rules`)\n"
                + "faultline: invalid configuration file; nothing was linted\n");
    }

    @Test
    void malformedYamlInTheConfigIsALocatedError() throws IOException {
        write(".faultline.yml", "rules:\n  FL-SQS-001: off\n  FL-SQS-001: error\n");
        Run r = LintEndToEndTest.lint(service);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("../../.faultline.yml:3:3: Duplicate key 'FL-SQS-001'");
    }

    // --- friction fixes (issue 16) ---------------------------------------------------------------

    @Test
    void theConfigFileAndTheBaselineAreNotCountedAsInputs() throws IOException {
        write("services/jobs/.faultline.yml", "rules:\n  FL-ESM-004: off\n");
        Run base = LintEndToEndTest.lint(service, "--write-baseline", "baseline.json");
        assertThat(base.code()).isZero();
        assertThat(base.err()).endsWith(" in 1 file\n");
        write("services/jobs/other-config.yml", "rules:\n  FL-ESM-004: off\n");
        Run r = LintEndToEndTest.lint(service, "--format", "json", "--baseline", "baseline.json",
                "--config", "other-config.yml");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"files\": [\n    {\n      \"path\": \"template.yaml\",\n      \"kind\": \"cloudformation\"\n    }\n  ],").doesNotContain("baseline.json\"")
                .doesNotContain("faultline.yml").doesNotContain("other-config.yml");
        assertThat(r.err()).endsWith(" in 1 file, 2 suppressed\n");
    }

    @Test
    void aPathSuppressionIsJudgedOnlyAgainstTheFilesThatWereLinted() throws IOException {
        write("services/jobs/dev/template.yaml", RAW_QUEUE);
        write("services/jobs/.faultline.yml", "suppress:\n"
                + "  - rule: FL-SQS-001\n    paths: [\"dev/**\"]\n    reason: dev stacks drop failed messages\n");
        // only the top template is linted: the dev/ suppression is about files not read, so not stale
        Run top = LintEndToEndTest.lint(service, "template.yaml");
        assertThat(top.out()).contains("FL-SQS-001").doesNotContain("FL-CONFIG-002");
        // dev/ linted: used, nothing stale
        Run dev = LintEndToEndTest.lint(service, "dev");
        assertThat(dev.out()).doesNotContain("FL-SQS-001").doesNotContain("FL-CONFIG-002");
        // dev/ linted and fixed: now the suppression is stale
        write("services/jobs/dev/template.yaml", RAW_QUEUE.replace("FL", "FL").replace(
                "  Jobs:\n    Type: AWS::SQS::Queue\n", "  Jobs:\n    Type: AWS::SQS::Queue\n    Properties:\n"
                        + "      RedrivePolicy:\n        deadLetterTargetArn: !GetAtt JobsDlq.Arn\n"
                        + "        maxReceiveCount: 5\n  JobsDlq:\n    Type: AWS::SQS::Queue\n"));
        Run fixed = LintEndToEndTest.lint(service, "dev");
        assertThat(fixed.out()).contains("info FL-CONFIG-002 Config suppression of FL-SQS-001 for dev/**");
    }

    @Test
    void aStateMachineResourceSuppressesFindingsInItsDefinitionUriFile() throws IOException {
        write("services/jobs/template.yaml", ""
                + "Transform: AWS::Serverless-2016-10-31\n"
                + "Resources:\n"
                + "  Fn:\n"
                + "    Type: AWS::Serverless::Function\n"
                + "    Properties:\n"
                + "      Runtime: python3.12\n"
                + "      Handler: app.handler\n"
                + "      CodeUri: src/\n"
                + "      Timeout: 10\n"
                + "  Machine:\n"
                + "    Type: AWS::Serverless::StateMachine\n"
                + "    Metadata:\n"
                + "      faultline:\n"
                + "        suppress:\n"
                + "          - rule: FL-SFN-001\n"
                + "            reason: the caller retries the whole execution\n"
                + "    Properties:\n"
                + "      DefinitionUri: sm/machine.asl.json\n"
                + "      DefinitionSubstitutions:\n"
                + "        FnArn: !GetAtt Fn.Arn\n");
        write("services/jobs/sm/machine.asl.json", "{\"StartAt\": \"Call\", \"States\": {\"Call\": "
                + "{\"Type\": \"Map\", \"ItemProcessor\": {\"StartAt\": \"Item\", \"States\": {\"Item\": "
                + "{\"Type\": \"Task\", \"Resource\": \"${FnArn}\", \"End\": true}}}, \"End\": true}}}\n");
        Run without = LintEndToEndTest.lint(service, "--include-suppressed");
        assertThat(without.out()).contains("sm/machine.asl.json:1:32: warning FL-SFN-001 ")
                .contains("[suppressed: the caller retries the whole execution]")
                .doesNotContain("FL-CONFIG-002");
        Run plain = LintEndToEndTest.lint(service);
        assertThat(plain.out()).doesNotContain("FL-SFN-001");
    }

    @Test
    void aRuleOptionFromTheConfigChangesTheThresholdAndExplainListsIt() throws IOException {
        write("services/jobs/template.yaml", RAW_QUEUE.replace("  Jobs:\n    Type: AWS::SQS::Queue\n",
                "  Jobs:\n    Type: AWS::SQS::Queue\n    Properties:\n      RedrivePolicy:\n"
                        + "        deadLetterTargetArn: !GetAtt JobsDlq.Arn\n        maxReceiveCount: 3\n"
                        + "  JobsDlq:\n    Type: AWS::SQS::Queue\n"));
        assertThat(LintEndToEndTest.lint(service, "--enable", "FL-SQS-004").out())
                .contains("warning FL-SQS-004 Queue 'Jobs' consumed by function 'Worker' has maxReceiveCount 3, below 5");
        write(".faultline.yml", "rules:\n  FL-SQS-004:\n    options: {minimumReceiveCount: 3}\n");
        Run r = LintEndToEndTest.lint(service, "--enable", "FL-SQS-004");
        assertThat(r.code()).isZero();
        assertThat(r.out()).doesNotContain("FL-SQS-004");
        Run explain = LintEndToEndTest.run(service, "explain", "FL-SQS-004");
        assertThat(explain.out()).contains("minimumReceiveCount (default 5): the smallest maxReceiveCount");
    }
}
