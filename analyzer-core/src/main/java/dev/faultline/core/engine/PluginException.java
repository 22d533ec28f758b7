package dev.faultline.core.engine;

import java.nio.file.Path;

/**
 * A rule plugin that cannot be used: a missing or unreadable jar, a rule class that cannot be
 * loaded or instantiated, a jar without rules, or a rule id that clashes with another rule or
 * uses the reserved {@code FL-} prefix. The message names the jar and the problem and is meant
 * to be shown to the user as is (the command line exits with 2).
 */
public final class PluginException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path jar;

    /**
     * @param jar     the plugin jar
     * @param display how the jar is named to the user (as given on the command line or in the config file)
     * @param problem what is wrong, one sentence without the jar name
     * @param cause   the underlying exception, or {@code null}
     */
    public PluginException(Path jar, String display, String problem, Throwable cause) {
        super("plugin " + display + ": " + problem, cause);
        this.jar = jar;
    }

    /** @return the plugin jar the problem is about */
    public Path jar() {
        return jar;
    }
}
