package dev.faultline.core.eval;

import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The one reader of the intrinsics that name things: {@code Ref}, {@code Fn::GetAtt} (with a nested
 * stack's {@code Outputs.X}), {@code Fn::Sub} (text, variables, and what each variable names) and
 * {@code Fn::Join} (delimiter and parts) and {@code Fn::ImportValue}. The evaluator, the resolver and the reference walks all read intrinsics
 * through it, so they agree on what a reference names.
 */
public final class Refs {

    private static final String OUTPUTS = "Outputs.";

    private Refs() {}

    /**
     * What a {@code Fn::GetAtt} (or an {@code Fn::Sub} variable {@code ${A.B}}) names.
     *
     * @param resource  the logical id
     * @param attribute the attribute, or null for a plain {@code ${Name}} variable
     */
    public record Target(String resource, String attribute) {

        /** The output name of {@code !GetAtt Stack.Outputs.Name}, else null. */
        public String stackOutput() {
            return attribute != null && attribute.startsWith(OUTPUTS) && attribute.length() > OUTPUTS.length()
                    ? attribute.substring(OUTPUTS.length())
                    : null;
        }
    }

    /**
     * An {@code Fn::Sub} variable as written.
     *
     * @param name  the name between {@code ${} and {@code }}, trimmed
     * @param start where {@code ${} starts in the text
     * @param end   the index of the closing brace
     */
    public record Variable(String name, int start, int end) {

        /** Whether it is a pseudo parameter ({@code ${AWS::Region}}). */
        public boolean pseudo() {
            return name.startsWith("AWS::");
        }

        /** The resource or parameter the variable names, with the attribute after its first dot. */
        public Target target() {
            int dot = name.indexOf('.');
            return dot < 0 ? new Target(name, null) : new Target(name.substring(0, dot), name.substring(dot + 1));
        }
    }

    /**
     * An {@code Fn::Join} as written.
     *
     * @param delimiter the delimiter text
     * @param parts     the list of parts (each a value, possibly an intrinsic)
     */
    public record Join(String delimiter, ListNode parts) {}

    /** The name of a {@code Ref}, or null when not one or malformed. */
    public static String ref(Node n) {
        return n instanceof IntrinsicNode in && in.is("Ref") && in.argument() != null
                ? in.argument().text()
                : null;
    }

    /** What a {@code Fn::GetAtt} names, or null when not one or malformed (the resource alone when no attribute). */
    public static Target getAtt(Node n) {
        if (!(n instanceof IntrinsicNode in) || !in.is("Fn::GetAtt")) {
            return null;
        }
        Node arg = in.argument();
        if (arg instanceof ListNode l && l.size() >= 1 && l.get(0).text() != null) {
            return new Target(l.get(0).text(), l.size() >= 2 ? l.get(1).text() : null);
        }
        if (arg != null && arg.text() != null) {
            String s = arg.text();
            int dot = s.indexOf('.');
            return dot < 0 ? new Target(s, null) : new Target(s.substring(0, dot), s.substring(dot + 1));
        }
        return null;
    }

    /** The text of a {@code Fn::Sub} (short or list form), or null. */
    public static String subText(Node n) {
        if (!(n instanceof IntrinsicNode in) || !in.is("Fn::Sub")) {
            return null;
        }
        Node arg = in.argument();
        return arg instanceof ListNode l ? (l.size() >= 1 ? l.get(0).text() : null) : arg == null ? null : arg.text();
    }

    /** The variable map of a list-form {@code Fn::Sub}, or null. */
    public static MapNode subVariables(Node n) {
        if (n instanceof IntrinsicNode in && in.is("Fn::Sub") && in.argument() instanceof ListNode l && l.size() > 1) {
            return l.get(1).asMap();
        }
        return null;
    }

    /** The variables of an {@code Fn::Sub} text in order, without the literal {@code ${!...}} escapes. */
    public static List<Variable> variables(String text) {
        List<Variable> out = new ArrayList<>(2);
        if (text == null) {
            return out;
        }
        int i = 0;
        while (true) {
            int start = text.indexOf("${", i);
            int end = start < 0 ? -1 : text.indexOf('}', start);
            if (end < 0) {
                return out;
            }
            i = end + 1;
            if (start + 2 < text.length() && text.charAt(start + 2) == '!') {
                continue;
            }
            out.add(new Variable(text.substring(start + 2, end).trim(), start, end));
        }
    }

    /** What an {@code Fn::Join} joins, or null when not one or not a literal delimiter and a list of parts. */
    public static Join join(Node n) {
        if (n instanceof IntrinsicNode in
                && in.is("Fn::Join")
                && in.argument() instanceof ListNode l
                && l.size() == 2
                && l.get(0).text() != null
                && l.get(1) instanceof ListNode parts) {
            return new Join(l.get(0).text(), parts);
        }
        return null;
    }

    /** The argument of an {@code Fn::ImportValue} (the export name, itself possibly an intrinsic), or null. */
    public static Node importName(Node n) {
        return n instanceof IntrinsicNode in && in.is("Fn::ImportValue") ? in.argument() : null;
    }
}
