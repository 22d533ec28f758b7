package dev.faultline.core.engine;

import dev.faultline.core.rule.Rule;
import dev.faultline.core.rule.RuleMetadata;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;

/**
 * Loads the rules of one plugin jar: the classes registered under
 * {@code META-INF/services/dev.faultline.core.rule.Rule} in that jar, instantiated through
 * {@link ServiceLoader} on a {@link URLClassLoader} whose parent is the loader of the Faultline
 * API (so the plugin sees analyzer-core and nothing of the plugins loaded next to it).
 *
 * <p>Every failure is a {@link PluginException} naming the jar; nothing a plugin throws while
 * loading escapes as another exception. The class loader stays open for the life of the process
 * because the rules run on it.
 */
public final class PluginLoader {

    private final ClassLoader parent;

    /** @param parent the parent of each plugin's class loader; must see analyzer-core */
    public PluginLoader(ClassLoader parent) {
        this.parent = parent;
    }

    /** A loader whose plugins see the class loader of analyzer-core (the application class loader in the CLI). */
    public PluginLoader() {
        this(PluginLoader.class.getClassLoader());
    }

    /**
     * The rules of one jar.
     *
     * @param jar     the jar file
     * @param display how to name the jar in messages
     * @return the rules the jar registers, at least one
     * @throws PluginException when the jar is missing or unreadable, registers no rule, or a rule
     *                         cannot be loaded, instantiated or describe itself
     */
    public List<Rule> load(Path jar, String display) throws PluginException {
        if (!Files.isRegularFile(jar)) {
            throw new PluginException(
                    jar, display, Files.isDirectory(jar) ? "is a directory, not a jar" : "no such file", null);
        }
        try (JarFile ignored = new JarFile(jar.toFile())) {
            // opened only to check that it is a jar; the class loader reads it again
            ignored.size();
        } catch (IOException | SecurityException e) {
            throw new PluginException(jar, display, "not a readable jar (" + describe(e) + ")", e);
        }
        URL url;
        try {
            url = jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new PluginException(jar, display, "cannot be turned into a class path entry: " + describe(e), e);
        }
        URLClassLoader cl = new URLClassLoader("faultline-plugin:" + jar.getFileName(), new URL[] {url}, parent);
        List<Rule> rules = new ArrayList<>();
        try {
            Iterator<ServiceLoader.Provider<Rule>> it =
                    ServiceLoader.load(Rule.class, cl).stream().iterator();
            while (true) {
                ServiceLoader.Provider<Rule> p;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    p = it.next();
                } catch (ServiceConfigurationError | LinkageError e) {
                    throw new PluginException(jar, display, "bad rule registration: " + describe(e), e);
                }
                if (p.type().getClassLoader() != cl) {
                    continue; // a rule of the parent (a built-in rule), not of this jar
                }
                rules.add(instantiate(p, jar, display));
            }
        } catch (PluginException e) {
            closeQuietly(cl, e);
            throw e;
        }
        if (rules.isEmpty()) {
            PluginException e = new PluginException(
                    jar, display, "registers no rule (expected META-INF/services/" + Rule.class.getName() + ")", null);
            closeQuietly(cl, e);
            throw e;
        }
        return rules;
    }

    private static Rule instantiate(ServiceLoader.Provider<Rule> p, Path jar, String display) throws PluginException {
        String name = p.type().getName();
        Rule rule;
        try {
            rule = p.get();
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            throw new PluginException(
                    jar, display, "rule " + name + " cannot be created: " + describe(rootCause(e)), e);
        }
        try {
            RuleMetadata m = rule.metadata();
            if (m == null) {
                throw new PluginException(jar, display, "rule " + name + " has no metadata", null);
            }
            if (rule.subscription() == null) {
                throw new PluginException(jar, display, "rule " + m.id() + " (" + name + ") has no subscription", null);
            }
        } catch (RuntimeException | LinkageError e) {
            throw new PluginException(
                    jar, display, "rule " + name + " cannot describe itself: " + describe(rootCause(e)), e);
        }
        return rule;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        String type = e.getClass().getSimpleName();
        return m == null || m.isBlank() ? type : type + ": " + m.replace('\n', ' ');
    }

    /** Closes the loader of a refused plugin; a failure to close travels with the refusal. */
    private static void closeQuietly(URLClassLoader cl, PluginException primary) {
        try {
            cl.close();
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }
}
