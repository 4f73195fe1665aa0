package dev.agenttraces.traces.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin's layering, enforced on its compiled main code (see ARCHITECTURE.md): web → application →
 * domain, with infrastructure implementing what the domain or application declares.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.agenttraces.traces");

    @Test
    void domainDependsOnNoApplicationInfrastructureOrWebClass() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..application..", "..infrastructure..",
                        "..interfaces..", "dev.agenttraces.traces.web..", "dev.agenttraces.traces.api..")
                .check(MAIN);
    }

    @Test
    void applicationDependsOnNoInfrastructureOrWebClass() {
        noClasses().that().resideInAPackage("..application..")
                .should().dependOnClassesThat().resideInAnyPackage("..infrastructure..", "..interfaces..",
                        "dev.agenttraces.traces.web..")
                .check(MAIN);
    }

    @Test
    void onlyInfrastructureTouchesJdbc() {
        noClasses().that().resideOutsideOfPackage("..infrastructure..")
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .check(MAIN);
    }

    @Test
    void viewBeansHoldNoEntities() {
        noFields().that().areDeclaredInClassesThat().resideInAPackage("dev.agenttraces.traces.web..")
                .should().haveRawType(com.tngtech.archunit.base.DescribedPredicate.describe("an entity",
                        (JavaClass type) -> type.isAnnotatedWith(Entity.class)))
                .check(MAIN);
    }

    @Test
    void everySimpleClassNameHasOneHome() {
        Map<String, Long> counts = MAIN.stream().filter(c -> !c.isNestedClass() && !c.isAnonymousClass())
                .filter(c -> !c.getSimpleName().equals("package-info"))
                .collect(Collectors.groupingBy(JavaClass::getSimpleName, Collectors.counting()));
        assertThat(counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey))
                .as("simple class names used by more than one class").isEmpty();
    }
}
