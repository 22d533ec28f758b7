package dev.faultline.core.engine;

/** A failure of the tool itself (a rule that threw), reported with the rule and where it was. */
public record ToolError(String ruleId, String location, String message) {
}
