package dev.faultline.core.model;

import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;

/**
 * Which local template a nested stack resource deploys: {@code AWS::CloudFormation::Stack} with a
 * literal local {@code TemplateURL}, {@code AWS::Serverless::Application} with a literal local
 * {@code Location} (the paths {@code aws cloudformation package} and {@code sam build} upload), or a
 * CDK nested stack's {@code Metadata["aws:asset:path"]}. The loader reads these files and the graph
 * links them, through this one reading.
 */
public final class NestedStacks {

    /** {@code AWS::CloudFormation::Stack}. */
    public static final String STACK = "AWS::CloudFormation::Stack";

    /** {@code AWS::Serverless::Application}. */
    public static final String APPLICATION = "AWS::Serverless::Application";

    private NestedStacks() {}

    /** Whether a template has a nested stack or a SAM nested application (without reading its resources). */
    public static boolean hasNestedStacks(Template t) {
        return t.declares(STACK) || t.declares(APPLICATION);
    }

    /** Whether a resource is a nested stack or a SAM nested application. */
    public static boolean isNestedStack(Resource r) {
        return STACK.equals(r.type()) || APPLICATION.equals(r.type());
    }

    /** The property that names a nested stack's template: {@code TemplateURL} or {@code Location}. */
    public static String locationProperty(Resource r) {
        return STACK.equals(r.type()) ? "TemplateURL" : "Location";
    }

    /**
     * The local path (relative to the template's directory) of the template a nested stack
     * resource deploys, or null: a remote URL, a SAR application, a dynamic reference or a value
     * built by intrinsics (a URL prefix filled in at deploy time) is not a local path.
     */
    public static String localTemplate(Resource r) {
        if (!isNestedStack(r)) {
            return null;
        }
        Node asset = r.metadata().get("aws:asset:path");
        if (asset instanceof ScalarNode a && !a.value().isEmpty()) {
            return a.value();
        }
        String location = r.property(locationProperty(r)) instanceof ScalarNode s ? s.value() : null;
        if (location == null
                || location.isEmpty()
                || location.contains("://")
                || location.startsWith("s3:")
                || location.contains("{{resolve:")) {
            return null;
        }
        return location;
    }
}
