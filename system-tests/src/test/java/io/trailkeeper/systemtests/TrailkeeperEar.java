package io.trailkeeper.systemtests;

import java.io.File;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The EAR exactly as the build produced it; tests never assemble a different application. */
final class TrailkeeperEar {

    private static final String WEB_MODULE = "trailkeeper-web.war";

    private TrailkeeperEar() {
    }

    static EnterpriseArchive asBuilt() {
        String path = System.getProperty("trailkeeper.ear");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("system property trailkeeper.ear must name the built EAR; run through Maven (mvn verify)");
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(path));
    }

    /**
     * The built EAR with the given test classes (and {@link InContainerDatabase}) added to its web
     * module, for tests that run inside the server. Arquillian appends the test class itself only to WAR and JAR deployments.
     */
    static EnterpriseArchive withTestsInside(Class<?>... testClasses) {
        EnterpriseArchive ear = asBuilt();
        WebArchive web = ear.getAsType(WebArchive.class, WEB_MODULE);
        web.addClasses(testClasses);
        web.addClass(InContainerDatabase.class);
        ear.delete(WEB_MODULE);
        ear.addAsModule(Testable.archiveToTest(web));
        return ear;
    }
}
