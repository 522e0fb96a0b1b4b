package io.github.jpamigrate.it.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The invoked builds must test this build's processor, never an older one from ~/.m2. */
class StagedArtifactsIT {

    @Test
    void theStagedProcessorIsTheJarThisReactorJustBuilt() {
        BuildEnvironment environment = BuildEnvironment.get();
        Path reactorJar = Path.of(System.getProperty("jpamigrate.it.reactorProcessor"));
        String name = "jpa-migrate-processor-" + environment.version + ".jar";
        Path staged = environment.repository
                .resolve("io/github/jpamigrate/jpa-migrate-processor")
                .resolve(environment.version)
                .resolve(name);

        assertThat(reactorJar).isRegularFile().hasFileName(name);
        assertThat(reactorJar.getParent()).endsWith(Path.of("processor", "target"));
        assertThat(staged).hasSameBinaryContentAs(reactorJar);
    }
}
