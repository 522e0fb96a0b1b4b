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
 * The alterations {@link ServerEvolutionTest} does not make, on each engine with rows: a declared
 * table rename, comments, a new NOT NULL column with a default, a column made NOT NULL with a
 * backfill value, widening and text casts, a primary key change, a column becoming an identity,
 * a sequence dropped, and the unique constraint and enum check named after a renamed table or
 * column following the rename.
 */
class ServerAlterationsTest {

    private static final String KIND = "com.acme.Kind";

    private static SchemaModel version(int v) {
        List<Column> columns = new ArrayList<>(List.of(
                Column.of("id", ColumnType.of(TypeKind.BIGINT), false).withIdentity(v >= 4),
                Column.of("code", ColumnType.withLength(TypeKind.VARCHAR, 20), false)
                        .withComment(v >= 2 ? "the code printed on the label" : null).withUnique(v <= 2),
                Column.of("qty", v == 1 ? ColumnType.of(TypeKind.INTEGER)
                        : v == 2 ? ColumnType.of(TypeKind.BIGINT) : ColumnType.withLength(TypeKind.VARCHAR, 20), true),
                Column.of("price", ColumnType.withPrecisionScale(TypeKind.DECIMAL, 10, 2), v == 1),
                Column.of(v <= 2 ? "kind" : "category", ColumnType.of(TypeKind.TINYINT), true)
                        .withEnumRef(new EnumRef(KIND, EnumStorage.ORDINAL))));
        if (v >= 2) {
            columns.add(Column.of("active", ColumnType.of(TypeKind.BOOLEAN), false).withDefaultValue("true"));
        }
        Table table = TableBuilder.table(v == 1 ? "item" : "product").columns(columns)
                .primaryKey(v <= 2 ? new String[] {"id"} : new String[] {"id", "code"})
                .comment(v >= 2 ? "what the shop sells" : null).build();
        return ModelBuilder.model().producer("t").table(table)
                .sequences(v == 1 ? List.of(new Sequence("item_SEQ", null, 1, 50)) : List.of())
                .enumType(KIND, "SMALL", "LARGE").build();
    }

    private static void write(Dialect dialect, Path folder, int v) throws Exception {
        SchemaModel from = v == 1 ? new SchemaModel("jpa", "hibernate-7", "t", List.of(), List.of(), List.of(), List.of())
                : version(v - 1);
        Renames renames = v == 2 ? Renames.parse(List.of("item:product"))
                : v == 3 ? Renames.parse(List.of("product.kind:category")) : Renames.NONE;
        List<SchemaChange> changes = SchemaDiff.compare(from, version(v), renames);
        String script = dialect.renderer()
                .render(from, version(v), changes, RenderOptions.withBackfills(List.of("product.price=0")))
                .script("step " + v, changes);
        Files.writeString(folder.resolve("V" + v + "__step.sql"), script);
    }

    private static List<String> drift(ScratchDatabase db, SchemaModel model) throws Exception {
        try (Connection c = db.connect()) {
            return SchemaDrift.between(model, c, db.dialect(), Set.of(FlywaySettings.DEFAULT_TABLE, "item_SEQ"))
                    .stream().map(change -> change.describe().toLowerCase(Locale.ROOT)).toList();
        }
    }

    private static List<String> rows(ScratchDatabase db, String table) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); var s = c.createStatement();
             var rs = s.executeQuery("select id, code, qty, price from " + table + " order by id")) {
            while (rs.next()) {
                out.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getBigDecimal(4));
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void everyAlterationRunsOnRowsAndLeavesTheModelsSchema(Dialect dialect, @TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("migrations"));
        try (ScratchDatabase db = TestServers.scratch(dialect)) {
            for (int v = 1; v <= 4; v++) {
                write(dialect, folder, v);
                assertThat(MigrationReplay.migrate(db, FlywaySettings.folder(folder))).as("step %d", v).isEqualTo(1);
                assertThat(drift(db, version(v))).as("drift after step %d", v).isEmpty();
                if (v == 1) {
                    try (Connection c = db.connect(); var s = c.createStatement()) {
                        s.execute("insert into item (id, code, qty, price) values (1, 'A-1', 7, 2.50), (2, 'B-2', null, null)");
                    }
                }
                assertThat(rows(db, v == 1 ? "item" : "product")).as("rows after step %d", v)
                        .containsExactly("1 A-1 7 2.50", "2 B-2 null " + (v == 1 ? "null" : "0.00"));
            }
            try (Connection c = db.connect(); var s = c.createStatement()) {
                s.execute("insert into product (code, price) values ('C-3', 1)");
                try (var rs = s.executeQuery("select count(*) from product where active")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("the default fills old rows and new ones").isEqualTo(3);
                }
            }
        }
    }
}
