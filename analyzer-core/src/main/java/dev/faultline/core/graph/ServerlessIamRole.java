package dev.faultline.core.graph;

import dev.faultline.core.model.Resource;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * The Serverless Framework's execution role, as it compiles it (confirmed against the framework's
 * {@code merge-iam-templates}, {@code compile/functions} and the {@code sqs}/{@code stream} event
 * compilers of {@code osls} 3): {@code IamRoleLambdaExecution}, an {@code AWS::IAM::Role} with one
 * inline policy whose statements are, in order,
 *
 * <ul>
 *   <li>the framework's log statements;</li>
 *   <li>the user's {@code provider.iam.role.statements} (else the older
 *       {@code provider.iamRoleStatements}), as written;</li>
 *   <li>per function, {@code sns:Publish} on an {@code onError} given as a string (an intrinsic gets
 *       none), and for the {@code destinations} of a function without its own role the delivery
 *       action ({@code lambda:InvokeFunction}, {@code sqs:SendMessage}, {@code sns:Publish},
 *       {@code events:PutEvents}) from the {@code type} or from the ARN;</li>
 *   <li>read permissions on the streams and queues of {@code stream} and {@code sqs} events, and
 *       {@code sns:Publish} or {@code sqs:SendMessage} on a stream event's {@code onFailure}.</li>
 * </ul>
 *
 * The managed policies of {@code provider.iam.role.managedPolicies} (else
 * {@code provider.iamManagedPolicies}), plus the VPC access policy when a function has a
 * {@code vpc}, go to {@code ManagedPolicyArns}. No role is generated when {@code provider.iam.role}
 * names an existing role (a string or an intrinsic), when {@code provider.role} is set, or when every
 * function has its own {@code role}; a function uses its own {@code role}, else that provider role,
 * else the generated one.
 *
 * <p>A statement the framework adds takes the span of the key that implies it; the user's
 * statements keep theirs. The role itself is located where a statement is added: at
 * {@code provider.iam.role.statements} (or {@code iamRoleStatements}) when written, else at
 * {@code provider.iam}, else at {@code provider}.
 */
final class ServerlessIamRole {

    /** The compiled role's logical id. */
    static final String LOGICAL_ID = "IamRoleLambdaExecution";

    private static final String VPC_POLICY = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole";

    private final ServerlessExpander x;
    private final List<Node> statements = new ArrayList<>();

    private ServerlessIamRole(ServerlessExpander x) {
        this.x = x;
    }

    /**
     * The role a function names itself or through the provider (the framework's
     * {@code getCustomExecutionRole}): its {@code role}, else {@code provider.iam.role} when that
     * names an existing role, else {@code provider.role}; null when the function uses the generated
     * role.
     */
    static MapNode.Entry customRole(MapNode provider, MapNode fn) {
        MapNode.Entry own = fn.entry("role");
        if (own != null) {
            return own;
        }
        MapNode iam = provider.getMap("iam");
        MapNode.Entry role = iam == null ? null : iam.entry("role");
        if (role != null && !(role.value() instanceof MapNode)) {
            return role;
        }
        return provider.entry("role");
    }

    /** The {@code Role} value of a role the user names: an ARN or intrinsic as written, a bare name as a logical id. */
    static Node roleArn(Node value) {
        String text = value.text();
        if (text != null && !text.startsWith("arn:") && !text.isEmpty()) {
            return Trees.arn(value.span(), text); // a logical id of resources:
        }
        return value;
    }

    /** Whether the framework generates {@code IamRoleLambdaExecution} for the service. */
    static boolean generated(MapNode provider, MapNode functions) {
        if (functions.size() == 0 || provider.entry("role") != null) {
            return false;
        }
        MapNode iam = provider.getMap("iam");
        MapNode.Entry role = iam == null ? null : iam.entry("role");
        if (role != null && !(role.value() instanceof MapNode)) {
            return false; // an existing role, named by ARN, name or intrinsic
        }
        for (MapNode.Entry f : functions.entries()) {
            if (!(f.value() instanceof MapNode fn) || fn.entry("role") == null) {
                return true;
            }
        }
        return false;
    }

    /** The generated role of the service, or null when the framework generates none. */
    static Resource of(ServerlessExpander x) {
        if (!generated(x.provider, x.functions)) {
            return null;
        }
        return new ServerlessIamRole(x).build();
    }

    private Resource build() {
        MapNode provider = x.provider;
        MapNode iam = provider.getMap("iam");
        MapNode role = iam == null ? null : iam.getMap("role");
        Span at = location(provider, iam, role);
        String service = x.serviceName();
        String stage = x.stage();
        String prefix = (service == null ? "*" : service) + "-" + (stage == null ? "*" : stage);
        statements.add(statement(
                at,
                List.of("logs:CreateLogStream", "logs:CreateLogGroup", "logs:TagResource"),
                sub(
                        at,
                        "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/" + prefix
                                + "*:*")));
        statements.add(statement(
                at,
                List.of("logs:PutLogEvents"),
                sub(
                        at,
                        "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/" + prefix
                                + "*:*:*")));
        MapNode.Entry user = role != null && role.entry("statements") != null
                ? role.entry("statements")
                : provider.entry("iamRoleStatements");
        if (user != null) {
            if (user.value() instanceof ListNode l) {
                statements.addAll(l.items());
            } else {
                statements.add(user.value()); // not a list (an unresolved variable): unknown to every check
            }
        }
        for (MapNode.Entry f : x.functions.entries()) {
            if (f.value() instanceof MapNode fn) {
                function(provider, fn);
            }
        }
        events();
        List<MapNode.Entry> p = new ArrayList<>();
        p.add(Trees.entry("AssumeRolePolicyDocument", at, assumeRole(at)));
        MapNode document = Trees.map(
                at,
                List.of(
                        Trees.entry("Version", at, Trees.str(at, "2012-10-17")),
                        Trees.entry("Statement", at, new ListNode(at, List.copyOf(statements)))));
        p.add(Trees.entry(
                "Policies",
                at,
                Trees.list(
                        at,
                        Trees.map(
                                at,
                                List.of(
                                        Trees.entry("PolicyName", at, Trees.str(at, prefix + "-lambda")),
                                        Trees.entry("PolicyDocument", at, document))))));
        p.add(Trees.entry("Path", at, Trees.str(at, "/")));
        Node managed = managedPolicies(provider, role, at);
        if (managed != null) {
            p.add(Trees.entry("ManagedPolicyArns", at, managed));
        }
        if (role != null) {
            MapNode.Entry boundary = role.entry("permissionsBoundary") != null
                    ? role.entry("permissionsBoundary")
                    : role.entry("permissionBoundary");
            if (boundary != null) {
                p.add(Trees.entry("PermissionsBoundary", boundary.keySpan(), boundary.value()));
            }
        }
        return x.resource(LOGICAL_ID, "AWS::IAM::Role", Trees.map(at, p), at);
    }

    /** Where a statement is added: {@code statements}, {@code iamRoleStatements}, {@code iam}, {@code provider}. */
    private Span location(MapNode provider, MapNode iam, MapNode role) {
        if (role != null && role.entry("statements") != null) {
            return role.entry("statements").keySpan();
        }
        if (provider.entry("iamRoleStatements") != null) {
            return provider.entry("iamRoleStatements").keySpan();
        }
        MapNode.Entry p = x.root.entry("provider");
        if (iam != null && p != null && p.value() instanceof MapNode pm && pm.entry("iam") != null) {
            return pm.entry("iam").keySpan();
        }
        return p != null ? p.keySpan() : x.root.span();
    }

    private static MapNode assumeRole(Span at) {
        MapNode statement = Trees.map(
                at,
                List.of(
                        Trees.entry("Effect", at, Trees.str(at, "Allow")),
                        Trees.entry(
                                "Principal",
                                at,
                                Trees.map(at, "Service", Trees.list(at, Trees.str(at, "lambda.amazonaws.com")))),
                        Trees.entry("Action", at, Trees.list(at, Trees.str(at, "sts:AssumeRole")))));
        return Trees.map(
                at,
                List.of(
                        Trees.entry("Version", at, Trees.str(at, "2012-10-17")),
                        Trees.entry("Statement", at, Trees.list(at, statement))));
    }

    private Node managedPolicies(MapNode provider, MapNode role, Span at) {
        List<Node> arns = new ArrayList<>();
        Node user = role != null && role.get("managedPolicies") != null
                ? role.get("managedPolicies")
                : provider.get("iamManagedPolicies");
        if (user instanceof ListNode l) {
            arns.addAll(l.items());
        } else if (user != null) {
            return user; // not a list: unknown
        }
        boolean vpc = provider.get("vpc") != null;
        for (MapNode.Entry f : x.functions.entries()) {
            vpc |= f.value() instanceof MapNode fn && fn.entry("vpc") != null;
        }
        if (vpc) {
            arns.add(Trees.str(at, VPC_POLICY));
        }
        return arns.isEmpty() ? null : new ListNode(at, arns);
    }

    // ---- what the functions add

    private void function(MapNode provider, MapNode fn) {
        MapNode.Entry onError = fn.entry("onError");
        if (onError != null && !(onError.value() instanceof MapNode) && !cloudFormation(onError.value())) {
            // a string (or a variable that resolves to one): the framework grants sns:Publish on it,
            // whatever it names; an intrinsic gets nothing
            statements.add(statement(onError.keySpan(), List.of("sns:Publish"), onError.value()));
        }
        MapNode.Entry destinations = fn.entry("destinations");
        if (destinations != null && destinations.value() instanceof MapNode d && customRole(provider, fn) == null) {
            destination(d.entry("onSuccess"));
            destination(d.entry("onFailure"));
        }
    }

    /** The framework's {@code ensureTargetExecutionPermission}. */
    private void destination(MapNode.Entry e) {
        if (e == null) {
            return;
        }
        Span s = e.keySpan();
        Node v = e.value();
        if (v instanceof MapNode m) {
            Node arn = m.get("arn");
            Node type = m.get("type");
            if (arn == null || type == null) {
                return; // the framework rejects it
            }
            String t = type.text();
            if (t == null) {
                statements.add(statement(s, type, arn)); // the type is not known: nor is the action
                return;
            }
            String action = switch (t) {
                case "function" -> "lambda:InvokeFunction";
                case "sqs" -> "sqs:SendMessage";
                case "sns" -> "sns:Publish";
                case "eventBus" -> "events:PutEvents";
                default -> null;
            };
            if (action != null) {
                statements.add(statement(s, List.of(action), arn));
            }
            return;
        }
        String text = v.text();
        if (text == null) {
            // a variable: neither action nor resource is known; an intrinsic without {arn, type}: the
            // framework refuses to package the service (no permission finding on top of that)
            statements.add(statement(s, v, v));
            return;
        }
        if (!text.startsWith("arn:")) {
            if (x.functions.get(text) != null) {
                // the framework writes the function's ARN with Fn::Sub from its name: the same ARN
                statements.add(
                        statement(s, List.of("lambda:InvokeFunction"), ServerlessExpander.functionArn(v.span(), text)));
            }
            return;
        }
        String action = text.contains(":function:")
                ? "lambda:InvokeFunction"
                : text.contains(":sqs:")
                        ? "sqs:SendMessage"
                        : text.contains(":sns:")
                                ? "sns:Publish"
                                : text.contains(":event-bus/") ? "events:PutEvents" : null;
        if (action != null) {
            statements.add(statement(s, List.of(action), v));
        }
    }

    // ---- what the events add

    private void events() {
        List<Node> queues = new ArrayList<>();
        List<Node> dynamodb = new ArrayList<>();
        List<Node> kinesis = new ArrayList<>();
        List<Node> onFailureSns = new ArrayList<>();
        List<Node> onFailureSqs = new ArrayList<>();
        Span sqsAt = null;
        Span streamAt = null;
        for (MapNode.Entry f : x.functions.entries()) {
            ListNode events = f.value() instanceof MapNode fn ? fn.getList("events") : null;
            for (Node item : events == null ? List.<Node>of() : events.items()) {
                if (!(item instanceof MapNode ev) || ev.size() != 1) {
                    continue;
                }
                MapNode.Entry e = ev.entries().get(0);
                MapNode m = e.value() instanceof MapNode vm ? vm : null;
                Node arn = m != null ? m.get("arn") : e.value();
                if (arn == null) {
                    continue;
                }
                if (e.key().equals("sqs")) {
                    sqsAt = sqsAt == null ? e.keySpan() : sqsAt;
                    queues.add(arn);
                } else if (e.key().equals("stream")) {
                    streamAt = streamAt == null ? e.keySpan() : streamAt;
                    String type = m != null && m.getText("type") != null ? m.getText("type") : streamType(arn);
                    ("dynamodb".equals(type) ? dynamodb : kinesis).add(arn);
                    MapNode d = m == null ? null : m.getMap("destinations");
                    Node of = d == null ? null : d.get("onFailure");
                    if (of != null) {
                        Node target = of instanceof MapNode om ? om.get("arn") : of;
                        String t = of instanceof MapNode om && om.getText("type") != null
                                ? om.getText("type")
                                : target != null
                                                && target.text() != null
                                                && target.text().split(":").length > 2
                                        ? target.text().split(":")[2]
                                        : null;
                        if (target != null && t != null) {
                            ("sns".equals(t) ? onFailureSns : onFailureSqs).add(target);
                        }
                    }
                }
            }
        }
        String[] streamRead = {"GetRecords", "GetShardIterator", "DescribeStream", "ListStreams"};
        add(streamAt, dynamodb, prefixed("dynamodb:", streamRead));
        add(streamAt, kinesis, prefixed("kinesis:", streamRead));
        add(streamAt, onFailureSns, List.of("sns:Publish"));
        add(streamAt, onFailureSqs, List.of("sqs:ListQueues", "sqs:SendMessage"));
        add(sqsAt, queues, List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"));
    }

    private static List<String> prefixed(String prefix, String... actions) {
        List<String> out = new ArrayList<>(actions.length);
        for (String a : actions) {
            out.add(prefix + a);
        }
        return out;
    }

    private void add(Span at, List<Node> resources, List<String> actions) {
        if (!resources.isEmpty()) {
            statements.add(statement(at, actions, new ListNode(at, List.copyOf(resources))));
        }
    }

    /** The stream type an ARN implies ({@code :dynamodb:} or a {@code StreamArn} attribute), else kinesis. */
    private static String streamType(Node arn) {
        String text = arn.text();
        if (text != null) {
            return text.contains(":dynamodb:") ? "dynamodb" : "kinesis";
        }
        if (arn instanceof IntrinsicNode in
                && in.is("Fn::GetAtt")
                && in.argument() instanceof ListNode l
                && l.size() > 1) {
            return "StreamArn".equals(l.get(1).text()) ? "dynamodb" : "kinesis";
        }
        return "kinesis";
    }

    // ---- statements

    private static MapNode statement(Span at, List<String> actions, Node resource) {
        List<Node> a = new ArrayList<>(actions.size());
        for (String action : actions) {
            a.add(Trees.str(at, action));
        }
        return statement(at, new ListNode(at, a), resource);
    }

    private static MapNode statement(Span at, Node action, Node resource) {
        return Trees.map(
                at,
                List.of(
                        Trees.entry("Effect", at, Trees.str(at, "Allow")),
                        Trees.entry("Action", at, action),
                        Trees.entry("Resource", at, resource)));
    }

    private static IntrinsicNode sub(Span at, String text) {
        return new IntrinsicNode(at, "Fn::Sub", Trees.str(at, text));
    }

    /** A CloudFormation intrinsic (not an unresolved framework variable). */
    private static boolean cloudFormation(Node v) {
        return v instanceof IntrinsicNode in && !in.is(ServerlessExpander.UNRESOLVED);
    }
}
