package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs through the whole command line with the real parsers and rules: each run ends with
 * a located finding or a clean result for the hostile file, in bounded time, never a stack trace or
 * exit code 3, and the ordinary bad template next to it is still linted (its FL-SQS-001 appears).
 * The parser-level behaviour is tested in the parsers module (TreeParserTest, DiscoveryTest,
 * AslLoaderTest); here the point is that one hostile file does not spoil the run.
 */
@Tag("integration")
class HostileInputsEndToEndTest {

    /** A queue consumed by a function without a redrive policy: FL-SQS-001 at line 2. */
    private static final String BAD = ""
            + "Resources:\n"
            + "  Queue:\n"
            + "    Type: AWS::SQS::Queue\n"
            + "  Fn:\n"
            + "    Type: AWS::Lambda::Function\n"
            + "    Properties:\n"
            + "      Runtime: python3.12\n"
            + "      Handler: app.handler\n"
            + "      Code: {ZipFile: x}\n"
            + "      Role: arn:aws:iam::123456789012:role/r\n"
            + "  Mapping:\n"
            + "    Type: AWS::Lambda::EventSourceMapping\n"
            + "    Properties:\n"
            + "      EventSourceArn: !GetAtt Queue.Arn\n"
            + "      FunctionName: !Ref Fn\n";

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    /** Lints {@code tmp} (the hostile file plus bad.yaml) and checks what every run must satisfy. */
    private LintEndToEndTest.Run lintWithNeighbour() throws IOException {
        Files.writeString(tmp.resolve("bad.yaml"), BAD);
        LintEndToEndTest.Run r = assertTimeoutPreemptively(LIMIT, () -> LintEndToEndTest.lint(tmp, "."));
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.err())
                .doesNotContain("internal error")
                .doesNotContain("tool error")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(r.out()).contains("bad.yaml:2:3: warning FL-SQS-001 Queue 'Queue'");
        return r;
    }

    private void write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    @Test
    void billionLaughs() throws IOException {
        StringBuilder sb = new StringBuilder("Resources:\n  T:\n    Type: AWS::SNS::Topic\n");
        sb.append("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            sb.append('a').append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 9; k++) {
                sb.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            sb.append("]\n");
        }
        write("bomb.yaml", sb.toString());
        LintEndToEndTest.Run r = lintWithNeighbour();
        assertThat(r.out()).contains("bomb.yaml:4:5: error FL-PARSE-006 YAML anchor '&a0'");
    }

    @Test
    void yamlNested100000Deep() throws IOException {
        write("deep.yaml", "[".repeat(100_000) + "]".repeat(100_000));
        assertThat(lintWithNeighbour().out()).contains("deep.yaml:1:501: error FL-PARSE-005 Nesting deeper than 500");
    }

    @Test
    void jsonNested100000Deep() throws IOException {
        write("deep.json", "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000));
        assertThat(lintWithNeighbour().out()).contains("deep.json:1:2501: error FL-PARSE-005 Nesting deeper than 500");
    }

    @Test
    void aFileOf100MbIsRejectedBySizeWithoutReadingIt() throws IOException {
        // sparse: the test writes no 100 MB, and the loader must not read them either
        try (RandomAccessFile f = new RandomAccessFile(tmp.resolve("huge.yaml").toFile(), "rw")) {
            f.setLength(100_000_000L);
        }
        assertThat(lintWithNeighbour().out())
                .contains("huge.yaml:1:1: error FL-PARSE-005 File has 100000000 bytes," + " more than the limit");
    }

    @Test
    void collectionsAsKeysUnderResourcesPropertiesAndOutputs() throws IOException {
        write(
                "keys.yaml",
                "Resources:\n  ? [a, b]\n  : Type: AWS::SQS::Queue\n  Q:\n    Type: AWS::SNS::Topic\n"
                        + "    Properties:\n      ? {x: 1}\n      : 2\nOutputs:\n  ? [o]\n  : Value: !Ref Q\n");
        assertThat(lintWithNeighbour().out())
                .contains(
                        "keys.yaml:2:5: error FL-PARSE-001 A mapping key is a collection",
                        "keys.yaml:7:9: error FL-PARSE-001 A mapping key is a collection",
                        "keys.yaml:10:5: error FL-PARSE-001 A mapping key is a collection");
    }

    @Test
    void binaryFileNamedYaml() throws IOException {
        byte[] bytes = new byte[4096];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(tmp.resolve("image.yaml"), bytes);
        assertThat(lintWithNeighbour().out()).contains("image.yaml:1:1: error FL-PARSE-001 File is not valid UTF-8");
    }

    @Test
    void invalidUtf8() throws IOException {
        byte[] head =
                "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Description: \"".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 3];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3;
        bytes[head.length + 1] = (byte) 0x28;
        bytes[head.length + 2] = '"';
        Files.write(tmp.resolve("latin.yaml"), bytes);
        assertThat(lintWithNeighbour().out()).contains("latin.yaml:1:1: error FL-PARSE-001 File is not valid UTF-8");
    }

    @Test
    void emptyFileIsClean() throws IOException {
        write("empty.yaml", "");
        assertThat(lintWithNeighbour().out()).doesNotContain("empty.yaml");
    }

    @Test
    void onlyResourcesKeyIsClean() throws IOException {
        write("only.yaml", "Resources:\n");
        assertThat(lintWithNeighbour().out()).doesNotContain("only.yaml");
    }

    @Test
    void emptyParametersIsClean() throws IOException {
        write("params.yaml", "Parameters:\nResources:\n  T:\n    Type: AWS::SNS::Topic\n");
        assertThat(lintWithNeighbour().out()).doesNotContain("params.yaml");
    }

    @Test
    void symlinkLoopInADirectory() throws IOException {
        Files.createDirectories(tmp.resolve("a"));
        Files.createSymbolicLink(tmp.resolve("a/loop"), Path.of(".."));
        Files.createSymbolicLink(tmp.resolve("self"), Path.of("."));
        write("a/other.yaml", BAD.replace("Queue:", "Other:").replace("Queue.Arn", "Other.Arn"));
        LintEndToEndTest.Run r = lintWithNeighbour();
        // the file behind the loop is linted exactly once
        assertThat(r.out().lines().filter(l -> l.startsWith("a/other.yaml:2:3: warning FL-SQS-001")))
                .hasSize(1);
    }

    @Test
    void definitionUriOutsideTheProjectIsNotRead() throws IOException {
        write(
                "sm.yaml",
                "Transform: AWS::Serverless-2016-10-31\nResources:\n  SM:\n"
                        + "    Type: AWS::Serverless::StateMachine\n    Properties:\n"
                        + "      DefinitionUri: ../../../etc/passwd\n");
        assertThat(lintWithNeighbour().out())
                .contains("sm.yaml:6:22: error FL-PARSE-004 State machine 'SM' "
                        + "definition path '../../../etc/passwd' is outside the project root; it is not read.");
    }

    @Test
    void unreadableFile() throws IOException {
        write("secret.yaml", "Resources:\n  T:\n    Type: AWS::SNS::Topic\n");
        Path secret = tmp.resolve("secret.yaml");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        try {
            LintEndToEndTest.Run r = lintWithNeighbour();
            if (Files.isReadable(secret)) {
                // running as root (or with CAP_DAC_OVERRIDE): mode 000 does not stop reading, so the
                // file is an ordinary clean template here
                assertThat(r.out()).doesNotContain("secret.yaml");
            } else {
                assertThat(r.out()).contains("secret.yaml:1:1: error FL-PARSE-001 Cannot read the file");
            }
        } finally {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void joinNested1000Deep() throws IOException {
        String v = "\"x\"";
        for (int i = 0; i < 1000; i++) {
            v = "{\"Fn::Join\": [\"\", [" + v + "]]}";
        }
        write(
                "join.json",
                "{\"Resources\": {\"T\": {\"Type\": \"AWS::SNS::Topic\", \"Properties\": {\"TopicName\": " + v
                        + "}}}}");
        // three levels per Fn::Join (map, list, list): beyond the nesting limit, a located finding
        assertThat(lintWithNeighbour().out()).containsPattern("join\\.json:1:\\d+: error FL-PARSE-005 Nesting deeper");
    }

    @Test
    void joinNestedJustUnderTheDepthLimitIsLinted() throws IOException {
        String v = "\"x\"";
        for (int i = 0; i < 150; i++) {
            v = "{\"Fn::Join\": [\"\", [" + v + ", {\"Ref\": \"Missing\"}]]}";
        }
        write(
                "join.json",
                "{\"Resources\": {\"T\": {\"Type\": \"AWS::SNS::Topic\", \"Properties\": {\"TopicName\": " + v
                        + "}}}}");
        LintEndToEndTest.Run r = lintWithNeighbour();
        assertThat(r.out()).doesNotContain("FL-PARSE-005");
    }

    @Test
    void stateMachineWhoseStatesAllPointToEachOther() throws IOException {
        int n = 60;
        StringBuilder sb = new StringBuilder("{\"StartAt\": \"S0\", \"States\": {");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append("\"S").append(i).append("\": {\"Type\": \"Choice\", \"Choices\": [");
            boolean first = true;
            for (int k = 0; k < n; k++) {
                if (k != i) {
                    sb.append(first ? "" : ", ")
                            .append("{\"Variable\": \"$.x\", \"NumericEquals\": ")
                            .append(k)
                            .append(", \"Next\": \"S")
                            .append(k)
                            .append("\"}");
                    first = false;
                }
            }
            sb.append("], \"Default\": \"S").append((i + 1) % n).append("\"}");
        }
        sb.append("}}");
        write("cycle.asl.json", sb.toString());
        LintEndToEndTest.Run r = lintWithNeighbour();
        assertThat(r.err()).contains("in 2 files");
    }
}
