package dev.faultline.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.faultline.dist.Shell.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The GitHub Action (action.yml) without GitHub: its shell steps run here with the environment a
 * runner gives them (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_PATH, RUNNER_TEMP, the step's env
 * with {@code ${{ inputs.* }}} replaced by the inputs' defaults or a workflow's {@code with:}).
 */
@Tag("integration")
class ActionTest {

    private static final Pattern INPUT = Pattern.compile("\\$\\{\\{\\s*inputs\\.([\\w-]+)\\s*}}");

    @TempDir
    Path tmp;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> action() throws IOException {
        return new Yaml().load(Files.readString(Shell.repository().resolve("action.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> step(String id) throws IOException {
        List<Map<String, Object>> steps =
                (List<Map<String, Object>>) ((Map<String, Object>) action().get("runs")).get("steps");
        for (Map<String, Object> s : steps) {
            if (id.equals(s.get("id")) || id.equals(s.get("name"))) {
                return s;
            }
        }
        throw new AssertionError("no step " + id + " in action.yml");
    }

    /** The step's env with every {@code ${{ inputs.x }}} replaced: {@code with} first, else the default. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> stepEnv(Map<String, Object> step, Map<String, String> with) throws IOException {
        Map<String, Object> inputs = (Map<String, Object>) action().get("inputs");
        Map<String, String> env = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) step.get("env")).entrySet()) {
            Matcher m = INPUT.matcher(String.valueOf(e.getValue()));
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                assertThat(inputs).as("action.yml declares input " + name).containsKey(name);
                Object def = ((Map<String, Object>) inputs.get(name)).get("default");
                String value = with.getOrDefault(name, def == null ? "" : String.valueOf(def));
                m.appendReplacement(sb, Matcher.quoteReplacement(value));
            }
            m.appendTail(sb);
            env.put(e.getKey(), sb.toString());
        }
        return env;
    }

    @Test
    void everyInputTheStepsUseIsDeclaredAndEveryScriptExists() throws IOException {
        String text = Files.readString(Shell.repository().resolve("action.yml"));
        Matcher m = INPUT.matcher(text);
        @SuppressWarnings("unchecked")
        Map<String, Object> inputs = (Map<String, Object>) action().get("inputs");
        while (m.find()) {
            assertThat(inputs).containsKey(m.group(1));
        }
        for (String script : List.of("action/install.sh", "action/lint.sh")) {
            assertThat(text).contains("$GITHUB_ACTION_PATH/" + script);
            assertThat(Shell.repository().resolve(script)).isRegularFile();
        }
        assertThat(text).contains("uses: actions/setup-java@v4").contains("uses: github/codeql-action/upload-sarif@v3");
    }

    /** The first fenced block of {@code lang} after {@code heading} in README.md. */
    static String readmeBlock(String heading, String lang) throws IOException {
        String readme = Files.readString(Shell.repository().resolve("README.md"));
        int at = readme.indexOf("\n" + heading + "\n");
        assertThat(at).as("README has " + heading).isPositive();
        String open = "```" + lang + "\n";
        int from = readme.indexOf(open, at) + open.length();
        return readme.substring(from, readme.indexOf("```", from));
    }

    /** The {@code with:} of the README workflow's step that uses this action. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> readmeWith() throws IOException {
        Map<String, Object> workflow = new Yaml().load(readmeBlock("## GitHub Actions", "yaml"));
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        for (Object job : jobs.values()) {
            for (Map<String, Object> step : (List<Map<String, Object>>) ((Map<String, Object>) job).get("steps")) {
                if (String.valueOf(step.get("uses")).startsWith("faultline-dev/faultline@")) {
                    Map<String, String> with = new LinkedHashMap<>();
                    ((Map<String, Object>) step.getOrDefault("with", Map.of()))
                            .forEach((k, v) -> with.put(k, String.valueOf(v)));
                    return with;
                }
            }
        }
        throw new AssertionError("the README workflow does not use the action");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReadmeWorkflowUsesTheActionWithDeclaredInputs() throws IOException {
        Map<String, String> with = readmeWith();
        Map<String, Object> inputs = (Map<String, Object>) action().get("inputs");
        assertThat(inputs.keySet()).containsAll(with.keySet());
        assertThat(with).containsEntry("paths", "infra");
    }

    @Test
    void theLintStepAnnotatesWritesSarifOutputsAndAJobSummary() throws Exception {
        Path home = Shell.unpack(tmp.resolve("dist"));
        Path workspace = Files.createDirectories(tmp.resolve("workspace"));
        Shell.copyTree(Shell.repository().resolve("examples/sam-orders"), workspace.resolve("infra"));
        Path runner = Files.createDirectories(tmp.resolve("runner"));
        // the README workflow's inputs (paths: infra, fail-on: warning), the others at their defaults
        Map<String, String> env = new HashMap<>(stepEnv(step("lint"), readmeWith()));
        env.put("PATH", home.resolve("bin") + ":" + System.getenv("PATH"));
        env.put("GITHUB_ACTION_PATH", Shell.repository().toString());
        env.put("GITHUB_WORKSPACE", workspace.toString());
        env.put("GITHUB_OUTPUT", runner.resolve("output").toString());
        env.put("GITHUB_STEP_SUMMARY", runner.resolve("summary.md").toString());
        env.put("RUNNER_TEMP", runner.toString());
        env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());

        Run r = Shell.run(
                workspace,
                env,
                "bash",
                Shell.repository().resolve("action/lint.sh").toString());
        assertThat(r.code())
                .as("the step itself succeeds; the action's last step fails the job\n" + r)
                .isZero();
        assertThat(r.out())
                .contains("::warning file=infra/template.yaml,line=19,endLine=19,col=3,")
                .contains("title=FL-SQS-001::Queue 'IngestQueue' is consumed by function 'IngestFunction'");
        assertThat(Files.readString(runner.resolve("output")))
                .isEqualTo("exit-code=1\nsarif-file=faultline.sarif\n" + "sarif-path=" + workspace.toRealPath()
                        + "/faultline.sarif\n");
        assertThat(Files.readString(workspace.resolve("faultline.sarif")))
                .containsPattern("\"version\"\\s*:\\s*\"2.1.0\"")
                .containsPattern("\"ruleId\"\\s*:\\s*\"FL-SQS-001\"");
        String summary = Files.readString(runner.resolve("summary.md"));
        assertThat(summary)
                .startsWith("### Faultline\n")
                .contains("| error | 0 |\n| warning | 9 |\n| info | 1 |\n")
                .contains("**Top rules**")
                .containsPattern("\\| FL-SQS-001 \\| QueueWithoutRedrivePolicy \\| 2 \\|")
                .contains("| `infra/template.yaml:19:3` | warning | FL-SQS-001 |");

        // fail-on none and no SARIF: exit code 0 in the outputs, no SARIF output
        Map<String, String> lenient = new HashMap<>(env);
        lenient.putAll(stepEnv(step("lint"), Map.of("paths", "infra", "fail-on", "none", "upload-sarif", "false")));
        Files.delete(runner.resolve("output"));
        Run r2 = Shell.run(
                workspace,
                lenient,
                "bash",
                Shell.repository().resolve("action/lint.sh").toString());
        assertThat(r2.code()).isZero();
        assertThat(Files.readString(runner.resolve("output"))).isEqualTo("exit-code=0\n");
    }

    @Test
    void theInstallStepUnpacksAReleaseUrlAndPutsItOnThePath() throws Exception {
        assumeTrue(Shell.onPath("curl"), "curl is not installed (the runners have it)");
        Path runner = Files.createDirectories(tmp.resolve("runner"));
        Map<String, String> env = new HashMap<>(stepEnv(
                step("Install Faultline"),
                Map.of("release-url", Shell.archive().toUri().toString())));
        env.put("RUNNER_TEMP", runner.toString());
        env.put("GITHUB_PATH", runner.resolve("path").toString());
        env.put("GITHUB_ACTION_PATH", Shell.repository().toString());
        env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        Run r = Shell.run(
                tmp,
                env,
                "bash",
                Shell.repository().resolve("action/install.sh").toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("faultline " + Shell.version() + "\n");
        Path bin = runner.resolve("faultline-dist/faultline-" + Shell.version() + "/bin");
        assertThat(Files.readString(runner.resolve("path"))).isEqualTo(bin + "\n");
        assertThat(bin.resolve("faultline")).isExecutable();
    }
}
