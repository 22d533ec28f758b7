package dev.faultline.core.engine;

/**
 * Where an analysis says what it is doing, for a status line on a terminal: one short phrase per
 * phase ("read 812 files; linting 640 templates and 95 state machines"). Called on the analysis thread;
 * implementations must be cheap and must not write to a report.
 */
@FunctionalInterface
public interface Progress {

    /** Says nothing. */
    Progress NONE = status -> { };

    /** @param status what the analysis does now */
    void status(String status);
}
