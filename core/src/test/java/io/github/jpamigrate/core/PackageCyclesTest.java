package io.github.jpamigrate.core;

import io.github.jpamigrate.core.testing.PackageImports;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Core's packages form layers: no package reaches itself through the packages it imports from.
 * In particular the dialect packages depend on {@code sql}, never the other way round, and the
 * registry ({@code dialect}) sits above them all. Read from the sources, so a cycle fails the build.
 */
class PackageCyclesTest {

    @Test
    void corePackagesHaveNoCycle() throws IOException {
        assertThat(PackageImports.loops(PackageImports.read(Path.of("src", "main", "java"), "io.github.jpamigrate.core")))
                .as("package cycles in core").isEmpty();
    }
}
