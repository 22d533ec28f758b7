package dev.faultline.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.tree.MapNode;
import org.junit.jupiter.api.Test;

class KeyTableTest {

    @Test
    void equalShortKeysOfTwoYamlFilesAreOneString() {
        MapNode a = TreeParser.parseYaml("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n", "a.yaml")
                .root()
                .asMap();
        MapNode b = TreeParser.parseYaml("Resources:\n  T:\n    Type: AWS::SNS::Topic\n", "b.yaml")
                .root()
                .asMap();
        String typeA = a.getMap("Resources").getMap("Q").entries().get(0).key();
        String typeB = b.getMap("Resources").getMap("T").entries().get(0).key();
        assertThat(typeA).isEqualTo("Type").isSameAs(typeB);
        assertThat(a.entries().get(0).key()).isSameAs(b.entries().get(0).key());
    }

    @Test
    void longKeysStayAsTheyAreAndTheTableIsBounded() {
        KeyTable t = KeyTable.get();
        String longKey = "K".repeat(KeyTable.MAX_LENGTH + 1);
        t.canonical(longKey);
        String again = new String(longKey.toCharArray());
        assertThat(t.canonical(again)).isSameAs(again);

        String first = new String("first-key".toCharArray());
        assertThat(t.canonical(first)).isSameAs(first);
        assertThat(t.canonical(new String("first-key".toCharArray()))).isSameAs(first);
        for (int i = 0; i <= KeyTable.MAX_KEYS; i++) {
            t.canonical("key-" + i);
        }
        // emptied once it grew past its bound: an equal key is a new entry again
        String later = new String("first-key".toCharArray());
        assertThat(t.canonical(later)).isSameAs(later);
    }
}
