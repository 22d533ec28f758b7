package dev.faultline.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The subset of the SARIF 2.1.0 object model that Faultline writes, as immutable records. Field
 * names are the SARIF property names; empty and null values are left out when serialized.
 */
final class Sarif {

    private Sarif() {}

    @JsonPropertyOrder({"$schema", "version", "runs"})
    record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {}

    record Run(
            Tool tool,
            AutomationDetails automationDetails,
            Map<String, ArtifactLocation> originalUriBaseIds,
            List<Invocation> invocations,
            // always written, also empty: GitHub code scanning rejects a run without results,
            // and an empty upload is how fixed alerts get closed
            @JsonInclude(JsonInclude.Include.ALWAYS) List<Result> results,
            String columnKind) {}

    record Tool(ToolComponent driver) {}

    record ToolComponent(
            String name,
            String version,
            String semanticVersion,
            String informationUri,
            List<ReportingDescriptor> rules) {}

    record ReportingDescriptor(
            String id,
            String name,
            Message shortDescription,
            Message fullDescription,
            MultiformatMessage help,
            String helpUri,
            Configuration defaultConfiguration,
            Map<String, Object> properties) {}

    record Configuration(String level) {}

    record Message(String text) {}

    record MultiformatMessage(String text, String markdown) {}

    record AutomationDetails(String id) {}

    record Invocation(boolean executionSuccessful, List<Notification> toolExecutionNotifications) {}

    record Notification(
            String level, Message message, DescriptorReference descriptor, DescriptorReference associatedRule) {}

    record DescriptorReference(String id) {}

    record Result(
            String ruleId,
            Integer ruleIndex,
            String level,
            Message message,
            List<Location> locations,
            Map<String, String> partialFingerprints,
            List<Fix> fixes,
            List<Suppression> suppressions,
            Map<String, Object> properties) {}

    record Location(PhysicalLocation physicalLocation, List<LogicalLocation> logicalLocations) {}

    record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {}

    record ArtifactLocation(String uri, String uriBaseId) {}

    record Region(int startLine, int startColumn, int endLine, int endColumn) {}

    record LogicalLocation(String name, String fullyQualifiedName, String kind) {}

    record Fix(Message description, List<ArtifactChange> artifactChanges) {}

    record ArtifactChange(ArtifactLocation artifactLocation, List<Replacement> replacements) {}

    record Replacement(Region deletedRegion, Message insertedContent) {}

    record Suppression(String kind, String justification) {}
}
