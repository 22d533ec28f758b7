package dev.faultline.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

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
}
