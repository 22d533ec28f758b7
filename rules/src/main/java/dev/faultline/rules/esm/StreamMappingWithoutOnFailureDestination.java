package dev.faultline.rules.esm;

import dev.faultline.core.eval.Value;
import dev.faultline.core.graph.Edge;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.InvocationMode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.graph.SourceFamily;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.rules.support.EventSources;
import dev.faultline.rules.support.Functions;
import dev.faultline.rules.support.Props;

/**
 * FL-ESM-002: a stream or Kafka mapping without {@code DestinationConfig.OnFailure}. Records
 * discarded after the retries, or when they reach the maximum age, are gone without a trace.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html">Lambda: on-failure destinations for Kinesis</a>
 */
public final class StreamMappingWithoutOnFailureDestination extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-ESM-002")
            .name("StreamMappingWithoutOnFailureDestination")
            .severity(Severity.WARNING)
            .summary("A stream or Kafka event source mapping has no OnFailure destination.")
            .rationale("When a Kinesis, DynamoDB Streams or Kafka mapping gives up on a batch (retries exhausted, "
                    + "record too old, or the records left the stream), Lambda sends a record of the discarded "
                    + "batch to DestinationConfig.OnFailure. Without it the records are skipped silently: nothing "
                    + "tells you which data was never processed.")
            .howToFix("Add DestinationConfig.OnFailure.Destination pointing at an SQS queue, SNS topic or S3 bucket "
                    + "(grant the function's role permission to send to it) and alarm on it.")
            .tags("reliability", "lambda", "event-source-mapping", "kinesis", "dynamodb", "kafka", "dead-letter-queue")
            .docsUrl("https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html")
            .examplesOf(StreamMappingWithoutOnFailureDestination.class)
            .build();

    public StreamMappingWithoutOnFailureDestination() {
        super(METADATA, Subscription.nodes(NodeKind.EVENT_SOURCE_MAPPING));
    }

    @Override
    public void visitNode(GraphNode esm, RuleContext ctx) {
        SourceFamily family = EventSources.family(esm, ctx);
        if (!family.isStreamOrKafka()) {
            return;
        }
        Value dest = EventSources.onFailureDestination(esm, ctx);
        if (dest.isUnknown() || !hasMissingBranch(dest) || misplacedOnFunction(esm, ctx)) {
            return;
        }
        ctx.report(
                Location.of(esm, "Properties/DestinationConfig/OnFailure").at(Props.at(esm, "DestinationConfig")),
                EventSources.describe(esm, family, ctx)
                        + " has no DestinationConfig.OnFailure: records discarded after the retries or at the maximum "
                        + "age leave no trace");
    }

    private static boolean hasMissingBranch(Value dest) {
        for (Value alt : dest.alternatives()) {
            if (alt instanceof Value.Absent
                    || alt.asString().filter(String::isBlank).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the mapping's function has a dead-letter queue or async destination that never applies
     * and FL-LAMBDA-008 reports it naming this mapping, whose DestinationConfig.OnFailure it points to:
     * one change (moving the setting to the mapping) fixes both, so the finding is not repeated here.
     */
    private static boolean misplacedOnFunction(GraphNode esm, RuleContext ctx) {
        for (GraphNode fn : EventSources.functions(esm, ctx)) {
            Edge poll = ctx.graph().invocation(fn, InvocationMode.POLL);
            if (poll != null && poll.from() == esm && Functions.hasUnusedFailureSetting(fn, ctx)) {
                return true;
            }
        }
        return false;
    }
}
