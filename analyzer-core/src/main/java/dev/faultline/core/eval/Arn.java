package dev.faultline.core.eval;

import java.util.Locale;

/**
 * An ARN split into its parts ({@code arn:partition:service:region:account:resource}). The one
 * reading of ARN texts for the graph and the rules: a part that is only known at deploy time may
 * be written {@code *} (the shape {@link SubTexts#wildcard} gives an {@code Fn::Sub} or
 * {@code Fn::Join}).
 *
 * @param partition {@code aws}, {@code aws-cn}, ...
 * @param service   the service part in lower case ({@code sqs}, {@code lambda})
 * @param region    the region part (may be empty)
 * @param account   the account part (may be empty)
 * @param resource  everything after the fifth colon ({@code function:Name:live}, {@code table/T/stream/x})
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    /** The ARN a text is, or null when it does not have six colon-separated parts starting with {@code arn}. */
    public static Arn parse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return null;
        }
        String[] parts = text.split(":", 6);
        if (parts.length < 6) {
            return null;
        }
        return new Arn(parts[1], parts[2].toLowerCase(Locale.ROOT), parts[3], parts[4], parts[5]);
    }

    /** Whether the service part is known (not a {@code *} placeholder). */
    public boolean serviceKnown() {
        return !service.contains("*");
    }

    /**
     * The resource type: the part of the resource before its first {@code :} or {@code /}
     * ({@code function}, {@code stateMachine}, {@code table}); empty for services whose resource is a
     * bare name (SQS, SNS, S3).
     */
    public String resourceType() {
        int i = firstSeparator(resource);
        return i < 0 ? "" : resource.substring(0, i);
    }

    /**
     * The resource's name: the whole resource for bare names ({@code orders.fifo}), else the part
     * after the type up to the next separator ({@code Name} of {@code function:Name:live},
     * {@code T} of {@code table/T/stream/x}).
     */
    public String resourceName() {
        int i = firstSeparator(resource);
        if (i < 0) {
            return resource;
        }
        String rest = resource.substring(i + 1);
        int j = firstSeparator(rest);
        return j < 0 ? rest : rest.substring(0, j);
    }

    /** What follows the name ({@code live} of {@code function:Name:live}, {@code stream/x} of a table), or null. */
    public String qualifier() {
        int i = firstSeparator(resource);
        if (i < 0) {
            return null;
        }
        String rest = resource.substring(i + 1);
        int j = firstSeparator(rest);
        return j < 0 ? null : rest.substring(j + 1);
    }

    /**
     * Whether a queue or topic ARN names a FIFO one: true or false when the name's end is literal,
     * null when it is a {@code *} placeholder or the ARN is of another service.
     */
    public Boolean fifo() {
        if (!service.equals("sqs") && !service.equals("sns")) {
            return null;
        }
        return resource.endsWith("*") ? null : resource.endsWith(".fifo");
    }

    private static int firstSeparator(String s) {
        int colon = s.indexOf(':');
        int slash = s.indexOf('/');
        if (colon < 0) {
            return slash;
        }
        return slash < 0 ? colon : Math.min(colon, slash);
    }
}
