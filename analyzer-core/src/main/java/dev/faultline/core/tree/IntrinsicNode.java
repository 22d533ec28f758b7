package dev.faultline.core.tree;

/**
 * A CloudFormation intrinsic function: {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}, ...,
 * and {@code Condition}. The long form ({@code {"Fn::GetAtt": ["A", "Arn"]}}) and the YAML short
 * form ({@code !GetAtt A.Arn}) produce the same node: {@code function} is always the long name and
 * {@code argument} has the long-form shape (a short-form {@code !GetAtt A.Arn} becomes a list of two
 * scalars that share the tag's span).
 */
public record IntrinsicNode(Span span, String function, Node argument) implements Node {

    /**
     * @param name an intrinsic name ({@code Fn::GetAtt}, {@code Ref})
     * @return whether this is that intrinsic
     */
    public boolean is(String name) {
        return function.equals(name);
    }
}
