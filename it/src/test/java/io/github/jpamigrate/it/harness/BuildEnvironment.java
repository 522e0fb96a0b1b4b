package io.github.jpamigrate.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the invoked builds find Maven, the template projects, their repositories and the version
 * of this build. Failsafe passes each value as a system property (see {@code it/pom.xml}); a
 * missing one fails with its name instead of a confusing Maven error later.
 */
final class BuildEnvironment {

    private static BuildEnvironment current;

    final Path mavenHome;
    final Path projects;
    final Path examples;
    final Path workspace;
    final Path repository;
    final Path outerRepository;
    final String version;
    final boolean offline;
    final Path settingsFile;

    private BuildEnvironment() {
        mavenHome = Path.of(required("maven.home"));
        version = required("jpamigrate.version");
        projects = Path.of(required("jpamigrate.it.projects"));
        examples = Path.of(required("jpamigrate.it.examples")).normalize();
        workspace = Path.of(required("jpamigrate.it.workspace"));
        repository = Path.of(required("jpamigrate.it.repository"));
        outerRepository = Path.of(required("jpamigrate.it.outerRepository"));
        // Set by it/pom.xml as "offline=<true|false>", following the outer build's -o.
        offline = System.getProperty("jpamigrate.it.offline", "").equals("offline=true");
        settingsFile = writeSettings(workspace.resolve("settings.xml"));
    }

    static synchronized BuildEnvironment get() {
        if (current == null) {
            current = new BuildEnvironment();
        }
        return current;
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("System property " + name + " is not set. The end-to-end tests"
                    + " get it from Failsafe: run them with `mvn -B -pl it -am verify` from the repository"
                    + " root, or pass the properties listed in it/pom.xml to your IDE's test runner.");
        }
        return value;
    }

    /**
     * Settings for the invoked builds. They use their own local repository (so the artifacts
     * staged from this reactor are the only jpa-migrate artifacts they can see), but read every
     * other artifact from the outer build's local repository first: no download for what the
     * outer build already has, and no network at all when it has everything. Central stays the
     * fallback. Snapshots are off for the outer repository so a stale `mvn install` there can
     * never shadow the staged jars.
     */
    private Path writeSettings(Path file) {
        String url = outerRepository.toUri().toString().replace("&", "&amp;");
        String settings = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by the end-to-end test harness (BuildEnvironment); regenerated on every run. -->
                <settings>
                  <profiles>
                    <profile>
                      <id>outer-local-repository</id>
                      <repositories>
                %1$s      </repositories>
                      <pluginRepositories>
                %2$s      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles>
                    <activeProfile>outer-local-repository</activeProfile>
                  </activeProfiles>
                </settings>
                """.formatted(repositoryElement("repository", url), repositoryElement("pluginRepository", url));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, settings);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the settings of the invoked builds to " + file, e);
        }
    }

    private static String repositoryElement(String element, String url) {
        return """
                        <%1$s>
                          <id>outer-local</id>
                          <url>%2$s</url>
                          <releases>
                            <enabled>true</enabled>
                            <updatePolicy>never</updatePolicy>
                            <checksumPolicy>ignore</checksumPolicy>
                          </releases>
                          <snapshots>
                            <enabled>false</enabled>
                          </snapshots>
                        </%1$s>""".formatted(element, url).indent(8);
    }
}
