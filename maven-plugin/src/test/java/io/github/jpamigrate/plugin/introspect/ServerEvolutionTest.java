package io.github.jpamigrate.plugin.introspect;

import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;
import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.Renames;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.model.*;
import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.sql.MigrationRenderer;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.SqlNames;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four migrations on each engine, with rows in the tables: enum constants added, a declared
 * column rename, widened and cast column types, new and dropped tables, foreign keys, unique
 * constraints, checks, indexes and a sequence changed. After each one the schema read back is the
 * model and every row is still there.
 */
class ServerEvolutionTest {

    private static final ColumnType BIGINT = ColumnType.of(TypeKind.BIGINT);
    private static final String STATUS = "com.acme.Status";
    private static final String KIND = "com.acme.Kind";

    private static SchemaModel version(int v) {
        List<Column> customer = new ArrayList<>(List.of(
                Column.of("id", BIGINT, false),
                Column.of("email", ColumnType.withLength(TypeKind.VARCHAR, 255), false).withUnique(v < 3),
                Column.of("status", ColumnType.withLength(TypeKind.VARCHAR, 255), true)
                        .withEnumRef(new EnumRef(STATUS, EnumStorage.STRING)),
                Column.of("kind", ColumnType.of(TypeKind.TINYINT), true).withEnumRef(new EnumRef(KIND, EnumStorage.ORDINAL)),
                Column.of(v == 1 ? "total" : "balance", v < 3 ? ColumnType.withPrecisionScale(TypeKind.DECIMAL, 38, 2)
                        : ColumnType.withPrecision(TypeKind.DOUBLE, 53), true)));
        List<Column> order = new ArrayList<>(List.of(
                Column.of("id", BIGINT, false).withIdentity(true),
                Column.of("customer_id", BIGINT, false)));
        if (v < 4) {
            order.add(Column.of("note", ColumnType.withLength(TypeKind.VARCHAR, v == 1 ? 100 : 200), true));
        }
        List<Table> tables = new ArrayList<>();
        tables.add(TableBuilder.table("customer").columns(customer).primaryKey("id")
                .checks(v == 2 ? List.of(new CheckConstraint("ck_customer_email", "email <> ''")) : List.of()).build());
        tables.add(TableBuilder.table("order").columns(order).primaryKey("id")
                .foreignKey("fk_order_customer_id", "customer_id", "customer", v < 3 ? ReferentialAction.NO_ACTION : ReferentialAction.CASCADE)
                .indexes(v < 3 ? List.of(new Index("idx_order_note", List.of("note"), false)) : List.of()).build());
        if (v == 2 || v == 3) {
            tables.add(TableBuilder.table("tag").columns(List.of(Column.of("id", BIGINT, false), Column.of("customer_id", BIGINT, false),
                    Column.of("label", ColumnType.withLength(TypeKind.VARCHAR, 50), false))).primaryKey("id")
                    .foreignKey("fk_tag_customer_id", "customer_id", "customer", ReferentialAction.CASCADE)
                    .unique("uk_tag_customer_id_label", "customer_id", "label").build());
        }
        return ModelBuilder.model().producer("t").tables(tables)
                .sequence(new Sequence("customer_SEQ", null, 1, v == 1 ? 50 : 100))
                .enums(List.of(new EnumType(STATUS, v == 1 ? List.of("NEW", "ACTIVE") : List.of("NEW", "ACTIVE", "CLOSED")),
                        new EnumType(KIND, v == 1 ? List.of("A", "B") : List.of("A", "B", "C")))).build();
    }

    private static void write(Dialect dialect, Path folder, int v) throws Exception {
        SchemaModel from = v == 1 ? ModelBuilder.model().producer("t").build()
                : version(v - 1);
        Renames renames = v == 2 ? Renames.parse(List.of("customer.total:balance")) : Renames.NONE;
        List<SchemaChange> changes = SchemaDiff.compare(from, version(v), renames);
        String script = dialect.renderer().render(from, version(v), changes, RenderOptions.DEFAULTS)
                .script("step " + v, changes);
        Files.writeString(folder.resolve("V" + v + "__step.sql"), script);
    }

    private static List<String> drift(ScratchDatabase db, SchemaModel model) throws Exception {
        try (Connection c = db.connect()) {
            return SchemaDrift.between(model, c, db.dialect(), Set.of(FlywaySettings.DEFAULT_TABLE, "customer_SEQ"))
                    .stream().map(change -> change.describe().toLowerCase(Locale.ROOT)).toList();
        }
    }

    private static List<Integer> counts(ScratchDatabase db, String order) throws Exception {
        try (Connection c = db.connect(); var s = c.createStatement();
             var rs = s.executeQuery("select (select count(*) from customer), (select count(*) from " + order + ")")) {
            rs.next();
            return List.of(rs.getInt(1), rs.getInt(2));
        }
    }

    /** A reserved name as the dialect's renderer writes it (H2 and PostgreSQL quote in their folded case). */
    static String quoted(Dialect dialect, String name) {
        SqlNames names = switch (dialect) {
            case H2 -> SqlNames.foldingToUpperCase();
            case POSTGRESQL -> SqlNames.foldingToLowerCase();
            default -> SqlNames.backtick();
        };
        return names.name(name);
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void everyStepLeavesTheModelsSchemaAndKeepsTheRows(Dialect dialect, @TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("migrations"));
        String order = quoted(dialect, "order");
        try (ScratchDatabase db = TestServers.scratch(dialect)) {
            for (int v = 1; v <= 4; v++) {
                write(dialect, folder, v);
                assertThat(MigrationReplay.migrate(db, FlywaySettings.folder(folder))).as("step %d", v).isEqualTo(1);
                assertThat(drift(db, version(v))).as("drift after step %d", v).isEmpty();
                if (v == 1) {
                    try (Connection c = db.connect(); var s = c.createStatement()) {
                        s.execute("insert into customer (id, email, status, kind, total) values"
                                + " (1, 'a@x', 'NEW', 0, 9.50), (2, 'b@x', 'ACTIVE', 1, 3.25)");
                        s.execute("insert into " + order + " (customer_id, note) values (1, 'first'), (1, 'second'), (2, null)");
                    }
                }
                assertThat(counts(db, order)).as("rows after step %d", v).containsExactly(2, 3);
            }
            try (Connection c = db.connect(); var s = c.createStatement();
                 var rs = s.executeQuery("select balance from customer where id = 1")) {
                rs.next();
                assertThat(rs.getDouble(1)).as("the renamed, cast column keeps its value").isEqualTo(9.5);
            }
        }
    }
}
