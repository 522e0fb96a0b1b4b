package io.github.jpamigrate.core.sql.sqlite;

import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;
import io.github.jpamigrate.core.diff.Renames;
import io.github.jpamigrate.core.model.*;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.RenderedMigration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SQLite trap: with foreign keys ON, {@code DROP TABLE parent} inside a rebuild deletes the
 * parent's rows first and {@code ON DELETE CASCADE} empties the child table. These tests run the
 * generated migrations through Flyway on a connection with foreign keys ON and count every row.
 */
class SqliteRebuildUnderFlywayTest {

    private static final ColumnType BIGINT = ColumnType.of(TypeKind.BIGINT);

    static SchemaModel model(Column parentName, List<Table> extra) {
        Table parent = TableBuilder.table("parent").column(Column.of("id", BIGINT, false)).column(parentName).primaryKey("id")
                .entity("t.Parent").build();
        Table child = TableBuilder.table("child").column(Column.of("id", BIGINT, false))
                .column(Column.of("parent_id", BIGINT, false)).primaryKey("id")
                .foreignKey("fk_child_parent", "parent_id", "parent", ReferentialAction.CASCADE)
                .index(new Index("idx_child_parent", List.of("parent_id"), false)).entity("t.Child").build();
        return ModelBuilder.model().tables(concat(List.of(parent, child), extra)).build();
    }

    static final SchemaModel EMPTY = ModelBuilder.of();

    private static List<Table> concat(List<Table> first, List<Table> then) {
        List<Table> out = new java.util.ArrayList<>(first);
        out.addAll(then);
        return out;
    }

    private static FlywaySqliteScratch populated(Path dir, SchemaModel v1) throws Exception {
        FlywaySqliteScratch db = new FlywaySqliteScratch(dir);
        db.migrate(EMPTY, v1, Renames.NONE, RenderOptions.DEFAULTS);
        db.execute("insert into parent (id, name) values (1, 'a'), (2, 'b'), (3, null)",
                "insert into child (id, parent_id) values (10, 1), (11, 1), (12, 2), (13, 3), (14, 3)");
        return db;
    }

    @Test
    void rebuildingAParentKeepsEveryChildRowWithForeignKeysOn(@TempDir Path dir) throws Exception {
        Column before = Column.of("name", ColumnType.withLength(TypeKind.VARCHAR, 255), true);
        Column after = before.withType(ColumnType.withLength(TypeKind.VARCHAR, 500)).withNullable(false);
        SchemaModel v1 = model(before, List.of());
        FlywaySqliteScratch db = populated(dir, v1);
        assertThat(db.queryLong("pragma foreign_keys")).as("the connection enforces foreign keys").isEqualTo(1);

        RenderedMigration v2 = db.migrate(v1, model(after, List.of()), Renames.NONE,
                RenderOptions.withBackfills(List.of("parent.name='unknown'")));

        assertThat(v2.transactional()).isFalse();
        assertThat(db.count("parent")).isEqualTo(3);
        assertThat(db.count("child")).isEqualTo(5);
        assertThat(db.queryLong("select count(*) from parent where name = 'unknown'")).isEqualTo(1);
        assertThat(db.foreignKeyViolations()).isZero();
        assertThat(db.queryLong("select count(*) from sqlite_schema where name = 'idx_child_parent'")).isEqualTo(1);
        assertThatThrownBy(() -> db.execute("insert into child (id, parent_id) values (99, 42)"))
                .as("foreign keys are enforced again after the migration")
                .isInstanceOf(SQLException.class).hasMessageContaining("FOREIGN KEY");
        db.execute("delete from parent where id = 1");
        assertThat(db.count("child")).as("the cascade still works on the rebuilt parent").isEqualTo(3);
    }

    @Test
    void renamingAReferencedKeyOfARebuiltParentRepointsTheChildren(@TempDir Path dir) throws Exception {
        Column before = Column.of("name", ColumnType.withLength(TypeKind.VARCHAR, 255), true);
        SchemaModel v1 = model(before, List.of());
        FlywaySqliteScratch db = populated(dir, v1);
        Table parent = TableBuilder.table("parent").column(Column.of("parent_no", BIGINT, false))
                .column(before.withType(ColumnType.withLength(TypeKind.VARCHAR, 500))).primaryKey("parent_no")
                .entity("t.Parent").build();
        Table repointed = TableBuilder.from(v1.table("child").orElseThrow()).foreignKeys(List.of(new ForeignKey("fk_child_parent",
                List.of("parent_id"), "parent", List.of("parent_no"), ReferentialAction.CASCADE))).build();
        SchemaModel v2 = ModelBuilder.of(parent, repointed);

        db.migrate(v1, v2, Renames.parse(List.of("parent.id:parent_no")), RenderOptions.DEFAULTS);

        assertThat(db.count("parent")).isEqualTo(3);
        assertThat(db.count("child")).isEqualTo(5);
        assertThat(db.foreignKeyViolations()).isZero();
        assertThat(db.queryLong("select count(*) from pragma_foreign_key_list('child') where \"to\" = 'parent_no'"))
                .as("the child's key follows the renamed parent column").isEqualTo(1);
        db.execute("delete from parent where parent_no = 1");
        assertThat(db.count("child")).as("the cascade still works on the rebuilt parent").isEqualTo(3);
    }

    @Test
    void theSameRebuildInsideAFlywayTransactionCascadesAwayTheChildren(@TempDir Path dir) throws Exception {
        Column before = Column.of("name", ColumnType.withLength(TypeKind.VARCHAR, 255), true);
        FlywaySqliteScratch db = populated(dir, model(before, List.of()));
        String naiveRebuild = "pragma foreign_keys = off;\n"
                + "create table jm_new_parent (id bigint not null, name varchar(500), primary key (id));\n"
                + "insert into jm_new_parent (id, name) select id, name from parent;\n"
                + "drop table parent;\n"
                + "alter table jm_new_parent rename to parent;\n";
        db.writeScript(naiveRebuild, false);
        assertThatThrownBy(db::migrateAgain).as("Flyway refuses a pragma mixed with transactional statements")
                .hasMessageContaining("non-transactional");

        FlywaySqliteScratch forced = populated(dir.resolve("forced"), model(before, List.of()));
        forced.writeScript(naiveRebuild, "executeInTransaction=true\n");
        forced.migrateAgain();
        assertThat(forced.count("parent")).isEqualTo(3);
        assertThat(forced.count("child")).as("the ignored pragma let DROP TABLE cascade into the child table").isZero();
    }

    @Test
    void aRebuildThatWouldLeaveDanglingReferencesFailsInsteadOfCommitting(@TempDir Path dir) throws Exception {
        Column name = Column.of("name", ColumnType.withLength(TypeKind.VARCHAR, 255), true);
        SchemaModel v1 = model(name, List.of());
        FlywaySqliteScratch db = populated(dir, v1);
        db.writeScript("pragma foreign_keys = off;\nsavepoint jm_migration;\ndelete from parent where id = 2;\n"
                + "create temp table jm_foreign_key_check (violation_found integer not null);\n"
                + "insert into jm_foreign_key_check select null from pragma_foreign_key_check limit 1;\n"
                + "drop table jm_foreign_key_check;\nrelease jm_migration;\npragma foreign_keys = on;\n", true);
        assertThatThrownBy(db::migrateAgain).hasMessageContaining("NOT NULL constraint failed: jm_foreign_key_check.violation_found");
        assertThat(db.count("parent")).as("the failed script's savepoint was rolled back").isEqualTo(3);
        assertThat(db.queryLong("select count(*) from flyway_schema_history where version = '2'"))
                .as("the failure left no history row, so a fixed script can simply run again").isZero();
    }
}
