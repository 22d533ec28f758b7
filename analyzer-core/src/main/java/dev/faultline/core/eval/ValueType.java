package dev.faultline.core.eval;

import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The type and domain of a property (from the AWS resource specification) or of a States Language
 * field, and the one reading of a literal against it. CloudFormation converts scalars, so a numeric
 * string ({@code "30"}) is an integer and {@code "true"} a boolean there; the States Language is
 * JSON and takes only JSON numbers where a number belongs ({@link #strict}).
 *
 * <p>{@link #problem} judges a literal written in the file only: an intrinsic function, a
 * placeholder or {@code null} is never a problem (the value is unknown, or absent).
 */
public sealed interface ValueType {

    /** @return what is allowed, for messages ({@code an integer}) */
    String allowed();

    /**
     * What was found, when the literal can never be a value of this type.
     *
     * @param literal the value as written (a scalar, list or mapping; anything else is not judged)
     * @return a description of what was found ({@code the string "abc"}), or empty when it can be valid
     */
    Optional<String> problem(Node literal);

    /** An integer ({@code "30"} too, unless strict). */
    ValueType INTEGER = new Numeric(true, false);
    /** A number ({@code "1.5"} too). */
    ValueType NUMBER = new Numeric(false, false);
    /** An integer written as a JSON number (States Language). */
    ValueType STRICT_INTEGER = new Numeric(true, true);
    /** A number written as a JSON number (States Language). */
    ValueType STRICT_NUMBER = new Numeric(false, true);
    /** {@code true}/{@code false}, also as strings. */
    ValueType BOOLEAN = new Bool();
    /** Any scalar (CloudFormation renders numbers and booleans as text), not a list or mapping. */
    ValueType STRING = new Text();
    /** An ARN: a string starting with {@code arn:} (an empty string is left to the service). */
    ValueType ARN = new Arn();
    /** A mapping. */
    ValueType OBJECT = new Obj();
    /** A JSON document: a mapping, or a string holding a JSON object. */
    ValueType JSON = new Json();

    /**
     * @param values the allowed values, exactly as spelled in the specification
     * @return an enumeration type
     */
    static ValueType oneOf(String... values) {
        return new Enum(List.of(values));
    }

    /**
     * @param item the type of each item
     * @return a list type
     */
    static ValueType listOf(ValueType item) {
        return new Seq(item);
    }

    /**
     * @param n a node
     * @return how a literal is described in messages ({@code the string "abc"}, {@code a list})
     */
    static String describe(Node n) {
        if (n instanceof ListNode) {
            return "a list";
        }
        if (n instanceof MapNode) {
            return "a mapping";
        }
        if (n instanceof ScalarNode s) {
            return switch (s.kind()) {
                case INT, FLOAT -> "the number " + s.raw();
                case BOOL -> "the boolean " + s.raw();
                case NULL -> "null";
                default -> "the string \"" + s.raw() + "\"";
            };
        }
        return "an intrinsic function";
    }

    /** Empty when the node is not a literal or is a scalar that {@code accepts} takes, else what it is. */
    private static Optional<String> unlessScalar(Node literal, Predicate<ScalarNode> accepts) {
        if (!literal(literal) || literal instanceof ScalarNode s && accepts.test(s)) {
            return Optional.empty();
        }
        return Optional.of(describe(literal));
    }

    /** Whether a node is judged at all: a non-null scalar, a list or a mapping. */
    private static boolean literal(Node n) {
        return n instanceof ListNode || n instanceof MapNode || n instanceof ScalarNode s && !s.isNull();
    }

    /** Integers and numbers. */
    record Numeric(boolean integer, boolean strict) implements ValueType {
        @Override
        public String allowed() {
            String what = integer ? "an integer" : "a number";
            return strict ? what + " written as a JSON number" : what;
        }

        @Override
        public Optional<String> problem(Node literal) {
            if (!literal(literal)) {
                return Optional.empty();
            }
            if (!(literal instanceof ScalarNode s)
                    || s.kind() == ScalarNode.Kind.BOOL
                    || strict && s.kind() == ScalarNode.Kind.STRING) {
                return Optional.of(describe(literal));
            }
            BigDecimal d = number(s.raw());
            if (d == null || integer && d.stripTrailingZeros().scale() > 0) {
                return Optional.of(describe(literal));
            }
            return Optional.empty();
        }

        private static BigDecimal number(String raw) {
            String t = raw.trim().replace("_", "");
            if (t.isEmpty()) {
                return null;
            }
            try {
                return new BigDecimal(t);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** Booleans. */
    record Bool() implements ValueType {
        @Override
        public String allowed() {
            return "true or false";
        }

        @Override
        public Optional<String> problem(Node literal) {
            return unlessScalar(
                    literal,
                    s -> s.kind() == ScalarNode.Kind.BOOL
                            || s.raw().trim().equalsIgnoreCase("true")
                            || s.raw().trim().equalsIgnoreCase("false"));
        }
    }

    /** Scalars. */
    record Text() implements ValueType {
        @Override
        public String allowed() {
            return "a single value";
        }

        @Override
        public Optional<String> problem(Node literal) {
            return unlessScalar(literal, s -> true);
        }
    }

    /** ARNs. */
    record Arn() implements ValueType {
        @Override
        public String allowed() {
            return "an ARN (arn:...)";
        }

        @Override
        public Optional<String> problem(Node literal) {
            return unlessScalar(literal, s -> s.raw().isEmpty() || s.raw().startsWith("arn:"));
        }
    }

    /** Mappings. */
    record Obj() implements ValueType {
        @Override
        public String allowed() {
            return "a mapping";
        }

        @Override
        public Optional<String> problem(Node literal) {
            return literal(literal) && !(literal instanceof MapNode)
                    ? Optional.of(describe(literal))
                    : Optional.empty();
        }
    }

    /** JSON documents: a mapping, or a string whose text is a JSON object. */
    record Json() implements ValueType {
        @Override
        public String allowed() {
            return "a mapping or a string holding a JSON object";
        }

        @Override
        public Optional<String> problem(Node literal) {
            if (!literal(literal) || literal instanceof MapNode) {
                return Optional.empty();
            }
            if (literal instanceof ScalarNode s && s.kind() == ScalarNode.Kind.STRING) {
                return JsonDocuments.syntaxError(s.raw()).map(e -> "text that is not a JSON object (" + e + ")");
            }
            return Optional.of(describe(literal));
        }
    }

    /** Enumerations (case-sensitive, as the services validate them). */
    record Enum(List<String> values) implements ValueType {
        @Override
        public String allowed() {
            return "one of " + String.join(", ", values);
        }

        @Override
        public Optional<String> problem(Node literal) {
            return unlessScalar(literal, s -> values.contains(s.raw().trim()));
        }
    }

    /** Lists; items are judged by the caller with {@link #item()}. */
    record Seq(ValueType item) implements ValueType {
        @Override
        public String allowed() {
            return "a list";
        }

        @Override
        public Optional<String> problem(Node literal) {
            return literal(literal) && !(literal instanceof ListNode)
                    ? Optional.of(describe(literal))
                    : Optional.empty();
        }
    }
}
