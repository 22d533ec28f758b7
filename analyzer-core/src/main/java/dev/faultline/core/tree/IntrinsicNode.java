package dev.faultline.core.tree;

import java.util.Objects;

/**
 * A CloudFormation intrinsic function: {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}, ...,
 * and {@code Condition}. The long form ({@code {"Fn::GetAtt": ["A", "Arn"]}}) and the YAML short
 * form ({@code !GetAtt A.Arn}) produce the same node: {@code function} is always the long name and
 * {@code argument} has the long-form shape (a short-form {@code !GetAtt A.Arn} becomes a list of two
 * scalars that share the tag's span). Equal as a record of its span, function and argument would be.
 */
public final class IntrinsicNode extends Located implements Node {

    private final String function;
    private final Node argument;

    /**
     * @param span     where the call is written
     * @param function its long name ({@code Fn::GetAtt}, {@code Ref})
     * @param argument its argument, in the long form's shape
     */
    public IntrinsicNode(Span span, String function, Node argument) {
        super(span);
        this.function = function;
        this.argument = argument;
    }

    @Override
    public Span span() {
        return toSpan();
    }

    /**
     * @return the long name of the function
     */
    public String function() {
        return function;
    }

    /**
     * @return the argument
     */
    public Node argument() {
        return argument;
    }

    /**
     * @param name an intrinsic name ({@code Fn::GetAtt}, {@code Ref})
     * @return whether this is that intrinsic
     */
    public boolean is(String name) {
        return function.equals(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntrinsicNode i
                && sameSpan(i)
                && Objects.equals(function, i.function)
                && Objects.equals(argument, i.argument);
    }

    @Override
    public int hashCode() {
        return (Objects.hashCode(toSpan()) * 31 + Objects.hashCode(function)) * 31 + Objects.hashCode(argument);
    }

    @Override
    public String toString() {
        return "IntrinsicNode[span=" + toSpan() + ", function=" + function + ", argument=" + argument + "]";
    }
}
