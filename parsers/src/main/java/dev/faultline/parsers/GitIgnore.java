package dev.faultline.parsers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether git would ignore a path, from the {@code .gitignore} files between it and the project root:
 * a file that is kept out of version control on purpose (a secrets file, a build output) is made
 * before deploying, so its absence from a checkout is no defect. Patterns are read as git reads them
 * (a {@code /} at the start or in the middle anchors a pattern to its file's directory, a trailing
 * {@code /} matches directories only, {@code *} and {@code ?} stay within one path segment, {@code **}
 * spans segments); a negated pattern ({@code !...}) is not followed, so a path it re-includes may still
 * count as ignored. Used only for missing files, so it reads the files each time.
 */
final class GitIgnore {

    private GitIgnore() {}

    /** Whether a {@code .gitignore} in {@code file}'s directory or above, up to {@code root}, ignores it. */
    static boolean ignores(Path root, Path file) {
        Path top = root.toAbsolutePath().normalize();
        Path target = file.toAbsolutePath().normalize();
        if (!target.startsWith(top)) {
            return false;
        }
        for (Path dir = target.getParent(); dir != null && dir.startsWith(top); dir = dir.getParent()) {
            Path ignore = dir.resolve(".gitignore");
            if (!Files.isRegularFile(ignore)) {
                continue;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(ignore, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                continue; // unreadable: nothing known to be ignored
            }
            String rel = dir.relativize(target).toString().replace('\\', '/');
            for (String line : lines) {
                if (matches(line, rel)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether one {@code .gitignore} line ignores {@code rel}, a file's path from that file's directory. */
    static boolean matches(String line, String rel) {
        String p = line.strip();
        if (p.isEmpty() || p.startsWith("#") || p.startsWith("!")) {
            return false;
        }
        boolean dirOnly = p.endsWith("/");
        if (dirOnly) {
            p = p.substring(0, p.length() - 1);
        }
        boolean anchored = p.startsWith("/") || p.indexOf('/') >= 0;
        if (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.isEmpty()) {
            return false;
        }
        String[] parts = rel.split("/");
        int last = dirOnly ? parts.length - 1 : parts.length; // a missing path is a file, not a directory
        if (anchored) {
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < last; i++) {
                if (i > 0) {
                    prefix.append('/');
                }
                prefix.append(parts[i]);
                if (glob(p, 0, prefix, 0)) {
                    return true; // the path itself, or a directory it is in
                }
            }
            return false;
        }
        for (int i = 0; i < last; i++) {
            if (glob(p, 0, parts[i], 0)) {
                return true;
            }
        }
        return false;
    }

    /** Glob matching of {@code pattern[pi..]} against {@code text[ti..]}. */
    private static boolean glob(String pattern, int pi, CharSequence text, int ti) {
        while (pi < pattern.length()) {
            char c = pattern.charAt(pi);
            if (c == '*') {
                boolean any = pi + 1 < pattern.length() && pattern.charAt(pi + 1) == '*';
                int next = any ? pi + 2 : pi + 1;
                if (any && next < pattern.length() && pattern.charAt(next) == '/') {
                    next++; // "**/" also matches no directory at all
                }
                for (int k = ti; k <= text.length(); k++) {
                    if (glob(pattern, next, text, k)) {
                        return true;
                    }
                    if (k < text.length() && text.charAt(k) == '/' && !any) {
                        return false;
                    }
                }
                return false;
            }
            if (ti >= text.length()) {
                return false;
            }
            char t = text.charAt(ti);
            if (c == '?' ? t == '/' : c != t) {
                return false;
            }
            pi++;
            ti++;
        }
        return ti == text.length();
    }
}
