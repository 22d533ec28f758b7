package dev.faultline.rules.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SupportTest {

    @Test
    void literalArnsAreClassifiedByServiceAndFifoSuffix() {
        assertThat(Targets.ofArn("arn:aws:sqs:us-east-1:123456789012:jobs.fifo"))
                .extracting(Targets.Target::type, Targets.Target::fifo)
                .containsExactly(Targets.Type.SQS, true);
        assertThat(Targets.ofArn("arn:aws:sns:us-east-1:123456789012:alerts").fifo())
                .isFalse();
        assertThat(Targets.ofArn("arn:aws:s3:::results").type()).isEqualTo(Targets.Type.S3);
        assertThat(Targets.ofArn("arn:aws:events:us-east-1:123456789012:event-bus/default")
                        .type())
                .isEqualTo(Targets.Type.EVENT_BUS);
        assertThat(Targets.ofArn("arn:aws:events:us-east-1:123456789012:rule/nightly")
                        .type())
                .isEqualTo(Targets.Type.OTHER);
        assertThat(Targets.ofArn("not-an-arn").type()).isEqualTo(Targets.Type.UNKNOWN);
    }

    @Test
    void subArnsKeepTheirServiceWhenVariablesContainColons() {
        Targets.Target bus =
                Targets.ofSubText("arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default");
        assertThat(bus.type()).isEqualTo(Targets.Type.EVENT_BUS);
        Targets.Target fifo = Targets.ofSubText("arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:jobs.fifo");
        assertThat(fifo.type()).isEqualTo(Targets.Type.SQS);
        assertThat(fifo.fifo()).isTrue();
        assertThat(Targets.ofSubText("arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:${QueueName}")
                        .fifo())
                .isNull();
        assertThat(Targets.ofSubText("arn:aws:${Service}:r:a:x")).isNull();
    }

    @Test
    void iamGlobsMatchLikeIam() {
        assertThat(Iam.glob("sqs:*", "sqs:sendmessage")).isTrue();
        assertThat(Iam.glob("sqs:send*", "sqs:sendmessage")).isTrue();
        assertThat(Iam.glob("*", "sns:publish")).isTrue();
        assertThat(Iam.glob("sqs:receivemessage", "sqs:sendmessage")).isFalse();
        assertThat(Iam.glob("sqs:sendmessage?", "sqs:sendmessage")).isFalse();
    }

    @Test
    void articlesFollowHowLabelsAreRead() {
        assertThat(Describe.article("SQS queue")).isEqualTo("an ");
        assertThat(Describe.article("Lambda function")).isEqualTo("a ");
        assertThat(Describe.article("EventBridge event bus")).isEqualTo("an ");
    }
}
