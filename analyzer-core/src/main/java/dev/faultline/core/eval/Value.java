package dev.faultline.core.eval;

import dev.faultline.core.tree.MapNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The result of partially evaluating a template value. Anything that cannot be known before
 * deployment is {@link Unknown}; rules treat unknown as "stay silent". {@code Fn::If} keeps both
 * branches as a {@link Choice}.
 */
public sealed interface Value {

    /** A known string. */
    record Str(String value) implements Value {}

    /** A known number. */
    record Num(BigDecimal value) implements Value {}

    /** A known boolean. */
    record Bool(boolean value) implements Value {}

    /** A known list (items may be unknown). */
    record Seq(List<Value> items) implements Value {}

    /** A literal mapping, kept as its located node. */
    record Obj(MapNode node) implements Value {}

    /** {@code Ref} to a resource of the same template. */
    record ResourceRef(String logicalId) implements Value {}

    /** {@code Fn::GetAtt} of a resource of the same template. */
    record Attr(String logicalId, String attribute) implements Value {}

    /** {@code AWS::NoValue}: the property is absent in this branch. */
    record Absent() implements Value {}

    /** Cannot be known statically (pseudo parameters, imports, parameters without default...). */
    record Unknown(String reason) implements Value {}

    /** The alternatives of an {@code Fn::If}. */
    record Choice(List<Value> options) implements Value {}

    /** The possible values, with nested choices flattened. */
    default List<Value> alternatives() {
        if (this instanceof Choice c) {
            List<Value> out = new ArrayList<>();
            for (Value v : c.options()) {
                out.addAll(v.alternatives());
            }
            return out;
        }
        return List.of(this);
    }

    /** True when this value, or any alternative, is unknown. */
    default boolean isUnknown() {
        for (Value v : alternatives()) {
            if (v instanceof Unknown) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return whether this is {@link Absent}: the property is not set (apply the AWS default)
     */
    default boolean isAbsent() {
        return this instanceof Absent;
    }

    /** A single known integer (from a number or a numeric string); empty otherwise. */
    default OptionalLong asLong() {
        if (this instanceof Num n) {
            try {
                return OptionalLong.of(n.value().longValueExact());
            } catch (ArithmeticException e) {
                return OptionalLong.empty();
            }
        }
        if (this instanceof Str s) {
            try {
                return OptionalLong.of(new BigDecimal(s.value().trim()).longValueExact());
            } catch (NumberFormatException | ArithmeticException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    /** A single known number as a decimal; empty otherwise. */
    default Optional<BigDecimal> asDecimal() {
        if (this instanceof Num n) {
            return Optional.of(n.value());
        }
        if (this instanceof Str s) {
            try {
                return Optional.of(new BigDecimal(s.value().trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A single known string (numbers and booleans are rendered as CloudFormation would). */
    default Optional<String> asString() {
        if (this instanceof Str s) {
            return Optional.of(s.value());
        }
        if (this instanceof Num n) {
            return Optional.of(n.value().toPlainString());
        }
        if (this instanceof Bool b) {
            return Optional.of(Boolean.toString(b.value()));
        }
        return Optional.empty();
    }

    /** A single known boolean (also from the strings {@code true}/{@code false}). */
    default Optional<Boolean> asBool() {
        if (this instanceof Bool b) {
            return Optional.of(b.value());
        }
        if (this instanceof Str s) {
            String t = s.value().trim().toLowerCase(Locale.ROOT);
            if (t.equals("true")) {
                return Optional.of(true);
            }
            if (t.equals("false")) {
                return Optional.of(false);
            }
        }
        return Optional.empty();
    }

    /** The known integers among the alternatives (unknown and non-numeric ones are skipped). */
    default List<Long> knownLongs() {
        List<Long> out = new ArrayList<>();
        for (Value v : alternatives()) {
            v.asLong().ifPresent(out::add);
        }
        return out;
    }

    /** The known strings among the alternatives. */
    default List<String> knownStrings() {
        List<String> out = new ArrayList<>();
        for (Value v : alternatives()) {
            v.asString().ifPresent(out::add);
        }
        return out;
    }

    /**
     * Every alternative as an integer, or empty when any alternative is unknown or not a number
     * (an absent alternative is skipped: the caller applies the default for it).
     */
    default Optional<List<Long>> allLongs() {
        List<Long> out = new ArrayList<>();
        for (Value v : alternatives()) {
            if (v instanceof Absent) {
                continue;
            }
            OptionalLong l = v.asLong();
            if (l.isEmpty()) {
                return Optional.empty();
            }
            out.add(l.getAsLong());
        }
        return Optional.of(out);
    }

    /** The logical id of a resource this value points at ({@code Ref} or {@code GetAtt}), if single. */
    default Optional<String> referencedResource() {
        if (this instanceof ResourceRef r) {
            return Optional.of(r.logicalId());
        }
        if (this instanceof Attr a) {
            return Optional.of(a.logicalId());
        }
        return Optional.empty();
    }
}
