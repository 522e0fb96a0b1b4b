package io.github.jpamigrate.it;

import io.github.jpamigrate.it.harness.BuildResult;
import io.github.jpamigrate.it.harness.EndToEnd;
import io.github.jpamigrate.it.harness.ProjectTemplates;
import io.github.jpamigrate.it.harness.TestProject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code init} and {@code verify} in a real Maven build on a folder with every kind of file
 * Flyway accepts: a baseline migration, a Java migration compiled by the build, a repeatable
 * migration, a callback, a script configuration and a placeholder from the plugin's configuration.
 */
@EndToEnd
class FlywayFolderIT {

    private static final String SNAPSHOT = "src/main/jpa-migrate/model.json";

    @Test
    void initAdoptsTheFolderAndVerifyReplaysItAsFlywayWould(ProjectTemplates templates) throws IOException {
        TestProject project = templates.copy("flyway-folder");

        // B1 on the empty scratch database (V1 is below it), the Java V2 from target/classes, V3 with its placeholder, R__.
        BuildResult init = project.build("jpa-migrate:init").assertSuccess();
        assertThat(init.log()).contains("Flyway replayed 4 migration(s) of src/main/resources/db/migration on a scratch"
                + " SQLite database; the schema they build is the entity model.").contains("Wrote " + SNAPSHOT);
        assertThat(project.file(SNAPSHOT)).exists();

        BuildResult verify = project.build("verify").assertSuccess();
        assertThat(verify.log()).contains("PASSED  replay Flyway applied 4 migration(s) to a scratch sqlite database")
                .doesNotContain("not named like Flyway migrations");

        // generate numbers after the Java migration and the placeholder script.
        Files.writeString(project.file("src/main/java/com/example/notes/Note.java"),
                Files.readString(project.file("src/main/java/com/example/notes/Note.java"))
                        .replace("    private String owner;\n", "    private String owner;\n\n    private Integer stars;\n"));
        project.maven("jpa-migrate:generate").property("message", "add stars").run().assertSuccess();
        assertThat(project.file("src/main/resources/db/migration/V4__add_stars.sql")).exists();
        project.build("verify").assertSuccess();
    }
}
