package dev.faultline.core.engine;

import java.util.Objects;

/**
 * A failure of the tool itself (a rule that threw), reported with the rule and where it was.
 * {@code cause} keeps the exception so that {@code --debug} can print its stack trace; it is not
 * part of the output, so two tool errors with the same rule, location and message are equal.
 *
 * @param ruleId   the rule that failed
 * @param location where ({@code file:line:col}, or the element's name)
 * @param message  the exception's class and message, one line
 * @param cause    the exception, or {@code null} when there is none
 */
public record ToolError(String ruleId, String location, String message, Throwable cause) {

    /** A tool error without an exception. */
    public ToolError(String ruleId, String location, String message) {
        this(ruleId, location, message, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToolError t && ruleId.equals(t.ruleId) && location.equals(t.location)
                && message.equals(t.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ruleId, location, message);
    }

    @Override
    public String toString() {
        return "ToolError[" + ruleId + " at " + location + ": " + message + "]";
    }
}
