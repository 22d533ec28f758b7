package dev.faultline.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTextTest {

    @TempDir
    Path dir;

    private SourceText.Read read(byte[] bytes) throws IOException {
        Path p = dir.resolve("t.yaml");
        Files.write(p, bytes);
        return SourceText.read(p, "t.yaml");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsAsciiAndOtherScriptsAsWritten() throws IOException {
        String text = "Description: Bestellungen \u00fcber \u65e5\u672c \uD83D\uDE80\nResources: {}\n";
        assertThat(read(utf8(text)).text()).isEqualTo(text);
        assertThat(read(utf8(text)).problem()).isNull();
    }

    @Test
    void keepsAReplacementCharacterThatIsWrittenInTheFile() throws IOException {
        // U+FFFD written as its three UTF-8 bytes is valid input, not a decoding failure
        String text = "Description: \uFFFD marks a broken byte\n";
        assertThat(read(utf8(text)).text()).isEqualTo(text);
        assertThat(read(utf8(text)).problem()).isNull();
    }

    @Test
    void dropsALeadingByteOrderMark() throws IOException {
        assertThat(read(utf8("\uFEFFResources: {}\n")).text()).isEqualTo("Resources: {}\n");
    }

    @Test
    void reportsMalformedBytesInsteadOfReplacingThem() throws IOException {
        byte[] latin1 = "Description: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        SourceText.Read r = read(latin1);
        assertThat(r.text()).isNull();
        assertThat(r.problem().ruleId()).isEqualTo("FL-PARSE-001");
        assertThat(r.problem().message()).startsWith("File is not valid UTF-8");
    }

    @Test
    void reportsAnEncodedSurrogate() throws IOException {
        // CESU-8 style: U+D800 encoded on its own is not UTF-8
        SourceText.Read r = read(new byte[] {'a', ':', ' ', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'});
        assertThat(r.text()).isNull();
        assertThat(r.problem().message()).startsWith("File is not valid UTF-8");
    }

    @Test
    void readsAnEmptyFile() throws IOException {
        SourceText.Read r = read(new byte[0]);
        assertThat(r.text()).isEmpty();
        assertThat(r.problem()).isNull();
    }

    @Test
    void reportsAFileThatCannotBeOpened() {
        SourceText.Read r = SourceText.read(dir.resolve("missing.yaml"), "missing.yaml");
        assertThat(r.text()).isNull();
        assertThat(r.problem().message()).startsWith("Cannot read the file: NoSuchFileException");
        assertThat(r.problem().span().file()).isEqualTo("missing.yaml");
    }

    @Test
    void reportsADirectoryGivenAsAFile() {
        SourceText.Read r = SourceText.read(dir, "dir.yaml");
        assertThat(r.text()).isNull();
        assertThat(r.problem().message()).startsWith("Cannot read the file: IOException");
    }

    /** An open file over {@code content} that reports {@code size} bytes, as a file does that changed meanwhile. */
    private static SeekableByteChannel channel(byte[] content, long size) {
        return new SeekableByteChannel() {
            private int at;

            @Override
            public int read(ByteBuffer dst) {
                if (at == content.length) {
                    return -1;
                }
                int n = Math.min(dst.remaining(), Math.min(3, content.length - at)); // short reads too
                dst.put(content, at, n);
                at += n;
                return n;
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public int write(ByteBuffer src) {
                throw new UnsupportedOperationException();
            }

            @Override
            public long position() {
                return at;
            }

            @Override
            public SeekableByteChannel position(long p) {
                throw new UnsupportedOperationException();
            }

            @Override
            public SeekableByteChannel truncate(long s) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {}
        };
    }

    @Test
    void readsOnPastTheSizeTheFileReported() throws IOException {
        // a file that grew since its size was taken, or that reports none (Linux /proc files)
        String text = "Resources:\n" + "  Q: {Type: AWS::SQS::Queue}\n".repeat(500);
        for (long size : new long[] {0, 1, 10, text.length() - 1}) {
            SourceText.Read r = SourceText.read(channel(utf8(text), size), "t.yaml");
            assertThat(r.problem()).as("size %d", size).isNull();
            assertThat(r.text()).as("size %d", size).isEqualTo(text);
        }
    }

    @Test
    void readsAFileThatShrankToItsEnd() throws IOException {
        String text = "Resources: {}\n";
        SourceText.Read r = SourceText.read(channel(utf8(text), text.length() + 100), "t.yaml");
        assertThat(r.problem()).isNull();
        assertThat(r.text()).isEqualTo(text);
    }

    @Test
    void rejectsAFileOverTheLimitByItsSizeWithoutReadingIt() throws IOException {
        SourceText.Read r = SourceText.read(channel(new byte[0], SourceText.MAX_BYTES + 1), "big.yaml");
        assertThat(r.text()).isNull();
        assertThat(r.problem().ruleId()).isEqualTo("FL-PARSE-005");
    }
}
