package dev.faultline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.rule.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** {@link BuiltinRules} and the services file name the same rules, in the same order. */
class BuiltinRulesTest {

    private static List<String> names(Iterable<? extends Rule> rules) {
        List<String> names = new ArrayList<>();
        for (Rule r : rules) {
            names.add(r.getClass().getName());
        }
        return names;
    }

    @Test
    void theListIsTheServicesFile() {
        List<String> registered = names(ServiceLoader.load(Rule.class, BuiltinRules.class.getClassLoader()));
        assertThat(registered).hasSizeGreaterThan(50);
        assertThat(names(BuiltinRules.all())).containsExactlyElementsOf(registered);
    }

    @Test
    void eachCallMakesNewRules() {
        assertThat(BuiltinRules.all().get(0)).isNotSameAs(BuiltinRules.all().get(0));
    }
}
