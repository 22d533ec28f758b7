package dev.faultline.core.graph;

import dev.faultline.core.model.InputKind;
import dev.faultline.core.model.Template;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the type checker needs to know about a Serverless Framework service beyond the compiled
 * CloudFormation: the framework key each value was written under ({@code functions.hello.timeout},
 * {@code functions.hello.events[0].sqs.batchSize}), so that FL-PARSE-007 names the key the user
 * wrote rather than the compiled property; and the framework's own constraint on {@code onError},
 * which its schema allows only as an SNS topic ARN (or a CloudFormation intrinsic).
 *
 * <p>The values of the compiled template are the nodes of the service file, so a value is found by
 * identity. The {@code resources:} section is CloudFormation as written: its values keep their
 * CloudFormation names.
 */
final class ServerlessValues {

    /** The framework's schema for {@code onError} as a string ({@code osls} 3, {@code provider.js}). */
    private static final Pattern SNS_ARN = Pattern.compile("^arn:aws[a-z-]*:sns");

    private static final int MAX_DEPTH = 64;

    private final Map<Node, String> keys = new IdentityHashMap<>();

    private ServerlessValues() {}

    /** The framework keys of a Serverless Framework service's values, or null for another template. */
    static ServerlessValues of(Template t) {
        if (t.file().kind() != InputKind.SERVERLESS || t.root() == null) {
            return null;
        }
        ServerlessValues v = new ServerlessValues();
        for (String section : new String[] {"provider", "functions", "stepFunctions"}) {
            Node n = t.root().get(section);
            if (n != null) {
                v.index(n, section, 0);
            }
        }
        return v;
    }

    private void index(Node n, String path, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        keys.putIfAbsent(n, path);
        if (n instanceof MapNode m) {
            for (MapNode.Entry e : m.entries()) {
                index(e.value(), path + "." + e.key(), depth + 1);
            }
        } else if (n instanceof ListNode l) {
            for (int i = 0; i < l.size(); i++) {
                index(l.get(i), path + "[" + i + "]", depth + 1);
            }
        }
    }

    /** The framework key a value was written under ({@code functions.hello.timeout}), or null. */
    String keyOf(Node value) {
        return keys.get(value);
    }

    /**
     * The problem of an {@code onError} value the framework's schema rejects: a literal that is not an
     * SNS topic ARN (an SQS queue ARN is the usual mistake); empty for an SNS topic ARN, an intrinsic
     * or a variable that could not be resolved (unknown), and for no value.
     */
    static String onErrorProblem(Node value) {
        if (!(value instanceof ScalarNode s) || s.isNull() || s.raw().isEmpty()) {
            return null;
        }
        String text = s.raw();
        if (s.kind() == ScalarNode.Kind.STRING && SNS_ARN.matcher(text).find()) {
            return null;
        }
        String[] parts = text.split(":", -1);
        if (s.kind() == ScalarNode.Kind.STRING && parts.length > 3 && "arn".equals(parts[0])) {
            String service = parts[2].toLowerCase(Locale.ROOT);
            return switch (service) {
                case "sqs" -> "an SQS queue ARN";
                case "lambda" -> "a Lambda function ARN";
                case "events" -> "an EventBridge ARN";
                default -> "an ARN of service '" + parts[2] + "'";
            };
        }
        return "'" + text + "', which is not an ARN";
    }
}
