package dev.faultline.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.faultline.dist.Shell.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Dockerfile: built and run where a Docker daemon answers; everywhere, the layout it makes
 * (the archive unpacked with --strip-components=1 into /opt/faultline, bin/faultline linked into
 * /usr/local/bin, run from /src as `faultline lint .`) is rebuilt in a temporary directory and run.
 */
@Tag("integration")
class DockerfileTest {

    @TempDir
    Path tmp;

    @Test
    void theImageIsANonRootJreWithTheDistributionAndFaultlineAsEntrypoint() throws Exception {
        String dockerfile = Files.readString(Shell.repository().resolve("Dockerfile"));
        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jre$")
                .containsPattern("(?m)^USER 10001$").containsPattern("(?m)^WORKDIR /src$")
                .containsPattern("(?m)^ENTRYPOINT \\[\"faultline\"]$")
                .contains("tar xzf distribution/target/faultline-*.tar.gz -C /opt/faultline --strip-components=1")
                .contains("ln -s /opt/faultline/bin/faultline /usr/local/bin/faultline");
        assertThat(Files.readString(Shell.repository().resolve(".dockerignore"))).contains("**/target");
    }

    @Test
    void theImageLayoutRunsAsTheEntrypointWould() throws Exception {
        Path opt = Files.createDirectories(tmp.resolve("opt/faultline"));
        Run tar = Shell.run(opt, Map.of(), "tar", "xzf", Shell.archive().toString(), "--strip-components=1");
        assertThat(tar.code()).as(tar.toString()).isZero();
        Path bin = Files.createDirectories(tmp.resolve("usr/local/bin"));
        Files.createSymbolicLink(bin.resolve("faultline"), opt.resolve("bin/faultline"));
        Path src = Files.createDirectories(tmp.resolve("src"));
        Shell.copyTree(Shell.repository().resolve("examples/sam-orders"), src);
        // docker run --rm -v "$PWD:/src" faultline-dev/faultline   (CMD: lint .)
        Run r = Shell.run(src, Map.of("PATH", bin + ":" + System.getenv("PATH"),
                "XDG_CACHE_HOME", tmp.resolve("home/.cache").toString()), "faultline", "lint", ".");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("template.yaml:19:3: warning FL-SQS-001");
    }

    @Test
    void hadolintFindsNothing() throws Exception {
        assumeTrue(Shell.onPath("hadolint"), "hadolint is not installed (not packaged for Debian or npm here)");
        Run r = Shell.run(Shell.repository(), Map.of(), "hadolint", "Dockerfile");
        assertThat(r.code()).as(r.toString()).isZero();
    }

    @Test
    void theImageBuildsAndLintsAMountedDirectory() throws Exception {
        assumeTrue(Shell.onPath("docker"), "no docker client");
        Run info = Shell.run(tmp, Map.of(), "docker", "info");
        assumeTrue(info.code() == 0, "no Docker daemon answers (docker info exited " + info.code()
                + "); the image is not built here");
        Run build = Shell.run(Shell.repository(), Map.of(), "docker", "build", "-q", "-t",
                "faultline-dev/faultline:test", ".");
        assertThat(build.code()).as(build.toString()).isZero();
        Path src = Files.createDirectories(tmp.resolve("src"));
        Shell.copyTree(Shell.repository().resolve("examples/sam-orders"), src);
        Run run = Shell.run(src, Map.of(), "docker", "run", "--rm", "-v", src + ":/src",
                "faultline-dev/faultline:test", "lint", ".");
        assertThat(run.code()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("template.yaml:19:3: warning FL-SQS-001");
    }
}
