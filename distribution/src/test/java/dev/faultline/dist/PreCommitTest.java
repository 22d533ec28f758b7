package dev.faultline.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.faultline.dist.Shell.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The pre-commit hooks (.pre-commit-hooks.yaml) on a temporary git repository: the staged files are
 * filtered by the hook's {@code files} and {@code exclude} patterns and passed to its {@code entry},
 * as pre-commit does, with the distribution's {@code faultline} on PATH.
 */
@Tag("integration")
class PreCommitTest {

    static final String QUEUE_WITHOUT_DLQ = """
            Resources:
              Jobs:
                Type: AWS::SQS::Queue
              Worker:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: index.handler
                  Runtime: nodejs20.x
                  Timeout: 5
                  Role: arn:aws:iam::123456789012:role/worker
                  Code:
                    ZipFile: exports.handler = async () => {}
              JobsMapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties:
                  EventSourceArn: !GetAtt Jobs.Arn
                  FunctionName: !Ref Worker
                  FunctionResponseTypes: [ReportBatchItemFailures]
            """;

    @TempDir
    Path tmp;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> hook(String id) throws IOException {
        List<Map<String, Object>> hooks = new Yaml().load(Files.readString(Shell.repository()
                .resolve(".pre-commit-hooks.yaml")));
        for (Map<String, Object> h : hooks) {
            if (id.equals(h.get("id"))) {
                return h;
            }
        }
        throw new AssertionError("no hook " + id);
    }

    private Run git(Path repo, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com",
                "-c", "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        Run r = Shell.run(repo, Map.of("GIT_CONFIG_GLOBAL", "/dev/null"), cmd);
        assertThat(r.code()).as(r.toString()).isZero();
        return r;
    }

    /** The staged files the hook is given: pre-commit's files/exclude filter (Python regex, searched). */
    private static List<String> filesFor(Map<String, Object> hook, String staged) {
        Pattern files = Pattern.compile(String.valueOf(hook.get("files")));
        Pattern exclude = Pattern.compile(String.valueOf(hook.get("exclude")));
        List<String> out = new ArrayList<>();
        for (String f : staged.split("\n")) {
            if (!f.isBlank() && files.matcher(f).find() && !exclude.matcher(f).find()) {
                out.add(f);
            }
        }
        return out;
    }

    @Test
    void theSystemHookLintsOnlyTheChangedTemplates() throws Exception {
        assumeTrue(Shell.onPath("git"), "git is not installed");
        Path home = Shell.unpack(tmp.resolve("dist"));
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        git(repo, "init", "-q");
        // committed before: a template with a finding that this commit does not touch
        Files.createDirectories(repo.resolve("old"));
        Files.writeString(repo.resolve("old/template.yaml"), QUEUE_WITHOUT_DLQ);
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "old");
        // staged now: a new template with a finding, a config file, a workflow (YAML, not a template)
        Files.createDirectories(repo.resolve("new"));
        Files.writeString(repo.resolve("new/template.yaml"), QUEUE_WITHOUT_DLQ);
        Files.writeString(repo.resolve(".faultline.yml"), "rules:\n  FL-LAMBDA-007: off\n");
        Files.createDirectories(repo.resolve(".github/workflows"));
        Files.writeString(repo.resolve(".github/workflows/ci.yml"), "on: push\njobs: {}\n");
        Files.writeString(repo.resolve("README.md"), "# app\n");
        git(repo, "add", "-A");
        String staged = git(repo, "diff", "--cached", "--name-only", "--diff-filter=ACMR").out();

        Map<String, Object> hook = hook("faultline");
        assertThat(hook.get("language")).isEqualTo("system");
        List<String> files = filesFor(hook, staged);
        assertThat(files).containsExactly(".github/workflows/ci.yml", "new/template.yaml");
        List<String> cmd = new ArrayList<>(List.of(String.valueOf(hook.get("entry")).split(" ")));
        cmd.addAll(files);
        Run r = Shell.run(repo, Map.of("PATH", home.resolve("bin") + ":" + System.getenv("PATH"),
                "XDG_CACHE_HOME", tmp.resolve("cache").toString()), cmd);
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("new/template.yaml:2:3: warning FL-SQS-001").doesNotContain("old/");
        // the workflow is read and skipped as not a template; the config file is not an input
        assertThat(r.err()).contains("1 finding (0 errors, 1 warning, 0 infos) in 2 files");

        // the finding suppressed where it is (with a reason) and staged again: the hook passes
        Files.writeString(repo.resolve("new/template.yaml"), QUEUE_WITHOUT_DLQ.replace(
                "    Type: AWS::SQS::Queue\n", "    Type: AWS::SQS::Queue\n    Metadata:\n      faultline:\n"
                        + "        suppress:\n          - rule: FL-SQS-001\n"
                        + "            reason: jobs are re-created from the audit log\n"));
        git(repo, "add", "-A");
        List<String> cmd2 = new ArrayList<>(List.of(String.valueOf(hook.get("entry")).split(" ")));
        cmd2.addAll(filesFor(hook, git(repo, "diff", "--cached", "--name-only", "--diff-filter=ACMR").out()));
        Run fixed = Shell.run(repo, Map.of("PATH", home.resolve("bin") + ":" + System.getenv("PATH"),
                "XDG_CACHE_HOME", tmp.resolve("cache").toString()), cmd2);
        assertThat(fixed.code()).as(fixed.toString()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReadmeConfigNamesTheHooksOfThisRepository() throws Exception {
        Map<String, Object> config = new Yaml().load(ActionTest.readmeBlock("## pre-commit", "yaml"));
        Map<String, Object> repo = ((List<Map<String, Object>>) config.get("repos")).get(0);
        assertThat(repo.get("repo")).isEqualTo("https://github.com/faultline-dev/faultline");
        for (Map<String, Object> h : (List<Map<String, Object>>) repo.get("hooks")) {
            assertThat(hook(String.valueOf(h.get("id")))).isNotNull();
        }
    }

    @Test
    void theDockerHookRunsTheImageTheDockerfileBuilds() throws Exception {
        Map<String, Object> hook = hook("faultline-docker");
        assertThat(hook.get("language")).isEqualTo("docker_image");
        String[] entry = String.valueOf(hook.get("entry")).split(" ");
        // pre-commit runs `docker run ... IMAGE ARGS FILES`: the image's ENTRYPOINT is faultline
        assertThat(entry).containsExactly("faultline-dev/faultline:latest", "lint");
        assertThat(Files.readString(Shell.repository().resolve("Dockerfile")))
                .contains("docker build -t faultline-dev/faultline .").contains("ENTRYPOINT [\"faultline\"]");
        assertThat(hook.get("files")).isEqualTo(hook("faultline").get("files"));
        assertThat(hook.get("exclude")).isEqualTo(hook("faultline").get("exclude"));
    }
}
