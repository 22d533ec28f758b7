package dev.faultline.cli;

/**
 * A usage or configuration problem found while running a command (a missing path, an unknown rule):
 * printed as one line, exit code 2.
 */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
