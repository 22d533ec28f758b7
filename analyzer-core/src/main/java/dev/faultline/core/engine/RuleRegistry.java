package dev.faultline.core.engine;

import dev.faultline.core.rule.InputRules;
import dev.faultline.core.rule.Rule;
import dev.faultline.core.rule.RuleMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The known rules: built-in ones found through {@link ServiceLoader}, plus any given explicitly,
 * plus plugin rules loaded from jars ({@link #withPlugins}). Ids are unique; the
 * {@value RuleMetadata#RESERVED_PREFIX} prefix is reserved for built-in rules.
 */
public final class RuleRegistry {

    /** The package of Faultline's own classes; only rules in it may use the reserved prefix. */
    private static final String OWN_PACKAGE = "dev.faultline.";

    private final Map<String, Rule> rules;
    private final Map<String, RuleMetadata> metadata;
    private final Map<String, String> origins;

    private RuleRegistry(Map<String, Rule> rules) {
        this(rules, Map.of());
    }

    private RuleRegistry(Map<String, Rule> rules, Map<String, String> origins) {
        this.rules = rules;
        this.origins = origins;
        Map<String, RuleMetadata> md = new TreeMap<>();
        for (RuleMetadata m : InputRules.ALL) {
            md.put(m.id(), m);
        }
        for (Rule r : rules.values()) {
            md.put(r.metadata().id(), r.metadata());
        }
        this.metadata = md;
    }

    /**
     * The rules registered with {@link ServiceLoader} on a class loader: the built-in rules, and
     * any plugin rules on the same class path (the Maven plugin's dependencies).
     *
     * @param loader the class loader to search
     * @return the registry
     * @throws IllegalStateException when a registered rule cannot be loaded or created, two rules share
     *                               an id, or a rule outside Faultline's own packages uses the reserved
     *                               {@value RuleMetadata#RESERVED_PREFIX} prefix
     */
    public static RuleRegistry load(ClassLoader loader) {
        List<Rule> found = new ArrayList<>();
        Iterator<Rule> it = ServiceLoader.load(Rule.class, loader).iterator();
        while (true) {
            Rule r;
            RuleMetadata m;
            try {
                if (!it.hasNext()) {
                    break;
                }
                r = it.next();
                m = r.metadata();
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                // a rule class that is missing, cannot be created or cannot describe itself
                throw new IllegalStateException("cannot load a rule: " + rootMessage(e), e);
            }
            if (m.hasReservedPrefix() && !r.getClass().getName().startsWith(OWN_PACKAGE)) {
                throw new IllegalStateException("rule " + r.getClass().getName() + " uses the id " + m.id()
                        + ", but the prefix " + RuleMetadata.RESERVED_PREFIX
                        + " is reserved for Faultline's built-in rules; choose a prefix of your own (ACME-SQS-001)");
            }
            found.add(r);
        }
        return of(found);
    }

    private static String rootMessage(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (sb.length() > 0) {
                sb.append(": ");
            }
            String m = t.getMessage();
            sb.append(m == null || m.isBlank() ? t.getClass().getSimpleName() : m.replace('\n', ' '));
        }
        return sb.toString();
    }

    /**
     * The rules registered on this class's loader.
     *
     * @return the registry
     */
    public static RuleRegistry load() {
        return load(RuleRegistry.class.getClassLoader());
    }

    /**
     * A registry of exactly these rules (and the input rules of {@link InputRules}).
     *
     * @param list the rules
     * @return the registry
     * @throws IllegalStateException when two rules share an id
     */
    public static RuleRegistry of(Collection<? extends Rule> list) {
        Map<String, Rule> m = new TreeMap<>();
        for (Rule r : list) {
            String id = r.metadata().id();
            if (m.containsKey(id) || isInputRule(id)) {
                throw new IllegalStateException("two rules share the id " + id + ": "
                        + r.getClass().getName() + " and "
                        + (m.containsKey(id) ? m.get(id).getClass().getName() : "a built-in input rule"));
            }
            m.put(id, r);
        }
        return new RuleRegistry(m);
    }

    private static boolean isInputRule(String id) {
        for (RuleMetadata x : InputRules.ALL) {
            if (x.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /**
     * This registry plus the rules of plugin jars, each jar on its own class loader.
     *
     * @param loader loads one jar
     * @param jars   the jars, with the names to show for them (as the user wrote them), in order
     * @return a new registry; this one is unchanged
     * @throws PluginException when a jar cannot be loaded, or one of its rules uses the reserved
     *                         {@value RuleMetadata#RESERVED_PREFIX} prefix or an id that is already taken
     */
    public RuleRegistry withPlugins(PluginLoader loader, Map<Path, String> jars) throws PluginException {
        Map<String, Rule> all = new TreeMap<>(rules);
        Map<String, String> from = new TreeMap<>(origins);
        for (Map.Entry<Path, String> jar : jars.entrySet()) {
            for (Rule r : loader.load(jar.getKey(), jar.getValue())) {
                RuleMetadata m = r.metadata();
                String id = m.id();
                if (m.hasReservedPrefix()) {
                    throw new PluginException(
                            jar.getKey(),
                            jar.getValue(),
                            "rule " + id + " ("
                                    + r.getClass().getName() + ") uses the prefix " + RuleMetadata.RESERVED_PREFIX
                                    + ", which is reserved for Faultline's built-in rules; choose a prefix of your own"
                                    + " (ACME-SQS-001)",
                            null);
                }
                if (all.containsKey(id) || metadata.containsKey(id)) {
                    String other = from.containsKey(id) ? "a rule of plugin " + from.get(id) : "a built-in rule";
                    throw new PluginException(
                            jar.getKey(),
                            jar.getValue(),
                            "rule " + id + " (" + r.getClass().getName() + ") has the same id as " + other,
                            null);
                }
                all.put(id, r);
                from.put(id, jar.getValue());
            }
        }
        return new RuleRegistry(all, from);
    }

    /**
     * Where a rule comes from.
     *
     * @param id a rule id
     * @return the plugin jar (as the user named it) of a plugin rule; empty for a built-in or unknown rule
     */
    public Optional<String> origin(String id) {
        return Optional.ofNullable(origins.get(id));
    }

    /**
     * Rules with a visitor, sorted by id.
     *
     * @return the rules
     */
    public List<Rule> rules() {
        return List.copyOf(rules.values());
    }

    /**
     * Metadata of every rule, visitor or input rule, sorted by id.
     *
     * @return the metadata
     */
    public List<RuleMetadata> allMetadata() {
        List<RuleMetadata> l = new ArrayList<>(metadata.values());
        l.sort(new Comparator<RuleMetadata>() {
            @Override
            public int compare(RuleMetadata a, RuleMetadata b) {
                return a.id().compareTo(b.id());
            }
        });
        return l;
    }

    /**
     * @param id a rule id
     * @return its metadata, or {@code null} when no rule has that id
     */
    public RuleMetadata metadata(String id) {
        return metadata.get(id);
    }

    /**
     * @param id a rule id
     * @return the rule, or {@code null} for an unknown id or an input rule (which has no visitor)
     */
    public Rule rule(String id) {
        return rules.get(id);
    }

    /**
     * @param id a rule id
     * @return whether a rule (visitor or input rule) has that id
     */
    public boolean exists(String id) {
        return metadata.containsKey(id);
    }
}
