package dev.faultline.rules;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages inside {@code rules}: one package per rule family ({@code sqs}, {@code sfn}, ...) and
 * {@code support} for what several families share. A family depends on {@code support} and the core,
 * never on another family, and {@code support} depends on no family, so a helper two families need
 * lives in one place and moving or deleting a family touches no other.
 */
class RulePackagesTest {

    private static final JavaClasses RULES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.faultline.rules");

    @Test
    void theImportSeesTheRules() {
        assertThat(RULES.containPackage("dev.faultline.rules.support")).isTrue();
        assertThat(RULES.containPackage("dev.faultline.rules.sqs")).isTrue();
    }

    @Test
    void familiesDoNotDependOnEachOther() {
        slices().matching("dev.faultline.rules.(*)..")
                .should()
                .notDependOnEachOther()
                .ignoreDependency(alwaysTrue(), resideInAPackage("dev.faultline.rules.support.."))
                .because("a helper two families need belongs in rules.support")
                .check(RULES);
    }

    @Test
    void supportDependsOnNoFamily() {
        noClasses()
                .that()
                .resideInAPackage("dev.faultline.rules.support..")
                .should()
                .dependOnClassesThat(resideInAPackage("dev.faultline.rules..")
                        .and(not(resideInAPackage("dev.faultline.rules.support.."))))
                .because("support is shared by the families, so it cannot know any of them")
                .check(RULES);
    }

    @Test
    void thePackagesAreFreeOfCycles() {
        slices().matching("dev.faultline.rules.(*)..").should().beFreeOfCycles().check(RULES);
    }
}
