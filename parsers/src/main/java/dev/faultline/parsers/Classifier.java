package dev.faultline.parsers;

import dev.faultline.core.model.InputKind;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;

/** Decides by content what a parsed file is. */
public final class Classifier {

    private Classifier() {}

    /**
     * The kind of a parsed document: {@code null} root → UNPARSEABLE; {@code StartAt} + {@code States}
     * → ASL; a template (a {@code Resources} entry typed {@code AWS::}/{@code Custom::}, or
     * {@code AWSTemplateFormatVersion}) → SAM when it uses the SAM transform or a serverless resource,
     * CDK when it comes from a cloud assembly, else CLOUDFORMATION; a Serverless Framework service
     * ({@link #isServerless}) → SERVERLESS; anything else OTHER.
     */
    public static InputKind classify(Node root, boolean fromCdkAssembly) {
        if (root == null) {
            return InputKind.UNPARSEABLE;
        }
        if (!(root instanceof MapNode m)) {
            return InputKind.OTHER;
        }
        if (m.has("StartAt") && m.get("States") instanceof MapNode) {
            return InputKind.ASL;
        }
        if (!isTemplate(m)) {
            return !fromCdkAssembly && isServerless(m) ? InputKind.SERVERLESS : InputKind.OTHER;
        }
        if (isSam(m)) {
            return InputKind.SAM;
        }
        return fromCdkAssembly ? InputKind.CDK : InputKind.CLOUDFORMATION;
    }

    /**
     * Whether a file that could not be parsed may still be one of Faultline's inputs, so that its syntax
     * error is worth reporting (FL-PARSE-001): its name is one that templates, Serverless Framework
     * services and state machine definitions use ({@code template.*}, {@code serverless.*},
     * {@code *.asl.*}; not {@code *.template}, which other tools use too), or its text mentions what such a file holds (a resource
     * type or {@code AWSTemplateFormatVersion}: {@code AWS::}; an intrinsic function: {@code Fn::},
     * {@code !Ref}, {@code !GetAtt}, {@code !Sub}; {@code Resources} with {@code Type};
     * {@code StartAt} with {@code States}; top-level {@code service:} with {@code provider:} or
     * {@code functions:}). A broken {@code tsconfig.json} (JSON with comments), a CI workflow or a
     * website's metadata is none of these, and a syntax error there is not the user's failure handling.
     */
    public static boolean mayBeInput(String fileName, String text) {
        String name = fileName.toLowerCase(java.util.Locale.ROOT);
        if (name.startsWith("template.") || name.startsWith("serverless.") || name.contains(".asl.")) {
            return true;
        }
        if (text.contains("AWS::")
                || text.contains("Fn::")
                || text.contains("!Ref")
                || text.contains("!GetAtt")
                || text.contains("!Sub")
                || (text.contains("Resources") && text.contains("Type"))) {
            return true;
        }
        if (text.contains("StartAt") && text.contains("States")) {
            return true;
        }
        return topLevelKey(text, "service") && (topLevelKey(text, "provider") || topLevelKey(text, "functions"));
    }

    /** Whether a line of {@code text} starts, unindented, with {@code key:} (a YAML top-level key). */
    private static boolean topLevelKey(String text, String key) {
        int from = 0;
        while (true) {
            int at = text.indexOf(key, from);
            if (at < 0) {
                return false;
            }
            int end = at + key.length();
            if ((at == 0 || text.charAt(at - 1) == '\n') && end < text.length() && text.charAt(end) == ':') {
                return true;
            }
            from = end;
        }
    }

    static boolean isTemplate(MapNode root) {
        if (root.has("AWSTemplateFormatVersion")) {
            return true;
        }
        MapNode resources = root.getMap("Resources");
        if (resources == null) {
            return false;
        }
        for (MapNode.Entry e : resources.entries()) {
            if (e.value() instanceof MapNode r) {
                String type = r.getText("Type");
                if (type != null && (type.startsWith("AWS::") || type.startsWith("Custom::"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A Serverless Framework service file: a {@code service} with {@code provider.name: aws} (or
     * {@code provider: aws}); a {@code service} whose {@code provider} is a variable
     * ({@code ${file(../base.yml):provider}}) with {@code functions}, {@code stepFunctions} or
     * {@code resources}; or a {@code functions} mapping whose entries have a {@code handler} or an
     * {@code image}.
     */
    public static boolean isServerless(MapNode root) {
        Node provider = root.get("provider");
        String providerName =
                provider instanceof MapNode p ? p.getText("name") : provider == null ? null : provider.text();
        if (root.has("service") && "aws".equals(providerName)) {
            return true;
        }
        boolean variable = providerName != null && providerName.startsWith("${");
        if (variable
                && root.has("service")
                && (root.has("functions") || root.has("stepFunctions") || root.has("resources"))) {
            return true; // provider: ${file(../base.yml):provider}, resolved by the reader
        }
        if (variable) {
            providerName = null; // not known to be another provider
        }
        MapNode functions = root.getMap("functions");
        if (functions == null || functions.isEmpty() || (providerName != null && !"aws".equals(providerName))) {
            return false;
        }
        for (MapNode.Entry e : functions.entries()) {
            if (!(e.value() instanceof MapNode fn) || !(fn.has("handler") || fn.has("image"))) {
                return false;
            }
        }
        return true;
    }

    /** The SAM transform, or any {@code AWS::Serverless::*} resource. */
    public static boolean isSam(MapNode root) {
        Node transform = root.get("Transform");
        if (transform != null && mentionsServerless(transform)) {
            return true;
        }
        MapNode resources = root.getMap("Resources");
        if (resources != null) {
            for (MapNode.Entry e : resources.entries()) {
                if (e.value() instanceof MapNode r) {
                    String type = r.getText("Type");
                    if (type != null && type.startsWith("AWS::Serverless::")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean mentionsServerless(Node n) {
        if (n.text() != null) {
            return n.text().startsWith("AWS::Serverless");
        }
        if (n instanceof ListNode l) {
            for (Node item : l.items()) {
                if (item.text() != null && item.text().startsWith("AWS::Serverless")) {
                    return true;
                }
            }
        }
        return false;
    }
}
