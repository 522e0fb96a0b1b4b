package io.github.jpamigrate.plugin.introspect;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrations that create related tables, applied on each engine: the first creates a table
 * referencing itself, two tables where one references the other (listed in the wrong order), and
 * two tables referencing each other (a cycle); the second adds a table referencing an existing
 * one and a table referencing that new one; then both are undone. On MariaDB a new table's
 * indexes and its keys to the tables created before it are declared in its {@code create table}
 * (an {@code alter table ... add foreign key} copies the table), only the cycle's closing key and
 * the key to the existing table are added after; the schema read back is the model every time.
 */
class NewTableKeysTest {

    private static final ColumnType BIGINT = ColumnType.of(TypeKind.BIGINT);

    private static Table table(String name, List<String> references, ReferentialAction onDelete) {
        List<Column> columns = new ArrayList<>(List.of(Column.of("id", BIGINT, false)));
        TableBuilder table = TableBuilder.table(name);
        for (String target : references) {
            columns.add(Column.of(target + "_id", BIGINT, true));
            table.foreignKey("fk_" + name + "_" + target, target + "_id", target, onDelete);
        }
        return table.columns(columns).primaryKey("id")
                .indexes(references.isEmpty() ? List.of() : List.of(new Index("idx_" + name + "_" + references.get(0),
                        List.of(references.get(0) + "_id"), false))).build();
    }

    private static SchemaModel version(int v) {
        List<Table> tables = new ArrayList<>();
        if (v >= 1) {
            tables.add(table("book", List.of("shelf"), ReferentialAction.CASCADE));
            tables.add(table("shelf", List.of("shelf"), ReferentialAction.NO_ACTION));
            tables.add(table("author", List.of("editor"), ReferentialAction.SET_NULL));
            tables.add(table("editor", List.of("author"), ReferentialAction.NO_ACTION));
        }
        if (v >= 2) {
            tables.add(table("review", List.of("book"), ReferentialAction.CASCADE));
            tables.add(table("reply", List.of("review", "book"), ReferentialAction.NO_ACTION));
        }
        return ModelBuilder.model().producer("t").tables(tables).build();
    }

    private static String script(Dialect dialect, SchemaModel from, SchemaModel to) {
        List<SchemaChange> changes = SchemaDiff.compare(from, to);
        return dialect.renderer().render(from, to, changes, RenderOptions.DEFAULTS).script("step", changes);
    }

    /** The foreign keys a script adds with {@code alter table}, as {@code table.key}. */
    private static List<String> keysAddedLater(String script) {
        Matcher m = Pattern.compile("alter table `?(\\w+)`? add constraint `?(\\w+)`? foreign key").matcher(script);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1) + "." + m.group(2));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void relatedNewTablesApplyAndUndoWithTheModelsSchema(Dialect dialect, @TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("migrations"));
        List<SchemaModel> steps = List.of(version(0), version(1), version(2), version(1), version(0));
        try (ScratchDatabase db = TestServers.scratch(dialect)) {
            for (int k = 1; k < steps.size(); k++) {
                String script = script(dialect, steps.get(k - 1), steps.get(k));
                if (dialect == Dialect.MARIADB && k == 1) {
                    assertThat(keysAddedLater(script)).as("only the cycle's closing key is added after the creates")
                            .containsExactly("editor.fk_editor_author");
                    assertThat(script).doesNotContain("create index")
                            .contains("index idx_book_shelf (shelf_id),\n    constraint fk_book_shelf foreign key (shelf_id)"
                                    + " references shelf (id) on delete cascade\n)")
                            .contains("constraint fk_shelf_shelf foreign key (shelf_id) references shelf (id)\n)");
                }
                if (dialect == Dialect.MARIADB && k == 2) {
                    assertThat(keysAddedLater(script)).as("a key to an existing table is added after the creates")
                            .containsExactly("review.fk_review_book", "reply.fk_reply_book");
                }
                Files.writeString(folder.resolve("V" + k + "__step.sql"), script);
                assertThat(MigrationReplay.migrate(db, FlywaySettings.folder(folder))).as("step %d", k).isEqualTo(1);
                assertThat(drift(db, steps.get(k))).as("drift after step %d:%n%s", k, script).isEmpty();
            }
        }
    }

    private static List<String> drift(ScratchDatabase db, SchemaModel model) throws Exception {
        try (Connection c = db.connect()) {
            return SchemaDrift.between(model, c, db.dialect(), Set.of(FlywaySettings.DEFAULT_TABLE))
                    .stream().map(change -> change.describe().toLowerCase(Locale.ROOT)).toList();
        }
    }
}
