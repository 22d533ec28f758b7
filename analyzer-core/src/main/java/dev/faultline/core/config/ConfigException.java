package dev.faultline.core.config;

import java.util.List;

/**
 * An invalid configuration: every problem located as {@code file:line:col: what is wrong}. The CLI
 * prints the message and exits with code 2.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    public ConfigException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    /** The located problems, one per line of the message. */
    public List<String> problems() {
        return problems;
    }
}
