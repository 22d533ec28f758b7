package dev.faultline.rules.esm;

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
import dev.faultline.core.tree.MapNode;
import dev.faultline.rules.support.EventSources;
import dev.faultline.rules.support.Props;
import java.util.List;

/**
 * FL-ESM-005: settings the mapping's source does not support. {@code DestinationConfig} on SQS,
 * Amazon MQ or DocumentDB, {@code StartingPosition} missing on a Kinesis, DynamoDB or MSK source
 * (self-managed Kafka mappings deploy without one) or present on SQS, and {@code AT_TIMESTAMP} on DynamoDB Streams are errors; stream-only tuning on SQS is a
 * warning (whether the API rejects or ignores it is not documented).
 *
 * @see <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-eventsourcemapping.html">AWS::Lambda::EventSourceMapping</a>
 */
public final class EsmSettingUnsupportedBySource extends AbstractRule {

    /** Stream tuning that has no meaning on an SQS source. */
    private static final List<String> STREAM_ONLY = List.of(
            "BisectBatchOnFunctionError",
            "MaximumRetryAttempts",
            "MaximumRecordAgeInSeconds",
            "ParallelizationFactor",
            "TumblingWindowInSeconds");

    static final RuleMetadata METADATA = RuleMetadata.builder("FL-ESM-005")
            .name("EsmSettingUnsupportedBySource")
            .severity(Severity.ERROR)
            .summary("An event source mapping sets something its source does not support, or misses StartingPosition.")
            .rationale("Event source mappings accept different settings per source. An SQS, Amazon MQ or "
                    + "DocumentDB mapping has no DestinationConfig: for SQS, failed messages are captured only by "
                    + "the queue's RedrivePolicy, so a DestinationConfig there gives a false sense of safety or "
                    + "fails the deployment. Kinesis, DynamoDB and MSK mappings require StartingPosition; SQS "
                    + "mappings must not have one; DynamoDB Streams do not support AT_TIMESTAMP. Stream tuning "
                    + "(BisectBatchOnFunctionError, MaximumRetryAttempts, MaximumRecordAgeInSeconds, "
                    + "ParallelizationFactor, TumblingWindowInSeconds) has no effect on SQS (reported as a warning).")
            .howToFix("For SQS, remove DestinationConfig and the stream settings and give the queue a RedrivePolicy "
                    + "with a dead-letter queue. For Kinesis, DynamoDB and MSK, set StartingPosition (TRIM_HORIZON or "
                    + "LATEST; AT_TIMESTAMP only for Kinesis and Kafka).")
            .tags("correctness", "lambda", "event-source-mapping", "sqs", "kinesis", "dynamodb", "deployment")
            .docsUrl(
                    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-eventsourcemapping.html")
            .examplesOf(EsmSettingUnsupportedBySource.class)
            .build();

    public EsmSettingUnsupportedBySource() {
        super(METADATA, Subscription.nodes(NodeKind.EVENT_SOURCE_MAPPING));
    }

    @Override
    public void visitNode(GraphNode esm, RuleContext ctx) {
        SourceFamily family = EventSources.family(esm, ctx);
        if (family == SourceFamily.UNKNOWN) {
            return;
        }
        String who = EventSources.describe(esm, family, ctx);
        if (family.rejectsDestination() && hasDestination(esm, ctx)) {
            ctx.report(
                    Location.of(esm, "Properties/DestinationConfig").at(Props.at(esm, "DestinationConfig")),
                    who
                            + " has a DestinationConfig, which " + family.label() + " sources do not support"
                            + (family == SourceFamily.SQS
                                    ? "; failed messages are captured only by the queue's RedrivePolicy"
                                    : ""));
        }
        Value start = ctx.property(esm, "StartingPosition");
        if (requiresStartingPosition(family) && hasAbsentBranch(start)) {
            ctx.report(
                    Location.of(esm, "Properties/StartingPosition"),
                    who + " has no StartingPosition, which " + family.label()
                            + " sources require; the deployment fails");
        }
        if (family == SourceFamily.SQS && start.knownStrings().size() > 0) {
            ctx.report(
                    Location.of(esm, "Properties/StartingPosition"),
                    who
                            + " sets StartingPosition " + start.knownStrings().get(0)
                            + ", which SQS sources do not accept; "
                            + "the deployment fails");
        }
        if (family == SourceFamily.DYNAMODB && start.knownStrings().contains("AT_TIMESTAMP")) {
            ctx.report(
                    Location.of(esm, "Properties/StartingPosition"),
                    who
                            + " sets StartingPosition AT_TIMESTAMP, which DynamoDB Streams do not support; the deployment fails");
        }
        if (family == SourceFamily.SQS) {
            for (String name : STREAM_ONLY) {
                if (esm.property(name) != null
                        && !ctx.property(esm, name).isAbsent()
                        && !ctx.property(esm, name).isUnknown()) {
                    ctx.report(
                                    Location.of(esm, "Properties/" + name),
                                    who
                                            + " sets " + name
                                            + ", which applies only to stream and Kafka sources and does nothing "
                                            + "for SQS; failures are governed by the queue's RedrivePolicy")
                            .withSeverity(Severity.WARNING);
                }
            }
        }
    }

    /** Kinesis, DynamoDB and MSK; self-managed Kafka mappings are created without one (SAM omits it). */
    private static boolean requiresStartingPosition(SourceFamily family) {
        return family.isStream() || family == SourceFamily.MSK;
    }

    private static boolean hasDestination(GraphNode esm, RuleContext ctx) {
        for (Value alt : ctx.property(esm, "DestinationConfig").alternatives()) {
            if (alt instanceof Value.Obj o && !isEmpty(o.node())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEmpty(MapNode m) {
        for (MapNode.Entry e : m.entries()) {
            if (e.value() instanceof MapNode inner ? !inner.isEmpty() : e.value() != null) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasAbsentBranch(Value v) {
        for (Value alt : v.alternatives()) {
            if (alt instanceof Value.Absent) {
                return true;
            }
        }
        return false;
    }
}
