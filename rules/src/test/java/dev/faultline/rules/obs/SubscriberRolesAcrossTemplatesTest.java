package dev.faultline.rules.obs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.rules.DirectoryLint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FL-OBS-002 stays silent when a role of the template may subscribe to the failure topic at run
 * time; the roles that may subscribe are worked out once per template, and templates read in turn
 * on one thread each get their own.
 */
class SubscriberRolesAcrossTemplatesTest {

    /** A function whose failures go to a topic without a subscription, and a role with {@code action} on it. */
    private static String template(String action) {
        return """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  Worker:
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: python3.12
                      Handler: index.handler
                      Timeout: 10
                      Role: arn:aws:iam::123456789012:role/worker
                      Code: {ZipFile: "def handler(event, context): return None"}
                      DeadLetterConfig: {TargetArn: !Ref Failures}
                  Failures:
                    Type: AWS::SNS::Topic
                  OtherRole:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument:
                        Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
                      Policies:
                        - PolicyName: p
                          PolicyDocument:
                            Statement:
                              - {Effect: Allow, Action: %s, Resource: !Ref Failures}
                """.formatted(action);
    }

    @TempDir
    Path dir;

    @Test
    void eachTemplateGetsItsOwnSubscriberRoles() throws IOException {
        // read in this order: may subscribe, may only publish, may do anything on SNS, may only publish
        Files.writeString(dir.resolve("a.yaml"), template("sns:Subscribe"));
        Files.writeString(dir.resolve("b.yaml"), template("sns:Publish"));
        Files.writeString(dir.resolve("c.yaml"), template("\"sns:*\""));
        Files.writeString(dir.resolve("d.yaml"), template("sns:Publish"));
        assertThat(DirectoryLint.filesReportedBy(dir, "FL-OBS-002")).containsExactly("b.yaml", "d.yaml");
    }
}
