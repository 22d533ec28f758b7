package dev.faultline.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GitIgnoreTest {

    @Test
    void namesMatchInAnyDirectory() {
        assertThat(GitIgnore.matches("secrets.json", "secrets.json")).isTrue();
        assertThat(GitIgnore.matches("secrets.json", "svc/secrets.json")).isTrue();
        assertThat(GitIgnore.matches("*.local.yml", "a/dev.local.yml")).isTrue();
        assertThat(GitIgnore.matches("*.local.yml", "a/dev.yml")).isFalse();
        assertThat(GitIgnore.matches("secret?.json", "secret1.json")).isTrue();
    }

    @Test
    void aTrailingSlashMatchesDirectoriesOnly() {
        assertThat(GitIgnore.matches("build/", "build/out.json")).isTrue();
        assertThat(GitIgnore.matches("build/", "svc/build/out.json")).isTrue();
        assertThat(GitIgnore.matches("build/", "build")).isFalse(); // a missing path is a file
    }

    @Test
    void aSlashAnchorsThePatternToItsDirectory() {
        assertThat(GitIgnore.matches("/build/", "build/out.json")).isTrue();
        assertThat(GitIgnore.matches("/build/", "svc/build/out.json")).isFalse();
        assertThat(GitIgnore.matches("config/*.json", "config/dev.json")).isTrue();
        assertThat(GitIgnore.matches("config/*.json", "config/a/dev.json")).isFalse();
        assertThat(GitIgnore.matches("**/gen/*.yml", "a/b/gen/x.yml")).isTrue();
        assertThat(GitIgnore.matches("**/gen/*.yml", "gen/x.yml")).isTrue();
        assertThat(GitIgnore.matches("a/**/x.yml", "a/b/c/x.yml")).isTrue();
    }

    @Test
    void commentsBlankLinesAndNegationsIgnoreNothing() {
        assertThat(GitIgnore.matches("# secrets.json", "secrets.json")).isFalse();
        assertThat(GitIgnore.matches("   ", "secrets.json")).isFalse();
        assertThat(GitIgnore.matches("!secrets.json", "secrets.json")).isFalse();
        assertThat(GitIgnore.matches("/", "secrets.json")).isFalse();
    }
}
