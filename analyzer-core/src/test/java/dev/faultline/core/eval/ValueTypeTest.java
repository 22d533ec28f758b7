package dev.faultline.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import dev.faultline.core.tree.ScalarNode.Kind;
import dev.faultline.core.tree.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one reading of a literal against a property's type: what CloudFormation and Step Functions accept. */
class ValueTypeTest {

    private static final Span AT = Span.at("t.yaml", 1, 1);

    private static ScalarNode s(String raw, Kind kind) {
        return new ScalarNode(AT, raw, kind);
    }

    private static ScalarNode str(String raw) {
        return s(raw, Kind.STRING);
    }

    @Test
    void templateIntegersAcceptNumbersAndNumericStrings() {
        assertThat(ValueType.INTEGER.problem(s("30", Kind.INT))).isEmpty();
        assertThat(ValueType.INTEGER.problem(str("30"))).isEmpty();
        assertThat(ValueType.INTEGER.problem(str(" 30 "))).isEmpty();
        assertThat(ValueType.INTEGER.problem(s("30.0", Kind.FLOAT))).isEmpty();
        assertThat(ValueType.INTEGER.problem(str("abc"))).contains("the string \"abc\"");
        assertThat(ValueType.INTEGER.problem(s("1.5", Kind.FLOAT))).contains("the number 1.5");
        assertThat(ValueType.INTEGER.problem(s("true", Kind.BOOL))).contains("the boolean true");
        assertThat(ValueType.INTEGER.problem(new ListNode(AT, List.of(s("30", Kind.INT)))))
                .contains("a list");
        assertThat(ValueType.NUMBER.problem(str("1.5"))).isEmpty();
    }

    @Test
    void statesLanguageNumbersAreJsonNumbersOnly() {
        assertThat(ValueType.STRICT_INTEGER.problem(s("3", Kind.INT))).isEmpty();
        assertThat(ValueType.STRICT_INTEGER.problem(str("3"))).contains("the string \"3\"");
        assertThat(ValueType.STRICT_INTEGER.problem(s("1.5", Kind.FLOAT))).isPresent();
        assertThat(ValueType.STRICT_NUMBER.problem(s("1.5", Kind.FLOAT))).isEmpty();
    }

    @Test
    void nullAndIntrinsicsAreNotJudged() {
        assertThat(ValueType.INTEGER.problem(s("", Kind.NULL))).isEmpty();
        assertThat(ValueType.INTEGER.problem(null)).isEmpty();
        assertThat(ValueType.INTEGER.problem(new dev.faultline.core.tree.IntrinsicNode(AT, "Ref", str("P"))))
                .isEmpty();
    }

    @Test
    void booleansEnumerationsAndArns() {
        assertThat(ValueType.BOOLEAN.problem(s("false", Kind.BOOL))).isEmpty();
        assertThat(ValueType.BOOLEAN.problem(str("True"))).isEmpty();
        assertThat(ValueType.BOOLEAN.problem(str("maybe"))).isPresent();
        ValueType pos = ValueType.oneOf("TRIM_HORIZON", "LATEST", "AT_TIMESTAMP");
        assertThat(pos.problem(str("LATEST"))).isEmpty();
        assertThat(pos.problem(str("EARLIEST"))).contains("the string \"EARLIEST\"");
        assertThat(pos.problem(str("latest")))
                .as("the services compare enumerations exactly")
                .isPresent();
        assertThat(pos.allowed()).isEqualTo("one of TRIM_HORIZON, LATEST, AT_TIMESTAMP");
        assertThat(ValueType.ARN.problem(str("arn:aws:sqs:us-east-1:123456789012:dlq")))
                .isEmpty();
        assertThat(ValueType.ARN.problem(str("")))
                .as("an empty ARN is left to the service")
                .isEmpty();
        assertThat(ValueType.ARN.problem(str("my-dlq"))).isPresent();
        assertThat(ValueType.STRING.problem(s("5", Kind.INT))).isEmpty();
        assertThat(ValueType.STRING.problem(MapNode.empty(AT))).contains("a mapping");
    }

    @Test
    void jsonDocumentsAreMappingsOrJsonObjectText() {
        assertThat(ValueType.JSON.problem(MapNode.empty(AT))).isEmpty();
        assertThat(ValueType.JSON.problem(str("{\"maxReceiveCount\": 5}"))).isEmpty();
        assertThat(ValueType.JSON.problem(str("{\"maxReceiveCount\": 5,")))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text that is not a JSON object"));
        assertThat(ValueType.JSON.problem(str("[1]"))).contains("text that is not a JSON object (not an object)");
        assertThat(ValueType.JSON.problem(str("{} x"))).isPresent();
        Node five = s("5", Kind.INT);
        assertThat(ValueType.JSON.problem(five)).contains("the number 5");
    }
}
