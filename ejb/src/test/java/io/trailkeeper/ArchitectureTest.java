package io.trailkeeper;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.trailkeeper.integrity.boundary.TrailLog;
import io.trailkeeper.trail.boundary.EventDeletion;
import java.util.Set;
import java.util.TreeSet;

/**
 * The written law of the layout of the {@code ejb} module (see docs/architecture.md): business
 * components {@code io.trailkeeper.<component>}, each with {@code boundary} (the transactional
 * façade other components call), {@code control} (logic, algorithms, SQL; in {@code ingest} also
 * below sub-packages such as {@code ingest.masking.control}) and {@code entity} (data and value
 * types). The modules that use {@code ejb} are held to it by {@code web}'s ModuleArchitectureTest.
 */
@AnalyzeClasses(packages = "io.trailkeeper", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule no_grab_bag_names = noClasses()
            .should().haveSimpleNameEndingWith("Manager")
            .orShould().haveSimpleNameEndingWith("Helper")
            .orShould().haveSimpleNameEndingWith("Helpers")
            .orShould().haveSimpleNameEndingWith("Util")
            .orShould().haveSimpleNameEndingWith("Utils")
            .because("a class is named after what it knows, not after being a place to put things");

    @ArchTest
    static final ArchRule entities_know_no_logic = noClasses()
            .that().resideInAPackage("io.trailkeeper..entity..")
            .should().dependOnClassesThat().resideInAnyPackage("..boundary..", "..control..")
            .because("entities are data and value types that travel between components");

    @ArchTest
    static final ArchRule control_is_called_by_its_boundary_not_the_other_way = classes()
            .that().resideInAPackage("io.trailkeeper..control..")
            .should(Layout.notDependOnTheBoundaryOfTheirOwnComponent());

    /**
     * Dependencies that break {@link #components_meet_at_boundary_and_entity} today, by top-level
     * class, "origin -> target". Each is to be removed by the issue 12 step named; a new violation
     * fails the build, and so does an entry here that no longer occurs.
     */
    static final Set<String> KNOWN_CROSSINGS = Set.of(
            // The PostgreSQL/H2 write path inside the boundary encodes event rows itself;
            // to be removed by issue 12 step 3 (one writer, chosen once, in control).
            "io.trailkeeper.ingest.boundary.TrailIngestion -> io.trailkeeper.trail.control.EventRows");

    /**
     * A component uses another only through its {@code boundary} (the façade) and {@code entity}
     * (the types it speaks in). {@code platform} is the exception by design: it is the technical
     * base (data source, JDBC COPY, SHA-256, after-commit hooks, the domain's folder) that every
     * component may use, and it depends on no business component ({@link #platform_is_the_base}).
     */
    @ArchTest
    static final ArchRule components_meet_at_boundary_and_entity = classes()
            .that().resideInAPackage("io.trailkeeper..")
            .should(Layout.accessOtherComponentsOnlyThroughBoundaryOrEntity(KNOWN_CROSSINGS));

    @ArchTest
    static void known_crossings_still_exist(JavaClasses classes) {
        for (String crossing : KNOWN_CROSSINGS) {
            assertTrue(Layout.crossings(classes).contains(crossing),
                    crossing + " no longer occurs: remove it from KNOWN_CROSSINGS");
        }
    }

    @ArchTest
    static final ArchRule platform_is_the_base = noClasses()
            .that().resideInAPackage("io.trailkeeper.platform..")
            .should().dependOnClassesThat(resideInAPackage("io.trailkeeper..")
                    .and(resideOutsideOfPackage("io.trailkeeper.platform..")))
            .because("every component builds on platform, so platform cannot know any of them");

    @ArchTest
    static final ArchRule no_cycles_between_components = slices()
            .matching("io.trailkeeper.(*)..")
            .namingSlices("component $1")
            .should().beFreeOfCycles()
            // The cycle trail -> integrity -> trail: EventDeletion (trail) has TrailLog (integrity)
            // record its deletions, and the log reads trail's entities. Named here so that any other
            // cycle fails; to be removed by issue 12 step 5 (no cycles between components).
            .ignoreDependency(belongToAnyOf(EventDeletion.class), belongToAnyOf(TrailLog.class));

    /** Conditions on the package layout that ArchUnit's fluent API cannot say. */
    static final class Layout {

        private static final String ROOT = "io.trailkeeper.";

        private Layout() {
        }

        /** The business component a class belongs to, e.g. "ingest", or null outside any. */
        static String component(JavaClass type) {
            String name = type.getPackageName();
            if (!name.startsWith(ROOT)) {
                return null;
            }
            int end = name.indexOf('.', ROOT.length());
            return end < 0 ? name.substring(ROOT.length()) : name.substring(ROOT.length(), end);
        }

        static boolean isPart(JavaClass type, String part) {
            return type.getPackageName().matches("io\\.trailkeeper\\.[a-z]+(\\.[a-z]+)*\\." + part + "(\\..*)?");
        }

        static ArchCondition<JavaClass> notDependOnTheBoundaryOfTheirOwnComponent() {
            return new ArchCondition<>("not depend on the boundary of their own component") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        JavaClass target = dependency.getTargetClass().getBaseComponentType();
                        String component = component(origin);
                        if (component != null && component.equals(component(target)) && isPart(target, "boundary")) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            };
        }

        /** Whether a dependency reaches into another component past its boundary and entity. */
        static boolean crosses(Dependency dependency) {
            JavaClass origin = dependency.getOriginClass();
            JavaClass target = dependency.getTargetClass().getBaseComponentType();
            String from = component(origin);
            String to = component(target);
            return to != null && !to.equals(from) && !to.equals("platform")
                    && !isPart(target, "boundary") && !isPart(target, "entity")
                    && !target.getPackageName().equals(ROOT + to);
        }

        static String crossing(Dependency dependency) {
            return topLevel(dependency.getOriginClass()) + " -> "
                    + topLevel(dependency.getTargetClass().getBaseComponentType());
        }

        static String topLevel(JavaClass type) {
            String name = type.getName();
            int nested = name.indexOf('$');
            return nested < 0 ? name : name.substring(0, nested);
        }

        static Set<String> crossings(JavaClasses classes) {
            Set<String> found = new TreeSet<>();
            for (JavaClass origin : classes) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    if (crosses(dependency)) {
                        found.add(crossing(dependency));
                    }
                }
            }
            return found;
        }

        static ArchCondition<JavaClass> accessOtherComponentsOnlyThroughBoundaryOrEntity(Set<String> known) {
            return new ArchCondition<>("access other components only through their boundary or entity"
                    + " (platform excepted)") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        if (crosses(dependency) && !known.contains(crossing(dependency))) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            };
        }
    }
}
