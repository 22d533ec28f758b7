package dev.faultline.parsers;

import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.InputRules;
import dev.faultline.core.tree.Span;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads an input file as strict UTF-8, within the size limit; problems become findings. */
public final class SourceText {

    /** Largest file read, in bytes (50 MiB; CloudFormation itself accepts 1 MB templates, CDK output stays far below). */
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    /** The text, or the finding that explains why there is none. */
    public record Read(String text, Finding problem) {}

    private SourceText() {}

    public static Read read(Path path, String displayPath) {
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                return fail(
                        InputRules.PARSE_LIMIT,
                        "File has " + size + " bytes, more than the limit of " + MAX_BYTES + "; it is not read",
                        displayPath);
            }
            return decode(Files.readAllBytes(path), displayPath);
        } catch (IOException | SecurityException e) {
            return fail(
                    InputRules.PARSE_SYNTAX,
                    "Cannot read the file: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    displayPath);
        }
    }

    /** Decodes strict UTF-8 (a leading byte order mark is dropped). */
    public static Read decode(byte[] bytes, String displayPath) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            return new Read(text, null);
        } catch (MalformedInputException e) {
            return fail(InputRules.PARSE_SYNTAX, "File is not valid UTF-8 (is it binary?)", displayPath);
        } catch (CharacterCodingException e) {
            return fail(InputRules.PARSE_SYNTAX, "File is not valid UTF-8: " + e, displayPath);
        }
    }

    private static Read fail(dev.faultline.core.rule.RuleMetadata rule, String message, String displayPath) {
        return new Read(null, FindingSink.finding(rule, message, Span.ofFile(displayPath), null));
    }
}
