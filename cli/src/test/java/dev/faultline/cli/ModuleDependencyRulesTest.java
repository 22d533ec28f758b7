package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of docs/architecture.md, pinned at package level over every module's main classes
 * (the cli test class path sees them all). Maven already forbids most edges between modules; this
 * also catches a module reaching into a library it must not use through a transitive dependency.
 */
class ModuleDependencyRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.faultline");
        // guard against an import that silently sees nothing (every rule would pass)
        assertThat(classes.contain(dev.faultline.core.engine.Analyzer.class)).isTrue();
        assertThat(classes.contain(Main.class)).isTrue();
        assertThat(classes.contain(MainTest.class)).isFalse();
    }

    @Test
    void rulesSeeOnlyTheCore() {
        noClasses().that().resideInAPackage("dev.faultline.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.faultline.parsers..", "dev.faultline.cli..",
                        "org.yaml..", "tools.jackson.core..")
                .because("rules work on the graph, never on files, YAML or JSON")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void parsersNeverDecideWhatIsADefect() {
        noClasses().that().resideInAPackage("dev.faultline.parsers..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.faultline.rules..", "dev.faultline.cli..")
                .because("parsers read files; rules decide what is a defect")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void coreDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("dev.faultline.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.faultline.parsers..", "dev.faultline.rules..",
                        "dev.faultline.cli..", "picocli..", "org.yaml..")
                .because("analyzer-core depends only on the JDK and Jackson")
                .check(classes);
    }

    @Test
    void onlyTheCliUsesPicocli() {
        noClasses().that().resideOutsideOfPackage("dev.faultline.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .because("the Maven goal and the library must run without the command-line layer")
                .check(classes);
    }
}
