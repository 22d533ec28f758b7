package dev.faultline.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArnTest {

    @Test
    void splitsServiceTypeNameAndQualifier() {
        Arn fn = Arn.parse("arn:aws:lambda:eu-west-1:123456789012:function:Worker:live");
        assertThat(fn.partition()).isEqualTo("aws");
        assertThat(fn.service()).isEqualTo("lambda");
        assertThat(fn.region()).isEqualTo("eu-west-1");
        assertThat(fn.account()).isEqualTo("123456789012");
        assertThat(fn.resourceType()).isEqualTo("function");
        assertThat(fn.resourceName()).isEqualTo("Worker");
        assertThat(fn.qualifier()).isEqualTo("live");
        assertThat(fn.fifo()).isNull();

        Arn stream = Arn.parse("arn:aws:dynamodb:r:a:table/Orders/stream/2024-01-01T00:00:00.000");
        assertThat(stream.resourceType()).isEqualTo("table");
        assertThat(stream.resourceName()).isEqualTo("Orders");
        assertThat(stream.qualifier()).isEqualTo("stream/2024-01-01T00:00:00.000");
    }

    @Test
    void bareNamesAndFifo() {
        Arn q = Arn.parse("arn:aws-cn:SQS:cn-north-1:1:orders.fifo");
        assertThat(q.service()).isEqualTo("sqs");
        assertThat(q.resourceType()).isEmpty();
        assertThat(q.resourceName()).isEqualTo("orders.fifo");
        assertThat(q.qualifier()).isNull();
        assertThat(q.fifo()).isTrue();
        assertThat(Arn.parse("arn:aws:sns:r:a:alerts").fifo()).isFalse();
        assertThat(Arn.parse("arn:aws:sqs:*:*:*").fifo()).isNull();
        assertThat(Arn.parse("arn:aws:s3:::bucket").resourceName()).isEqualTo("bucket");
    }

    @Test
    void notAnArn() {
        assertThat(Arn.parse(null)).isNull();
        assertThat(Arn.parse("orders")).isNull();
        assertThat(Arn.parse("arn:aws:sqs:r")).isNull();
        assertThat(Arn.parse("https://sqs.eu-west-1.amazonaws.com/1/orders")).isNull();
        assertThat(Arn.parse("arn:*:*:*:*:x").serviceKnown()).isFalse();
    }
}
