package dev.faultline.rules.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.rules.DirectoryLint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policies a template attaches to its roles are worked out once per template while the rules
 * visit it: templates read one after another on one thread, with a role of the same name, each get
 * their own.
 */
class AttachedPoliciesAcrossTemplatesTest {

    /** A function whose failures go to a queue, and its role; {@code policy} is attached to the role, or empty. */
    private static String template(String policy) {
        return """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  Dlq:
                    Type: AWS::SQS::Queue
                  FnRole:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument:
                        Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: python3.12
                      Handler: index.handler
                      Timeout: 10
                      Role: !GetAtt FnRole.Arn
                      Code: {ZipFile: "def handler(e, c): return None"}
                      DeadLetterConfig: {TargetArn: !GetAtt Dlq.Arn}
                """ + policy;
    }

    private static final String ATTACHED = """
              Send:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyName: send
                  Roles: [!Ref FnRole]
                  PolicyDocument:
                    Statement:
                      - {Effect: Allow, Action: "sqs:SendMessage", Resource: !GetAtt Dlq.Arn}
            """;

    private static final String ROLE_POLICY = """
              Send:
                Type: AWS::IAM::RolePolicy
                Properties:
                  PolicyName: send
                  RoleName: !Ref FnRole
                  PolicyDocument:
                    Statement:
                      - {Effect: Allow, Action: "sqs:SendMessage", Resource: !GetAtt Dlq.Arn}
            """;

    @TempDir
    Path dir;

    @Test
    void eachTemplateGetsItsOwnAttachedPolicies() throws IOException {
        // read in this order: allowed (Policy), not allowed, allowed (RolePolicy), not allowed
        Files.writeString(dir.resolve("a.yaml"), template(ATTACHED));
        Files.writeString(dir.resolve("b.yaml"), template(""));
        Files.writeString(dir.resolve("c.yaml"), template(ROLE_POLICY));
        Files.writeString(dir.resolve("d.yaml"), template(""));
        assertThat(DirectoryLint.filesReportedBy(dir, "FL-LAMBDA-005")).containsExactly("b.yaml", "d.yaml");
    }
}
