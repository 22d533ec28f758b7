package com.example.faultline;

import dev.faultline.core.eval.Value;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.RuleOption;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import java.util.List;

/**
 * ACME-SQS-001: at ACME every SQS dead-letter queue keeps its messages 14 days (the SQS maximum),
 * so that the on-call engineer can still inspect and redrive a failed message after a long weekend.
 */
public final class DeadLetterQueueRetentionTooShort extends AbstractRule {

    /** SQS keeps messages 4 days when MessageRetentionPeriod is not set. */
    static final long DEFAULT_RETENTION_SECONDS = 345_600;

    /** How many days a dead-letter queue must keep messages; {@code ACME-SQS-001.minimumDays} in .faultline.yml. */
    static final RuleOption<Long> MINIMUM_DAYS = new RuleOption<>("minimumDays", Long.class, 14L,
            "Days a dead-letter queue must keep its messages");

    static final RuleMetadata METADATA = RuleMetadata.builder("ACME-SQS-001")
            .name("DeadLetterQueueRetentionTooShort")
            .severity(Severity.WARNING)
            .summary("A dead-letter queue keeps its messages less than 14 days.")
            .rationale("A message lands in a dead-letter queue when its processing failed for good. Someone "
                    + "has to look at it and redrive it. With the SQS default of 4 days a message that failed "
                    + "on a Friday evening can be gone before anyone looks at it after a long weekend.")
            .howToFix("Set MessageRetentionPeriod: 1209600 (14 days) on every dead-letter queue.")
            .tags("acme", "sqs", "dead-letter-queue")
            .docsUrl("https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html")
            .badExample("""
                    Orders:
                      Type: AWS::SQS::Queue
                      Properties:
                        RedrivePolicy: {deadLetterTargetArn: !GetAtt OrdersDlq.Arn, maxReceiveCount: 5}
                    OrdersDlq:
                      Type: AWS::SQS::Queue
                    """)
            .goodExample("""
                    Orders:
                      Type: AWS::SQS::Queue
                      Properties:
                        RedrivePolicy: {deadLetterTargetArn: !GetAtt OrdersDlq.Arn, maxReceiveCount: 5}
                    OrdersDlq:
                      Type: AWS::SQS::Queue
                      Properties:
                        MessageRetentionPeriod: 1209600
                    """)
            .precision(Precision.HIGH)
            .build();

    public DeadLetterQueueRetentionTooShort() {
        super(METADATA, Subscription.nodes(NodeKind.QUEUE), MINIMUM_DAYS);
    }

    @Override
    public void visitNode(GraphNode queue, RuleContext ctx) {
        List<GraphNode> sources = ctx.graph().failureSources(queue);
        if (sources.isEmpty()) {
            return; // not a dead-letter queue (or its sources could not be resolved)
        }
        long minimum = ctx.option(MINIMUM_DAYS) * 86_400;
        Value retention = ctx.property(queue, "MessageRetentionPeriod");
        if (retention.isAbsent()) {
            ctx.report(Location.of(queue, "Properties/MessageRetentionPeriod"), message(queue, sources,
                    "keeps messages " + DEFAULT_RETENTION_SECONDS + " s (the default)", minimum));
            return;
        }
        for (long seconds : retention.knownLongs()) {
            if (seconds < minimum) {
                ctx.report(Location.of(queue, "Properties/MessageRetentionPeriod"),
                        message(queue, sources, "keeps messages " + seconds + " s", minimum));
                return; // one finding per queue, even when several Fn::If branches are short
            }
        }
    }

    private static String message(GraphNode queue, List<GraphNode> sources, String keeps, long minimum) {
        return "Dead-letter queue '" + queue.name() + "' of '" + sources.get(0).name() + "' " + keeps
                + ", less than the " + minimum + " s ACME requires; failed messages expire before anyone redrives them";
    }
}
