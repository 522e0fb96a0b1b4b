package io.github.jpamigrate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.it.database.DatabaseServer;
import io.github.jpamigrate.it.database.RequiresDatabase;
import io.github.jpamigrate.it.harness.BuildResult;
import io.github.jpamigrate.it.harness.EndToEnd;
import io.github.jpamigrate.it.harness.ProjectTemplates;
import io.github.jpamigrate.it.harness.TestProject;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@code <shadowUrls>}: PostgreSQL and MariaDB listed together in {@code dialects}, each vendor
 * folder proven on its own server, by {@code generate}'s self-check and by {@code verify}.
 */
@EndToEnd
@RequiresDatabase({DatabaseServer.POSTGRESQL, DatabaseServer.MARIADB})
class ShadowUrlsIT {

    private static final String MIGRATIONS = "src/main/resources/db/migration";
    private static final String BOOK = "src/main/java/com/example/library/Book.java";

    @Test
    void postgresqlAndMariadbListedTogetherAreEachProvenOnTheirOwnServer(ProjectTemplates templates) throws IOException {
        TestProject project = templates.copy("generate-sqlite").edit("pom.xml", "<dialect>sqlite</dialect>",
                "<dialects>postgresql,mariadb</dialects>\n          <shadowUrls>\n"
                        + "            <postgresql>" + withUser(DatabaseServer.POSTGRESQL) + "</postgresql>\n"
                        + "            <mysql>" + withUser(DatabaseServer.MARIADB) + "</mysql>\n"
                        + "          </shadowUrls>");

        BuildResult generate = project.maven("jpa-migrate:generate").property("message", "initial schema").run()
                .assertSuccess();
        assertThat(generate.log())
                .contains("Wrote " + MIGRATIONS + "/postgresql/V1__initial_schema.sql")
                .contains("Wrote " + MIGRATIONS + "/mysql/V1__initial_schema.sql")
                .contains("Self-check passed on a scratch PostgreSQL database")
                .contains("Self-check passed on a scratch MariaDB database")
                .doesNotContain("skipped");

        project.edit(BOOK, "    private Author author;", "    private Author author;\n\n    private String isbn;");
        project.maven("jpa-migrate:generate").property("message", "add isbn").run().assertSuccess();

        BuildResult verify = project.build("compile", "jpa-migrate:verify").assertSuccess();
        assertThat(verify.log())
                .contains("PASSED  replay (postgresql) Flyway applied 2 migration(s) to a scratch postgresql database")
                .contains("PASSED  replay (mariadb) Flyway applied 2 migration(s) to a scratch mariadb database")
                .contains("PASSED  data (postgresql)")
                .contains("PASSED  data (mariadb)")
                .doesNotContain("SKIPPED");
    }

    @Test
    void aShadowUrlsElementNamedAfterNoListedVendorFailsNamingTheClosest(ProjectTemplates templates) throws IOException {
        TestProject project = templates.copy("generate-sqlite").edit("pom.xml", "<dialect>sqlite</dialect>",
                "<dialects>postgresql,mariadb</dialects>\n          <shadowUrls>\n"
                        + "            <postgres>" + withUser(DatabaseServer.POSTGRESQL) + "</postgres>\n"
                        + "            <mysql>" + withUser(DatabaseServer.MARIADB) + "</mysql>\n"
                        + "          </shadowUrls>");

        BuildResult failed = project.maven("jpa-migrate:generate").property("message", "initial schema").run()
                .assertFailure();
        assertThat(failed.log()).contains("<shadowUrls> has an element <postgres>, but the server targets' vendor"
                        + " folders are postgresql, mysql; the closest is 'postgresql'.")
                .doesNotContain("at io.github.jpamigrate.");
        assertThat(project.file(MIGRATIONS)).doesNotExist();
    }

    /** The server's URL with its user in it, as a user writes one element per vendor (XML-escaped). */
    private static String withUser(DatabaseServer server) {
        return (server.jdbcUrl() + "&user=" + server.user()).replace("&", "&amp;");
    }
}
