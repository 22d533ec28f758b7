package dev.faultline.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleMetadataTest {

    private static RuleMetadata.Builder builder() {
        return RuleMetadata.builder("FL-TEST-001")
                .name("SomeRule")
                .severity(Severity.WARNING)
                .summary("s")
                .rationale("r")
                .howToFix("h")
                .tags("a", "b")
                .docsUrl("https://example.com");
    }

    @Test
    void examplesOfReadsTheFilesNextToTheClassYamlBeforeJson() {
        RuleMetadata m = builder().examplesOf(RuleMetadataTest.class).build();
        assertThat(m.badExample()).isEqualTo("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n");
        assertThat(m.goodExample()).isEqualTo("{\"Resources\": {}}\n");
    }

    @Test
    void aMissingExampleIsAnErrorWhenItIsAskedForNotWhenTheRuleLoads() {
        RuleMetadata m = builder().examplesOf(String.class).build();
        assertThat(m.id()).isEqualTo("FL-TEST-001");
        assertThatThrownBy(m::badExample)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("FL-TEST-001: no bad example next to java.lang.String (String.bad.yaml or .json)");
    }

    @Test
    void anExampleGivenAsTextAfterExamplesOfWins() {
        RuleMetadata m = builder()
                .examplesOf(RuleMetadataTest.class)
                .badExample("x: 1\n")
                .build();
        assertThat(m.badExample()).isEqualTo("x: 1\n");
        assertThat(m.goodExample()).isEqualTo("{\"Resources\": {}}\n");
        RuleMetadata n = builder()
                .badExample("x: 1\n")
                .examplesOf(RuleMetadataTest.class)
                .build();
        assertThat(n.badExample()).startsWith("Resources:");
    }

    @Test
    void equalityAndTextAreThoseOfAllComponentsLikeARecord() {
        RuleMetadata read = builder().examplesOf(RuleMetadataTest.class).build();
        RuleMetadata given = new RuleMetadata(
                "FL-TEST-001",
                "SomeRule",
                Severity.WARNING,
                "s",
                "r",
                "h",
                List.of("a", "b"),
                "https://example.com",
                "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n",
                "{\"Resources\": {}}\n",
                Precision.HIGH);
        assertThat(read).isEqualTo(given).hasSameHashCodeAs(given);
        assertThat(read.toString())
                .isEqualTo(given.toString())
                .startsWith("RuleMetadata[id=FL-TEST-001, name=SomeRule, ");
        assertThat(builder().precision(Precision.LOW).build())
                .isNotEqualTo(builder().build());
        assertThat(builder().build().badExample()).isEmpty();
    }
}
