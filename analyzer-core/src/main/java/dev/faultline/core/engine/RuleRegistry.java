package dev.faultline.core.engine;

import dev.faultline.core.rule.InputRules;
import dev.faultline.core.rule.Rule;
import dev.faultline.core.rule.RuleMetadata;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The known rules: built-in ones found through {@link ServiceLoader}, plus any given explicitly. */
public final class RuleRegistry {

    private final Map<String, Rule> rules;
    private final Map<String, RuleMetadata> metadata;

    private RuleRegistry(Map<String, Rule> rules) {
        this.rules = rules;
        Map<String, RuleMetadata> md = new TreeMap<>();
        for (RuleMetadata m : InputRules.ALL) {
            md.put(m.id(), m);
        }
        for (Rule r : rules.values()) {
            md.put(r.metadata().id(), r.metadata());
        }
        this.metadata = md;
    }

    /** The rules registered with {@link ServiceLoader} on a class loader. */
    public static RuleRegistry load(ClassLoader loader) {
        List<Rule> found = new ArrayList<>();
        for (Rule r : ServiceLoader.load(Rule.class, loader)) {
            found.add(r);
        }
        return of(found);
    }

    /** The rules registered on this class's loader. */
    public static RuleRegistry load() {
        return load(RuleRegistry.class.getClassLoader());
    }

    /** A registry of exactly these rules; ids must be unique. */
    public static RuleRegistry of(Collection<? extends Rule> list) {
        Map<String, Rule> m = new TreeMap<>();
        for (Rule r : list) {
            String id = r.metadata().id();
            if (m.containsKey(id) || InputRules.ALL.stream().anyMatch(x -> x.id().equals(id))) {
                throw new IllegalStateException("two rules share the id " + id + ": "
                        + r.getClass().getName() + " and "
                        + (m.containsKey(id) ? m.get(id).getClass().getName() : "a built-in input rule"));
            }
            m.put(id, r);
        }
        return new RuleRegistry(m);
    }

    /** Rules with a visitor, sorted by id. */
    public List<Rule> rules() {
        return List.copyOf(rules.values());
    }

    /** Metadata of every rule, visitor or input rule, sorted by id. */
    public List<RuleMetadata> allMetadata() {
        List<RuleMetadata> l = new ArrayList<>(metadata.values());
        l.sort(Comparator.comparing(RuleMetadata::id));
        return l;
    }

    public RuleMetadata metadata(String id) {
        return metadata.get(id);
    }

    public Rule rule(String id) {
        return rules.get(id);
    }

    public boolean exists(String id) {
        return metadata.containsKey(id);
    }
}
