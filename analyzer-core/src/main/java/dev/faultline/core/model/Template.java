package dev.faultline.core.model;

import dev.faultline.core.tree.MapNode;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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
 * @param resourceTypes the types of its resources, always worked out from {@code resources} by the
 *                   constructor (what is passed is not read, so it cannot disagree), when the template
 *                   is made and its tree is fresh: the passes over every template of a run that look
 *                   for a few types (nested stacks, state machines, SAM) skip the templates without
 *                   them instead of reading each resource again
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
        String stackName,
        Set<String> resourceTypes) {

    /** Works the resource types out from {@code resources}. */
    public Template {
        resourceTypes = typesOf(resources);
    }

    /** A template (its resource types are worked out from {@code resources}). */
    public Template(
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
        this(
                file,
                root,
                sam,
                parameters,
                conditions,
                mappings,
                globals,
                resources,
                outputs,
                metadata,
                stackName,
                Set.of());
    }

    private static Set<String> typesOf(Map<String, Resource> resources) {
        Set<String> types = new HashSet<>();
        for (Resource r : resources.values()) {
            if (r.type() != null) {
                types.add(r.type());
            }
        }
        return Set.copyOf(types);
    }

    /**
     * @param type a resource type
     * @return whether a resource of the template has it
     */
    public boolean declares(String type) {
        return resourceTypes.contains(type);
    }

    /**
     * @param prefix the start of resource types, such as {@code AWS::Serverless::}
     * @return whether a resource of the template has a type that starts with it
     */
    public boolean declaresTypeStartingWith(String prefix) {
        for (String type : resourceTypes) {
            if (type.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

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
