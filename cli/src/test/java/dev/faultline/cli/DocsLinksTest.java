package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in README.md, docs/ and the examples' READMEs points to a file that exists,
 * and every {@code #anchor} to a heading of the target (GitHub's heading ids). External links are
 * not fetched (no network in tests).
 */
class DocsLinksTest {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*$");

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(REPO.resolve("README.md"));
        for (String dir : List.of("docs", "examples")) {
            try (Stream<Path> s = Files.walk(REPO.resolve(dir))) {
                s.filter(p -> p.toString().endsWith(".md") && !p.toString().contains("/target/")).sorted()
                        .forEach(docs::add);
            }
        }
        return docs;
    }

    /** The text outside fenced code blocks, line by line. */
    static List<String> prose(Path doc) throws IOException {
        List<String> out = new ArrayList<>();
        boolean fence = false;
        for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
            if (line.stripLeading().startsWith("```")) {
                fence = !fence;
                continue;
            }
            out.add(fence ? "" : line.replaceAll("`[^`]*`", "``"));
        }
        return out;
    }

    /** GitHub's id of a heading: lower case, punctuation dropped, spaces to hyphens. */
    static String slug(String heading) {
        String text = heading.replaceAll("`", "").replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1");
        StringBuilder sb = new StringBuilder();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                sb.append(c);
            } else if (c == ' ') {
                sb.append('-');
            }
        }
        return sb.toString();
    }

    static Set<String> anchors(Path doc) throws IOException {
        Set<String> ids = new HashSet<>();
        boolean fence = false;
        for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
            if (line.stripLeading().startsWith("```")) {
                fence = !fence;
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (!fence && m.matches()) {
                String id = slug(m.group(1));
                String unique = id;
                for (int n = 1; !ids.add(unique); n++) {
                    unique = id + "-" + n;
                }
            }
        }
        return ids;
    }

    @Test
    void everyRelativeLinkAndAnchorResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path doc : documents()) {
            List<String> lines = prose(doc);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = LINK.matcher(lines.get(i));
                while (m.find()) {
                    String target = m.group(1);
                    if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
                        continue; // https:, mailto: ...
                    }
                    checked++;
                    String where = REPO.relativize(doc) + ":" + (i + 1) + ": " + target;
                    int hash = target.indexOf('#');
                    String file = hash < 0 ? target : target.substring(0, hash);
                    Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                    if (!Files.exists(resolved)) {
                        broken.add(where + " (no such file)");
                        continue;
                    }
                    if (hash >= 0 && resolved.toString().endsWith(".md")
                            && !anchors(resolved).contains(target.substring(hash + 1))) {
                        broken.add(where + " (no such heading)");
                    }
                }
            }
        }
        assertThat(checked).as("relative links checked").isGreaterThan(10);
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void headingIdsAreTheOnesGithubGives(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("a.md"), "# Title `x`\n## Options of `lint`\n");
        assertThat(anchors(tmp.resolve("a.md"))).containsExactlyInAnyOrder("title-x", "options-of-lint");
        assertThat(slug("GitHub Actions")).isEqualTo("github-actions");
        assertThat(slug("pre-commit")).isEqualTo("pre-commit");
    }
}
