package io.github.jpamigrate.plugin.introspect;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drift {@code verify} and {@code check-db} compute, where an entity maps a view: the view is
 * read with its columns, and only their names and types are compared.
 */
class ViewReadingTest {

    @TempDir
    Path dir;

    private static SchemaModel model(ColumnType labelType) {
        return ModelBuilder.of(
                TableBuilder.table("item").columns(List.of(Column.of("id", ColumnType.of(TypeKind.BIGINT), false),
                        Column.of("label", ColumnType.withLength(TypeKind.VARCHAR, 80), false))).primaryKey("id").build(),
                TableBuilder.table("item_view").columns(List.of(Column.of("id", ColumnType.of(TypeKind.BIGINT), false),
                        Column.of("label", labelType, false).withUnique(true))).primaryKey("id")
                        .index(new Index("idx_item_view_label", List.of("label"), false)).build());
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SQLITE", "H2", "POSTGRESQL", "MARIADB"})
    void aViewTheModelMapsIsComparedByItsColumnsOnly(Dialect dialect) throws Exception {
        try (ScratchDatabase db = dialect == Dialect.SQLITE ? ScratchDatabase.sqlite(dir.resolve("db")) : TestServers.scratch(dialect)) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("create table item (id bigint not null primary key, label varchar(80) not null)");
                s.execute("create view item_view as select id, label from item");
            }
            try (Connection c = db.connect()) {
                assertThat(SchemaDrift.between(model(ColumnType.withLength(TypeKind.VARCHAR, 80)), c, dialect, Set.of())).isEmpty();
                List<SchemaChange> drift = SchemaDrift.between(model(ColumnType.of(TypeKind.BIGINT)), c, dialect, Set.of());
                assertThat(drift).extracting(SchemaChange::describe).singleElement().asString()
                        .matches("(?i)change column item_view\\.label: type bigint -> varchar\\(80\\)");
                assertThat(new SchemaReader(dialect, Set.of()).read(c, null).table("item_view"))
                        .as("read() alone reads tables only").isEmpty();
            }
        }
    }
}
