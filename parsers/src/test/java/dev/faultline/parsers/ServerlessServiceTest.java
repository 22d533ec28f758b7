package dev.faultline.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.Project;
import dev.faultline.core.graph.ServerlessExpander;
import dev.faultline.core.model.InputFile;
import dev.faultline.core.model.InputKind;
import dev.faultline.core.model.Resource;
import dev.faultline.core.model.Template;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Reading a Serverless Framework service: classification, variables, includes, compiled logical ids. */
class ServerlessServiceTest {

    @TempDir
    Path dir;

    private Project load() {
        return new DefaultSourceLoader()
                .load(AnalysisRequest.of(dir, List.of(dir)).withThreads(1));
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static Template only(Project p) {
        assertThat(p.templates()).hasSize(1);
        return p.templates().get(0);
    }

    private static Node prop(Template t, String resource, String... path) {
        Resource r = t.resource(resource);
        assertThat(r).as(resource + " in " + t.resources().keySet()).isNotNull();
        return r.properties().path(path);
    }

    @Test
    void recognisedByContentWhateverItsName() throws Exception {
        write("svc/any-name.yml", "service: a\nprovider:\n  name: aws\n");
        write("fns/serverless.json", "{\"functions\": {\"hello\": {\"handler\": \"h.hello\"}}}");
        write("other/config.yml", "service: a\nprovider:\n  name: google\nfunctions:\n  f:\n    handler: x\n");
        write("other/plain.yml", "functions:\n  f: 3\n");
        Project p = load();
        assertThat(p.files())
                .extracting(f -> f.displayPath() + " " + f.kind().label())
                .containsExactly(
                        "fns/serverless.json serverless",
                        "other/config.yml other",
                        "other/plain.yml other",
                        "svc/any-name.yml serverless");
        assertThat(p.templates()).hasSize(2);
    }

    @Test
    void commentSuppressionsArePlacedInTheTextTheLoaderRead() throws Exception {
        // a byte order mark is not a column: the comment starts at column 12 of line 1, as the
        // parser counts; the comments are read from the text the loader read (kept for a service)
        Files.write(
                dir.resolve("serverless.yml"),
                ("\uFEFFservice: a # faultline-ignore FL-SQS-001 the queue is drained by hand\n"
                                + "provider:\n  name: aws\n"
                                + "functions:\n  # faultline-ignore FL-LAMBDA-007 short on purpose\n  f:\n    handler: x\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(DefaultSourceLoader.loadOne(
                                new Discovery.Candidate(dir.resolve("serverless.yml"), "serverless.yml", false, null))
                        .text())
                .startsWith("service: a # faultline-ignore");
        Project p = load();
        assertThat(p.commentSuppressions())
                .extracting(c ->
                        c.rule() + " " + c.comment().line() + ":" + c.comment().column() + " scope "
                                + (c.scope() == null
                                        ? "none"
                                        : c.scope().line() + ":" + c.scope().column()))
                .containsExactly("FL-SQS-001 1:12 scope 1:1", "FL-LAMBDA-007 5:3 scope 6:3");
    }

    @Test
    void compiledLogicalIdsAndFrameworkDefaults() throws Exception {
        write("serverless.yml", """
                service: shop
                provider:
                  name: aws
                  runtime: nodejs20.x
                  memorySize: 512
                functions:
                  order-handler_v2:
                    handler: h.orders
                    events:
                      - sqs: arn:aws:sqs:us-east-1:123456789012:order-events
                      - stream: arn:aws:kinesis:us-east-1:123456789012:stream/click-stream
                      - sns: order-topic
                      - schedule: rate(1 minute)
                      - schedule: rate(2 minutes)
                      - eventBridge:
                          pattern: {source: [shop]}
                      - s3: uploads
                  hello:
                    handler: h.hello
                    timeout: 20
                    destinations:
                      onFailure: order-handler_v2
                """);
        Template t = only(load());
        assertThat(t.resources().keySet())
                .containsExactly(
                        "OrderDashhandlerUnderscorev2LambdaFunction",
                        "OrderDashhandlerUnderscorev2EventSourceMappingSQSOrderevents",
                        "OrderDashhandlerUnderscorev2EventSourceMappingKinesisClickstream",
                        "SNSTopicOrdertopic",
                        "OrderDashhandlerUnderscorev2SnsSubscriptionOrdertopic",
                        "OrderDashhandlerUnderscorev2EventsRuleSchedule1",
                        "OrderDashhandlerUnderscorev2EventsRuleSchedule2",
                        "Shopdevorderhandlerv2rule6EventBridgeRule",
                        "HelloLambdaFunction",
                        "HelloLambdaEvConf",
                        "S3BucketUploads",
                        "IamRoleLambdaExecution");
        // the framework's default timeout (6 s), at the function's name; the provider's memory
        Node timeout = prop(t, "OrderDashhandlerUnderscorev2LambdaFunction", "Timeout");
        assertThat(timeout.text()).isEqualTo("6");
        assertThat(timeout.span().line()).isEqualTo(7);
        assertThat(prop(t, "OrderDashhandlerUnderscorev2LambdaFunction", "MemorySize")
                        .text())
                .isEqualTo("512");
        assertThat(prop(t, "OrderDashhandlerUnderscorev2LambdaFunction", "FunctionName")
                        .text())
                .isEqualTo("shop-dev-order-handler_v2");
        Node written = prop(t, "HelloLambdaFunction", "Timeout");
        assertThat(written.text()).isEqualTo("20");
        assertThat(written.span().line()).isEqualTo(20);
        // a destination naming a function of the service points at its compiled id
        Node dest = prop(t, "HelloLambdaEvConf", "DestinationConfig", "OnFailure", "Destination");
        assertThat(dest).isInstanceOf(IntrinsicNode.class);
        assertThat(dest.toString()).contains("OrderDashhandlerUnderscorev2LambdaFunction");
        assertThat(prop(t, "OrderDashhandlerUnderscorev2EventSourceMappingKinesisClickstream", "StartingPosition")
                        .text())
                .isEqualTo("TRIM_HORIZON");
        assertThat(t.resource("OrderDashhandlerUnderscorev2EventSourceMappingSQSOrderevents")
                        .span()
                        .line())
                .isEqualTo(10);
    }

    @Test
    void variablesResolveWhereTheyCanAndAreUnknownElsewhere() throws Exception {
        write("config/dev.yml", "size: 7\nqueue:\n  timeout: 44\n");
        write("serverless.yml", """
                service: shop
                provider:
                  name: aws
                  stage: ${opt:stage, 'dev'}
                  timeout: ${self:custom.timeouts.${sls:stage}}
                custom:
                  timeouts:
                    dev: 25
                  settings: ${file(./config/${sls:stage}.yml)}
                  region: ${aws:region}
                functions:
                  a:
                    handler: h.a
                    memorySize: ${self:custom.settings.size}
                    reservedConcurrency: ${ssm:/shop/concurrency, 5}
                    environment:
                      QUEUE: orders-${sls:stage}-${self:service}
                      REGION: q-${aws:region}
                      SECRET: ${env:SECRET, 'x'}
                      PARAM: ${param:p}
                      PARAM2: ${param:p, 'fallback'}
                      TIMEOUT: ${file(config/dev.yml):queue.timeout}
                      SUB: !Sub '${AWS::Region}-${self:service}'
                """);
        Project p = load();
        assertThat(p.inputFindings()).isEmpty();
        Template t = only(p);
        Node timeout = prop(t, "ALambdaFunction", "Timeout");
        assertThat(timeout.text()).isEqualTo("25");
        assertThat(timeout.span().line()).isEqualTo(5); // where the reference is written
        assertThat(prop(t, "ALambdaFunction", "MemorySize").text()).isEqualTo("7");
        assertThat(unresolved(prop(t, "ALambdaFunction", "ReservedConcurrentExecutions")))
                .isTrue();
        MapNode vars = (MapNode) prop(t, "ALambdaFunction", "Environment", "Variables");
        assertThat(vars.getText("QUEUE")).isEqualTo("orders-dev-shop");
        assertThat(vars.get("REGION").toString()).contains("Fn::Sub").contains("q-${AWS::Region}");
        assertThat(unresolved(vars.get("SECRET"))).isTrue();
        assertThat(unresolved(vars.get("PARAM"))).isTrue();
        assertThat(vars.getText("PARAM2")).isEqualTo("fallback");
        assertThat(vars.getText("TIMEOUT")).isEqualTo("44");
        assertThat(vars.get("SUB").toString()).contains("${AWS::Region}-shop");
        // the included file belongs to the service: not linted on its own
        assertThat(p.files())
                .extracting(f -> f.displayPath() + " " + f.kind().label())
                .containsExactly("config/dev.yml serverless", "serverless.yml serverless");
    }

    private static boolean unresolved(Node n) {
        return n instanceof IntrinsicNode in && in.is(ServerlessExpander.UNRESOLVED);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aCycleIsALocatedFindingNotAHang() throws Exception {
        write("serverless.yml", """
                service: shop
                provider:
                  name: aws
                custom:
                  a: ${self:custom.b}
                  b: ${self:custom.a}
                  loop: ${file(./loop.yml)}
                  missing: ${self:custom.nothing}
                  fine: ${self:custom.nothing, 'ok'}
                functions:
                  f:
                    handler: h.f
                    timeout: ${self:custom.a}
                """);
        write("loop.yml", "again: ${file(./loop.yml)}\n");
        Project p = load();
        assertThat(p.inputFindings())
                .extracting(f -> f.file() + ":" + f.span().line() + " " + f.ruleId())
                .contains("serverless.yml:5 FL-PARSE-003", "serverless.yml:8 FL-PARSE-003")
                .anySatisfy(s -> assertThat(s).startsWith("loop.yml:1 FL-PARSE-003"));
        assertThat(p.inputFindings())
                .filteredOn(f -> f.span().line() == 8)
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("${self:custom.nothing}"));
        Template t = only(p);
        assertThat(unresolved(prop(t, "FLambdaFunction", "Timeout"))).isTrue();
    }

    @Test
    void includesMayNotLeaveTheProjectRoot() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(dir.resolve("secret.yml"), "x: 1\n");
        Files.writeString(project.resolve("serverless.yml"), """
                service: shop
                provider:
                  name: aws
                custom:
                  out: ${file(../secret.yml)}
                  gone: ${file(./gone.yml)}
                  soft: ${file(./gone.yml), 'default'}
                  js: ${file(./config.js):value}
                functions:
                  f:
                    handler: h.f
                """);
        Project p = new DefaultSourceLoader()
                .load(AnalysisRequest.of(project, List.of(project)).withThreads(1));
        assertThat(p.inputFindings())
                .extracting(f -> f.span().line() + " " + f.ruleId() + " " + f.message())
                .containsExactly(
                        "5 FL-PARSE-004 Included file '../secret.yml' is outside the project root; it is not read.",
                        "6 FL-PARSE-004 Included file './gone.yml' does not exist.");
        MapNode custom = only(p).root().getMap("custom");
        assertThat(custom.getText("soft")).isEqualTo("default");
        assertThat(unresolved(custom.get("js"))).isTrue();
    }

    @Test
    void aVariableThatNamesNothingIsReportedOnceAtItsFirstUse() throws Exception {
        write("serverless.yml", """
                service: shop
                provider:
                  name: aws
                  environment:
                    TABLE: orders-${self:provider.stage}
                    QUEUE: jobs-${self:provider.stage}
                    OTHER: ${self:custom.other}
                functions:
                  f:
                    handler: h.f
                    description: ${self:provider.stage}
                """);
        Project p = load();
        // one fix each (set provider.stage; define custom.other), so one finding each
        assertThat(p.inputFindings())
                .extracting(f -> f.span().line() + " " + f.ruleId() + " " + f.message())
                .containsExactly(
                        "5 FL-PARSE-003 Variable '${self:provider.stage}' names nothing in the service file",
                        "7 FL-PARSE-003 Variable '${self:custom.other}' names nothing in the service file");
    }

    @Test
    void aMissingIncludeIsReportedOnceAndNotWhenGitIgnoresIt() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve(".gitignore"), "# local files\nsecrets.json\n/build/\n*.local.yml\n");
        Files.createDirectories(project.resolve("svc"));
        Files.writeString(project.resolve("svc/.gitignore"), "env.configs.yml\n");
        Files.writeString(project.resolve("svc/serverless.yml"), """
                service: shop
                provider:
                  name: aws
                  environment:
                    A: ${file(./gone.yml):a}
                    B: ${file(./gone.yml):b}
                    C: ${file(./secrets.json):c}
                    D: ${file(../build/out.json):d}
                    E: ${file(./env.configs.yml):e}
                    F: ${file(./dev.local.yml):f}
                    G: ${file(./build/out.json):g}
                functions:
                  f:
                    handler: h.f
                """);
        Project p = new DefaultSourceLoader()
                .load(AnalysisRequest.of(project, List.of(project)).withThreads(1));
        // gone.yml is reported once; svc/build/ is not the anchored /build/ of the root's .gitignore
        assertThat(p.inputFindings())
                .extracting(f -> f.span().line() + " " + f.ruleId() + " " + f.message())
                .containsExactly(
                        "5 FL-PARSE-004 Included file './gone.yml' does not exist.",
                        "11 FL-PARSE-004 Included file './build/out.json' does not exist.");
        MapNode env = only(p).root().getMap("provider").getMap("environment");
        for (String k : List.of("A", "B", "C", "D", "E", "F", "G")) {
            assertThat(unresolved(env.get(k))).as(k).isTrue();
        }
    }

    @Test
    void resourcesAsFragmentsAndAnchorsAreAccepted() throws Exception {
        write("resources/queues.yml", """
                Resources:
                  OrdersQueue:
                    Type: AWS::SQS::Queue
                    Properties:
                      VisibilityTimeout: 60
                Outputs:
                  QueueArn:
                    Value: !GetAtt OrdersQueue.Arn
                """);
        write("serverless.yml", """
                service: shop
                provider:
                  name: aws
                defaults: &defaults
                  handler: h.f
                  timeout: 30
                functions:
                  f:
                    <<: *defaults
                    events:
                      - sqs:
                          arn: !GetAtt OrdersQueue.Arn
                resources:
                  - ${file(resources/queues.yml)}
                  - Resources:
                      Extra:
                        Type: AWS::SNS::Topic
                """);
        Project p = load();
        assertThat(p.inputFindings()).isEmpty();
        Template t = only(p);
        assertThat(t.resources().keySet())
                .containsExactly(
                        "FLambdaFunction",
                        "FEventSourceMappingSQSOrdersQueue",
                        "IamRoleLambdaExecution",
                        "OrdersQueue",
                        "Extra");
        assertThat(t.resource("OrdersQueue").span().file()).isEqualTo("resources/queues.yml");
        assertThat(t.resource("OrdersQueue").span().line()).isEqualTo(2);
        assertThat(t.outputs().keys()).containsExactly("QueueArn");
        assertThat(prop(t, "FLambdaFunction", "Timeout").text()).isEqualTo("30");
        assertThat(p.files()).extracting(InputFile::kind).containsOnly(InputKind.SERVERLESS);
    }

    @Test
    void aGeneratedResourceThatResourcesAlsoDeclaresIsMerged() throws Exception {
        write("serverless.yml", """
                service: shop
                provider:
                  name: aws
                functions:
                  f:
                    handler: h.f
                    events:
                      - sns: orders
                resources:
                  Resources:
                    SNSTopicOrders:
                      Type: AWS::SNS::Topic
                      Properties:
                        KmsMasterKeyId: alias/aws/sns
                """);
        Template t = only(load());
        Resource topic = t.resource("SNSTopicOrders");
        assertThat(topic.span().line()).isEqualTo(11);
        assertThat(topic.properties().keys()).containsExactlyInAnyOrder("KmsMasterKeyId", "TopicName");
    }
}
