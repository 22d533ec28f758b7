package dev.faultline.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.tree.MapNode;
import org.junit.jupiter.api.Test;

class SharedStringsTest {

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
    void shortScalarTextsOfYamlAndJsonAreOneStringLongOnesStayTheirOwn() {
        String longText = "arn:aws:sqs:eu-west-1:123456789012:orders-dead-letter";
        MapNode y = TreeParser.parseYaml("A: Allow\nB: " + longText + "\n", "a.yaml")
                .root()
                .asMap();
        MapNode j = TreeParser.parseJson("{\"A\": \"Allow\", \"B\": \"" + longText + "\"}", "a.json")
                .root()
                .asMap();
        assertThat(y.getText("A")).isEqualTo("Allow").isSameAs(j.getText("A"));
        assertThat(y.getText("B")).isEqualTo(j.getText("B")).isNotSameAs(j.getText("B"));
    }

    @Test
    void longKeysStayAsTheyAreAndTheTableIsBounded() {
        SharedStrings t = SharedStrings.get();
        String longKey = "K".repeat(SharedStrings.MAX_KEY_LENGTH + 1);
        t.key(longKey);
        String again = new String(longKey.toCharArray());
        assertThat(t.key(again)).isSameAs(again);

        String first = new String("first-key".toCharArray());
        assertThat(t.key(first)).isSameAs(first);
        assertThat(t.key(new String("first-key".toCharArray()))).isSameAs(first);
        for (int i = 0; i <= SharedStrings.MAX_STRINGS; i++) {
            t.key("key-" + i);
        }
        // emptied once it grew past its bound: an equal key is a new entry again
        String later = new String("first-key".toCharArray());
        assertThat(t.key(later)).isSameAs(later);
    }
}
