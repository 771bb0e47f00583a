package io.trailkeeper;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
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
import java.util.Set;
import java.util.TreeSet;

/**
 * The written law of how the modules meet (see docs/architecture.md). It runs in {@code web}, whose
 * class path holds every other module's main classes: {@code reports} ({@code io.trailkeeper.reports}),
 * {@code ejb} (the business components {@code io.trailkeeper.<component>}), {@code batch-jobs}
 * ({@code io.trailkeeper.jobs}) and {@code web} ({@code io.trailkeeper.web}). The rules inside
 * {@code ejb}'s components are ejb's ArchitectureTest.
 */
@AnalyzeClasses(packages = "io.trailkeeper", importOptions = ImportOption.DoNotIncludeTests.class)
class ModulesArchitectureTest {

    private static final String JOBS = "io.trailkeeper.jobs..";
    private static final String WEB = "io.trailkeeper.web..";
    private static final String REPORTS = "io.trailkeeper.reports..";

    @ArchTest
    static final ArchRule no_grab_bag_names = noClasses()
            .should().haveSimpleNameEndingWith("Manager")
            .orShould().haveSimpleNameEndingWith("Helper")
            .orShould().haveSimpleNameEndingWith("Helpers")
            .orShould().haveSimpleNameEndingWith("Util")
            .orShould().haveSimpleNameEndingWith("Utils")
            .because("a class is named after what it knows, not after being a place to put things");

    @ArchTest
    static final ArchRule reports_knows_no_other_module = noClasses()
            .that().resideInAPackage(REPORTS)
            .should().dependOnClassesThat(resideInAPackage("io.trailkeeper..").and(resideOutsideOfPackages(REPORTS)))
            .because("reports turns a plain model into PDF and is tested without a server");

    @ArchTest
    static final ArchRule ejb_knows_neither_jobs_nor_web = noClasses()
            .that().resideOutsideOfPackages(JOBS, WEB)
            .should().dependOnClassesThat().resideInAnyPackage(JOBS, WEB);

    @ArchTest
    static final ArchRule jobs_know_no_web = noClasses()
            .that().resideInAPackage(JOBS)
            .should().dependOnClassesThat().resideInAPackage(WEB);

    /**
     * Dependencies of {@code batch-jobs} and {@code web} on an ejb component's {@code control} today,
     * by top-level class, "origin -> target". Each is to be removed by the issue 12 step named; a new
     * one fails the build, and so does an entry here that no longer occurs.
     */
    static final Set<String> KNOWN_CROSSINGS = Set.of(
            // The file import decodes lines with ingest's formats itself;
            // to be removed by issue 12 step 5 (batch-jobs and web call only boundary and entity).
            "io.trailkeeper.jobs.ingest.JsonLinesReader -> io.trailkeeper.ingest.format.agentaction.control.LineDigest",
            "io.trailkeeper.jobs.ingest.TrailLineDecoding -> io.trailkeeper.ingest.format.agentaction.control.AgentActionLogFormat",
            "io.trailkeeper.jobs.ingest.TrailLineDecoding -> io.trailkeeper.ingest.format.agentaction.control.LineDigest",
            "io.trailkeeper.jobs.ingest.TrailLineDecoding -> io.trailkeeper.ingest.format.control.LineFormat",
            "io.trailkeeper.jobs.ingest.TrailLineDecoding -> io.trailkeeper.ingest.format.otlp.control.OtlpGenAiSpanFormat",
            "io.trailkeeper.jobs.ingest.TrailWriter -> io.trailkeeper.ingest.store.control.RecentWrites",
            // Langfuse is read in batch-jobs with ingest's mapping; to be removed by issue 12 step 1
            // (everything about Langfuse in one place) and step 5.
            "io.trailkeeper.jobs.ingest.LangfuseObservationProcessor -> io.trailkeeper.ingest.format.langfuse.control.LangfuseObservationFormat",
            // Masking assembled outside ingest, with the "already masked" flag;
            // to be removed by issue 12 step 2 (one masking entry point).
            "io.trailkeeper.jobs.ingest.TrailLineDecoding -> io.trailkeeper.ingest.masking.control.DraftMasking",
            "io.trailkeeper.jobs.ingest.TrailLineDecoding -> io.trailkeeper.ingest.masking.control.SensitiveDataMasking",
            "io.trailkeeper.web.ingest.QuarantineResource -> io.trailkeeper.ingest.masking.control.MaskedText",
            "io.trailkeeper.web.ingest.QuarantineResource -> io.trailkeeper.ingest.masking.control.SensitiveDataMasking",
            // A watched directory is scanned from batch-jobs;
            // to be removed by issue 12 step 5 (batch-jobs and web call only boundary and entity).
            "io.trailkeeper.jobs.source.SourcePulls -> io.trailkeeper.source.control.WatchedDirectory",
            // The verification's result types live in integrity.control (TreeHead validates with
            // MerkleHashes); to be removed by issue 12 step 3 (value types go to entity).
            "io.trailkeeper.web.integrity.IntegrityResource -> io.trailkeeper.integrity.control.CappedIndexes",
            "io.trailkeeper.web.integrity.IntegrityResource -> io.trailkeeper.integrity.control.TreeHead",
            "io.trailkeeper.web.integrity.IntegrityResource -> io.trailkeeper.integrity.control.VerificationReport",
            "io.trailkeeper.web.integrity.VerificationSummary -> io.trailkeeper.integrity.control.CappedIndexes",
            "io.trailkeeper.web.integrity.VerificationSummary -> io.trailkeeper.integrity.control.TreeHead",
            "io.trailkeeper.web.integrity.VerificationSummary -> io.trailkeeper.integrity.control.VerificationReport");

    @ArchTest
    static final ArchRule jobs_and_web_use_only_boundary_and_entity_of_ejb = classes()
            .that().resideInAnyPackage(JOBS, WEB)
            .should(Layout.useEjbOnlyThroughBoundaryOrEntity(KNOWN_CROSSINGS));

    @ArchTest
    static void known_crossings_still_exist(JavaClasses classes) {
        for (String crossing : KNOWN_CROSSINGS) {
            assertTrue(Layout.crossings(classes).contains(crossing),
                    crossing + " no longer occurs: remove it from KNOWN_CROSSINGS");
        }
    }

    @ArchTest
    static final ArchRule no_cycles_between_web_components = slices()
            .matching("io.trailkeeper.web.(*)..")
            .namingSlices("web component $1")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule no_cycles_between_job_components = slices()
            .matching("io.trailkeeper.jobs.(*)..")
            .namingSlices("jobs component $1")
            .should().beFreeOfCycles();

    /** Conditions on the package layout that ArchUnit's fluent API cannot say. */
    static final class Layout {

        private static final String ROOT = "io.trailkeeper.";
        private static final Set<String> NOT_EJB = Set.of("jobs", "web", "reports");

        private Layout() {
        }

        /** The ejb component a class belongs to, e.g. "ingest", or null for other modules. */
        static String ejbComponent(JavaClass type) {
            String name = type.getPackageName();
            if (!name.startsWith(ROOT)) {
                return null;
            }
            int end = name.indexOf('.', ROOT.length());
            String first = end < 0 ? name.substring(ROOT.length()) : name.substring(ROOT.length(), end);
            return NOT_EJB.contains(first) ? null : first;
        }

        static boolean isPart(JavaClass type, String part) {
            return type.getPackageName().matches("io\\.trailkeeper\\.[a-z]+(\\.[a-z]+)*\\." + part + "(\\..*)?");
        }

        static boolean crosses(Dependency dependency) {
            JavaClass target = dependency.getTargetClass().getBaseComponentType();
            String component = ejbComponent(target);
            return component != null && !isPart(target, "boundary") && !isPart(target, "entity")
                    && !target.getPackageName().equals(ROOT + component);
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
                if (ejbComponent(origin) != null) {
                    continue;
                }
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    if (crosses(dependency)) {
                        found.add(crossing(dependency));
                    }
                }
            }
            return found;
        }

        static ArchCondition<JavaClass> useEjbOnlyThroughBoundaryOrEntity(Set<String> known) {
            return new ArchCondition<>("use ejb's components only through their boundary or entity") {
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
