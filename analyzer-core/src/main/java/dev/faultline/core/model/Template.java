package dev.faultline.core.model;

import dev.faultline.core.tree.MapNode;
import java.util.Collection;
import java.util.Map;

/**
 * A parsed CloudFormation or SAM template: typed access over its located tree.
 *
 * @param file       the input file
 * @param root       the whole document
 * @param sam        whether SAM semantics apply (the transform, or any {@code AWS::Serverless::*})
 * @param parameters parameters by name, in file order
 * @param conditions {@code Conditions} (empty map when absent)
 * @param mappings   {@code Mappings} (empty map when absent)
 * @param globals    SAM {@code Globals} (empty map when absent)
 * @param resources  resources by logical id, in file order
 * @param outputs    {@code Outputs} (empty map when absent)
 * @param metadata   template-level {@code Metadata} (empty map when absent)
 * @param stackName  the CDK stack name when the template comes from a cloud assembly (the stack
 *                   artifact's {@code displayName}, else its id, e.g. {@code Prod/Workflow}; for a
 *                   nested stack {@code <parent stack>/<logical id of its AWS::CloudFormation::Stack>}),
 *                   else {@code null}
 */
public record Template(
        InputFile file,
        MapNode root,
        boolean sam,
        Map<String, Parameter> parameters,
        MapNode conditions,
        MapNode mappings,
        MapNode globals,
        Map<String, Resource> resources,
        MapNode outputs,
        MapNode metadata,
        String stackName) {

    /**
     * @param logicalId a logical id
     * @return the resource, or {@code null}
     */
    public Resource resource(String logicalId) {
        return resources.get(logicalId);
    }

    /**
     * @return every resource, in document order
     */
    public Collection<Resource> allResources() {
        return resources.values();
    }

    /**
     * @return the path shown in reports (relative, with {@code /})
     */
    public String displayPath() {
        return file.displayPath();
    }
}
