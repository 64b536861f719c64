package org.parcours;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The architecture rules of docs/decisions, kept true by the build. */
@AnalyzeClasses(packages = "org.parcours", importOptions = ArchitectureTest.MainClassesOnly.class)
class ArchitectureTest {

    /** Main classes only, wherever the build folder is (-Dbuild.dir): tests may use anything. */
    static final class MainClassesOnly implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("/test-classes/");
        }
    }

    @ArchTest
    static final ArchRule formModelIsPlainJava = noClasses().that().resideInAPackage("org.parcours.formdef..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..", "jakarta..",
                    "org.hibernate..", "org.parcours.catalog..", "org.parcours.evaluations..", "org.parcours.clients..",
                    "org.parcours.security..", "org.parcours.ui..")
            .because("the form model is plain Java, usable by any runtime, renderer or tool");

    @ArchTest
    static final ArchRule uiComponentsOnlyInUiPackages = noClasses().that().resideOutsideOfPackage("..ui..")
            .and().doNotHaveFullyQualifiedName("org.parcours.security.SecurityConfig")
            .should().dependOnClassesThat().resideInAPackage("com.vaadin.flow.component..")
            .because("Vaadin components belong in ui packages; services stay UI-free");

    @ArchTest
    static final ArchRule servicesDoNotDependOnUi = noClasses().that().resideOutsideOfPackage("..ui..")
            .and().doNotHaveFullyQualifiedName("org.parcours.security.SecurityConfig")
            .should().dependOnClassesThat().resideInAPackage("org.parcours..ui..")
            .because("features expose services; only ui packages use them to build views");

    @ArchTest
    static final ArchRule formRuntimeIsPlainJava = noClasses().that().resideInAPackage("org.parcours.formrun..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..", "jakarta..",
                    "org.hibernate..", "org.parcours.catalog..", "org.parcours.evaluations..", "org.parcours.clients..",
                    "org.parcours.security..", "org.parcours.ui..")
            .because("the runtime of a form is plain Java, driven by any UI");

    @ArchTest
    static final ArchRule formModelDoesNotKnowItsRuntime = noClasses().that().resideInAPackage("org.parcours.formdef..")
            .should().dependOnClassesThat().resideInAPackage("org.parcours.formrun..");

    @ArchTest
    static final ArchRule viewsLiveInUiPackages = classes().that().areAnnotatedWith(com.vaadin.flow.router.Route.class)
            .should().resideInAPackage("..ui..");
}
