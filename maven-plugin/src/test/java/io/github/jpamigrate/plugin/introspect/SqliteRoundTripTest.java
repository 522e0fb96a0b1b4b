package io.github.jpamigrate.plugin.introspect;

import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;
import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.Renames;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.model.*;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.RenderedMigration;
import io.github.jpamigrate.core.sql.sqlite.SqliteRenderer;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.MigrationReplay;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrations rendered for SQLite, applied by Flyway, read back through JDBC metadata: the schema
 * read back is the model (in the dialect's normal form), so drift is an empty diff.
 */
class SqliteRoundTripTest {

    private static final SchemaModel EMPTY = ModelBuilder.model().producer("t").build();

    static SchemaModel shop(boolean evolved) {
        Table customer = TableBuilder.table("customer").columns(List.of(
                Column.of("id", ColumnType.of(TypeKind.BIGINT), false),
                Column.of("email", ColumnType.withLength(TypeKind.VARCHAR, evolved ? 320 : 255), false).withUnique(true),
                Column.of("balance", ColumnType.withPrecisionScale(TypeKind.DECIMAL, 38, 2), true),
                Column.of("status", ColumnType.withLength(TypeKind.VARCHAR, 255), true)
                        .withEnumRef(new EnumRef("com.acme.Status", EnumStorage.STRING)),
                Column.of("created_at", ColumnType.withPrecision(TypeKind.TIMESTAMP_TZ, 6), true),
                Column.of("role", ColumnType.withLength(TypeKind.VARCHAR, 20), !evolved).withDefaultValue(evolved ? "'user'" : null)))
                .primaryKey("id").unique("uk_customer_email_role", "email", "role")
                .index(new Index("idx_customer_created", List.of("created_at"), false)).entity("com.acme.Customer").build();
        Table order = TableBuilder.table("order").columns(List.of(
                Column.of("id", ColumnType.of(TypeKind.BIGINT), false).withIdentity(true),
                Column.of("customer_id", ColumnType.of(TypeKind.BIGINT), false),
                Column.of("total", ColumnType.withPrecision(TypeKind.DOUBLE, 53), true)))
                .primaryKey("id").foreignKey("fk_order_customer_id", "customer_id", "customer",
                        evolved ? ReferentialAction.CASCADE : ReferentialAction.NO_ACTION)
                .entity("com.acme.Order").build();
        return ModelBuilder.model().producer("t").table(customer).table(order)
                .sequence(new Sequence("customer_SEQ", null, 1, 50)).enumType("com.acme.Status", "NEW", "ACTIVE").build();
    }

    private static void write(Path folder, int version, SchemaModel from, SchemaModel to) throws Exception {
        List<SchemaChange> changes = SchemaDiff.compare(from, to, Renames.NONE);
        RenderedMigration m = new SqliteRenderer().render(from, to, changes,
                RenderOptions.withBackfills(List.of("customer.role='user'")));
        Path script = folder.resolve("V" + version + "__step.sql");
        Files.writeString(script, m.script("step " + version, changes));
        if (!m.transactional()) {
            Files.writeString(folder.resolve(script.getFileName() + ".conf"), "executeInTransaction=false\n");
        }
    }

    private static List<SchemaChange> drift(ScratchDatabase db, SchemaModel model) throws Exception {
        try (Connection c = db.connect()) {
            return SchemaDrift.between(model, c, Dialect.SQLITE, Set.of(FlywaySettings.DEFAULT_TABLE, "customer_SEQ"));
        }
    }

    @Test
    void theSchemaReadBackIsTheModelBeforeAndAfterARebuild(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("migrations"));
        try (ScratchDatabase db = ScratchDatabase.sqlite(dir.resolve("scratch"))) {
            write(folder, 1, EMPTY, shop(false));
            assertThat(MigrationReplay.migrate(db, FlywaySettings.folder(folder))).isEqualTo(1);
            assertThat(drift(db, shop(false))).isEmpty();
            assertThat(drift(db, shop(true))).extracting(SchemaChange::describe).contains(
                    "change column customer.email: type varchar(320) -> varchar(255)");

            try (Connection c = db.connect(); var s = c.createStatement()) {
                s.execute("insert into customer (id, email, status) values (1, 'a@x', 'NEW'), (2, 'b@x', 'ACTIVE')");
                s.execute("insert into \"order\" (customer_id, total) values (1, 9.5), (1, 3), (2, 1)");
            }
            write(folder, 2, shop(false), shop(true));
            assertThat(MigrationReplay.migrate(db, FlywaySettings.folder(folder))).isEqualTo(1);
            assertThat(drift(db, shop(true))).isEmpty();
            try (Connection c = db.connect(); var s = c.createStatement();
                 var rs = s.executeQuery("select (select count(*) from customer), (select count(*) from \"order\"),"
                         + " (select count(*) from customer where role = 'user')")) {
                rs.next();
                assertThat(List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3))).containsExactly(2, 3, 2);
            }
        }
    }
}
