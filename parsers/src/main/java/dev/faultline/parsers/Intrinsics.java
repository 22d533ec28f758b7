package dev.faultline.parsers;

import dev.faultline.core.rule.InputRules;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import dev.faultline.core.tree.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CloudFormation intrinsic functions: short-form tag names, long-form keys, the argument shapes
 * the parsers check, and the normalization of both forms into one {@link IntrinsicNode}.
 */
final class Intrinsics {

    private Intrinsics() {}

    /** Every {@code Fn::} function CloudFormation knows (plus the rule functions of {@code Rules}). */
    static final Set<String> FUNCTIONS = Set.of(
            "Fn::Base64",
            "Fn::Cidr",
            "Fn::FindInMap",
            "Fn::GetAtt",
            "Fn::GetAZs",
            "Fn::ImportValue",
            "Fn::Join",
            "Fn::Select",
            "Fn::Split",
            "Fn::Sub",
            "Fn::Transform",
            "Fn::And",
            "Fn::Equals",
            "Fn::If",
            "Fn::Not",
            "Fn::Or",
            "Fn::ToJsonString",
            "Fn::Length",
            "Fn::Contains",
            "Fn::EachMemberEquals",
            "Fn::EachMemberIn",
            "Fn::RefAll",
            "Fn::ValueOf",
            "Fn::ValueOfAll");

    /** The long name of a short-form tag ({@code !GetAtt} → {@code Fn::GetAtt}); unknown ones too. */
    static String longNameOfTag(String tag) {
        String name = tag.substring(1);
        if (name.equals("Ref") || name.equals("Condition")) {
            return name;
        }
        return "Fn::" + name;
    }

    static boolean isKnown(String function) {
        return function.equals("Ref")
                || function.equals("Condition")
                || FUNCTIONS.contains(function)
                || function.startsWith("Fn::ForEach::");
    }

    /** Whether a map key makes a single-key map a long-form intrinsic (Condition is contextual). */
    static boolean isLongFormKey(String key) {
        // Fn::ForEach::Name is a template key (a loop), not a value-producing function
        return key.equals("Ref") || (key.startsWith("Fn::") && !key.startsWith("Fn::ForEach::"));
    }

    /**
     * A completed map: a single-key long form becomes an intrinsic (checked), anything else stays.
     */
    static Node fromMap(MapNode map, FindingSink sink, String logicalPath) {
        if (map.size() != 1) {
            return map;
        }
        MapNode.Entry e = map.entries().get(0);
        if (!isLongFormKey(e.key())) {
            return map;
        }
        return check(new IntrinsicNode(map.span(), e.key(), e.value()), sink, logicalPath);
    }

    /** A short-form tag applied to a scalar. */
    static Node fromTaggedScalar(String tag, ScalarNode scalar, FindingSink sink, String logicalPath) {
        return check(new IntrinsicNode(scalar.span(), longNameOfTag(tag), scalar), sink, logicalPath);
    }

    /** A short-form tag applied to a list or map. */
    static Node fromTaggedCollection(String tag, Node collection, FindingSink sink, String logicalPath) {
        return check(new IntrinsicNode(collection.span(), longNameOfTag(tag), collection), sink, logicalPath);
    }

    /** Validates the argument shape, reports FL-PARSE-006 and normalizes the argument. */
    static IntrinsicNode check(IntrinsicNode in, FindingSink sink, String logicalPath) {
        String fn = in.function();
        Node arg = in.argument();
        Span span = in.span();
        if (!isKnown(fn)) {
            sink.add(InputRules.PARSE_INTRINSIC, "Unknown intrinsic function '" + fn + "'", span, logicalPath);
            return in;
        }
        switch (fn) {
            case "Ref", "Condition" -> {
                // an intrinsic argument is legal with AWS::LanguageExtensions (Ref: !Sub ...)
                if (!(arg instanceof IntrinsicNode)
                        && (!(arg instanceof ScalarNode s) || s.value().isEmpty())) {
                    bad(sink, fn + " expects a non-empty name", span, logicalPath);
                }
                return in;
            }
            case "Fn::GetAtt" -> {
                if (arg instanceof ScalarNode s) {
                    String v = s.value();
                    int dot = v.indexOf('.');
                    if (dot <= 0 || dot == v.length() - 1) {
                        bad(sink, "Fn::GetAtt expects 'Resource.Attribute', found '" + v + "'", span, logicalPath);
                        return in;
                    }
                    Span as = s.span();
                    ListNode list = new ListNode(
                            as,
                            List.of(
                                    new ScalarNode(as, v.substring(0, dot), ScalarNode.Kind.STRING),
                                    new ScalarNode(as, v.substring(dot + 1), ScalarNode.Kind.STRING)));
                    return new IntrinsicNode(span, fn, list);
                }
                expectList(sink, in, 2, 2, logicalPath);
                return in;
            }
            case "Fn::If", "Fn::FindInMap" -> expectList(sink, in, 3, fn.equals("Fn::If") ? 3 : 4, logicalPath);
            case "Fn::Equals", "Fn::Join", "Fn::Select", "Fn::Split" -> expectList(sink, in, 2, 2, logicalPath);
            case "Fn::Cidr" -> expectList(sink, in, 3, 3, logicalPath);
            case "Fn::Sub" -> {
                if (!(arg instanceof ScalarNode) && !(arg instanceof IntrinsicNode)) {
                    expectList(sink, in, 1, 2, logicalPath);
                }
            }
            case "Fn::And", "Fn::Or", "Fn::Not" -> {
                boolean not = fn.equals("Fn::Not");
                expectList(sink, in, not ? 1 : 2, not ? 1 : 10, logicalPath);
                if (arg instanceof ListNode list) {
                    return new IntrinsicNode(span, fn, conditionsIn(list, sink, logicalPath));
                }
            }
            case "Fn::Transform" -> {
                if (!(arg instanceof MapNode)) {
                    bad(sink, "Fn::Transform expects a mapping with Name and Parameters", span, logicalPath);
                }
            }
            default -> {
                // the remaining functions accept any argument shape
            }
        }
        return in;
    }

    /** Inside Fn::And/Or/Not, {@code {"Condition": "Name"}} is the Condition function. */
    private static ListNode conditionsIn(ListNode list, FindingSink sink, String logicalPath) {
        List<Node> items = null;
        for (int i = 0; i < list.size(); i++) {
            Node item = list.get(i);
            if (item instanceof MapNode m && m.size() == 1 && m.has("Condition")) {
                if (items == null) {
                    items = new ArrayList<>(list.items());
                }
                items.set(i, check(new IntrinsicNode(m.span(), "Condition", m.get("Condition")), sink, logicalPath));
            }
        }
        return items == null ? list : new ListNode(list.span(), items);
    }

    private static void expectList(FindingSink sink, IntrinsicNode in, int min, int max, String logicalPath) {
        Node arg = in.argument();
        if (arg instanceof IntrinsicNode) {
            return; // a function producing the list (Fn::If, Fn::Split, Ref to a list parameter)
        }
        String want = min == max
                ? "a list of " + min + " item" + (min == 1 ? "" : "s")
                : "a list of " + min + " to " + max + " items";
        if (!(arg instanceof ListNode list)) {
            bad(sink, in.function() + " expects " + want + ", found " + describe(arg), in.span(), logicalPath);
        } else if (list.size() < min || list.size() > max) {
            bad(sink, in.function() + " expects " + want + ", found " + list.size(), in.span(), logicalPath);
        }
    }

    private static String describe(Node n) {
        if (n instanceof ScalarNode s) {
            return "the scalar '" + s.value() + "'";
        }
        return n instanceof MapNode ? "a mapping" : "something else";
    }

    private static void bad(FindingSink sink, String message, Span span, String logicalPath) {
        sink.add(InputRules.PARSE_INTRINSIC, message, span, logicalPath);
    }
}
