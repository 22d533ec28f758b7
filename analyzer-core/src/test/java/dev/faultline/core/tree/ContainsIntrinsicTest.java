package dev.faultline.core.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Maps and sequences know, from when they are built, whether an intrinsic function is below them. */
class ContainsIntrinsicTest {

    private static final Span S = new Span("t.yaml", 1, 1, 1, 2);

    private static ScalarNode text(String s) {
        return new ScalarNode(S, s, ScalarNode.Kind.STRING);
    }

    private static ListNode list(Node... items) {
        return new ListNode(S, List.of(items));
    }

    private static MapNode map(String key, Node value) {
        return new MapNode(S, List.of(new MapNode.Entry(key, S, value)));
    }

    @Test
    void aSequenceOfPlainValuesHoldsNone() {
        ListNode plain = list(text("a"), list(text("b"), map("K", text("c"))), list());
        assertThat(plain.containsIntrinsic()).isFalse();
        assertThat(map("Items", plain).containsIntrinsic()).isFalse();
        assertThat(MapNode.holdsIntrinsic(plain)).isFalse();
    }

    @Test
    void anIntrinsicDeepInNestedSequencesAndMapsIsSeenAtEveryLevel() {
        IntrinsicNode ref = new IntrinsicNode(S, "Ref", text("Queue"));
        ListNode inner = list(text("a"), map("Arn", ref));
        ListNode outer = list(list(text("x")), inner);
        MapNode top = map("Resources", outer);

        assertThat(inner.containsIntrinsic()).isTrue();
        assertThat(outer.containsIntrinsic()).isTrue();
        assertThat(top.containsIntrinsic()).isTrue();
        assertThat(list(ref).containsIntrinsic()).isTrue();
        assertThat(MapNode.holdsIntrinsic(outer)).isTrue();
        // a sibling sequence without one stays without
        assertThat(((ListNode) outer.get(0)).containsIntrinsic()).isFalse();
    }
}
