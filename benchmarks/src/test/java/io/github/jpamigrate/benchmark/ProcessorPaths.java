package io.github.jpamigrate.benchmark;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The class and processor paths the forked {@code javac} runs get, taken from this module's test
 * class path (Maven resolved every jar): the JPA API the entities compile against, our processor
 * as users get it (the shaded jar the reactor packaged), and Hibernate's metamodel processor with
 * its own dependencies only.
 */
final class ProcessorPaths {

    static final String OUR_PROCESSOR = "io.github.jpamigrate.processor.JpaMigrateProcessor";
    static final String HIBERNATE_PROCESSOR = "org.hibernate.processor.HibernateProcessor";

    /**
     * Where hibernate-processor's dependencies live in the local repository (its POM's compile scope:
     * hibernate-core, hibernate-models, Jandex, JAXB, the Jakarta APIs, ANTLR, Byte Buddy, JBoss Logging).
     */
    private static final List<String> HIBERNATE_GROUPS = List.of("/org/hibernate/orm/hibernate-processor/",
            "/org/hibernate/orm/hibernate-core/", "/org/hibernate/models/", "/io/smallrye/", "/jakarta/",
            "/org/glassfish/jaxb/", "/com/sun/istack/", "/org/eclipse/angus/", "/org/antlr/", "/net/bytebuddy/",
            "/org/jboss/logging/");

    private ProcessorPaths() {
    }

    /** The jakarta.persistence API jar: the entities' class path. */
    static String persistenceApi() {
        return location("jakarta.persistence.Entity");
    }

    /**
     * Our processor: the jar {@code -Djpamigrate.benchmark.compile.processor} names (an older build, to
     * compare); else the shaded jar when the reactor packaged it (the command in docs/performance.md
     * runs {@code package}); when only classes exist, they and the jars they need.
     */
    static String ours() {
        String other = System.getProperty("jpamigrate.benchmark.compile.processor", "");
        if (!other.isBlank()) {
            return other;
        }
        String processor = location(OUR_PROCESSOR);
        if (processor.endsWith(".jar")) {
            return processor;
        }
        return String.join(File.pathSeparator, processor, location("io.github.jpamigrate.core.model.SchemaModel"),
                location("com.fasterxml.jackson.core.JsonFactory"));
    }

    /** The folder that holds {@link NoOpProcessor}. */
    static String noOp() {
        return location(NoOpProcessor.class.getName());
    }

    /** Hibernate's metamodel processor and its dependencies. */
    static String hibernate() {
        String path = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> HIBERNATE_GROUPS.stream().anyMatch(group -> entry.replace('\\', '/').contains(group)))
                .reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
        if (!path.contains("hibernate-processor")) {
            throw new IllegalStateException("hibernate-processor is not on the test class path");
        }
        return path;
    }

    /** Whether the processor under test is the packaged jar (what users put on their processor path). */
    static boolean oursIsPackaged() {
        return location(OUR_PROCESSOR).endsWith(".jar");
    }

    private static String location(String className) {
        try {
            Path path = Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.exists(path)) {
                throw new IllegalStateException(className + " comes from " + path + ", which does not exist");
            }
            return path.toString();
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException(className + " is not on the test class path", e);
        }
    }
}
