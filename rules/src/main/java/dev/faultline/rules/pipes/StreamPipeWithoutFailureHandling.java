package dev.faultline.rules.pipes;

import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.Rule;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.rules.support.Targets;

/**
 * FL-PIPES-001: an EventBridge pipe reading a Kinesis or DynamoDB stream with no
 * {@code DeadLetterConfig}, or with both {@code MaximumRetryAttempts} and
 * {@code MaximumRecordAgeInSeconds} left at -1 (infinite).
 *
 * @see <a href="https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-error-troubleshooting.html">EventBridge Pipes: error handling</a>
 */
public final class StreamPipeWithoutFailureHandling implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-PIPES-001")
            .name("StreamPipeWithoutFailureHandling")
            .severity(Severity.WARNING)
            .summary("A pipe with a Kinesis or DynamoDB stream source has no dead-letter queue or retries forever.")
            .rationale("A pipe reading a stream retries a failing batch; with MaximumRetryAttempts and "
                    + "MaximumRecordAgeInSeconds at their default -1 it retries until the record leaves the "
                    + "stream's retention, blocking everything behind it on the shard. When retries are bounded, "
                    + "records that still fail are discarded unless the source has a DeadLetterConfig.")
            .howToFix("Under SourceParameters.KinesisStreamParameters / DynamoDBStreamParameters set "
                    + "MaximumRetryAttempts (or MaximumRecordAgeInSeconds) and a DeadLetterConfig.Arn, and alarm "
                    + "on the dead-letter queue.")
            .tags("reliability", "pipes", "kinesis", "dynamodb", "dead-letter-queue")
            .docsUrl("https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-error-troubleshooting.html")
            .badExample("""
                    OrdersPipe:
                      Type: AWS::Pipes::Pipe
                      Properties:
                        Source: !GetAtt OrdersStream.Arn
                        SourceParameters:
                          KinesisStreamParameters: {StartingPosition: LATEST}
                    OrdersStream:
                      Type: AWS::Kinesis::Stream
                      Properties: {ShardCount: 1}
                    """)
            .goodExample("""
                    OrdersPipe:
                      Type: AWS::Pipes::Pipe
                      Properties:
                        Source: !GetAtt OrdersStream.Arn
                        SourceParameters:
                          KinesisStreamParameters:
                            StartingPosition: LATEST
                            MaximumRetryAttempts: 5
                            DeadLetterConfig: {Arn: !GetAtt OrdersPipeDlq.Arn}
                    OrdersStream:
                      Type: AWS::Kinesis::Stream
                      Properties: {ShardCount: 1}
                    OrdersPipeDlq:
                      Type: AWS::SQS::Queue
                    """)
            .precision(Precision.HIGH)
            .build();

    private static final String[] STREAM_PARAMETERS = {"KinesisStreamParameters", "DynamoDBStreamParameters"};

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Subscription subscription() {
        return Subscription.nodes(NodeKind.PIPE);
    }

    @Override
    public void visitNode(GraphNode pipe, RuleContext ctx) {
        Node sp = pipe.property("SourceParameters");
        if (sp != null && !(sp instanceof MapNode)) {
            return;
        }
        String key = null;
        MapNode params = null;
        if (sp instanceof MapNode spm) {
            for (String k : STREAM_PARAMETERS) {
                if (spm.get(k) != null) {
                    key = k;
                    if (!(spm.get(k) instanceof MapNode pm)) {
                        return;
                    }
                    params = pm;
                }
            }
        }
        if (key == null) {
            key = streamSource(pipe, ctx);
            if (key == null) {
                return;
            }
        }
        String path = "Properties/SourceParameters/" + key;
        String source = key.startsWith("Kinesis") ? "Kinesis" : "DynamoDB";
        if (params == null || params.get("DeadLetterConfig") == null) {
            ctx.report(pipe, "Pipe '" + pipe.name() + "' reads a " + source
                    + " stream without a DeadLetterConfig; records that still fail after the retries are discarded");
        }
        Node retries = params == null ? null : params.get("MaximumRetryAttempts");
        Node age = params == null ? null : params.get("MaximumRecordAgeInSeconds");
        if (infinite(pipe, ctx, retries) && infinite(pipe, ctx, age)) {
            String msg = "Pipe '" + pipe.name() + "' reads a " + source + " stream with MaximumRetryAttempts and "
                    + "MaximumRecordAgeInSeconds at -1; one failing record is retried until it leaves the stream's "
                    + "retention and blocks its shard until then";
            Node at = retries != null ? retries : age;
            if (at != null) {
                ctx.report(pipe, at, path + "/" + (retries != null ? "MaximumRetryAttempts" : "MaximumRecordAgeInSeconds"), msg);
            } else {
                ctx.report(pipe, msg);
            }
        }
    }

    /** Absent, or certainly -1. */
    private static boolean infinite(GraphNode pipe, RuleContext ctx, Node value) {
        if (value == null) {
            return true;
        }
        var all = ctx.eval(pipe, value).allLongs();
        return all.isPresent() && !all.get().isEmpty() && all.get().stream().allMatch(v -> v == -1L);
    }

    /** The stream parameters key for a source that is a stream, or null. */
    private static String streamSource(GraphNode pipe, RuleContext ctx) {
        for (Targets.Target t : Targets.of(ctx, pipe, pipe.property("Source"))) {
            if (t.node() != null && t.node().kind() == NodeKind.STREAM) {
                return "KinesisStreamParameters";
            }
            if (t.node() != null && t.node().kind() == NodeKind.TABLE) {
                return "DynamoDBStreamParameters";
            }
            if (t.node() == null && t.name().startsWith("arn:") && t.name().contains(":kinesis:")) {
                return "KinesisStreamParameters";
            }
        }
        return null;
    }
}
