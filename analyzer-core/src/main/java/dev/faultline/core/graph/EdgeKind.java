package dev.faultline.core.graph;

import java.util.Locale;

/** The typed relations of the resource graph. */
public enum EdgeKind {
    /** {@code Ref}, {@code Fn::GetAtt} or {@code Fn::Sub} from one resource to another. */
    REFERENCES,
    /** An event source mapping reads a queue or stream: source → mapping. */
    CONSUMES,
    /** Something invokes a function (or state machine), with an {@link InvocationMode}. */
    INVOKES,
    /** Failures of the source go to the target: DLQ, OnFailure destination, redrive, ... */
    FAILS_TO,
    /** Successful results go to the target (OnSuccess destination). */
    SUCCEEDS_TO,
    /** A subscription or rule listens to a topic, bus or queue. */
    SUBSCRIBES,
    /** A CloudWatch alarm watches a resource through its dimensions. */
    ALARMS,
    /** An ASL task calls a function or service. */
    TASK_TARGET,
    /** A configuration resource applies to another (EventInvokeConfig → function, policy → queue). */
    CONFIGURES;

    /** camelCase name used in JSON: {@code failsTo}, {@code taskTarget}. */
    public String label() {
        String[] parts = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return sb.toString();
    }
}
