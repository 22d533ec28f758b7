package dev.faultline.rules.support;

import dev.faultline.core.eval.Arn;
import dev.faultline.core.eval.Refs;
import dev.faultline.core.eval.SubTexts;
import dev.faultline.core.eval.Value;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.Node;
import java.util.ArrayList;
import java.util.List;

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
            Target sub = value instanceof IntrinsicNode in && in.is("Fn::Sub") ? ofSubText(Refs.subText(in)) : null;
            out.add(sub != null ? sub : new Target(Type.UNKNOWN, null, "?", null));
        }
        return out;
    }

    /**
     * The logical name a {@code Ref}, {@code Fn::GetAtt} or an {@code Fn::Sub} that is one variable
     * ({@code !Sub '${Dlq.Arn}'}) names, or null (read by core {@link Refs}).
     */
    public static String referencedName(Node value) {
        String ref = Refs.ref(value);
        if (ref != null) {
            return ref;
        }
        Refs.Target att = Refs.getAtt(value);
        if (att != null) {
            return att.resource();
        }
        String text = Refs.subText(value);
        List<Refs.Variable> vars = Refs.variables(text);
        if (vars.size() == 1 && vars.get(0).start() == 0 && vars.get(0).end() == text.length() - 1) {
            return vars.get(0).target().resource();
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
    public static Target ofArn(String text) {
        Arn arn = Arn.parse(text);
        if (arn == null) {
            return new Target(Type.UNKNOWN, null, text, null);
        }
        Type t = type(arn);
        Boolean fifo = t == Type.SQS || t == Type.SNS ? arn.resource().endsWith(".fifo") : Boolean.FALSE;
        return new Target(t, fifo, text, null);
    }

    private static Type type(Arn arn) {
        return switch (arn.service()) {
            case "sqs" -> Type.SQS;
            case "sns" -> Type.SNS;
            case "lambda" -> Type.LAMBDA;
            case "s3" -> Type.S3;
            case "events" -> arn.resource().startsWith("event-bus/") ? Type.EVENT_BUS : Type.OTHER;
            default -> Type.OTHER;
        };
    }

    /**
     * The service of an {@code Fn::Sub} ARN whose service part is literal
     * ({@code arn:${AWS::Partition}:sqs:${AWS::Region}:...}), or null.
     */
    static Target ofSubText(String text) {
        Arn arn = text == null || !text.startsWith("arn:")
                ? null
                : Arn.parse(SubTexts.wildcard(text, SubTexts.ANY_VARIABLE));
        if (arn == null || !arn.serviceKnown()) {
            return null;
        }
        Type t = type(arn);
        boolean literalTail = !arn.resource().endsWith("*");
        Boolean fifo = t == Type.SQS || t == Type.SNS ? arn.fifo() : literalTail ? Boolean.FALSE : null;
        return new Target(t, fifo, text, null);
    }
}
