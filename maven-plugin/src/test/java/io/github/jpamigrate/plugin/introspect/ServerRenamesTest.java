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
 * Declared renames on each engine: into the name of a column and of a table the same migration
 * drops, and of a table and columns that indexes and constraints are named after; the next
 * migration drops those indexes and constraints by the names the model now derives.
 */
class ServerRenamesTest {

    private static final ColumnType BIGINT = ColumnType.of(TypeKind.BIGINT);
    private static final ColumnType TEXT = ColumnType.withLength(TypeKind.VARCHAR, 40);

    private static Table idTable(String name) {
        return TableBuilder.table(name).column(Column.of("id", BIGINT, false)).primaryKey("id").build();
    }

    /** v1 item(note, label, email) with named index, unique and key; v2 renames them all; v3 drops the constraints. */
    private static SchemaModel version(int v) {
        String table = v == 1 ? "item" : "article";
        String text = v == 1 ? "label" : "note";
        String mail = v == 1 ? "email" : "mail";
        List<Column> columns = new ArrayList<>(List.of(Column.of("id", BIGINT, false),
                Column.of("owner_id", BIGINT, true), Column.of(text, TEXT, true), Column.of(mail, TEXT, true)));
        if (v == 1) {
            columns.add(2, Column.of("note", TEXT, true));
        }
        List<ForeignKey> keys = v == 3 ? List.of() : List.of(new ForeignKey(Identifiers.foreignKeyName(table, List.of("owner_id")),
                List.of("owner_id"), "owner", List.of("id"), ReferentialAction.NO_ACTION));
        List<UniqueConstraint> uniques = v == 3 ? List.of()
                : List.of(new UniqueConstraint(Identifiers.uniqueKeyName(table, List.of(text, mail)), List.of(text, mail)));
        List<Index> indexes = v == 3 ? List.of() : List.of(new Index(Identifiers.indexName(table, List.of(mail)), List.of(mail), false),
                new Index(Identifiers.indexName(table, List.of("owner_id")), List.of("owner_id"), false));
        Table item = TableBuilder.table(table).columns(columns).primaryKey("id").foreignKeys(keys).uniques(uniques)
                .indexes(indexes).build();
        List<Table> tables = v == 1 ? List.of(idTable("owner"), idTable("shelf"), idTable("old_shelf"), item)
                : List.of(idTable("owner"), idTable("shelf"), item);
        return ModelBuilder.model().producer("t").tables(tables).build();
    }

    private static void write(Dialect dialect, Path folder, int v) throws Exception {
        SchemaModel from = v == 1 ? new SchemaModel("jpa", "hibernate-7", "t", List.of(), List.of(), List.of(), List.of())
                : version(v - 1);
        Renames renames = v == 2 ? Renames.parse(List.of("old_shelf:shelf", "item:article", "article.label:note",
                "article.email:mail")) : Renames.NONE;
        List<SchemaChange> changes = SchemaDiff.compare(from, version(v), renames);
        String script = dialect.renderer().render(from, version(v), changes, RenderOptions.DEFAULTS)
                .script("step " + v, changes);
        Files.writeString(folder.resolve("V" + v + "__step.sql"), script);
    }

    private static List<String> drift(ScratchDatabase db, SchemaModel model) throws Exception {
        try (Connection c = db.connect()) {
            return SchemaDrift.between(model, c, db.dialect(), Set.of(FlywaySettings.DEFAULT_TABLE))
                    .stream().map(change -> change.describe().toLowerCase(Locale.ROOT)).toList();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void renamesIntoDroppedNamesAndKeepsDerivedNamesDroppable(Dialect dialect, @TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("migrations"));
        try (ScratchDatabase db = TestServers.scratch(dialect)) {
            for (int v = 1; v <= 3; v++) {
                write(dialect, folder, v);
                assertThat(MigrationReplay.migrate(db, FlywaySettings.folder(folder))).as("step %d", v).isEqualTo(1);
                assertThat(drift(db, version(v))).as("drift after step %d", v).isEmpty();
                if (v == 1) {
                    try (Connection c = db.connect(); var s = c.createStatement()) {
                        s.execute("insert into owner (id) values (1)");
                        s.execute("insert into item (id, owner_id, note, label, email) values (1, 1, 'old', 'new', 'a@b')");
                    }
                }
            }
            try (Connection c = db.connect(); var s = c.createStatement();
                 var rs = s.executeQuery("select note, mail from article")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1) + " " + rs.getString(2)).as("the renamed columns keep their values").isEqualTo("new a@b");
            }
        }
    }
}
