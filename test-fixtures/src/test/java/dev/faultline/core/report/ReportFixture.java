package dev.faultline.core.report;

import dev.faultline.core.engine.AnalysisResult;
import dev.faultline.core.engine.ToolError;
import dev.faultline.core.graph.ResourceGraph;
import dev.faultline.core.model.InputFile;
import dev.faultline.core.model.InputKind;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.Fix;
import dev.faultline.core.rule.InputRules;
import dev.faultline.core.rule.Precision;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.tree.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A constructed result with every kind of finding the reporters must handle. */
final class ReportFixture {

    private ReportFixture() {}

    static final RuleMetadata SQS = RuleMetadata.builder("FL-SQS-001")
            .name("QueueWithoutRedrivePolicy")
            .severity(Severity.WARNING)
            .summary("A consumed SQS queue without a redrive policy.")
            .rationale("Poison messages are retried until they expire and block the consumer.")
            .howToFix("Add a RedrivePolicy with a dead-letter queue.")
            .tags("sqs", "dlq")
            .docsUrl(
                    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html")
            .badExample("Queue:\n  Type: AWS::SQS::Queue\n")
            .goodExample("Queue:\n  Type: AWS::SQS::Queue\n  Properties:\n    RedrivePolicy: {maxReceiveCount: 5}\n")
            .precision(Precision.HIGH)
            .build();
    static final RuleMetadata LAMBDA = RuleMetadata.builder("FL-LAMBDA-001")
            .name("AsyncLambdaWithoutOnFailure")
            .severity(Severity.ERROR)
            .summary("An asynchronously invoked function without an on-failure destination.")
            .rationale("Events that fail all retries are dropped silently.")
            .howToFix("Add an OnFailure destination or a DeadLetterConfig.")
            .tags("lambda", "async")
            .precision(Precision.MEDIUM)
            .build();
    static final RuleMetadata SFN = RuleMetadata.builder("FL-SFN-001")
            .name("TaskWithoutRetry")
            .severity(Severity.INFO)
            .summary("A Task state without Retry.")
            .rationale("Transient service errors fail the execution.")
            .howToFix("Add a Retry on States.TaskFailed with backoff.")
            .tags("step-functions")
            .docsUrl("https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html")
            .build();

    static AnalysisResult result(boolean shuffled) {
        List<Finding> findings = new ArrayList<>();
        findings.add(new Finding(
                "FL-LAMBDA-001",
                Severity.ERROR,
                "Function 'OrderFn' is invoked asynchronously but has no OnFailure destination; failed events are lost.",
                new Span("sam/template.yaml", 12, 3, 12, 10),
                "OrderFn",
                null,
                "Resources/OrderFn",
                null,
                null));
        findings.add(new Finding(
                "FL-SQS-001",
                Severity.WARNING,
                "Queue 'OrdersQueue' has no RedrivePolicy; 100% of poison messages retry until they expire,\nblocking: the consumer.",
                new Span("sam/template.yaml", 30, 3, 30, 14),
                "OrdersQueue",
                null,
                "Resources/OrdersQueue",
                new Fix(
                        "Add a RedrivePolicy",
                        Span.at("sam/template.yaml", 32, 5),
                        "      RedrivePolicy:\n        maxReceiveCount: 5\n"),
                null));
        findings.add(new Finding(
                "FL-SQS-001",
                Severity.WARNING,
                "Queue 'LegacyQueue' has no RedrivePolicy; poison messages retry until they expire.",
                new Span("sam/template.yaml", 40, 3, 40, 14),
                "LegacyQueue",
                null,
                "Resources/LegacyQueue",
                null,
                "messages are replayed from S3"));
        findings.add(new Finding(
                "FL-SFN-001",
                Severity.INFO,
                "Task state 'Charge' of 'OrderMachine' has no Retry; a throttled call fails the execution.",
                new Span("sam/template.yaml", 55, 11, 55, 19),
                "OrderMachine",
                null,
                "Resources/OrderMachine/Properties/Definition/States/Charge",
                null,
                null));
        findings.add(new Finding(
                "FL-SQS-001",
                Severity.WARNING,
                "Queue 'WorkQueue' has no RedrivePolicy; poison messages retry until they expire.",
                new Span("cdk.out/App Stack.template.json", 7, 5, 7, 20),
                "WorkQueue4F2A1B",
                "AppStack/Work/Queue/Resource",
                "Resources/WorkQueue4F2A1B",
                null,
                null));
        findings.add(new Finding(
                "FL-PARSE-001",
                Severity.ERROR,
                "Mapping values are not allowed here.",
                Span.at("broken.yaml", 3, 9),
                null,
                null,
                null,
                null,
                null));
        if (shuffled) {
            java.util.Collections.reverse(findings);
        }
        findings.sort(Finding.ORDER);
        List<RuleMetadata> rules = new ArrayList<>(List.of(SQS, LAMBDA, SFN));
        rules.addAll(InputRules.ALL);
        if (!shuffled) {
            java.util.Collections.reverse(rules);
        }
        List<InputFile> files = List.of(
                new InputFile(Path.of("broken.yaml"), "broken.yaml", InputKind.SAM),
                new InputFile(
                        Path.of("cdk.out/App Stack.template.json"), "cdk.out/App Stack.template.json", InputKind.SAM),
                new InputFile(Path.of("clean.yaml"), "clean.yaml", InputKind.SAM),
                new InputFile(Path.of("sam/template.yaml"), "sam/template.yaml", InputKind.SAM));
        return new AnalysisResult(
                files,
                findings,
                rules,
                emptyGraph(),
                List.of(new ToolError("FL-SFN-001", "sam/template.yaml:60:7", "NullPointerException: boom")));
    }

    static ResourceGraph emptyGraph() {
        return null;
    }
}
