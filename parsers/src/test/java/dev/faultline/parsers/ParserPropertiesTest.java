package dev.faultline.parsers;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based tests of the parsers and the ASL loader: for arbitrary text, and for text built from
 * the tokens that matter to YAML, JSON, CloudFormation and ASL, only our own located FL-PARSE
 * findings come out, never an exception ({@link FuzzTargets} checks each finding).
 */
class ParserPropertiesTest {

    @Property(tries = 300)
    void yamlNeverThrowsOnArbitraryText(@ForAll String text) {
        FuzzTargets.yaml(text);
    }

    @Property(tries = 300)
    void jsonNeverThrowsOnArbitraryText(@ForAll String text) {
        FuzzTargets.json(text);
    }

    @Property(tries = 300)
    void yamlNeverThrowsOnYamlLikeText(@ForAll("yamlish") String text) {
        FuzzTargets.yaml(text);
    }

    @Property(tries = 300)
    void jsonNeverThrowsOnJsonLikeText(@ForAll("jsonish") String text) {
        FuzzTargets.json(text);
        FuzzTargets.auto(text);
    }

    @Property(tries = 300)
    void aslLoaderNeverThrows(@ForAll("aslish") String definition) {
        FuzzTargets.asl(definition);
    }

    private static Arbitrary<String> tokens(List<String> tokens, int max) {
        return Arbitraries.of(tokens).list().ofMaxSize(max).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> yamlish() {
        return tokens(List.of("Resources:", "AWSTemplateFormatVersion: 2010-09-09", "Transform: AWS::Serverless-2016-10-31",
                "  Q:", "    Type: AWS::SQS::Queue", "    Type: AWS::Serverless::StateMachine", "    Properties:",
                "      DefinitionUri: ../x.asl.json", "      Definition:", "        StartAt: A", "        States:",
                "\n", "  ", "- ", ": ", "? ", "[", "]", "{", "}", ",", "!Ref ", "!GetAtt ", "!Sub ", "!If ", "!Join ",
                "!Unknown ", "!!binary ", "&a ", "*a", "<<: *a", "'", "\"", "#", "|", ">", "---", "...", "%YAML 1.1",
                "Fn::Join", "Ref", "x", "1", "yes", "0777", "null", "~", "\t", "\\u0000", "\u00e9", "\ud83d\ude00"), 60);
    }

    @Provide
    Arbitrary<String> jsonish() {
        return tokens(List.of("{", "}", "[", "]", ",", ":", "\"Resources\"", "\"Type\"", "\"AWS::SQS::Queue\"",
                "\"Properties\"", "\"Ref\"", "\"Fn::GetAtt\"", "\"Fn::Join\"", "\"Fn::Sub\"", "\"${A.B}\"", "\"x\"",
                "1", "-0", "1e999", "true", "null", "\"\\u0000\"", "\"\\ud800\"", " ", "\n", "\"", "\\", "/*", "//"), 60);
    }

    @Provide
    Arbitrary<String> aslish() {
        return tokens(List.of("{", "}", "[", "]", ",", ":", "\"StartAt\"", "\"States\"", "\"A\"", "\"B\"", "\"Type\"",
                "\"Task\"", "\"Choice\"", "\"Parallel\"", "\"Map\"", "\"Pass\"", "\"Fail\"", "\"Succeed\"", "\"Wait\"",
                "\"Next\"", "\"End\"", "true", "\"Retry\"", "\"Catch\"", "\"ErrorEquals\"", "\"States.ALL\"",
                "\"Branches\"", "\"Iterator\"", "\"ItemProcessor\"", "\"Choices\"", "\"Default\"", "\"Resource\"",
                "\"arn:aws:states:::lambda:invoke\"", "\"${Fn}\"", "\"MaxAttempts\"", "3", "-1", " "), 80)
                .map(s -> "{\"StartAt\": \"A\", \"States\": " + s + "}");
    }
}
