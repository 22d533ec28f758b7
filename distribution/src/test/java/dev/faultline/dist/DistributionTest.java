package dev.faultline.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.dist.Shell.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archives as a user installs them: unpacked anywhere, bin/faultline linked into a
 * directory on PATH, run from a third directory.
 */
@Tag("integration")
class DistributionTest {

    @TempDir
    Path tmp;

    private static final List<String> LAYOUT = List.of(
            "bin/faultline",
            "bin/faultline.cmd",
            "lib/faultline.jar",
            "LICENSE",
            "README.md",
            "examples/sam-orders/template.yaml",
            "examples/sam-orders/statemachine/fulfil-order.asl.json");

    @Test
    void theTarAndTheZipHoldTheSameLayout() throws Exception {
        String base = "faultline-" + Shell.version() + "/";
        Run tar = Shell.run(tmp, Map.of(), "tar", "tzf", Shell.archive().toString());
        assertThat(tar.code()).isZero();
        TreeSet<String> tarFiles = new TreeSet<>();
        for (String line : tar.out().split("\n")) {
            if (!line.endsWith("/")) {
                tarFiles.add(line);
            }
        }
        TreeSet<String> zipFiles = new TreeSet<>();
        try (ZipFile zip = new ZipFile(Shell.zip().toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry z = e.nextElement();
                if (!z.isDirectory()) {
                    zipFiles.add(z.getName());
                }
            }
            String cmd = new String(
                    zip.getInputStream(zip.getEntry(base + "bin/faultline.cmd")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(cmd).as("Windows line ends").contains("\r\n").startsWith("@echo off");
        }
        for (String f : LAYOUT) {
            assertThat(tarFiles).contains(base + f);
        }
        assertThat(zipFiles).isEqualTo(tarFiles);

        Path home = Shell.unpack(tmp);
        assertThat(Files.isExecutable(home.resolve("bin/faultline")))
                .as("mode 0755 kept in the tar")
                .isTrue();
        assertThat(Files.readString(home.resolve("LICENSE"))).contains("Apache License");
    }

    @Test
    void linkedIntoADirectoryOnPathItLintsFromAnyDirectoryAndMakesAClassDataArchive() throws Exception {
        Path home = Shell.unpack(tmp.resolve("opt"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("faultline"), home.resolve("bin/faultline"));
        // a relative link to the link: resolved step by step
        Path bin2 = Files.createDirectories(tmp.resolve("bin2"));
        Files.createSymbolicLink(bin2.resolve("faultline"), Path.of("../bin/faultline"));
        Path work = Files.createDirectories(tmp.resolve("work"));
        Shell.copyTree(Shell.repository().resolve("examples/sam-orders"), work.resolve("app"));
        Path cache = tmp.resolve("cache");
        Map<String, String> env = Map.of("PATH", bin + ":" + System.getenv("PATH"), "XDG_CACHE_HOME", cache.toString());

        Run lint = Shell.run(work, env, "sh", "-c", "faultline lint app");
        assertThat(lint.code()).as(lint.toString()).isEqualTo(1);
        assertThat(lint.out()).contains("app/template.yaml:19:3: warning FL-SQS-001 Queue 'IngestQueue'");
        assertThat(lint.err()).contains(" in 2 files");

        Run version = Shell.run(
                work,
                Map.of("PATH", bin2 + ":" + System.getenv("PATH"), "XDG_CACHE_HOME", cache.toString()),
                "sh",
                "-c",
                "faultline --version");
        assertThat(version.code()).as(version.toString()).isZero();
        assertThat(version.out()).isEqualTo("faultline " + Shell.version() + "\n");

        // the archive is made in the background from a lint of the bundled examples
        Path archive = awaitArchive(cache.resolve("faultline"), 1);
        assertThat(archive.getFileName().toString()).matches("faultline-\\d+-\\d+-\\d+\\.jsa");
        Run again = Shell.run(work, env, "sh", "-c", "faultline lint app");
        assertThat(again.out()).isEqualTo(lint.out());
        assertThat(again.code()).isEqualTo(1);

        // with the archive made, a run finds what it needs in launch.records: it starts java with shell
        // builtins only. The PATH java's installation as JAVA_HOME (the same JVM, so the same archive);
        // the first such run records it, the second has only failing spies for the helper commands
        Path javaHome = javaOnPath().toRealPath().getParent().getParent();
        Run recorded = Shell.run(
                work,
                Map.of("PATH", env.get("PATH"), "XDG_CACHE_HOME", cache.toString(), "JAVA_HOME", javaHome.toString()),
                "sh",
                "-c",
                "faultline lint app");
        assertThat(recorded.out()).isEqualTo(lint.out());
        assertThat(Files.readString(cache.resolve("faultline/launch.records"))).contains(javaHome + "/bin/java\n");
        Path spies = Files.createDirectories(tmp.resolve("spies"));
        Path ran = tmp.resolve("helpers-that-ran");
        for (String t : List.of(
                "dirname", "readlink", "ls", "sed", "cat", "cut", "cksum", "mkdir", "head", "mktemp", "mv", "rm")) {
            Files.writeString(spies.resolve(t), "#!/bin/sh\necho " + t + " >> '" + ran + "'\nexit 1\n");
            spies.resolve(t).toFile().setExecutable(true);
        }
        Run fast = Shell.run(
                work,
                Map.of("PATH", bin + ":" + spies, "XDG_CACHE_HOME", cache.toString(), "JAVA_HOME", javaHome.toString()),
                "/bin/sh",
                "-c",
                "faultline lint app");
        assertThat(fast.out()).as(fast.toString()).isEqualTo(lint.out());
        assertThat(ran).as("helper commands run by the launcher").doesNotExist();

        // another installation (another jar) gets its own archive: same JVM part, another jar part
        Path other = Shell.unpack(tmp.resolve("opt2"));
        Run second = Shell.run(
                work,
                Map.of("XDG_CACHE_HOME", cache.toString()),
                other.resolve("bin/faultline").toString(),
                "lint",
                "app");
        assertThat(second.out()).isEqualTo(lint.out());
        awaitArchive(cache.resolve("faultline"), 2);
        List<String> names = archives(cache.resolve("faultline"));
        assertThat(names).hasSize(2);
        String jvm0 = names.get(0).split("-")[1];
        String jvm1 = names.get(1).split("-")[1];
        assertThat(jvm0).as("same JVM").isEqualTo(jvm1);
    }

    @Test
    void withoutJavaItSaysWhatIsMissing() throws Exception {
        Path home = Shell.unpack(tmp);
        // the tools the launcher uses before it looks for java, and no java
        Path tools = Files.createDirectories(tmp.resolve("tools"));
        for (String t : List.of("dirname", "readlink", "ls", "sed", "cat", "cut", "cksum", "mkdir", "head")) {
            for (String dir : List.of("/usr/bin", "/bin")) {
                Path p = Path.of(dir, t);
                if (Files.isExecutable(p) && !Files.exists(tools.resolve(t))) {
                    Files.createSymbolicLink(tools.resolve(t), p);
                }
            }
        }
        Map<String, String> env = new java.util.HashMap<>();
        env.put("PATH", tools.toString());
        env.put("JAVA_HOME", null);
        Run r = Shell.run(tmp, env, "/bin/sh", home.resolve("bin/faultline").toString(), "--version");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err())
                .startsWith(
                        "faultline: Java 17 or later is needed, but no java is on PATH and JAVA_HOME " + "is not set");

        Run badHome = Shell.run(
                tmp,
                Map.of("JAVA_HOME", tmp.resolve("nowhere").toString()),
                home.resolve("bin/faultline").toString(),
                "--version");
        assertThat(badHome.code()).isEqualTo(2);
        assertThat(badHome.err()).contains("JAVA_HOME is " + tmp.resolve("nowhere") + ", but");
    }

    @Test
    void anOldJavaIsRejectedWithItsVersion() throws Exception {
        Path home = Shell.unpack(tmp);
        fakeJdk(
                "jdk-11",
                "echo 'this java must not run' >&2\nexit 99\n",
                "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"11.0.2\"\n");
        Run r = Shell.run(
                tmp,
                Map.of("JAVA_HOME", tmp.resolve("jdk-11").toString()),
                home.resolve("bin/faultline").toString(),
                "lint",
                ".");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err())
                .contains("Java 17 or later is needed, but " + tmp.resolve("jdk-11/bin/java") + " is Java 11.0.2")
                .doesNotContain("must not run");
    }

    @Test
    void theJvmFlagsFollowTheEnvironmentAndTheKernel() throws Exception {
        Path home = Shell.unpack(tmp);
        // a java that shows the arguments it was started with, one per line
        fakeJdk(
                "jdk-17",
                "for a in \"$@\"; do echo \"$a\"; done\n",
                "JAVA_VERSION=\"17.0.9\"\nJAVA_RUNTIME_VERSION=\"17.0.9+9\"\n");
        Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean madvise = Files.isReadable(thp) && Files.readString(thp).contains("[madvise]");
        String launcher = home.resolve("bin/faultline").toString();

        Map<String, String> env = new java.util.HashMap<>();
        env.put("JAVA_HOME", tmp.resolve("jdk-17").toString());
        env.put("FAULTLINE_CDS", "0");
        env.put("FAULTLINE_JAVA_OPTS", "-XX:MaxTenuringThreshold=7");
        List<String> args =
                Shell.run(tmp, env, launcher, "lint", ".").out().lines().toList();
        List<String> fastStart =
                List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:MaxTenuringThreshold=0", "-Xmn48m");
        List<String> expected = new ArrayList<>(fastStart);
        expected.add("-XX:MaxTenuringThreshold=7"); // the user's options come later, so they win
        expected.add("-jar");
        assertThat(args).containsSubsequence(expected);
        assertThat(args.contains("-XX:+UseTransparentHugePages"))
                .as("huge pages exactly when the kernel gives them on request: %s", args)
                .isEqualTo(madvise);

        env.put("FAULTLINE_HUGE_PAGES", "0");
        env.put("FAULTLINE_FAST_START", "0");
        List<String> plain =
                Shell.run(tmp, env, launcher, "lint", ".").out().lines().toList();
        assertThat(plain)
                .doesNotContainAnyElementsOf(fastStart)
                .doesNotContain("-XX:+UseTransparentHugePages")
                .contains("-XX:MaxTenuringThreshold=7", "lint");
    }

    @Test
    void anArchiveOfJdk17To21IsMappedWithoutRelocation() throws Exception {
        Path home = Shell.unpack(tmp);
        // release files quote their values, as JDK builds write them
        assertThat(fastPathArgs(home, "jdk-17", "17.0.9+9"))
                .contains("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0");
        assertThat(fastPathArgs(home, "jdk-22", "22.0.1+8"))
                .as("a JDK after 21 keeps its own default")
                .doesNotContain("-XX:ArchiveRelocationMode=0");
    }

    /**
     * The arguments the launcher starts a fake JDK ({@code tmp/name}, runtime version {@code rv})
     * with, when a record of an earlier run with an archive lets it take its fast path.
     */
    private List<String> fastPathArgs(Path home, String name, String rv) throws Exception {
        Path jdk = fakeJdk(
                name,
                "for a in \"$@\"; do echo \"$a\"; done\n",
                "JAVA_VERSION=\"" + rv.substring(0, rv.indexOf('+')) + "\"\nJAVA_RUNTIME_VERSION=\"" + rv + "\"\n");
        Path cache = Files.createDirectories(tmp.resolve("cache-" + name + "/faultline"));
        Path jar = home.resolve("lib/faultline.jar");
        Path archive = cache.resolve("test.jsa");
        Files.writeString(archive, "");
        archive.toFile().setLastModified(jar.toFile().lastModified() + 1000);
        String launcher = home.resolve("bin/faultline").toString();
        String java = jdk.resolve("bin/java").toString();
        Files.writeString(
                cache.resolve("launch.records"),
                String.join(
                                "\n",
                                launcher,
                                "",
                                java,
                                launcher,
                                java,
                                jdk.toString(),
                                "\"" + rv + "\"",
                                jar.toString(),
                                archive.toString())
                        + "\n");
        Map<String, String> env = Map.of(
                "JAVA_HOME", jdk.toString(), "XDG_CACHE_HOME", cache.getParent().toString());
        List<String> args =
                Shell.run(tmp, env, launcher, "lint", ".").out().lines().toList();
        assertThat(args).as("the fast path with the recorded archive").contains("-XX:SharedArchiveFile=" + archive);
        return args;
    }

    /** A JDK at {@code tmp/name} whose java is the shell script {@code body}, with a release file. */
    private Path fakeJdk(String name, String body, String release) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve(name + "/bin"));
        Files.writeString(bin.resolve("java"), "#!/bin/sh\n" + body);
        bin.resolve("java").toFile().setExecutable(true);
        Files.writeString(tmp.resolve(name + "/release"), release);
        return tmp.resolve(name);
    }

    private static Path javaOnPath() {
        for (String dir : System.getenv("PATH").split(":")) {
            Path java = Path.of(dir.isEmpty() ? "." : dir, "java");
            if (Files.isExecutable(java)) {
                return java;
            }
        }
        throw new AssertionError("no java on PATH");
    }

    private static List<String> archives(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".jsa"))
                    .sorted()
                    .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        }
    }

    /** Waits (bounded) for the background maker to leave {@code count} archives; returns the newest. */
    private static Path awaitArchive(Path dir, int count) throws Exception {
        long deadline = System.nanoTime() + 5L * 60 * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<String> names = archives(dir);
            boolean busy;
            try (Stream<Path> s = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
                busy = s.anyMatch(p -> p.getFileName().toString().endsWith(".lock"));
            }
            if (names.size() >= count && !busy) {
                return dir.resolve(names.get(names.size() - 1));
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no class-data archive in " + dir + " after 5 minutes: " + archives(dir));
    }
}
