package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.Analyzer;
import dev.faultline.core.engine.RuleRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example plugin (examples/custom-rule, built earlier in the reactor and kept off this test
 * class path) loaded with {@code --plugin}, through the real parsers and built-in rules.
 */
@Tag("integration")
class PluginEndToEndTest {

    /** The example plugin jar; the pom passes its path. */
    private static final Path JAR = Path.of(System.getProperty("faultline.examplePlugin",
            "../examples/custom-rule/target/acme-faultline-rules-1.0.0-SNAPSHOT.jar")).toAbsolutePath().normalize();

    private static final String TEMPLATE = """
            Resources:
              Orders:
                Type: AWS::SQS::Queue
                Properties:
                  RedrivePolicy:
                    deadLetterTargetArn: !GetAtt OrdersDlq.Arn
                    maxReceiveCount: 5
              OrdersDlq:
                Type: AWS::SQS::Queue
                Properties:
                  MessageRetentionPeriod: 86400
            """;

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment env = new CliEnvironment(new PrintWriter(out), new PrintWriter(err), tmp, java.util.Map.of(),
                false, Analyzer::fromClassPath, RuleRegistry::load);
        int code = new Main(env).run(args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void template() throws IOException {
        assertThat(JAR).as("the example plugin is built before the cli module").isRegularFile();
        Files.writeString(tmp.resolve("template.yaml"), TEMPLATE);
        Files.copy(JAR, tmp.resolve("acme.jar"));
    }

    @Test
    void withoutThePluginTheRuleIsUnknown() {
        assertThat(RuleRegistry.load().exists("ACME-SQS-001")).as("the plugin is not on the class path").isFalse();
        Run r = run("lint", "template.yaml");
        assertThat(r.out()).doesNotContain("ACME-SQS-001");
        assertThat(run("explain", "ACME-SQS-001").code()).isEqualTo(2);
    }

    @Test
    void lintReportsThePluginFinding() {
        Run r = run("lint", "--plugin", "acme.jar", "template.yaml");
        assertThat(r.err()).doesNotContain("error:");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("template.yaml:11:").contains("warning ACME-SQS-001 Dead-letter queue 'OrdersDlq' "
                + "of 'Orders' keeps messages 86400 s, less than the 1209600 s ACME requires");
    }

    @Test
    void pluginRulesCanBeSelectedLikeBuiltInOnes() {
        Run r = run("lint", "--plugin", "acme.jar", "--enable", "ACME", "template.yaml");
        assertThat(r.out()).contains("ACME-SQS-001").doesNotContain("FL-");
        Run off = run("lint", "--plugin", "acme.jar", "--disable", "ACME-SQS-001", "template.yaml");
        assertThat(off.out()).doesNotContain("ACME-SQS-001");
    }

    @Test
    void sarifDescribesThePluginRule() {
        Run r = run("lint", "--plugin", "acme.jar", "--format", "sarif", "template.yaml");
        assertThat(r.code()).isEqualTo(1);
        JsonNode run = JsonMapper.builder().build().readTree(r.out()).get("runs").get(0);
        JsonNode rule = null;
        for (JsonNode x : run.get("tool").get("driver").get("rules")) {
            if (x.get("id").asString().equals("ACME-SQS-001")) {
                rule = x;
            }
        }
        assertThat(rule).as("ACME-SQS-001 in tool.driver.rules").isNotNull();
        assertThat(rule.get("name").asString()).isEqualTo("DeadLetterQueueRetentionTooShort");
        assertThat(run.get("results").toString()).contains("\"ruleId\":\"ACME-SQS-001\"");
    }

    @Test
    void rulesAndExplainShowThePluginRule() {
        Run rules = run("rules", "--plugin", "acme.jar");
        assertThat(rules.code()).isZero();
        assertThat(rules.out()).containsPattern("(?m)^ACME-SQS-001 +warning +DeadLetterQueueRetentionTooShort +A dead-letter")
                .contains("FL-SQS-001");
        Run explain = run("explain", "--plugin", "acme.jar", "acme-sqs-001");
        assertThat(explain.code()).isZero();
        assertThat(explain.out()).startsWith("ACME-SQS-001 DeadLetterQueueRetentionTooShort (warning)")
                .contains("Set MessageRetentionPeriod: 1209600").contains("Plugin: acme.jar");
    }

    @Test
    void aMissingJarIsAUsageError() {
        Run r = run("lint", "--plugin", "nope.jar", "template.yaml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("faultline: plugin nope.jar: no such file\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aFileThatIsNotAJarIsAUsageError() throws IOException {
        Files.writeString(tmp.resolve("notes.jar"), "hello");
        Run r = run("rules", "--plugin", "notes.jar");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("faultline: plugin notes.jar: not a readable jar (").doesNotContain("\tat ");
    }

    @Test
    void twoPluginsWithTheSameRuleIdAreAUsageError() throws IOException {
        Files.copy(JAR, tmp.resolve("copy.jar"));
        Run r = run("lint", "--plugin", "acme.jar", "--plugin", "copy.jar", "template.yaml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("faultline: plugin copy.jar: rule ACME-SQS-001 "
                + "(com.example.faultline.DeadLetterQueueRetentionTooShort) has the same id as a rule of plugin acme.jar\n");
    }

    @Test
    void pluginsOfTheConfigFileAreRelativeToIt() throws IOException {
        Files.createDirectories(tmp.resolve("tools"));
        Files.move(tmp.resolve("acme.jar"), tmp.resolve("tools/acme.jar"));
        Files.writeString(tmp.resolve(".faultline.yml"), "plugins:\n  - tools/acme.jar\n");
        Run lint = run("lint", "template.yaml");
        assertThat(lint.code()).isEqualTo(1);
        assertThat(lint.out()).contains("warning ACME-SQS-001 Dead-letter queue 'OrdersDlq'");
        assertThat(run("rules").out()).contains("ACME-SQS-001");
        assertThat(run("explain", "ACME-SQS-001").out()).contains("Plugin: tools/acme.jar (.faultline.yml)");
    }

    @Test
    void aMissingPluginOfTheConfigFileNamesTheFile() throws IOException {
        Files.writeString(tmp.resolve(".faultline.yml"), "plugins:\n  - tools/gone.jar\n");
        Run r = run("lint", "template.yaml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("faultline: plugin tools/gone.jar (.faultline.yml): no such file\n");
    }

    @Test
    void theConfigFileConfiguresPluginRulesLikeBuiltInOnes() throws IOException {
        Files.createDirectories(tmp.resolve("conf/tools"));
        Files.copy(JAR, tmp.resolve("conf/tools/acme.jar"));
        Files.writeString(tmp.resolve("conf/faultline.yml"), "plugins:\n  - tools/acme.jar\n"
                + "rules:\n  ACME-SQS-001:\n    severity: error\n    options:\n      minimumDays: 1\n");
        Run r = run("lint", "--config", "conf/faultline.yml", "template.yaml");
        assertThat(r.err()).doesNotContain("faultline:");
        assertThat(r.out()).as("86400 s is enough with minimumDays: 1").doesNotContain("ACME-SQS-001");

        Files.writeString(tmp.resolve("conf/faultline.yml"), "plugins:\n  - tools/acme.jar\n"
                + "rules:\n  ACME-SQS-001:\n    severity: error\n    options:\n      minimumDays: 2\n");
        Run strict = run("lint", "--config", "conf/faultline.yml", "template.yaml");
        assertThat(strict.out()).contains("error ACME-SQS-001 Dead-letter queue 'OrdersDlq' of 'Orders' keeps "
                + "messages 86400 s, less than the 172800 s ACME requires");
    }

    @Test
    void withoutItsPluginAPluginRuleInTheConfigFileIsUnknown() throws IOException {
        Files.writeString(tmp.resolve(".faultline.yml"), "rules:\n  ACME-SQS-001: error\n");
        Run r = run("lint", "template.yaml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown rule 'ACME-SQS-001'");
        assertThat(run("lint", "--plugin", "acme.jar", "template.yaml").code()).isEqualTo(1);
    }
}
