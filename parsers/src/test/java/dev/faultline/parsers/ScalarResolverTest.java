package dev.faultline.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.tree.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/** The hand-written number recognizer against SnakeYAML's regex resolver, which it replaces. */
class ScalarResolverTest {

    private static final Resolver SNAKE = new Resolver();

    /** Every character either regex distinguishes, plus one that neither accepts. */
    private static final String ALPHABET = "019_-+.:eEbxaAfFgiInNt8";

    private static ScalarNode.Kind snake(String v) {
        Tag t = SNAKE.resolve(NodeId.scalar, v, true);
        if (Tag.INT.equals(t)) {
            return ScalarNode.Kind.INT;
        }
        if (Tag.FLOAT.equals(t)) {
            return ScalarNode.Kind.FLOAT;
        }
        if (Tag.BOOL.equals(t)) {
            return ScalarNode.Kind.BOOL;
        }
        if (Tag.NULL.equals(t)) {
            return ScalarNode.Kind.NULL;
        }
        return ScalarNode.Kind.STRING;
    }

    /** SnakeYAML's number kinds; everything else (timestamps, merge keys) is a string for us, as before. */
    private static ScalarNode.Kind expected(String v) {
        ScalarNode.Kind k = snake(v);
        return k == ScalarNode.Kind.INT || k == ScalarNode.Kind.FLOAT ? k : ScalarNode.Kind.STRING;
    }

    @Test
    void everyShortStringOverTheNumberAlphabet() {
        assertThat(compareAll(ALPHABET, 4)).isGreaterThan(290_000);
        assertThat(compareAll("01_.:e-x9", 6)).isGreaterThan(590_000);
    }

    /** Compares every string of 1..maxLength characters of {@code alphabet}; returns how many. */
    private static int compareAll(String alphabet, int maxLength) {
        List<String> level = new ArrayList<>(List.of(""));
        int compared = 0;
        int numbers = 0;
        for (int len = 1; len <= maxLength; len++) {
            List<String> next = new ArrayList<>(level.size() * alphabet.length());
            for (String prefix : level) {
                for (int i = 0; i < alphabet.length(); i++) {
                    String v = prefix + alphabet.charAt(i);
                    next.add(v);
                    ScalarNode.Kind want = expected(v);
                    assertThat(ScalarResolver.resolvePlain(v)).as("'%s'", v).isEqualTo(want);
                    compared++;
                    if (want == ScalarNode.Kind.INT || want == ScalarNode.Kind.FLOAT) {
                        numbers++;
                    }
                }
            }
            level = next;
        }
        assertThat(numbers).as("the alphabet produces many numbers").isGreaterThan(1_000);
        return compared;
    }

    @Test
    void randomLongerStringsBuiltFromNumberPieces() {
        String[] pieces = {
            "0", "1", "7", "9", "_", "-", "+", ".", ":", "e", "E", "e-", "x", "b", "0x", "0b", ":59", ":6", ":60", "12",
            ".inf", ".NaN", "a", "F", " ", "1e", "5:"
        };
        Random random = new Random(19);
        int numbers = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder sb = new StringBuilder();
            int parts = 1 + random.nextInt(6);
            for (int p = 0; p < parts; p++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String v = sb.toString();
            ScalarNode.Kind want = expected(v);
            assertThat(ScalarResolver.resolvePlain(v)).as("'%s'", v).isEqualTo(want);
            if (want == ScalarNode.Kind.INT || want == ScalarNode.Kind.FLOAT) {
                numbers++;
            }
        }
        assertThat(numbers).isGreaterThan(5_000);
    }

    @Test
    void limitsAndKeywords() {
        for (String v : new String[] {
            "1".repeat(1024),
            "1".repeat(1025),
            "1." + "0".repeat(1022),
            "1." + "0".repeat(1023),
            "nULL",
            "2001-12-14",
            "1:20",
            "190:20:30.15",
            "0o17",
            "0x_",
            "0b_1",
            "-.5",
            "+.inf",
            "-.nan",
            "6.8523015e+5",
            "685.230_15e+03",
            "685_230.15"
        }) {
            assertThat(ScalarResolver.resolvePlain(v)).as("'%s'", v).isEqualTo(expected(v));
        }
        for (String v : new String[] {"yes", "Off", "TRUE"}) {
            assertThat(ScalarResolver.resolvePlain(v)).isEqualTo(ScalarNode.Kind.BOOL);
        }
        for (String v : new String[] {"null", "~", "", "NULL"}) {
            assertThat(ScalarResolver.resolvePlain(v)).isEqualTo(ScalarNode.Kind.NULL);
        }
        assertThat(ScalarResolver.resolvePlain("1".repeat(1025))).isEqualTo(ScalarNode.Kind.STRING);
        assertThat(ScalarResolver.resolvePlain("0x1F")).isEqualTo(ScalarNode.Kind.INT);
        assertThat(ScalarResolver.resolvePlain("1:20:30.5")).isEqualTo(ScalarNode.Kind.FLOAT);
    }
}
