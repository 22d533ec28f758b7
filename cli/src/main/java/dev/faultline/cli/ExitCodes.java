package dev.faultline.cli;

/** The process exit codes of docs/architecture.md. */
final class ExitCodes {

    /** No finding at or above {@code --fail-on}. */
    static final int OK = 0;
    /** Findings at or above {@code --fail-on}. */
    static final int FINDINGS = 1;
    /** A usage or configuration error. */
    static final int USAGE = 2;
    /** An internal error: an uncaught exception, or a rule that threw. */
    static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
