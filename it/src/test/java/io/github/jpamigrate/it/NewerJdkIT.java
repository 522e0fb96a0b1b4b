package io.github.jpamigrate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jpamigrate.it.harness.EndToEnd;
import io.github.jpamigrate.it.harness.InstalledJdks;
import io.github.jpamigrate.it.harness.ProjectTemplates;
import io.github.jpamigrate.it.harness.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Users compile with newer JDKs than the Java 17 baseline; the processor must run there and write
 * the same bytes. Skipped, with the reason, when that JDK is not installed.
 */
@EndToEnd
class NewerJdkIT {

    @Test
    void jdk21CompilesTheSameDescriptor(ProjectTemplates templates) throws IOException {
        assertSameDescriptorWithJdk(21, templates);
    }

    @Test
    void jdk25CompilesTheSameDescriptor(ProjectTemplates templates) throws IOException {
        assertSameDescriptorWithJdk(25, templates);
    }

    private static void assertSameDescriptorWithJdk(int feature, ProjectTemplates templates) throws IOException {
        Optional<Path> jdk = InstalledJdks.find(feature);
        assumeTrue(jdk.isPresent(), () -> "Skipped: no JDK " + feature + " found in " + InstalledJdks.searched());

        TestProject project = templates.copy("compile-descriptor");
        project.build("compile").assertSuccess().descriptor();
        String withTestJdk = Files.readString(project.file(TestProject.DESCRIPTOR));
        project.maven("clean", "compile").javaHome(jdk.get()).run().assertSuccess().descriptor();
        String withOtherJdk = Files.readString(project.file(TestProject.DESCRIPTOR));

        assertThat(withOtherJdk)
                .as("descriptor written under JDK %d, compared with JDK %d", feature, Runtime.version().feature())
                .isEqualTo(withTestJdk);
    }
}
