package dev.faultline.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command in a directory with an environment, as a user's shell would, and keeps its output. */
final class Shell {

    /** What a command did. */
    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** Bounds a hung command; a real run takes seconds. */
    private static final long TIMEOUT_MINUTES = 10;

    private Shell() {
    }

    /** The distribution archive (.tar.gz) the build made, unpacked into {@code into}; returns its home. */
    static Path unpack(Path into) throws IOException, InterruptedException {
        Files.createDirectories(into);
        Run r = run(into, Map.of(), "tar", "xzf", archive().toString());
        if (r.code() != 0) {
            throw new AssertionError("tar failed: " + r);
        }
        return into.resolve("faultline-" + version());
    }

    static Path archive() {
        return Path.of(System.getProperty("faultline.distribution"));
    }

    static Path zip() {
        return Path.of(System.getProperty("faultline.distributionZip"));
    }

    static String version() {
        return System.getProperty("faultline.version");
    }

    /** The repository root (for action/, the hooks file, the Dockerfile, the examples). */
    static Path repository() {
        return Path.of(System.getProperty("faultline.repository")).toAbsolutePath().normalize();
    }

    /** This process's environment with {@code changes} applied ({@code null} values remove a variable). */
    static Map<String, String> env(Map<String, String> changes) {
        Map<String, String> env = new HashMap<>(System.getenv());
        for (Map.Entry<String, String> e : changes.entrySet()) {
            if (e.getValue() == null) {
                env.remove(e.getKey());
            } else {
                env.put(e.getKey(), e.getValue());
            }
        }
        return env;
    }

    static Run run(Path dir, Map<String, String> changes, String... command) throws IOException, InterruptedException {
        return run(dir, changes, List.of(command));
    }

    static Run run(Path dir, Map<String, String> changes, List<String> command) throws IOException,
            InterruptedException {
        // through sh, so that a program name is looked up on the PATH of the child's environment
        List<String> viaShell = new ArrayList<>(List.of("/bin/sh", "-c", "exec \"$0\" \"$@\""));
        viaShell.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(viaShell).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env(changes));
        Path out = Files.createTempFile("shell-out", ".txt");
        Path err = Files.createTempFile("shell-err", ".txt");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Whether a program is on PATH. */
    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Copies a directory tree. */
    static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        }
    }
}
