package dev.faultline.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.AnalysisResult;
import dev.faultline.fixtures.SarifChecks;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden-file tests of SARIF, JUnit and GitHub output. Regenerate with
 * {@code -Dfaultline.updateGolden=true} and review the diff.
 */
class ReportersGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final Path WORKDIR = Path.of("/home/ci/project");

    static String render(Reporter reporter, AnalysisResult result, boolean includeSuppressed) throws IOException {
        StringWriter w = new StringWriter();
        reporter.write(result, new ReportContext("1.2.3", false, WORKDIR, includeSuppressed), w);
        return w.toString();
    }

    static Reporter reporter(String format) {
        return switch (format) {
            case "sarif" -> new SarifReporter();
            case "junit" -> new JunitReporter();
            case "github" -> new GithubReporter();
            default -> throw new IllegalArgumentException(format);
        };
    }

    @ParameterizedTest
    @CsvSource({
        "sarif, false, report.sarif",
        "sarif, true, report-with-suppressed.sarif",
        "junit, false, report.junit.xml",
        "junit, true, report-with-suppressed.junit.xml",
        "github, false, report.github.txt",
    })
    void matchesGoldenFileAndIsDeterministic(String format, boolean includeSuppressed, String golden)
            throws IOException {
        String actual = render(reporter(format), ReportFixture.result(false), includeSuppressed);
        String fromShuffled = render(reporter(format), ReportFixture.result(true), includeSuppressed);
        assertThat(fromShuffled).as("shuffled input gives identical bytes").isEqualTo(actual);

        Path file = GOLDEN.resolve(golden);
        if (Boolean.getBoolean("faultline.updateGolden")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        if (format.equals("sarif")) {
            assertThat(SarifChecks.problems(actual)).isEmpty();
        }
    }
}
