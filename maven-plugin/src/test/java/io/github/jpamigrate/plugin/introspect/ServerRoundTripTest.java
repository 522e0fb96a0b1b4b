package io.github.jpamigrate.plugin.introspect;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.Renames;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.sql.MigrationRenderer;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.RenderedMigration;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.MigrationReplay;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrations rendered for H2, PostgreSQL and MariaDB, applied by Flyway to a scratch database of
 * that engine, read back through JDBC metadata: the schema read back is the model (in the
 * dialect's normal form) before and after an evolution, and no row is lost on the way.
 */
class ServerRoundTripTest {

    private static final SchemaModel EMPTY = new SchemaModel("jpa", "hibernate-7", "t", List.of(), List.of(), List.of(), List.of());

    private static void write(Dialect dialect, Path folder, int version, SchemaModel from, SchemaModel to) throws Exception {
        List<SchemaChange> changes = SchemaDiff.compare(from, to, Renames.NONE);
        RenderedMigration m = dialect.renderer().render(from, to, changes,
                RenderOptions.withBackfills(List.of("customer.role='user'")));
        Files.writeString(folder.resolve("V" + version + "__step.sql"), m.script("step " + version, changes));
    }

    private static List<String> drift(ScratchDatabase db, SchemaModel model) throws Exception {
        try (Connection c = db.connect()) {
            return SchemaDrift.between(model, c, db.dialect(), Set.of(FlywaySettings.DEFAULT_TABLE, "customer_SEQ"))
                    .stream().map(change -> change.describe().toLowerCase(java.util.Locale.ROOT)).toList(); // H2 reports upper case
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void theSchemaReadBackIsTheModelBeforeAndAfterAnEvolution(Dialect dialect, @TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("migrations"));
        try (ScratchDatabase db = TestServers.scratch(dialect)) {
            write(dialect, folder, 1, EMPTY, SqliteRoundTripTest.shop(false));
            assertThat(MigrationReplay.migrate(db, FlywaySettings.folder(folder))).isEqualTo(1);
            assertThat(drift(db, SqliteRoundTripTest.shop(false))).isEmpty();
            assertThat(drift(db, SqliteRoundTripTest.shop(true))).contains(
                    "change column customer.email: type varchar(320) -> varchar(255)");

            String order = ServerEvolutionTest.quoted(dialect, "order");
            try (Connection c = db.connect(); var s = c.createStatement()) {
                s.execute("insert into customer (id, email, status) values (1, 'a@x', 'NEW'), (2, 'b@x', 'ACTIVE')");
                s.execute("insert into " + order + " (customer_id, total) values (1, 9.5), (1, 3), (2, 1)");
            }
            write(dialect, folder, 2, SqliteRoundTripTest.shop(false), SqliteRoundTripTest.shop(true));
            assertThat(MigrationReplay.migrate(db, FlywaySettings.folder(folder))).isEqualTo(1);
            assertThat(drift(db, SqliteRoundTripTest.shop(true))).isEmpty();
            try (Connection c = db.connect(); var s = c.createStatement();
                 var rs = s.executeQuery("select (select count(*) from customer), (select count(*) from " + order + "),"
                         + " (select count(*) from customer where role = 'user')")) {
                rs.next();
                assertThat(List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3))).containsExactly(2, 3, 2);
            }
        }
    }
}
