package dev.faultline.core.suppress;

import dev.faultline.core.tree.Span;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A suppression from the config file: findings of {@code rule} in files matching any of
 * {@code paths} (globs over display paths, {@code /}-separated; empty: every file) are suppressed
 * with {@code reason}. {@code span} is where the entry is written (for FL-CONFIG-002).
 */
public record PathSuppression(String rule, List<String> paths, String reason, Span span) {

    public PathSuppression {
        Objects.requireNonNull(rule, "rule");
        paths = List.copyOf(paths);
        Objects.requireNonNull(reason, "reason");
    }

    /** A matcher over display paths for these globs. */
    public Glob glob() {
        return new Glob(paths);
    }

    /**
     * {@link PathMatcher} globs over {@code /}-separated relative paths, where a leading
     * {@code **}{@code /} also matches at the top level and {@code a/**}{@code /b} also matches
     * {@code a/b} (as users expect from gitignore).
     */
    public static final class Glob {
        private final List<PathMatcher> matchers;

        public Glob(List<String> globs) {
            List<PathMatcher> m = new ArrayList<>();
            for (String g : globs) {
                String glob = g.startsWith("./") ? g.substring(2) : g;
                m.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
                if (glob.startsWith("**/")) {
                    m.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)));
                }
                if (glob.contains("/**/")) {
                    m.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.replace("/**/", "/")));
                }
            }
            this.matchers = List.copyOf(m);
        }

        /** True when no globs were given or one matches. */
        public boolean matches(String displayPath) {
            if (matchers.isEmpty()) {
                return true;
            }
            Path p = Path.of(displayPath);
            for (PathMatcher m : matchers) {
                if (m.matches(p)) {
                    return true;
                }
            }
            return false;
        }
    }
}
