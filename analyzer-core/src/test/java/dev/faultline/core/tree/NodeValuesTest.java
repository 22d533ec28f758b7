package dev.faultline.core.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tree nodes keep their spans as fields, yet compare, hash and print as the records they were. */
class NodeValuesTest {

    private static final Span A = new Span("t.yaml", 3, 5, 3, 12);
    private static final Span B = new Span("t.yaml", 4, 5, 4, 12);

    @Test
    void aNodeGivesBackTheSpanItWasMadeWith() {
        ScalarNode s = new ScalarNode(A, "x", ScalarNode.Kind.STRING);
        MapNode.Entry e = new MapNode.Entry("Key", B, s);
        MapNode m = new MapNode(A, List.of(e));
        ListNode l = new ListNode(B, List.of(s));
        IntrinsicNode i = new IntrinsicNode(A, "Ref", s);

        assertThat(List.of(s.span(), m.span(), i.span(), e.keySpan())).containsExactly(A, A, A, B);
        assertThat(l.span()).isEqualTo(B);
        assertThat(m.entries().get(0).keySpan()).isEqualTo(B);
        // the span's own clamping still applies: positions start at 1
        assertThat(new ScalarNode(new Span("f", 0, 0, 0, 0), "x", ScalarNode.Kind.STRING).span())
                .isEqualTo(new Span("f", 1, 1, 1, 1));
    }

    @Test
    void nodesAreEqualExactlyWhenTheirSpansAndContentsAre() {
        ScalarNode s = new ScalarNode(A, "x", ScalarNode.Kind.STRING);
        ScalarNode same = new ScalarNode(new Span("t.yaml", 3, 5, 3, 12), "x", ScalarNode.Kind.STRING);
        assertThat(s).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(s)
                .isNotEqualTo(new ScalarNode(B, "x", ScalarNode.Kind.STRING))
                .isNotEqualTo(new ScalarNode(A.withFile("u.yaml"), "x", ScalarNode.Kind.STRING))
                .isNotEqualTo(new ScalarNode(A, "y", ScalarNode.Kind.STRING))
                .isNotEqualTo(new ScalarNode(A, "x", ScalarNode.Kind.INT));

        assertThat(new ListNode(A, List.of(s)))
                .isEqualTo(new ListNode(A, List.of(same)))
                .hasSameHashCodeAs(new ListNode(A, List.of(same)))
                .isNotEqualTo(new ListNode(B, List.of(s)));
        assertThat(new IntrinsicNode(A, "Ref", s))
                .isEqualTo(new IntrinsicNode(A, "Ref", same))
                .hasSameHashCodeAs(new IntrinsicNode(A, "Ref", same))
                .isNotEqualTo(new IntrinsicNode(A, "Fn::Sub", s))
                .isNotEqualTo(new IntrinsicNode(B, "Ref", s));
        assertThat(new MapNode.Entry("K", A, s))
                .isEqualTo(new MapNode.Entry("K", A, same))
                .hasSameHashCodeAs(new MapNode.Entry("K", A, same))
                .isNotEqualTo(new MapNode.Entry("K", B, s))
                .isNotEqualTo(new MapNode.Entry("L", A, s));
    }

    @Test
    void aNodeWithoutSpanHasNone() {
        ScalarNode s = new ScalarNode(null, "x", ScalarNode.Kind.STRING);
        assertThat(s.span()).isNull();
        assertThat(new MapNode.Entry("K", null, s).keySpan()).isNull();
        assertThat(s)
                .isEqualTo(new ScalarNode(null, "x", ScalarNode.Kind.STRING))
                .isNotEqualTo(new ScalarNode(A, "x", ScalarNode.Kind.STRING));
        assertThat(s.toString()).isEqualTo("ScalarNode[span=null, raw=x, kind=STRING]");
    }

    @Test
    void nodesPrintAsRecords() {
        ScalarNode s = new ScalarNode(A, "x", ScalarNode.Kind.STRING);
        assertThat(s.toString()).isEqualTo("ScalarNode[span=t.yaml:3:5, raw=x, kind=STRING]");
        assertThat(new IntrinsicNode(A, "Ref", s).toString())
                .isEqualTo("IntrinsicNode[span=t.yaml:3:5, function=Ref, argument=" + s + "]");
        assertThat(new ListNode(B, List.of(s)).toString()).isEqualTo("ListNode[span=t.yaml:4:5, items=[" + s + "]]");
        assertThat(new MapNode.Entry("K", B, s).toString())
                .isEqualTo("Entry[key=K, keySpan=t.yaml:4:5, value=" + s + "]");
    }
}
