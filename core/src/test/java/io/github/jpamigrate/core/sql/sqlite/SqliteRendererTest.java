package io.github.jpamigrate.core.sql.sqlite;

import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;
import io.github.jpamigrate.core.diff.Renames;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.model.*;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.RenderedMigration;
import io.github.jpamigrate.core.sql.Statement;
import io.github.jpamigrate.core.sql.UnsupportedChangeException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Changes in, SQLite statements out, where a test looks at part of a script; whole scripts are
 * golden files ({@code GoldenSqlTest}).
 */
class SqliteRendererTest {

    private static final ColumnType BIGINT = ColumnType.of(TypeKind.BIGINT);
    private static final ColumnType NAME = ColumnType.withLength(TypeKind.VARCHAR, 255);

    private static Table user(UnaryOperator<List<Column>> columns, List<Index> indexes) {
        List<Column> base = new ArrayList<>(List.of(Column.of("id", BIGINT, false).withIdentity(true),
                Column.of("login", NAME, false).withUnique(true), Column.of("email", NAME, true)));
        return TableBuilder.table("user").columns(columns.apply(base)).primaryKey("id").indexes(indexes)
                .entity("com.acme.User").build();
    }

    private static SchemaModel model(Table... tables) {
        return ModelBuilder.of(tables);
    }

    private static List<String> sql(SchemaModel from, SchemaModel to, Renames renames) {
        List<SchemaChange> changes = SchemaDiff.compare(from, to, renames);
        return new SqliteRenderer().render(from, to, changes, RenderOptions.DEFAULTS).statements().stream()
                .map(Statement::text).toList();
    }


    @Test
    void addsANullableColumnInPlaceInsideTheTransaction() {
        SchemaModel v1 = model(user(c -> c, List.of()));
        SchemaModel v2 = model(user(c -> { c.add(Column.of("phone", ColumnType.withLength(TypeKind.VARCHAR, 32), true)); return c; }, List.of()));
        List<SchemaChange> changes = SchemaDiff.compare(v1, v2);
        RenderedMigration m = new SqliteRenderer().render(v1, v2, changes, RenderOptions.DEFAULTS);
        assertThat(m.transactional()).isTrue();
        assertThat(m.script("add phone", changes)).isEqualTo("""
                -- add phone
                --
                -- Changes:
                --   add column user.phone varchar(32)

                alter table "user" add column phone varchar(32);
                """);
    }




    @Test
    void anEnumConstantAppendedRebuildsTheCheckOfARenamedTableToo() {
        Column status = Column.of("status", NAME, true).withEnumRef(new EnumRef("com.acme.Status", EnumStorage.STRING));
        Function<String, SchemaModel> ticket = name -> ModelBuilder.model().producer("t")
                .table(TableBuilder.table(name).column(Column.of("id", BIGINT, false)).column(status).primaryKey("id")
                        .entity("com.acme.Ticket"))
                .enums(List.of(new EnumType("com.acme.Status", name.equals("ticket") ? List.of("NEW") : List.of("NEW", "DONE"))))
                .build();
        assertThat(sql(ticket.apply("ticket"), ticket.apply("issue"), Renames.parse(List.of("ticket:issue")))).contains(
                "alter table ticket rename to issue",
                "create table jm_new_issue (\n"
                        + "    id bigint not null,\n"
                        + "    status varchar(255) check (status in ('NEW','DONE')),\n"
                        + "    primary key (id)\n)",
                "insert into jm_new_issue (id, status)\n    select id, status from issue");
    }


    @Test
    void aRenameIntoTheNameOfADroppedTableDropsFirst() {
        Table member = TableBuilder.table("member").column(Column.of("id", BIGINT, false)).primaryKey("id")
                .entity("com.acme.Member").build();
        Table memberAsUser = TableBuilder.from(member).name("user").build();
        assertThat(sql(model(user(c -> c, List.of()), member), model(memberAsUser), Renames.parse(List.of("member:user"))))
                .containsSubsequence("drop table \"user\"", "alter table member rename to \"user\"");
    }

    @Test
    void aRebuildDoesNotCopyIntoANewColumnTheOneThatWasRenamedAway() {
        SchemaModel from = model(user(c -> c, List.of()));
        SchemaModel to = model(user(c -> { c.set(2, c.get(2).withUnique(true)); c.add(Column.of("contact", NAME, true)); return c; },
                List.of()));
        assertThat(sql(from, to, Renames.parse(List.of("user.email:contact"))))
                .contains("insert into jm_new_user (id, login, contact)\n    select id, login, email from \"user\"");
    }

    @Test
    void aNewNotNullColumnWithoutDefaultOrBackfillIsRefusedWithTheFix() {
        SchemaModel v1 = model(user(c -> c, List.of()));
        SchemaModel v2 = model(user(c -> { c.add(Column.of("age", ColumnType.of(TypeKind.INTEGER), false)); return c; }, List.of()));
        assertThatThrownBy(() -> sql(v1, v2, Renames.NONE))
                .isInstanceOf(UnsupportedChangeException.class)
                .hasMessageContaining("user.age")
                .hasMessageContaining("-Djpamigrate.backfill=user.age=<sql literal>");
    }

    @Test
    void sequenceIncrementsGeneratorsAndEnumOrderNeedNoStatementOnSqlite() {
        assertThat(SchemaChange.class.getPermittedSubclasses())
                .as("a new change type must be rendered by every dialect: update the renderers, then this count")
                .hasSize(23);
        Table t = user(c -> c, List.of());
        SchemaModel a = new SchemaModel("jpa", "hibernate-7", "t", List.of(t), List.of(new Sequence("s", null, 1, 50)),
                List.of(new TableGenerator("g", "user", "id", "email", "x", 0, 50)),
                List.of(new EnumType("E", List.of("A", "B"))));
        SchemaModel b = new SchemaModel("jpa", "hibernate-7", "t", List.of(t), List.of(new Sequence("s", null, 1, 1)),
                List.of(), List.of(new EnumType("E", List.of("B", "A"))));
        assertThat(sql(a, b, Renames.NONE)).isEmpty();
        assertThat(sql(b, a, Renames.NONE)).isEmpty();
    }
}
