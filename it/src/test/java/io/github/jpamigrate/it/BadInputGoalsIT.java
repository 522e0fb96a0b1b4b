package io.github.jpamigrate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.it.harness.BuildResult;
import io.github.jpamigrate.it.harness.EndToEnd;
import io.github.jpamigrate.it.harness.ProjectTemplates;
import io.github.jpamigrate.it.harness.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Bad-input catalogue through the real mojos (docs/reliability.md): a user mistake fails the build
 * with the fix in the message and no Java stack trace, and writes nothing. Two builds; the rest of
 * the catalogue is tested below the mojos (BadInput*Test), whose exceptions the mojos all report
 * the same way.
 */
@EndToEnd
class BadInputGoalsIT {

    /** A Java stack frame as Maven prints one (it does only for unexpected errors, or with -e). */
    private static final String STACK_FRAME = "(?m)^\\s+at [a-zA-Z_$][\\w$.]*\\(";

    @Test
    void generateWithAMergeConflictedSnapshotFailsNamingItAndWritesNothing(ProjectTemplates templates) throws IOException {
        TestProject project = templates.copy("generate-sqlite");
        Path snapshot = project.file("src/main/jpa-migrate/model.json");
        Files.createDirectories(snapshot.getParent());
        Files.writeString(snapshot, "<<<<<<< HEAD\n{ \"format\": \"1.0\" }\n=======\n{ \"format\": \"1.0\" }\n>>>>>>> feature\n");

        BuildResult build = project.maven("jpa-migrate:generate").property("message", "add isbn").run().assertFailure();

        assertThat(build.log())
                .contains("the snapshot cannot be read: " + snapshot + ", line 1, column 1: not valid JSON")
                .contains("restore it from version control. After a merge conflict in it (two branches each generated"
                        + " a migration), take the side of the branch you merged")
                .contains("and run mvn jpa-migrate:rebase")
                // Only our message: not the causes' (Maven appends those), which speak Jackson and say the wrong fix.
                .doesNotContain("regenerate it with mvn compile", "StreamReadFeature")
                .doesNotContainPattern(STACK_FRAME);
        assertThat(project.file("src/main/resources/db/migration")).doesNotExist();
        try (Stream<Path> files = Files.walk(project.file("src"))) {
            assertThat(files.map(Path::toString)).noneMatch(f -> f.endsWith(".jm-tmp") || f.contains(".generate-journal"));
        }
    }

    /**
     * Issue 19 item 1 in a real Maven: the session's -D property and the goal's parameters from the
     * plugin descriptor, as the unit test cannot show. The POM says sqlite; -D says postgresql.
     */
    @Test
    void aDialectPropertyThatLosesToThePomIsNamedAndAWrongOneFails(ProjectTemplates templates) throws IOException {
        TestProject project = templates.copy("generate-sqlite");

        BuildResult lost = project.maven("jpa-migrate:check").property("jpamigrate.dialect", "postgresql").run();
        assertThat(lost.log())
                .contains("[WARNING] -Djpamigrate.dialect=postgresql is ignored: the plugin's <configuration> in the POM"
                        + " sets <dialect>sqlite</dialect>")
                .contains("<dialect>${jpamigrate.dialect}</dialect>");

        BuildResult wrong = project.maven("jpa-migrate:check").property("jpamigrate.dialect", "sqllite").run().assertFailure();
        assertThat(wrong.log())
                .contains("-Djpamigrate.dialect=sqllite: unknown dialect 'sqllite'; use one of sqlite, postgresql")
                .doesNotContainPattern(STACK_FRAME);

        // The way the warning names: the element refers to the property, whose POM value is the default.
        Path pom = project.file("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("<dialect>sqlite</dialect>", "<dialect>${jpamigrate.dialect}</dialect>")
                .replaceFirst("<properties>", "<properties>\n    <jpamigrate.dialect>sqlite</jpamigrate.dialect>"));
        BuildResult wins = project.maven("jpa-migrate:check").property("jpamigrate.dialect", "postgresql").run();
        assertThat(wins.log()).doesNotContain("is ignored");
        // ... and the property's value is the one the goal reads: a wrong one now reaches the parameter itself.
        BuildResult reached = project.maven("jpa-migrate:check").property("jpamigrate.dialect", "sqllite").run().assertFailure();
        assertThat(reached.log()).contains("jpamigrate.dialect: unknown dialect 'sqllite'").doesNotContain("is ignored");
    }

    @Test
    void diffFromARefOutsideAGitRepositorySaysSo(ProjectTemplates templates) {
        TestProject project = templates.copy("generate-sqlite");
        // The test folder lies inside this repository's work tree; stop JGit's search at the project.
        BuildResult build = project.maven("jpa-migrate:diff").property("jpamigrate.from", "v1.4.0")
                .environment("GIT_CEILING_DIRECTORIES", project.dir().getParent().toString()).run().assertFailure();

        assertThat(build.log())
                .contains(project.dir() + " is not inside a git repository, so there is no history to compare with")
                .contains("drop -Djpamigrate.from to run diff without git")
                .doesNotContainPattern(STACK_FRAME);
    }
}
