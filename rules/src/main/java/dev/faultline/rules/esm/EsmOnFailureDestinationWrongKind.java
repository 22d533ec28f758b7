package dev.faultline.rules.esm;

import dev.faultline.core.eval.Arn;
import dev.faultline.core.eval.Value;
import dev.faultline.core.graph.GraphNode;
import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.graph.SourceFamily;
import dev.faultline.core.rule.AbstractRule;
import dev.faultline.core.rule.Location;
import dev.faultline.core.rule.RuleContext;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import dev.faultline.core.tree.Node;
import dev.faultline.rules.support.EventSources;

/**
 * FL-ESM-007: an event source mapping OnFailure destination that is not an SQS queue, SNS topic or
 * S3 bucket ARN (or a {@code kafka://} topic for a Kafka source), or a {@code kafka://} destination
 * on a source that is not Kafka.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html">Lambda: retaining records of failed invocations</a>
 */
public final class EsmOnFailureDestinationWrongKind extends AbstractRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-ESM-007")
            .name("EsmOnFailureDestinationWrongKind")
            .severity(Severity.ERROR)
            .summary("An event source mapping OnFailure destination is of a kind Lambda cannot send to.")
            .rationale("A stream or Kafka mapping can send records of discarded batches to an SQS queue, an SNS "
                    + "topic or an S3 bucket (and a Kafka mapping to a kafka:// topic). Any other ARN, a queue URL "
                    + "or bucket name instead of an ARN, or a kafka:// topic on a Kinesis or DynamoDB mapping is "
                    + "rejected by Lambda.")
            .howToFix("Point DestinationConfig.OnFailure.Destination at the ARN of an SQS queue "
                    + "(!GetAtt Queue.Arn), an SNS topic (!Ref Topic) or an S3 bucket (!GetAtt Bucket.Arn).")
            .tags("correctness", "lambda", "event-source-mapping", "destination", "deployment")
            .docsUrl("https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html")
            .examplesOf(EsmOnFailureDestinationWrongKind.class)
            .build();

    public EsmOnFailureDestinationWrongKind() {
        super(METADATA, Subscription.nodes(NodeKind.EVENT_SOURCE_MAPPING));
    }

    @Override
    public void visitNode(GraphNode esm, RuleContext ctx) {
        SourceFamily family = EventSources.family(esm, ctx);
        if (family.rejectsDestination()) {
            return; // FL-ESM-005 reports the destination itself
        }
        Value dest = EventSources.onFailureDestination(esm, ctx);
        Node at = EventSources.onFailureDestinationNode(esm);
        for (Value alt : dest.alternatives()) {
            String problem = problem(esm, family, alt, ctx);
            if (problem != null) {
                ctx.report(
                        Location.of(esm, "Properties/DestinationConfig/OnFailure/Destination")
                                .at(at),
                        EventSources.describe(esm, family, ctx) + " has an OnFailure destination " + problem);
                return;
            }
        }
    }

    /** What is wrong with one alternative of the destination, or null when it is fine or unknown. */
    private static String problem(GraphNode esm, SourceFamily family, Value alt, RuleContext ctx) {
        if (alt instanceof Value.Str s) {
            return textProblem(family, s.value());
        }
        if (alt instanceof Value.ResourceRef || alt instanceof Value.Attr) {
            GraphNode target =
                    ctx.graph().find(esm.template(), alt.referencedResource().orElseThrow());
            if (target == null) {
                return null;
            }
            String attr = alt instanceof Value.Attr a ? a.attribute() : null;
            return switch (target.kind()) {
                case QUEUE ->
                    attr == null
                            ? "!Ref '" + target.name() + "', which is the queue URL, not its ARN " + "(use !GetAtt "
                                    + target.name() + ".Arn); Lambda rejects it"
                            : null;
                case TOPIC -> null;
                case BUCKET ->
                    attr == null
                            ? "!Ref '" + target.name() + "', which is the bucket name, not its ARN " + "(use !GetAtt "
                                    + target.name() + ".Arn); Lambda rejects it"
                            : null;
                case OTHER, CUSTOM_RESOURCE, NESTED_STACK -> null;
                default ->
                    "'" + target.name() + "' of type " + target.type() + "; only an SQS queue, SNS topic or "
                            + "S3 bucket can receive discarded batches";
            };
        }
        return null;
    }

    private static String textProblem(SourceFamily family, String text) {
        if (text.isBlank()) {
            return null;
        }
        if (text.startsWith("kafka://")) {
            return family.mayBeKafka() ? null : "'" + text + "', a Kafka topic, which only Kafka sources accept";
        }
        Arn arn = Arn.parse(text);
        if (arn == null) {
            return "'" + text + "', which is not an ARN; Lambda rejects it";
        }
        String service = arn.service();
        if (service.equals("sqs") || service.equals("sns") || service.equals("s3")) {
            return null;
        }
        return "'" + text + "' (service " + service + "); only an SQS queue, SNS topic or S3 bucket can receive "
                + "discarded batches";
    }
}
