package dev.faultline.parsers.asl;

import static dev.faultline.parsers.asl.AslTestSupport.covered;
import static dev.faultline.parsers.asl.AslTestSupport.load;
import static dev.faultline.parsers.asl.AslTestSupport.pos;
import static dev.faultline.parsers.asl.AslTestSupport.standalone;
import static dev.faultline.parsers.asl.AslTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.asl.Placeholder;
import dev.faultline.core.asl.QueryLanguage;
import dev.faultline.core.asl.Scope;
import dev.faultline.core.asl.State;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AslLoaderTest {

    @TempDir
    Path dir;

    private static State state(StateMachine m, String name) {
        return m.allStates().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void standaloneJson() throws IOException {
        write(dir, "flows/order.asl.json", """
                {
                  "Comment": "orders",
                  "StartAt": "Charge",
                  "States": {
                    "Charge": {
                      "Type": "Task",
                      "Resource": "arn:aws:lambda:us-east-1:123456789012:function:charge",
                      "Retry": [{"ErrorEquals": ["Lambda.ServiceException", "Lambda.TooManyRequestsException"]}],
                      "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Failed"}],
                      "Next": "Done"
                    },
                    "Done": {"Type": "Succeed"},
                    "Failed": {"Type": "Fail"}
                  }
                }
                """);
        StateMachine m = standalone(dir, "flows/order.asl.json");

        assertThat(m.name()).isEqualTo("order.asl.json");
        assertThat(m.template()).isNull();
        assertThat(m.express()).isFalse();
        assertThat(m.top().startAt()).isEqualTo("Charge");
        assertThat(m.top().logicalPath()).isEmpty();
        assertThat(m.allStates()).extracting(State::name).containsExactly("Charge", "Done", "Failed");
        assertThat(m.allStates()).extracting(State::type).containsExactly("Task", "Succeed", "Fail");
        State charge = state(m, "Charge");
        assertThat(charge.logicalPath()).isEqualTo("States/Charge");
        assertThat(pos(charge.keySpan())).isEqualTo("flows/order.asl.json:5:5");
        assertThat(charge.queryLanguage()).isEqualTo(QueryLanguage.JSONPATH);
        assertThat(charge.retriers())
                .singleElement()
                .satisfies(r -> assertThat(r.errorEquals())
                        .containsExactly("Lambda.ServiceException", "Lambda.TooManyRequestsException"));
        assertThat(charge.catchers()).singleElement().satisfies(c -> {
            assertThat(c.errorEquals()).containsExactly("States.ALL");
            assertThat(c.next()).isEqualTo("Failed");
            assertThat(pos(c.body())).isEqualTo("flows/order.asl.json:9:17");
        });
        assertThat(charge.resource()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:charge");
    }

    @Test
    void scopesListTheirStatesAndTasksNestedOnesIncludedInFileOrder() throws IOException {
        write(dir, "nested.asl.yaml", """
                StartAt: Charge
                States:
                  Charge: {Type: Task, Resource: arn:aws:states:::sqs:sendMessage, Next: Fan}
                  Fan:
                    Type: Parallel
                    Branches:
                      - StartAt: Ship
                        States:
                          Ship: {Type: Task, Resource: arn:aws:states:::sns:publish, Next: Wait}
                          Wait: {Type: Wait, Seconds: 1, End: true}
                      - StartAt: Each
                        States:
                          Each:
                            Type: Map
                            ItemProcessor:
                              StartAt: Bill
                              States:
                                Bill: {Type: Task, Resource: arn:aws:states:::sqs:sendMessage, End: true}
                            End: true
                    Next: Done
                  Done: {Type: Succeed}
                """);
        StateMachine m = standalone(dir, "nested.asl.yaml");

        assertThat(m.top().tasks()).extracting(State::name).containsExactly("Charge", "Ship", "Bill");
        assertThat(m.top().allStates()).isEqualTo(m.allStates());
        assertThat(m.allStates())
                .extracting(State::name)
                .containsExactly("Charge", "Fan", "Ship", "Wait", "Each", "Bill", "Done");
        Scope second = state(m, "Fan").children().get(1);
        assertThat(second.allStates()).extracting(State::name).containsExactly("Each", "Bill");
        assertThat(second.tasks()).extracting(State::name).containsExactly("Bill");
    }

    @Test
    void standaloneYamlWithParallelInDistributedMapAndJsonata() throws IOException {
        write(dir, "fan.asl.yaml", """
                QueryLanguage: JSONata
                StartAt: Fan
                States:
                  Fan:
                    Type: Map
                    ItemProcessor:
                      ProcessorConfig:
                        Mode: DISTRIBUTED
                      StartAt: Par
                      States:
                        Par:
                          Type: Parallel
                          QueryLanguage: JSONPath
                          Branches:
                            - StartAt: B1
                              States:
                                B1:
                                  Type: Pass
                                  End: true
                            - StartAt: B2
                              States:
                                B2:
                                  Type: Succeed
                          End: true
                    End: true
                  Legacy:
                    Type: Map
                    Iterator:
                      StartAt: It
                      States:
                        It: {Type: Pass, End: true}
                    End: true
                """);
        StateMachine m = standalone(dir, "fan.asl.yaml");

        assertThat(m.allScopes())
                .extracting(Scope::logicalPath)
                .containsExactly(
                        "",
                        "States/Fan/ItemProcessor",
                        "States/Fan/ItemProcessor/States/Par/Branches/0",
                        "States/Fan/ItemProcessor/States/Par/Branches/1",
                        "States/Legacy/Iterator");
        assertThat(m.allStates()).extracting(State::name).containsExactly("Fan", "Par", "B1", "B2", "Legacy", "It");
        assertThat(m.allStates())
                .extracting(State::queryLanguage)
                .containsExactly(
                        QueryLanguage.JSONATA,
                        QueryLanguage.JSONPATH,
                        QueryLanguage.JSONPATH,
                        QueryLanguage.JSONPATH,
                        QueryLanguage.JSONATA,
                        QueryLanguage.JSONATA);
        State b2 = state(m, "B2");
        assertThat(b2.logicalPath()).isEqualTo("States/Fan/ItemProcessor/States/Par/Branches/1/States/B2");
        assertThat(pos(b2.keySpan())).isEqualTo("fan.asl.yaml:22:17");
        Scope branch1 = m.allScopes().get(3);
        assertThat(branch1.owner().name()).isEqualTo("Par");
        assertThat(branch1.startAt()).isEqualTo("B2");
        assertThat(m.allScopes().get(1).owner().name()).isEqualTo("Fan");
        assertThat(pos(state(m, "It").keySpan())).isEqualTo("fan.asl.yaml:31:9");
    }

    @Test
    void samDefinitionWithSubstitutionsAndExpress() throws IOException {
        write(dir, "template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties: {Handler: app.handler, Runtime: python3.12, CodeUri: src}
                  Machine:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      Type: EXPRESS
                      DefinitionSubstitutions:
                        FnArn: !GetAtt Fn.Arn
                      Definition:
                        StartAt: Call
                        States:
                          Call:
                            Type: Task
                            Resource: ${FnArn}
                            End: true
                """);
        AslLoadResult r = load(dir, "template.yaml");

        assertThat(r.findings()).isEmpty();
        StateMachine m = r.machines().get(0);
        assertThat(m.name()).isEqualTo("Machine");
        assertThat(m.express()).isTrue();
        assertThat(m.resource().logicalId()).isEqualTo("Machine");
        State call = state(m, "Call");
        assertThat(call.logicalPath()).isEqualTo("Resources/Machine/Properties/Definition/States/Call");
        assertThat(pos(call.keySpan())).isEqualTo("template.yaml:15:11");
        assertThat(call.resource()).isEqualTo("${FnArn}");
        Placeholder p = m.placeholders().get("${FnArn}");
        assertThat(p.value()).isInstanceOfSatisfying(IntrinsicNode.class, i -> {
            assertThat(i.function()).isEqualTo("Fn::GetAtt");
            assertThat(pos(i)).isEqualTo("template.yaml:11:16");
        });
    }

    @Test
    void definitionStringBlockScalar() throws IOException {
        write(dir, "cfn.yaml", """
                Resources:
                  Machine:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      RoleArn: arn:aws:iam::123456789012:role/sfn
                      DefinitionString: |
                        {
                          "StartAt": "A",
                          "States": {
                            "A": {"Type": "Pass", "Next": "B"},
                            "B": {"Type": "Succeed"}
                          }
                        }
                """);
        AslLoadResult r = load(dir, "cfn.yaml");

        assertThat(r.findings()).isEmpty();
        StateMachine m = r.machines().get(0);
        assertThat(m.express()).isFalse();
        assertThat(m.allStates()).extracting(State::name).containsExactly("A", "B");
        State a = state(m, "A");
        assertThat(a.logicalPath()).isEqualTo("Resources/Machine/Properties/DefinitionString/States/A");
        assertThat(pos(a.keySpan())).isEqualTo("cfn.yaml:10:13");
        assertThat(covered(dir, a.keySpan())).isEqualTo("\"A\"");
        assertThat(covered(dir, a.field("Next").span())).isEqualTo("\"B\"");
        assertThat(pos(state(m, "B").field("Type"))).isEqualTo("cfn.yaml:11:27");
        assertThat(pos(m.span())).isEqualTo("cfn.yaml:7:9");
    }

    @Test
    void jsonTemplateWithOneLineEscapedDefinitionString() throws IOException {
        write(dir, "cfn.json", """
                {
                  "Resources": {
                    "Machine": {
                      "Type": "AWS::StepFunctions::StateMachine",
                      "Properties": {
                        "StateMachineType": "EXPRESS",
                        "DefinitionString": "{\\"StartAt\\":\\"A\\",\\"States\\":{\\"A\\":{\\"Type\\":\\"Pass\\",\\"Comment\\":\\"tab\\\\there \\\\u00e9\\",\\"Next\\":\\"B\\"},\\"B\\":{\\"Type\\":\\"Succeed\\"}}}"
                      }
                    }
                  }
                }
                """);
        AslLoadResult r = load(dir, "cfn.json");

        assertThat(r.findings()).isEmpty();
        StateMachine m = r.machines().get(0);
        assertThat(m.express()).isTrue();
        State a = state(m, "A");
        assertThat(a.text("Comment")).isEqualTo("tab\there \u00e9");
        assertThat(covered(dir, a.keySpan())).isEqualTo("\\\"A\\\"");
        assertThat(pos(a.keySpan())).isEqualTo("cfn.json:7:61");
        State b = state(m, "B");
        // after the escapes in Comment, positions are still exact
        assertThat(covered(dir, b.keySpan())).isEqualTo("\\\"B\\\"");
        assertThat(covered(dir, a.field("Next").span())).isEqualTo("\\\"B\\\"");
    }

    @Test
    void fnSubWithGetAttTokenAndVariables() throws IOException {
        write(dir, "sub.yaml", """
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties: {Handler: x, Runtime: python3.12, Role: r, Code: {ZipFile: x}}
                  Machine:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      RoleArn: arn:aws:iam::123456789012:role/sfn
                      DefinitionString: !Sub
                        - |
                          {
                            "StartAt": "Call",
                            "States": {
                              "Call": {"Type": "Task", "Resource": "${Fn.Arn}", "TimeoutSeconds": ${Timeout}, "Next": "Done"},
                              "Done": {"Type": "Succeed", "Comment": "${!Literal} in ${AWS::Region}"}
                            }
                          }
                        - Timeout: 30
                """);
        AslLoadResult r = load(dir, "sub.yaml");

        assertThat(r.findings()).isEmpty();
        StateMachine m = r.machines().get(0);
        State call = state(m, "Call");
        assertThat(pos(call.keySpan())).isEqualTo("sub.yaml:14:15");
        assertThat(call.resource()).isEqualTo("${Fn.Arn}");
        assertThat(covered(dir, call.field("Resource").span())).isEqualTo("\"${Fn.Arn}\"");
        assertThat(call.text("TimeoutSeconds")).isEqualTo("${Timeout}");
        assertThat(covered(dir, call.field("TimeoutSeconds").span())).isEqualTo("${Timeout}");
        assertThat(state(m, "Done").text("Comment")).isEqualTo("${Literal} in ${AWS::Region}");

        assertThat(m.placeholders().keySet()).containsExactly("${Fn.Arn}", "${Timeout}", "${AWS::Region}");
        IntrinsicNode getAtt = m.placeholders().get("${Fn.Arn}").value().asIntrinsic();
        assertThat(getAtt.function()).isEqualTo("Fn::GetAtt");
        assertThat(getAtt.argument().asList().items()).extracting(Node::text).containsExactly("Fn", "Arn");
        assertThat(covered(dir, getAtt.span())).isEqualTo("${Fn.Arn}");
        assertThat(m.placeholders().get("${Timeout}").value().text()).isEqualTo("30");
        assertThat(pos(m.placeholders().get("${Timeout}").value())).isEqualTo("sub.yaml:18:20");
        IntrinsicNode region = m.placeholders().get("${AWS::Region}").value().asIntrinsic();
        assertThat(region.function()).isEqualTo("Ref");
        assertThat(region.argument().text()).isEqualTo("AWS::Region");
    }

    @Test
    void cdkFnJoin() throws IOException {
        Path cdkOut = dev.faultline.fixtures.TestData.cdkSynth().resolve("sfn-workflow/cdk.out");
        String name = "WorkflowDevStack.template.json";
        List<String> lines = java.nio.file.Files.readAllLines(cdkOut.resolve(name));
        int lambdaTasks = 0;
        AslLoadResult r = load(cdkOut, name);

        assertThat(r.findings()).isEmpty();
        assertThat(r.unparsed()).isEmpty();
        assertThat(r.machines())
                .extracting(StateMachine::name)
                .containsExactly("HardenedOrderFlow4E8C10A0", "NaiveOrderFlow8C5F6B55");
        StateMachine hardened = r.machines().get(0);
        assertThat(hardened.express()).isFalse();
        assertThat(r.machines().get(1).express()).isTrue();
        assertThat(hardened.allStates()).extracting(State::name).contains("Validate", "Charge", "ShipItems");

        for (StateMachine m : r.machines()) {
            for (State s : m.allStates()) {
                // every state's key span is on a template line that holds that key, escaped
                String line = lines.get(s.keySpan().line() - 1);
                assertThat(covered(cdkOut, s.keySpan())).isEqualTo("\\\"" + s.name() + "\\\"");
                assertThat(line).contains("\\\"" + s.name() + "\\\":{");
                if (!s.isType("Task") || !s.resource().endsWith(":states:::lambda:invoke")) {
                    continue;
                }
                lambdaTasks++;
                String fn = s.field("Parameters").asMap().getText("FunctionName");
                Placeholder p = m.placeholders().get(fn);
                assertThat(p).as(s.name()).isNotNull();
                IntrinsicNode getAtt = p.value().asIntrinsic();
                assertThat(getAtt.function()).isEqualTo("Fn::GetAtt");
                String target = getAtt.argument().asList().get(0).text();
                assertThat(m.template().resource(target).type()).isEqualTo("AWS::Lambda::Function");
                // the Fn::GetAtt object starts with its brace, the key is on the next line
                assertThat(lines.get(getAtt.span().line())).contains("\"Fn::GetAtt\"");
                assertThat(lines.get(getAtt.argument().asList().get(0).span().line() - 1))
                        .contains(target);
                // the FunctionName string (quotes in the literal parts around the token) spans the Fn::GetAtt
                dev.faultline.core.tree.Span value =
                        s.field("Parameters").asMap().get("FunctionName").span();
                assertThat(value.line()).isEqualTo(getAtt.span().line() - 1);
                assertThat(value.endLine()).isGreaterThanOrEqualTo(getAtt.span().endLine());
                assertThat(s.resource()).matches("arn:__FL_TOKEN_\\d+__:states:::lambda:invoke");
            }
        }
        assertThat(lambdaTasks).isGreaterThanOrEqualTo(6);
        State validate = hardened.allStates().get(0);
        assertThat(validate.name()).isEqualTo("Validate");
        assertThat(pos(validate.keySpan())).startsWith(name + ":434:");
        assertThat(validate.retriers()).hasSize(2);
        assertThat(validate.catchers())
                .singleElement()
                .satisfies(c -> assertThat(c.next()).isEqualTo("QueueForReview"));
    }

    @Test
    void samDefinitionUriLocalFile() throws IOException {
        write(dir, "app/statemachine/flow.asl.json", """
                {
                  "StartAt": "Call",
                  "States": {
                    "Call": {"Type": "Task", "Resource": "${FnArn}", "End": true}
                  }
                }
                """);
        write(dir, "app/template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Machine:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: statemachine/flow.asl.json
                      DefinitionSubstitutions:
                        FnArn: arn:aws:lambda:us-east-1:123456789012:function:f
                  Remote:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: s3://bucket/key.json
                  RemoteMap:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: {Bucket: b, Key: k}
                """);
        AslLoadResult r = load(dir, "app/template.yaml");

        assertThat(r.findings()).isEmpty();
        StateMachine m = r.machines().get(0);
        assertThat(r.machines()).hasSize(1);
        assertThat(m.file().displayPath()).isEqualTo("app/statemachine/flow.asl.json");
        assertThat(m.template().displayPath()).isEqualTo("app/template.yaml");
        State call = state(m, "Call");
        assertThat(pos(call.keySpan())).isEqualTo("app/statemachine/flow.asl.json:4:5");
        assertThat(call.logicalPath()).isEqualTo("Resources/Machine/Properties/DefinitionUri/States/Call");
        assertThat(m.placeholders().get("${FnArn}").value().text()).endsWith(":function:f");
    }

    @Test
    void definitionUriFileWithSubstitutionsOutsideStringsParsesWithPlaceholders() throws IOException {
        // SAM substitutes the file's text before it is parsed: a number may be written as a bare token
        write(dir, "app/statemachine/flow.asl.json", """
                {
                  "TimeoutSeconds": ${Timeout},
                  "StartAt": "Call",
                  "States": {
                    "Call": {"Type": "Task", "Resource": "${FnArn}", "TimeoutSeconds": ${Timeout}, "End": true}
                  }
                }
                """);
        write(dir, "app/template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Seconds: {Type: Number, Default: 300}
                Resources:
                  Machine:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: statemachine/flow.asl.json
                      DefinitionSubstitutions:
                        FnArn: arn:aws:lambda:us-east-1:123456789012:function:f
                        Timeout: !Ref Seconds
                """);
        AslLoadResult r = load(dir, "app/template.yaml");

        assertThat(r.findings()).isEmpty();
        StateMachine m = r.machines().get(0);
        State call = state(m, "Call");
        assertThat(pos(call.keySpan())).isEqualTo("app/statemachine/flow.asl.json:5:5");
        assertThat(call.field("TimeoutSeconds").text()).isEqualTo("${Timeout}");
        assertThat(pos(call.field("TimeoutSeconds"))).isEqualTo("app/statemachine/flow.asl.json:5:72");
        assertThat(pos(call.field("End"))).isEqualTo("app/statemachine/flow.asl.json:5:91");
        assertThat(m.placeholders()).containsKeys("${FnArn}", "${Timeout}");
        assertThat(r.read())
                .containsExactly(dir.resolve("app/statemachine/flow.asl.json")
                        .toAbsolutePath()
                        .normalize());
    }

    @Test
    void aBareTokenThatNoSubstitutionNamesIsStillASyntaxError() throws IOException {
        write(
                dir,
                "app/flow.asl.json",
                "{\"StartAt\": \"A\", \"TimeoutSeconds\": ${Other},\n"
                        + " \"States\": {\"A\": {\"Type\": \"Succeed\"}}}\n");
        write(dir, "app/template.yaml", """
                Resources:
                  Machine:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: flow.asl.json
                      DefinitionSubstitutions: {Timeout: 60}
                """);
        AslLoadResult r = load(dir, "app/template.yaml");

        assertThat(r.machines()).isEmpty();
        assertThat(r.findings())
                .extracting(f -> f.ruleId() + "@" + pos(f.span()))
                .containsExactly("FL-PARSE-001@app/flow.asl.json:1:36");
    }

    @Test
    void definitionUriInAnotherLetterCaseIsReportedAndStillAnalysedWithItsTemplate() throws IOException {
        write(dir, "app/StateMachine/Flow.asl.json", """
                {
                  "StartAt": "Call",
                  "States": {
                    "Call": {"Type": "Task", "Resource": "${FnArn}", "End": true}
                  }
                }
                """);
        write(dir, "app/template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Machine:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      Type: EXPRESS
                      DefinitionUri: statemachine/flow.asl.json
                      DefinitionSubstitutions:
                        FnArn: arn:aws:lambda:us-east-1:123456789012:function:f
                  Nowhere:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: statemachine/other.asl.json
                """);
        AslLoadResult r = load(dir, "app/template.yaml");

        assertThat(r.findings())
                .extracting(Finding::ruleId, f -> pos(f.span()), Finding::resource)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("FL-PARSE-004", "app/template.yaml:7:22", "Machine"),
                        org.assertj.core.groups.Tuple.tuple("FL-PARSE-004", "app/template.yaml:13:22", "Nowhere"));
        assertThat(r.findings().get(0).message())
                .contains("exists only as 'app/StateMachine/Flow.asl.json'")
                .contains("case-sensitive");
        assertThat(r.findings().get(1).message()).contains("does not exist");
        StateMachine m = r.machines().stream()
                .filter(x -> x.name().equals("Machine"))
                .findFirst()
                .orElseThrow();
        assertThat(r.machines()).hasSize(1);
        assertThat(m.file().displayPath()).isEqualTo("app/StateMachine/Flow.asl.json");
        assertThat(m.template().displayPath()).isEqualTo("app/template.yaml");
        assertThat(m.express()).isTrue();
        assertThat(m.placeholders().get("${FnArn}").value().text()).endsWith(":function:f");
    }

    @Test
    void definitionUriOutsideTheProjectRootOrMissing() throws IOException {
        write(dir, "outside.asl.json", "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}");
        Path project = dir.resolve("project");
        write(project, "app/template.yaml", """
                Resources:
                  Escapes:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: ../../../etc/passwd
                  Sibling:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: ../../outside.asl.json
                  Missing:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      DefinitionS3Location: nothing/here.json
                """);
        AslLoadResult r = load(project, "app/template.yaml");

        assertThat(r.machines()).isEmpty();
        assertThat(r.findings()).extracting(Finding::ruleId).containsOnly("FL-PARSE-004");
        assertThat(r.findings())
                .extracting(f -> pos(f.span()), Finding::resource)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("app/template.yaml:5:22", "Escapes"),
                        org.assertj.core.groups.Tuple.tuple("app/template.yaml:9:22", "Sibling"),
                        org.assertj.core.groups.Tuple.tuple("app/template.yaml:13:29", "Missing"));
        assertThat(r.findings().get(0).message()).contains("outside the project root");
        assertThat(r.findings().get(2).message()).contains("does not exist");
        assertThat(r.findings().get(0).logicalPath()).isEqualTo("Resources/Escapes/Properties/DefinitionUri");
    }

    @Test
    void malformedDefinitionStringIsAFindingInTheTemplate() throws IOException {
        write(dir, "bad.yaml", """
                Resources:
                  Machine:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      DefinitionString: |
                        {
                          "StartAt": "A",
                          "States": {
                            "A": {"Type": "Pass" "End": true}
                          }
                        }
                """);
        AslLoadResult r = load(dir, "bad.yaml");

        assertThat(r.machines()).isEmpty();
        assertThat(r.unparsed()).containsExactly("Resources/Machine/Properties/DefinitionString");
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("FL-PARSE-001");
            assertThat(f.span().file()).isEqualTo("bad.yaml");
            assertThat(f.span().line()).isEqualTo(9);
            assertThat(f.resource()).isEqualTo("Machine");
        });
    }

    @Test
    void malformedAslBuildsWhatItCan() throws IOException {
        write(dir, "odd.asl.yaml", """
                StartAt: A
                States:
                  A: not a state
                  B:
                    Type: Parallel
                    Branches: {not: a list}
                    Retry: [oops, {ErrorEquals: States.ALL}, {ErrorEquals: [1, {x: y}]}]
                    Catch: {not: a list}
                  C:
                    Type: Map
                    ItemProcessor: [not, a, map]
                  D: {}
                """);
        StateMachine m = standalone(dir, "odd.asl.yaml");

        assertThat(m.allStates()).extracting(State::name).containsExactly("B", "C", "D");
        State b = state(m, "B");
        assertThat(b.children()).isEmpty();
        assertThat(b.retriers()).extracting(rt -> rt.index()).containsExactly(1, 2);
        assertThat(b.retriers().get(0).errorEquals()).containsExactly("States.ALL");
        assertThat(b.retriers().get(1).errorEquals()).containsExactly("1");
        assertThat(b.catchers()).isEmpty();
        assertThat(state(m, "D").type()).isEmpty();

        write(dir, "nostates.asl.json", "{\"StartAt\": \"A\", \"States\": [1, 2]}");
        StateMachine empty = standalone(dir, "nostates.asl.json");
        assertThat(empty.allStates()).isEmpty();
        assertThat(empty.top().startAt()).isEqualTo("A");
        MapNode noStartAt = MapNode.empty(empty.span());
        assertThat(AslModelBuilder.build(noStartAt, "").states()).isEmpty();
    }
}
