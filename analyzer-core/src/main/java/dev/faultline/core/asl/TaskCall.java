package dev.faultline.core.asl;

import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a Task state calls and whether the call writes, read from its {@code Resource} (and the
 * {@code Method} of an HTTP or API Gateway call). The one place that decides "read-only or
 * writing" for every rule: FL-SFN-001 (a Map or Parallel that strands writes), FL-SFN-014
 * (uncompensated write sequence), FL-SFN-017 (service integrations without a retrier).
 *
 * <p>Read-only means an action that only reads: {@code get*}, {@code list*}, {@code describe*},
 * {@code query}, {@code scan}, {@code batchGet*}, {@code head*}, {@code select*}, {@code search*},
 * {@code detect*}, {@code analyze*} (optimized integrations and {@code aws-sdk:<service>:<action>}
 * alike), model inference and translation ({@code invokeModel}, {@code converse},
 * {@code invokeEndpoint}, {@code translateText}: they compute an answer and change nothing), or an HTTP {@code GET}/{@code HEAD}/{@code OPTIONS}. Every other known action writes. A
 * Lambda function or an activity runs user code: its effect is unknown. A {@code Resource} that is
 * only a placeholder is unknown here; {@code ResourceGraph.taskCall} refines it through the
 * state's {@code taskTarget} edges.
 *
 * @param integration what kind of target is called
 * @param service     the service ({@code dynamodb}, {@code s3}), or empty when not an AWS service call
 * @param action      the action ({@code putItem}, {@code getObject}), or empty
 * @param pattern     the integration pattern
 * @param effect      whether the call only reads, writes, or is unknown
 * @param form        how the {@code Resource} names the call: an optimized integration, an AWS SDK
 *                    integration, or the target's own ARN (a function, an activity)
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/integrate-services.html">Integrating services with Step Functions</a>
 */
public record TaskCall(
        Integration integration, String service, String action, Pattern pattern, Effect effect, Form form) {

    /** The kind of target. */
    public enum Integration {
        /** {@code lambda:invoke}, {@code aws-sdk:lambda:invoke} or a function ARN. */
        LAMBDA,
        /** An optimized integration or {@code aws-sdk:<service>:<action>} other than Lambda. */
        AWS_SERVICE,
        /** {@code arn:aws:states:::http:invoke}: an HTTPS endpoint outside AWS. */
        HTTP,
        /** {@code arn:aws:states:::apigateway:invoke}. */
        API_GATEWAY,
        /** An activity ARN: a worker polls for the task. */
        ACTIVITY,
        /** The Resource cannot be read (a placeholder, a JSONata expression, nothing). */
        UNKNOWN
    }

    /** The integration pattern, from the Resource's suffix. */
    public enum Pattern {
        REQUEST_RESPONSE,
        SYNC,
        CALLBACK
    }

    /** How the {@code Resource} names the call. */
    public enum Form {
        /** {@code arn:aws:states:::<service>:<action>} (optimized integrations, HTTP, API Gateway). */
        OPTIMIZED,
        /** {@code arn:aws:states:::aws-sdk:<service>:<action>}. */
        SDK,
        /**
         * The target's own ARN: a Lambda function ARN or an activity ARN, written or behind a
         * placeholder the graph resolved to a function or an activity.
         */
        TARGET_ARN,
        /** The Resource cannot be read. */
        UNKNOWN
    }

    /** What the call does to the world. */
    public enum Effect {
        READ_ONLY,
        WRITES,
        UNKNOWN
    }

    private static final String STATES_PREFIX = ":states:::";

    /** Action prefixes of read-only API calls (compared in lower case). */
    private static final List<String> READ_PREFIXES = List.of(
            "get", "list", "describe", "query", "scan", "batchget", "head", "select", "search", "detect", "analyze");

    private static final List<String> READ_METHODS = List.of("GET", "HEAD", "OPTIONS");

    /**
     * Actions that compute an answer and change nothing: model inference (Bedrock {@code invokeModel},
     * {@code converse}, SageMaker {@code invokeEndpoint}) and text translation (compared in lower case).
     */
    private static final List<String> COMPUTE_ACTIONS = List.of(
            "invokemodel",
            "invokemodelwithresponsestream",
            "converse",
            "conversestream",
            "invokeendpoint",
            "translatetext");

    /**
     * The call of a Task state (its {@code Resource}, and {@code Parameters}/{@code Arguments} for
     * the method); a service, action or method that holds one of the machine's placeholders is unknown.
     */
    public static TaskCall of(State task, StateMachine machine) {
        MapNode args = task.body().getMap("Parameters");
        if (args == null) {
            args = task.body().getMap("Arguments");
        }
        Map<String, Placeholder> ph = machine.placeholders();
        return of(
                task.resourceText(),
                args,
                text -> text.contains("${") || ph.keySet().stream().anyMatch(p -> !p.isEmpty() && text.contains(p)));
    }

    /** Like {@link #of(String, MapNode, Predicate)}, with {@code ${X}} as the only placeholder form. */
    public static TaskCall of(String resource, MapNode arguments) {
        return of(resource, arguments, text -> text.contains("${"));
    }

    /**
     * The call a {@code Resource} text names.
     *
     * @param resource  the Resource text (placeholders kept), or null
     * @param arguments the state's {@code Parameters} or {@code Arguments}, or null
     * @param placeholder whether a text holds a placeholder that stood for an intrinsic
     * @return the classification; {@link Integration#UNKNOWN} when the text does not say
     */
    public static TaskCall of(String resource, MapNode arguments, Predicate<String> placeholder) {
        if (resource == null || resource.isBlank() || resource.startsWith("{%")) {
            return unknown(Pattern.REQUEST_RESPONSE);
        }
        Pattern pattern = patternOf(resource);
        int at = resource.indexOf(STATES_PREFIX);
        if (at >= 0) {
            String api = stripPattern(resource.substring(at + STATES_PREFIX.length()));
            boolean sdk = api.startsWith("aws-sdk:");
            if (sdk) {
                api = api.substring("aws-sdk:".length());
            }
            int colon = api.indexOf(':');
            String service = colon < 0 ? api : api.substring(0, colon);
            String action = colon < 0 ? "" : api.substring(colon + 1);
            Form form = sdk ? Form.SDK : Form.OPTIMIZED;
            if (service.equals("lambda") && action.equals("invoke")) {
                return new TaskCall(Integration.LAMBDA, service, action, pattern, Effect.UNKNOWN, form);
            }
            if (!sdk && service.equals("http") && action.equals("invoke")) {
                return new TaskCall(
                        Integration.HTTP, service, action, pattern, methodEffect(arguments, placeholder), form);
            }
            if (!sdk && service.equals("apigateway") && action.equals("invoke")) {
                return new TaskCall(
                        Integration.API_GATEWAY, service, action, pattern, methodEffect(arguments, placeholder), form);
            }
            if (service.isEmpty() || action.isEmpty() || placeholder.test(service) || placeholder.test(action)) {
                return new TaskCall(Integration.AWS_SERVICE, service, action, pattern, Effect.UNKNOWN, form);
            }
            return new TaskCall(Integration.AWS_SERVICE, service, action, pattern, actionEffect(action), form);
        }
        if (resource.contains(":states:") && resource.contains(":activity:")) {
            return new TaskCall(Integration.ACTIVITY, "", "", Pattern.CALLBACK, Effect.UNKNOWN, Form.TARGET_ARN);
        }
        if (resource.contains(":lambda:") && resource.contains(":function:")) {
            return new TaskCall(
                    Integration.LAMBDA, "lambda", "invoke", Pattern.REQUEST_RESPONSE, Effect.UNKNOWN, Form.TARGET_ARN);
        }
        return unknown(pattern);
    }

    /** A call whose target is not known from the text. */
    public static TaskCall unknown(Pattern pattern) {
        return new TaskCall(Integration.UNKNOWN, "", "", pattern, Effect.UNKNOWN, Form.UNKNOWN);
    }

    /**
     * The call of a Resource that is only a placeholder the graph resolved to its target (a function,
     * an activity): the target's ARN, with the pattern that target has; effect unknown.
     */
    public TaskCall as(Integration resolved) {
        boolean activity = resolved == Integration.ACTIVITY;
        return new TaskCall(
                resolved,
                activity ? "" : "lambda",
                activity ? "" : "invoke",
                activity ? Pattern.CALLBACK : Pattern.REQUEST_RESPONSE,
                Effect.UNKNOWN,
                Form.TARGET_ARN);
    }

    /**
     * Whether the task runs a Lambda function through the Lambda integration ({@code lambda:invoke})
     * or the function's ARN; an {@code aws-sdk:lambda:invoke} call is an SDK call and not counted.
     */
    public boolean lambdaTask() {
        return integration == Integration.LAMBDA && form != Form.SDK;
    }

    /** Whether the call certainly only reads. */
    public boolean readOnly() {
        return effect == Effect.READ_ONLY;
    }

    /** Whether the call certainly writes (a known non-reading AWS action, or a non-GET HTTP call). */
    public boolean writes() {
        return effect == Effect.WRITES;
    }

    /** Whether the call goes to an HTTP endpoint ({@code http:invoke}, {@code apigateway:invoke}). */
    public boolean external() {
        return integration == Integration.HTTP || integration == Integration.API_GATEWAY;
    }

    /** Whether the call is an AWS service integration (optimized or SDK), not Lambda or HTTP. */
    public boolean awsService() {
        return integration == Integration.AWS_SERVICE;
    }

    /** {@code service:action}, for messages; empty when not known. */
    public String api() {
        return service.isEmpty() ? "" : service + ":" + action;
    }

    private static Pattern patternOf(String resource) {
        if (resource.endsWith(".waitForTaskToken")) {
            return Pattern.CALLBACK;
        }
        if (resource.endsWith(".sync") || resource.contains(".sync:")) {
            return Pattern.SYNC;
        }
        return Pattern.REQUEST_RESPONSE;
    }

    private static String stripPattern(String api) {
        for (String suffix : new String[] {".waitForTaskToken", ".sync"}) {
            int i = api.indexOf(suffix);
            if (i >= 0) {
                return api.substring(0, i);
            }
        }
        return api;
    }

    private static Effect actionEffect(String action) {
        String a = action.toLowerCase(Locale.ROOT);
        if (COMPUTE_ACTIONS.contains(a)) {
            return Effect.READ_ONLY;
        }
        for (String p : READ_PREFIXES) {
            if (a.startsWith(p)) {
                return Effect.READ_ONLY;
            }
        }
        return Effect.WRITES;
    }

    private static Effect methodEffect(MapNode arguments, Predicate<String> placeholder) {
        Node m = arguments == null ? null : arguments.get("Method");
        String method = m == null ? null : m.text();
        if (method == null || method.isBlank() || placeholder.test(method) || method.startsWith("{%")) {
            return Effect.UNKNOWN;
        }
        return READ_METHODS.contains(method.trim().toUpperCase(Locale.ROOT)) ? Effect.READ_ONLY : Effect.WRITES;
    }
}
