package dev.faultline.rules.support;

import dev.faultline.core.eval.Value;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a DLQ, destination or dead-letter ARN written in a template points at: a resource of the
 * template (through {@code Ref}/{@code Fn::GetAtt}, SAM-implied resources included) or a literal
 * ARN. Anything that cannot be known is {@link Type#UNKNOWN}; rules stay silent on it.
 */
public final class Targets {

    /** The service a target belongs to. */
    public enum Type {
        SQS("SQS queue"),
        SNS("SNS topic"),
        LAMBDA("Lambda function"),
        EVENT_BUS("EventBridge event bus"),
        S3("S3 bucket"),
        OTHER("resource"),
        UNKNOWN("unknown");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One possible target.
     *
     * @param type  the service
     * @param fifo  true when certainly FIFO, false when certainly standard, null when unknown
     * @param name  the logical id or the literal ARN
     * @param node  the graph node, or null for a literal ARN
     */
    public record Target(Type type, Boolean fifo, String name, GraphNode node) {

        /** {@code queue 'Dlq'} or {@code arn:aws:sqs:...}. */
        public String describe() {
            return node == null ? "'" + name + "'" : type.label() + " '" + name + "'";
        }
    }

    private Targets() {}

    /** The possible targets of an ARN-valued node ({@code Fn::If} branches each count). */
    public static List<Target> of(RuleContext ctx, GraphNode owner, Node value) {
        List<Target> out = new ArrayList<>(1);
        if (value == null) {
            return out;
        }
        if (value instanceof IntrinsicNode in
                && in.is("Fn::If")
                && in.argument() instanceof ListNode l
                && l.size() == 3) {
            out.addAll(of(ctx, owner, l.get(1)));
            out.addAll(of(ctx, owner, l.get(2)));
            return out;
        }
        String named = referencedName(value);
        if (named != null) {
            GraphNode n = ctx.graph().find(owner.template(), named);
            if (n != null) {
                out.add(ofNode(ctx, n));
                return out;
            }
        }
        for (Value v : ctx.eval(owner, value).alternatives()) {
            if (v instanceof Value.Absent) {
                continue;
            }
            var res = v.referencedResource();
            if (res.isPresent()) {
                GraphNode n = ctx.graph().find(owner.template(), res.get());
                out.add(n == null ? new Target(Type.UNKNOWN, null, res.get(), null) : ofNode(ctx, n));
                continue;
            }
            var s = v.asString();
            if (s.isPresent()) {
                out.add(ofArn(s.get()));
                continue;
            }
            Target sub = value instanceof IntrinsicNode in && in.is("Fn::Sub") ? ofSubText(Patterns.subText(in)) : null;
            out.add(sub != null ? sub : new Target(Type.UNKNOWN, null, "?", null));
        }
        return out;
    }

    /** The logical name a {@code Ref}/{@code Fn::GetAtt} names, or null. */
    public static String referencedName(Node value) {
        if (!(value instanceof IntrinsicNode in)) {
            return null;
        }
        if (in.is("Ref")) {
            return in.argument() == null ? null : in.argument().text();
        }
        if (in.is("Fn::Sub")) {
            String text = Patterns.subText(in);
            if (text != null && text.startsWith("${") && text.endsWith("}") && text.indexOf('}') == text.length() - 1) {
                String inner = text.substring(2, text.length() - 1).trim();
                int dot = inner.indexOf('.');
                return dot < 0 ? inner : inner.substring(0, dot);
            }
            return null;
        }
        if (in.is("Fn::GetAtt")) {
            if (in.argument() instanceof ListNode l && l.size() >= 1) {
                return l.get(0).text();
            }
            String s = in.argument() == null ? null : in.argument().text();
            if (s != null) {
                int dot = s.indexOf('.');
                return dot < 0 ? s : s.substring(0, dot);
            }
        }
        return null;
    }

    /** A graph node as a target. */
    public static Target ofNode(RuleContext ctx, GraphNode n) {
        Type t = switch (n.kind()) {
            case QUEUE -> Type.SQS;
            case TOPIC -> Type.SNS;
            case FUNCTION, ALIAS, VERSION -> Type.LAMBDA;
            case EVENT_BUS -> Type.EVENT_BUS;
            case BUCKET -> Type.S3;
            case CUSTOM_RESOURCE, NESTED_STACK, OTHER -> Type.UNKNOWN;
            default -> Type.OTHER;
        };
        return new Target(t, Fifo.of(n, ctx).orElse(null), n.name(), n);
    }

    /** A literal ARN as a target. */
    public static Target ofArn(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn")) {
            return new Target(Type.UNKNOWN, null, arn, null);
        }
        String service = parts[2].toLowerCase(Locale.ROOT);
        String resource = parts[5];
        Type t = switch (service) {
            case "sqs" -> Type.SQS;
            case "sns" -> Type.SNS;
            case "lambda" -> Type.LAMBDA;
            case "s3" -> Type.S3;
            case "events" -> resource.startsWith("event-bus/") ? Type.EVENT_BUS : Type.OTHER;
            default -> Type.OTHER;
        };
        Boolean fifo = t == Type.SQS || t == Type.SNS ? resource.endsWith(".fifo") : Boolean.FALSE;
        return new Target(t, fifo, arn, null);
    }

    /**
     * The service of an {@code Fn::Sub} ARN whose service part is literal
     * ({@code arn:${AWS::Partition}:sqs:${AWS::Region}:...}), or null.
     */
    static Target ofSubText(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return null;
        }
        String[] parts = Patterns.ofSub(text).split(":", 6);
        if (parts.length < 6 || parts[2].contains("*")) {
            return null;
        }
        Target t = ofArn("arn:aws:" + parts[2] + ":r:a:" + parts[5]);
        boolean literalTail = !parts[5].endsWith("*");
        return new Target(t.type(), literalTail ? t.fifo() : null, text, null);
    }
}
