package dev.faultline.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import dev.faultline.core.tree.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubTextsTest {

    @Test
    void everyVariableOrOnlyPseudoParametersBecomeWildcards() {
        String arn = "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${Env}-jobs.fifo";
        assertThat(SubTexts.wildcard(arn, SubTexts.ANY_VARIABLE)).isEqualTo("arn:*:sqs:*:*:*-jobs.fifo");
        assertThat(SubTexts.wildcard(arn, SubTexts.PSEUDO_PARAMETER)).isEqualTo("arn:*:sqs:*:*:${Env}-jobs.fifo");
    }

    @Test
    void unclosedVariablesAndNullAreKept() {
        assertThat(SubTexts.wildcard("a-${AWS::Region}-${open", SubTexts.ANY_VARIABLE))
                .isEqualTo("a-*-${open");
        assertThat(SubTexts.wildcard("no-variables", SubTexts.PSEUDO_PARAMETER)).isEqualTo("no-variables");
        assertThat(SubTexts.wildcard(null, SubTexts.ANY_VARIABLE)).isNull();
    }

    private static final Span AT = Span.at("t.yaml", 1, 1);

    private static Node text(String s) {
        return new ScalarNode(AT, s, ScalarNode.Kind.STRING);
    }

    @Test
    void shapesOfScalarsSubsAndJoins() {
        assertThat(SubTexts.shape(text("arn:aws:sqs:r:a:q"))).isEqualTo("arn:aws:sqs:r:a:q");
        assertThat(SubTexts.shape(new IntrinsicNode(AT, "Fn::Sub", text("arn:${AWS::Partition}:sqs:${R}:a:q.fifo"))))
                .isEqualTo("arn:*:sqs:*:a:q.fifo");
        Node ref = new IntrinsicNode(AT, "Ref", text("AWS::Region"));
        Node join = new IntrinsicNode(
                AT,
                "Fn::Join",
                new ListNode(
                        AT, List.of(text(":"), new ListNode(AT, List.of(text("arn"), text("aws"), text("sqs"), ref)))));
        assertThat(SubTexts.shape(join)).isEqualTo("arn:aws:sqs:*");
        assertThat(SubTexts.shape(ref)).isNull();
        assertThat(SubTexts.shape(null)).isNull();
    }
}
