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
        write(".faultline.yml", "suppress:\n  - rule: FL-PARSE-002\n    paths: [\"nowhere/**\"]\n    reason: none\n");
        Run r = LintEndToEndTest.lint(service, "--fail-on", "error");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("../../.faultline.yml:2:5: info FL-CONFIG-002 Config suppression of FL-PARSE-002 "
                + "for nowhere/** matches no finding; remove it.\n");
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
