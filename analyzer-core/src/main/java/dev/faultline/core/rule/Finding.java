package dev.faultline.core.rule;

import dev.faultline.core.tree.Span;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * One problem found in one place.
 *
 * @param ruleId      the rule that reported it
 * @param severity    its effective severity
 * @param message     one sentence naming the resource and the consequence
 * @param span        where (file is the display path)
 * @param resource    the logical id of the resource, or {@code null}
 * @param cdkPath     the CDK construct path, or {@code null}
 * @param logicalPath the logical location ({@code Resources/OrdersQueue/Properties/RedrivePolicy})
 * @param fix         an optional fix, or {@code null}
 * @param suppression why it is suppressed, or {@code null} when it is not
 */
public record Finding(
        String ruleId,
        Severity severity,
        String message,
        Span span,
        String resource,
        String cdkPath,
        String logicalPath,
        Fix fix,
        String suppression) {

    /** Report order: file, line, column, rule id, logical path. */
    public static final Comparator<Finding> ORDER = Finding::compareInOrder;

    /** {@link #ORDER} written out (it sorts every finding of a run; no chain of key extractors). */
    private static int compareInOrder(Finding a, Finding b) {
        int c = a.span.file().compareTo(b.span.file());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.span.line(), b.span.line());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.span.column(), b.span.column());
        if (c != 0) {
            return c;
        }
        c = a.ruleId.compareTo(b.ruleId);
        if (c != 0) {
            return c;
        }
        c = (a.logicalPath == null ? "" : a.logicalPath).compareTo(b.logicalPath == null ? "" : b.logicalPath);
        return c != 0 ? c : a.message.compareTo(b.message);
    }

    /**
     * @return the display path of the file the finding is in
     */
    public String file() {
        return span.file();
    }

    /**
     * @return whether a suppression or the baseline hides this finding
     */
    public boolean suppressed() {
        return suppression != null;
    }

    /**
     * @param s a severity
     * @return a copy with that severity
     */
    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, s, message, span, resource, cdkPath, logicalPath, fix, suppression);
    }

    /**
     * @param reason why it is suppressed, or {@code null} for not suppressed
     * @return a copy with that suppression
     */
    public Finding withSuppression(String reason) {
        return new Finding(ruleId, severity, message, span, resource, cdkPath, logicalPath, fix, reason);
    }

    /**
     * A fingerprint that survives moving lines: a hash of rule id, file and logical path (plus the
     * message when there is no logical path, so that distinct parse errors stay distinct).
     */
    public String fingerprint() {
        String key = ruleId + "\u0000" + span.file() + "\u0000"
                + (logicalPath == null || logicalPath.isEmpty() ? message : logicalPath);
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
