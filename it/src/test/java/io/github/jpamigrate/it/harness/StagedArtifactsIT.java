package io.github.jpamigrate.it.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The invoked builds must test this build's processor and plugin, never older ones from ~/.m2. */
class StagedArtifactsIT {

    @Test
    void theStagedProcessorIsTheJarThisReactorJustBuilt() {
        assertStagedCopyOf("jpa-migrate-processor", "jpamigrate.it.reactorProcessor", "processor");
    }

    @Test
    void theStagedPluginIsTheJarThisReactorJustBuilt() {
        assertStagedCopyOf("jpa-migrate-maven-plugin", "jpamigrate.it.reactorPlugin", "maven-plugin");
    }

    private static void assertStagedCopyOf(String artifactId, String reactorProperty, String module) {
        BuildEnvironment environment = BuildEnvironment.get();
        Path reactorJar = Path.of(System.getProperty(reactorProperty));
        String name = artifactId + "-" + environment.version + ".jar";
        Path staged = environment.repository
                .resolve("io/github/jpamigrate/" + artifactId)
                .resolve(environment.version)
                .resolve(name);

        assertThat(reactorJar).isRegularFile().hasFileName(name);
        assertThat(reactorJar.getParent()).endsWith(Path.of(module, "target"));
        assertThat(staged).hasSameBinaryContentAs(reactorJar);
    }
}
