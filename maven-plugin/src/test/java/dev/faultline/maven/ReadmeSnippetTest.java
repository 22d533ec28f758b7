package dev.faultline.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's Maven plugin snippet is the one the readme-snippet integration test builds with, so
 * "add this to your pom" is tested as written; the version in it is this build's.
 */
class ReadmeSnippetTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();

    @Test
    void theReadmeSnippetIsTheOneTheIntegrationTestRuns() throws IOException {
        String readme = Files.readString(MODULE.getParent().resolve("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("\n## Maven plugin\n");
        assertThat(section).as("README has a Maven plugin section").isPositive();
        int from = readme.indexOf("```xml\n", section) + "```xml\n".length();
        String snippet = readme.substring(from, readme.indexOf("```", from));

        String pom = Files.readString(MODULE.resolve("src/it/readme-snippet/pom.xml"), StandardCharsets.UTF_8);
        String begin = "<!-- BEGIN README SNIPPET -->\n";
        String it = pom.substring(pom.indexOf(begin) + begin.length(), pom.indexOf("<!-- END README SNIPPET -->"));
        assertThat(snippet).isEqualTo(it);

        String version = System.getProperty("faultline.version");
        if (version != null) {
            assertThat(snippet).contains("<version>" + version + "</version>");
        }
    }
}
