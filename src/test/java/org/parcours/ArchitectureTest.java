package org.parcours;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

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
    static final ArchRule looksBelongToTheStyleSheet = noClasses().should().callMethodWhere(
                    com.tngtech.archunit.base.DescribedPredicate.describe("getStyle() of a component or an element",
                            (com.tngtech.archunit.core.domain.JavaMethodCall call) -> call.getTarget().getName().equals("getStyle")
                                    && (call.getTargetOwner().isAssignableTo(com.vaadin.flow.component.HasStyle.class)
                                            || call.getTargetOwner().isAssignableTo(com.vaadin.flow.dom.Element.class))))
            .because("looks live in styles.css as classes on Lumo's custom properties, which also gives the dark scheme"
                    + " (docs/decisions/0019); a view calls addClassName");

    @ArchTest
    static final ArchRule formModelDoesNotKnowItsRuntime = noClasses().that().resideInAPackage("org.parcours.formdef..")
            .should().dependOnClassesThat().resideInAPackage("org.parcours.formrun..");

    @ArchTest
    static final ArchRule viewsLiveInUiPackages = classes().that().areAnnotatedWith(com.vaadin.flow.router.Route.class)
            .should().resideInAPackage("..ui..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.parcours.(**)").should().beFreeOfCycles()
            // the security configuration names the login screen it sends people to, as in the rules above
            .ignoreDependency(com.tngtech.archunit.core.domain.properties.HasName.Predicates.name("org.parcours.security.SecurityConfig"),
                    com.tngtech.archunit.base.DescribedPredicate.alwaysTrue())
            .because("a feature's screens and services are layered: one package never needs another that needs it back"
                    + " (decision 0017)");

    @ArchTest
    static final ArchRule storageStaysInsideItsFeature = classes().that(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "are entities or repositories", (JavaClass c) -> c.isAnnotatedWith(jakarta.persistence.Entity.class)
                            || c.isAssignableTo(org.springframework.data.repository.Repository.class)))
            // known exception: the client file, its dialogs and the demo data still use the Team entity
            // and its repository; a team API of the security package is to replace them
            .and().resideOutsideOfPackage("org.parcours.security")
            .should(onlyBeUsedInTheirOwnPackage())
            .because("a feature's entities and repositories are its internals: others use its service and records,"
                    + " never its tables (decision 0017)");

    private static ArchCondition<JavaClass> onlyBeUsedInTheirOwnPackage() {
        return new ArchCondition<>("only be used in their own package") {
            @Override
            public void check(JavaClass internal, ConditionEvents events) {
                for (Dependency dependency : internal.getDirectDependenciesToSelf()) {
                    JavaClass user = dependency.getOriginClass();
                    if (!user.getPackageName().equals(internal.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
