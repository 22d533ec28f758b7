package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.report.ReportFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same inputs give byte-identical output in every format whatever the thread count, the order
 * of the paths on the command line and the order in which the files were created on disk.
 */
@Tag("integration")
class DeterminismEndToEndTest {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path tmp;

    /** Writes the project into {@code root}, creating the files in the given order. */
    private static void project(Path root, boolean reversed) throws IOException {
        List<String[]> files = new ArrayList<>();
        Path examples = REPO.resolve("examples/sam-orders");
        try (Stream<Path> s = Files.walk(examples)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                files.add(new String[] {
                    "sam-orders/" + examples.relativize(p).toString().replace('\\', '/'),
                    Files.readString(p, StandardCharsets.UTF_8)
                });
            }
        }
        for (int i = 0; i < 12; i++) {
            files.add(new String[] {
                "many/t" + i + ".yaml",
                ""
                        + "Resources:\n"
                        + "  Queue" + i + ":\n"
                        + "    Type: AWS::SQS::Queue\n"
                        + "  Fn:\n"
                        + "    Type: AWS::Lambda::Function\n"
                        + "    Properties:\n"
                        + "      Role: !GetAtt Missing" + i + ".Arn\n"
                        + "  Mapping:\n"
                        + "    Type: AWS::Lambda::EventSourceMapping\n"
                        + "    Properties:\n"
                        + "      EventSourceArn: !GetAtt Queue" + i + ".Arn\n"
                        + "      FunctionName: !Ref Fn\n"
            });
        }
        files.add(new String[] {"broken/a.yaml", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n  A: [\n"});
        files.add(
                new String[] {"broken/b.json", "{\"Resources\": {\"A\": {\"Type\": \"AWS::SNS::Topic\"}, \"A\": 1}}"});
        files.add(new String[] {
            "sm/flow.asl.json",
            "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Task\","
                    + " \"Resource\": \"arn:aws:states:::lambda:invoke\", \"End\": true}}}"
        });
        if (reversed) {
            Collections.reverse(files);
        }
        for (String[] f : files) {
            Path p = root.resolve(f[0]);
            Files.createDirectories(p.getParent());
            Files.writeString(p, f[1], StandardCharsets.UTF_8);
        }
    }

    /** Every format's runs on the project in {@code root}: 1 and N threads, paths in two orders. */
    private static List<LintEndToEndTest.Run> runs(Path root, String format) {
        return List.of(
                LintEndToEndTest.lint(root, "--format", format, "--threads", "1", "."),
                LintEndToEndTest.lint(root, "--format", format, "--threads", "4", "."),
                LintEndToEndTest.lint(root, "--format", format, "--threads", "2", "sm", "many", "broken", "sam-orders"),
                LintEndToEndTest.lint(
                        root,
                        "--format",
                        format,
                        "--threads",
                        "3",
                        "sam-orders",
                        "broken/b.json",
                        "many",
                        "broken/a.yaml",
                        "sm"));
    }

    @Test
    void everyFormatIsByteIdenticalAcrossThreadsAndOrders() throws IOException {
        // the same directory (SARIF names its absolute URI), written twice in opposite orders
        Path root = tmp.resolve("project");
        project(root, false);
        List<List<LintEndToEndTest.Run>> forward = new ArrayList<>();
        for (ReportFormat f : ReportFormat.values()) {
            forward.add(runs(root, f.label()));
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Collections.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        project(root, true);
        for (ReportFormat f : ReportFormat.values()) {
            String format = f.label();
            List<LintEndToEndTest.Run> all = new ArrayList<>(forward.get(f.ordinal()));
            all.addAll(runs(root, format));
            LintEndToEndTest.Run one = all.get(0);
            assertThat(one.code()).as(format + ": " + one.err()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(one.out()).as(format).contains("FL-SQS-001").contains("FL-PARSE-001");
            for (LintEndToEndTest.Run r : all) {
                assertThat(r.code()).isEqualTo(one.code());
                assertThat(r.out()).as(format).isEqualTo(one.out());
                assertThat(r.err()).as(format).isEqualTo(one.err());
            }
        }
    }
}
