package dev.faultline.core.rule;

import java.util.List;

/**
 * Metadata of the findings about inputs and configuration themselves (FL-PARSE-*, FL-CONFIG-*).
 * They are reported by the loaders and the engine, not by a visitor, but they are rules like any
 * other for listing, explaining, configuring and SARIF.
 *
 * <p><b>Internal</b>: not part of the rule API (see {@code docs/rule-api.md}); it may change
 * without notice.
 */
public final class InputRules {

    private InputRules() {}

    private static final String TEMPLATE_DOCS =
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html";

    /** FL-PARSE-001: malformed YAML or JSON. */
    public static final RuleMetadata PARSE_SYNTAX = RuleMetadata.builder("FL-PARSE-001")
            .name("MalformedFile")
            .severity(Severity.ERROR)
            .summary("A template, state machine definition or serverless.yml that is not well-formed YAML or JSON.")
            .rationale("CloudFormation rejects a template that does not parse; nothing in it can be checked. "
                    + "A file that does not parse and shows no sign of being one of these (no AWS:: type, "
                    + "intrinsic function, StartAt and States, or service and provider; not named template.*, "
                    + "serverless.* or *.asl.*), such as a tsconfig.json with comments, belongs to "
                    + "another tool and is not reported.")
            .howToFix("Fix the syntax at the reported line and column.")
            .tags("input", "parse")
            .docsUrl(TEMPLATE_DOCS)
            .badExample("Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n   Properties: {}\n")
            .goodExample("Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties: {}\n")
            .precision(Precision.VERY_HIGH)
            .build();

    /** FL-PARSE-002: a duplicate key. */
    public static final RuleMetadata PARSE_DUPLICATE_KEY = RuleMetadata.builder("FL-PARSE-002")
            .name("DuplicateKey")
            .severity(Severity.ERROR)
            .summary("A duplicate key in a mapping.")
            .rationale("CloudFormation rejects duplicate keys or silently keeps one of them; either way the "
                    + "template does not say what its author thinks.")
            .howToFix("Remove or rename one of the two keys.")
            .tags("input", "parse")
            .docsUrl(TEMPLATE_DOCS)
            .badExample("Resources:\n  Worker:\n    Type: AWS::Lambda::Function\n    Properties:\n"
                    + "      Timeout: 10\n      Timeout: 30\n")
            .goodExample(
                    "Resources:\n  Worker:\n    Type: AWS::Lambda::Function\n    Properties:\n" + "      Timeout: 30\n")
            .precision(Precision.VERY_HIGH)
            .build();

    /** FL-PARSE-003: a reference to something that does not exist. */
    public static final RuleMetadata PARSE_UNRESOLVED_REFERENCE = RuleMetadata.builder("FL-PARSE-003")
            .name("UnresolvedReference")
            .severity(Severity.ERROR)
            .summary("A Ref, Fn::GetAtt, Fn::Sub variable or DependsOn naming something that does not exist.")
            .rationale("CloudFormation rejects the template: the name is neither a resource, a parameter nor a "
                    + "pseudo parameter.")
            .howToFix("Correct the name, or declare the missing resource or parameter.")
            .tags("input", "reference")
            .docsUrl(
                    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-ref.html")
            .badExample("Resources:\n  OrdersQueue:\n    Type: AWS::SQS::Queue\n"
                    + "Outputs:\n  QueueName:\n    Value: !GetAtt OrderQueue.QueueName  # no OrderQueue\n")
            .goodExample("Resources:\n  OrdersQueue:\n    Type: AWS::SQS::Queue\n"
                    + "Outputs:\n  QueueName:\n    Value: !GetAtt OrdersQueue.QueueName\n")
            .precision(Precision.HIGH)
            .build();

    /** FL-PARSE-004: a missing or escaping local definition path, or one in another letter case. */
    public static final RuleMetadata PARSE_LOCAL_PATH = RuleMetadata.builder("FL-PARSE-004")
            .name("BadLocalDefinitionPath")
            .severity(Severity.ERROR)
            .summary("A DefinitionUri/DefinitionS3Location local path that is missing, escapes the project root, "
                    + "or names its file in another letter case.")
            .rationale("A definition that cannot be found cannot be deployed; a path outside the project is never "
                    + "read, so nothing in it is checked. A path whose file exists only in another letter case "
                    + "(statemachine/orders.asl.json for StateMachine/Orders.asl.json) works on macOS and Windows "
                    + "but not where packaging usually runs, on a case-sensitive Linux file system; such a "
                    + "definition is still analysed, with its template's substitutions, type and logging.")
            .howToFix("Point the path at a definition file inside the project, written in the file's exact "
                    + "letter case.")
            .tags("input", "step-functions")
            .docsUrl(
                    "https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-statemachine.html")
            .badExample("Transform: AWS::Serverless-2016-10-31\nResources:\n  Orders:\n"
                    + "    Type: AWS::Serverless::StateMachine\n    Properties:\n"
                    + "      DefinitionUri: ../../../etc/passwd\n")
            .goodExample("Transform: AWS::Serverless-2016-10-31\nResources:\n  Orders:\n"
                    + "    Type: AWS::Serverless::StateMachine\n    Properties:\n"
                    + "      DefinitionUri: statemachine/orders.asl.json  # a file of the project\n")
            .precision(Precision.VERY_HIGH)
            .build();

    /** FL-PARSE-005: a safety limit exceeded. */
    public static final RuleMetadata PARSE_LIMIT = RuleMetadata.builder("FL-PARSE-005")
            .name("SafetyLimitExceeded")
            .severity(Severity.ERROR)
            .summary("A safety limit exceeded (alias expansion, nesting depth, document size).")
            .rationale("The file is not parsed further, so that a hostile or broken input cannot exhaust memory or "
                    + "time; its content is not checked.")
            .howToFix("Reduce the nesting or size of the file, or remove YAML aliases.")
            .tags("input", "parse")
            .docsUrl(TEMPLATE_DOCS)
            .badExample("a: &a [x, x]\nb: &b [*a, *a]\n")
            .goodExample("a: [x, x]\n")
            .precision(Precision.VERY_HIGH)
            .build();

    /** FL-PARSE-006: an unknown or malformed intrinsic, or an anchor/alias/merge key. */
    public static final RuleMetadata PARSE_INTRINSIC = RuleMetadata.builder("FL-PARSE-006")
            .name("MalformedIntrinsic")
            .severity(Severity.ERROR)
            .summary("An unknown intrinsic function, a malformed one, or a YAML anchor, alias or merge key.")
            .rationale("CloudFormation rejects unknown or malformed intrinsic functions and does not support YAML "
                    + "anchors, aliases or merge keys.")
            .howToFix("Use the documented form of the function, and write repeated values out in full.")
            .tags("input", "parse")
            .docsUrl("https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html")
            .badExample("Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n"
                    + "Outputs:\n  Arn:\n    Value: !GetAtt Queue\n")
            .goodExample("Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n"
                    + "Outputs:\n  Arn:\n    Value: !GetAtt Queue.Arn\n")
            .precision(Precision.VERY_HIGH)
            .build();

    /** FL-PARSE-007: a literal of the wrong type or form for its property. */
    public static final RuleMetadata PARSE_TYPE = RuleMetadata.builder("FL-PARSE-007")
            .name("IllTypedValue")
            .severity(Severity.ERROR)
            .summary("A literal that can never be valid for the property or States Language field it is written "
                    + "at: a non-numeric string for an integer, a non-boolean for a boolean, an unknown enumeration "
                    + "value, a JSON-string policy that does not parse, a list where a single value belongs.")
            .rationale("CloudFormation (or Step Functions) rejects the value, so the deployment fails; until it is "
                    + "fixed the failure checks that need the value cannot judge it and stay silent, so the typo "
                    + "would otherwise hide the very setting its author meant to write. Numbers written as numeric "
                    + "strings (\"30\") are valid in templates, as CloudFormation converts them, but not in a "
                    + "States Language definition, which is JSON. Values known only at deploy time (parameters "
                    + "without default, imports) are not judged, and ranges are left to the range rules.")
            .howToFix("Write a value of the type the message names: a number, true or false, one of the listed "
                    + "values, valid JSON, or a single value instead of a list.")
            .tags("input", "type")
            .docsUrl("https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sqs-queue.html")
            .badExample(
                    "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: thirty\n")
            .goodExample(
                    "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: \"30\"\n")
            .precision(Precision.VERY_HIGH)
            .build();

    /** FL-CONFIG-001: an invalid suppression. */
    public static final RuleMetadata CONFIG_SUPPRESSION = RuleMetadata.builder("FL-CONFIG-001")
            .name("InvalidSuppression")
            .severity(Severity.WARNING)
            .summary("A suppression without a reason, or naming a rule that does not exist.")
            .rationale("A suppression should say why the finding does not apply, so the next reader can judge it.")
            .howToFix("Add a reason, or correct the rule id.")
            .tags("config")
            .docsUrl("https://github.com/faultline-dev/faultline#suppressions")
            .badExample("Resources:\n  Orders:\n    Type: AWS::SQS::Queue\n    Metadata:\n      faultline:\n"
                    + "        suppress:\n          - rule: FL-SQS-001\n")
            .goodExample("Resources:\n  Orders:\n    Type: AWS::SQS::Queue\n    Metadata:\n      faultline:\n"
                    + "        suppress:\n          - rule: FL-SQS-001\n            reason: replayed from S3\n")
            .precision(Precision.VERY_HIGH)
            .build();

    /** FL-CONFIG-002: a suppression or baseline entry that matched nothing. */
    public static final RuleMetadata CONFIG_UNUSED = RuleMetadata.builder("FL-CONFIG-002")
            .name("UnusedSuppression")
            .severity(Severity.INFO)
            .summary("A suppression or baseline entry that matched nothing.")
            .rationale("A stale entry hides nothing today but may hide a new finding tomorrow.")
            .howToFix("Remove the entry.")
            .tags("config")
            .docsUrl("https://github.com/faultline-dev/faultline#baseline")
            .badExample("Resources:\n  Orders:\n    Type: AWS::SNS::Topic  # no longer a queue\n    Metadata:\n"
                    + "      faultline:\n        suppress:\n          - rule: FL-SQS-001\n            reason: old\n")
            .goodExample("Resources:\n  Orders:\n    Type: AWS::SNS::Topic\n")
            .precision(Precision.VERY_HIGH)
            .build();

    /** All of them, sorted by id. */
    public static final List<RuleMetadata> ALL = List.of(
            PARSE_SYNTAX,
            PARSE_DUPLICATE_KEY,
            PARSE_UNRESOLVED_REFERENCE,
            PARSE_LOCAL_PATH,
            PARSE_LIMIT,
            PARSE_INTRINSIC,
            PARSE_TYPE,
            CONFIG_SUPPRESSION,
            CONFIG_UNUSED);
}
