package dev.faultline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.faultline.core.engine.RuleRegistry;
import dev.faultline.core.rule.Rule;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.fixtures.FixtureFile;
import dev.faultline.fixtures.FixtureHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Meta-tests over the catalog: registration, unique ids, metadata, a fixture per rule. */
class RuleCatalogTest {

    @TempDir
    static Path extracted;

    private final RuleRegistry registry = RuleRegistry.load();

    @Test
    void everyRuleClassIsRegistered() {
        Set<String> declared = new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.faultline.rules")
                        .stream()
                        .filter(c -> c.isAssignableTo(Rule.class)
                                && !c.isInterface()
                                && !c.getModifiers().contains(JavaModifier.ABSTRACT))
                        .map(JavaClass::getName)
                        .collect(Collectors.toCollection(TreeSet::new));
        Set<String> registered = registry.rules().stream()
                .map(r -> r.getClass().getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(declared).isNotEmpty();
        assertThat(registered).containsExactlyElementsOf(declared);
    }

    @Test
    void metadataIsCompleteAndIdsAreUnique() {
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (RuleMetadata m : registry.allMetadata()) {
            assertThat(ids.add(m.id())).as("unique id %s", m.id()).isTrue();
            assertThat(names.add(m.name())).as("unique name %s", m.name()).isTrue();
            assertThat(m.docsUrl()).as("%s docs", m.id()).startsWith("https://");
            assertThat(m.badExample()).as("%s bad example", m.id()).isNotBlank();
            assertThat(m.goodExample()).as("%s good example", m.id()).isNotBlank();
            assertThat(m.tags()).as("%s tags", m.id()).isNotEmpty();
        }
    }

    @Test
    void everyRuleHasAFixtureWithAMarker() {
        Path root = FixtureHarness.builtinFixtures(extracted);
        List<Rule> rules = registry.rules();
        for (Rule r : rules) {
            String id = r.metadata().id();
            Path dir = root.resolve(id);
            assertThat(Files.isDirectory(dir))
                    .as("fixture directory fixtures/%s", id)
                    .isTrue();
            boolean marked = FixtureHarness.fixtures(dir).stream()
                    .anyMatch(f -> FixtureFile.read(f).expectations().stream()
                            .anyMatch(e -> e.ruleId().equals(id)));
            assertThat(marked)
                    .as("a fixture under fixtures/%s expects %s", id, id)
                    .isTrue();
        }
    }
}
