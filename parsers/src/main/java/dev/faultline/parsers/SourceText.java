package dev.faultline.parsers;

import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.InputRules;
import dev.faultline.core.tree.Span;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Reads an input file as strict UTF-8, within the size limit; problems become findings. */
public final class SourceText {

    /** Largest file read, in bytes (50 MiB; CloudFormation itself accepts 1 MB templates, CDK output stays far below). */
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    /** The text, or the finding that explains why there is none. */
    public record Read(String text, Finding problem) {}

    private SourceText() {}

    public static Read read(Path path, String displayPath) {
        // one open and the size of the open file (no separate stat of the path: a lint reads
        // thousands of files, and the system calls were a tenth of the read)
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            return read(ch, displayPath);
        } catch (IOException | SecurityException e) {
            return fail(
                    InputRules.PARSE_SYNTAX,
                    "Cannot read the file: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    displayPath);
        }
    }

    /**
     * Reads an open file whole: into an array of the size it reports, then one byte more to tell its
     * end (a file may have grown since its size was taken, or report none, as Linux's /proc files
     * do: it is then read on, within the limit; one that shrank is read to its end).
     */
    static Read read(SeekableByteChannel ch, String displayPath) throws IOException {
        long size = ch.size();
        if (size > MAX_BYTES) {
            return tooLarge(size, displayPath);
        }
        byte[] bytes = new byte[(int) size];
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        ByteBuffer probe = ByteBuffer.allocate(1);
        while (true) {
            if (buf.hasRemaining()) {
                if (ch.read(buf) < 0) {
                    break;
                }
                continue;
            }
            probe.clear();
            if (ch.read(probe) <= 0) {
                break;
            }
            int n = buf.position();
            if (n + 1L > MAX_BYTES) {
                return tooLarge(n + 1L, displayPath);
            }
            bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_BYTES + 1, Math.max(8192, 2L * n)));
            bytes[n] = probe.get(0);
            buf = ByteBuffer.wrap(bytes, n + 1, bytes.length - n - 1);
        }
        int n = buf.position();
        if (n > MAX_BYTES) {
            return tooLarge(n, displayPath);
        }
        return decode(n == bytes.length ? bytes : Arrays.copyOf(bytes, n), displayPath);
    }

    private static Read tooLarge(long size, String displayPath) {
        return fail(
                InputRules.PARSE_LIMIT,
                "File has " + size + " bytes, more than the limit of " + MAX_BYTES + "; it is not read",
                displayPath);
    }

    /**
     * Decodes strict UTF-8 (a leading byte order mark is dropped). The JDK's own decoding makes the
     * string in one pass; only when it replaced something (or the text holds U+FFFD itself) does a
     * strict decoder go over the bytes again, to report malformed input.
     */
    public static Read decode(byte[] bytes, String displayPath) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            try {
                text = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (MalformedInputException e) {
                return fail(InputRules.PARSE_SYNTAX, "File is not valid UTF-8 (is it binary?)", displayPath);
            } catch (CharacterCodingException e) {
                return fail(InputRules.PARSE_SYNTAX, "File is not valid UTF-8: " + e, displayPath);
            }
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return new Read(text, null);
    }

    private static Read fail(dev.faultline.core.rule.RuleMetadata rule, String message, String displayPath) {
        return new Read(null, FindingSink.finding(rule, message, Span.ofFile(displayPath), null));
    }
}
