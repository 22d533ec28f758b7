package dev.faultline.core.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The rule API (docs/rule-api.md) stays self-contained: what a rule author sees in a public
 * signature of the rule API packages is the JDK or the rule API itself, never the engine's
 * internals (reporting, configuration, suppression, the dispatching engine).
 */
class RuleApiTest {

    /** The packages rule authors use. */
    static final List<String> API = List.of(
            "dev.faultline.core.rule",
            "dev.faultline.core.graph",
            "dev.faultline.core.asl",
            "dev.faultline.core.eval",
            "dev.faultline.core.tree",
            "dev.faultline.core.model");

    /** Types that are public for other Faultline modules but not part of the rule API. */
    static final Set<String> INTERNAL_TYPES = Set.of(
            "dev.faultline.core.graph.GraphBuilder",
            "dev.faultline.core.graph.GraphWriter",
            "dev.faultline.core.graph.ResourceTypes",
            "dev.faultline.core.rule.InputRules");

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.faultline.core");

    private static boolean allowed(JavaClass type) {
        JavaClass t = type.isArray() ? type.getBaseComponentType() : type;
        if (t.isPrimitive() || t.getPackageName().startsWith("java.")) {
            return true;
        }
        return API.contains(t.getPackageName()) && !INTERNAL_TYPES.contains(t.getName());
    }

    @Test
    void publicSignaturesOfTheRuleApiUseOnlyTheRuleApiAndTheJdk() {
        Set<String> leaks = new TreeSet<>();
        for (JavaClass c : CLASSES) {
            if (!API.contains(c.getPackageName())
                    || INTERNAL_TYPES.contains(c.getName())
                    || !c.getModifiers().contains(JavaModifier.PUBLIC)
                    || c.getEnclosingClass()
                            .map(e -> INTERNAL_TYPES.contains(e.getName()))
                            .orElse(false)) {
                continue;
            }
            List<JavaCodeUnit> units = new ArrayList<>(c.getMethods());
            units.addAll(c.getConstructors());
            for (JavaCodeUnit u : units) {
                if (!u.getModifiers().contains(JavaModifier.PUBLIC)
                        || u.getName().startsWith("lambda$")) {
                    continue;
                }
                List<JavaClass> types = new ArrayList<>(u.getRawParameterTypes());
                types.add(u.getRawReturnType());
                for (JavaClass t : types) {
                    if (!allowed(t)) {
                        leaks.add(u.getFullName() + " uses " + t.getName());
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void theRuleApiDoesNotDependOnReportingConfigurationOrSuppression() {
        noClasses()
                .that()
                .resideInAnyPackage(API.toArray(String[]::new))
                .and()
                .doNotHaveFullyQualifiedName("dev.faultline.core.graph.GraphWriter")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.faultline.core.report..", "dev.faultline.core.config..", "dev.faultline.core.suppress..")
                .check(CLASSES);
    }

    @Test
    void theEngineDispatcherIsNotPublic() throws ClassNotFoundException {
        JavaClass engine = CLASSES.get("dev.faultline.core.engine.Engine");
        assertThat(engine.getModifiers()).doesNotContain(JavaModifier.PUBLIC);
    }
}
