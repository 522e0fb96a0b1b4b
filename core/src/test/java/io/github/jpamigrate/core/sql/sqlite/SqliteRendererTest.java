package io.github.jpamigrate.core.sql.sqlite;

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

/** Changes in, exact SQLite statements out. */
class SqliteRendererTest {

    private static final ColumnType BIGINT = ColumnType.of(TypeKind.BIGINT);
    private static final ColumnType NAME = ColumnType.withLength(TypeKind.VARCHAR, 255);

    private static Table user(UnaryOperator<List<Column>> columns, List<Index> indexes) {
        List<Column> base = new ArrayList<>(List.of(Column.of("id", BIGINT, false).withIdentity(true),
                Column.of("login", NAME, false).withUnique(true), Column.of("email", NAME, true)));
        return new Table("user", null, columns.apply(base), new PrimaryKey(null, List.of("id")), List.of(), List.of(),
                indexes, List.of(), null, List.of("com.acme.User"));
    }

    private static SchemaModel model(Table... tables) {
        return new SchemaModel("jpa", "hibernate-7", "test", List.of(tables), List.of(), List.of(), List.of());
    }

    private static List<String> sql(SchemaModel from, SchemaModel to, Renames renames) {
        List<SchemaChange> changes = SchemaDiff.compare(from, to, renames);
        return new SqliteRenderer().render(from, to, changes, RenderOptions.DEFAULTS).statements().stream()
                .map(Statement::sql).toList();
    }

    @Test
    void createsTablesWithReservedNamesQuoted() {
        SchemaModel v1 = model(user(c -> c, List.of(new Index("idx_user_email", List.of("email"), false))));
        assertThat(sql(model(), v1, Renames.NONE)).containsExactly(
                "create table \"user\" (\n"
                        + "    id integer not null,\n"
                        + "    login varchar(255) not null unique,\n"
                        + "    email varchar(255),\n"
                        + "    primary key (id)\n)",
                "create index idx_user_email on \"user\" (email)");
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
    void addsANotNullColumnWithALiteralDefaultInPlace() {
        SchemaModel v1 = model(user(c -> c, List.of()));
        SchemaModel v2 = model(user(c -> { c.add(Column.of("role", ColumnType.withLength(TypeKind.VARCHAR, 20), false).withDefaultValue("'user'")); return c; }, List.of()));
        assertThat(sql(v1, v2, Renames.NONE)).containsExactly(
                "alter table \"user\" add column role varchar(20) not null default 'user'");
    }

    @Test
    void renamesAndDropsColumnsAndIndexesInPlace() {
        SchemaModel v1 = model(user(c -> c, List.of(new Index("idx_user_email", List.of("email"), false))));
        SchemaModel v2 = model(user(c -> { c.set(2, c.get(2).withName("mail")); return c; }, List.of()));
        assertThat(sql(v1, v2, Renames.parse(List.of("user.email:mail")))).containsExactly(
                "drop index idx_user_email",
                "alter table \"user\" rename column email to mail");
        SchemaModel v3 = model(user(c -> c.subList(0, 2), List.of()));
        assertThat(sql(v2, v3, Renames.NONE)).containsExactly("alter table \"user\" drop column mail");
    }

    @Test
    void rebuildsForAChangeAlterTableCannotMake() {
        SchemaModel v1 = model(user(c -> c, List.of(new Index("idx_user_email", List.of("email"), false))));
        SchemaModel v2 = model(user(c -> { c.set(2, c.get(2).withType(ColumnType.withLength(TypeKind.VARCHAR, 100))); return c; },
                List.of(new Index("idx_user_email", List.of("email"), false))));
        assertThat(sql(v1, v2, Renames.NONE)).containsExactly(
                "pragma foreign_keys = off",
                "savepoint jm_migration",
                "create table jm_new_user (\n"
                        + "    id integer not null,\n"
                        + "    login varchar(255) not null unique,\n"
                        + "    email varchar(100),\n"
                        + "    primary key (id)\n)",
                "insert into jm_new_user (id, login, email)\n    select id, login, email from \"user\"",
                "drop table \"user\"",
                "alter table jm_new_user rename to \"user\"",
                "create index idx_user_email on \"user\" (email)",
                "create temp table jm_foreign_key_check (violation_found integer not null)",
                "insert into jm_foreign_key_check select null from pragma_foreign_key_check limit 1",
                "drop table jm_foreign_key_check",
                "release jm_migration",
                "pragma foreign_keys = on");
    }

    @Test
    void anEnumConstantAppendedRebuildsTheCheckOfARenamedTableToo() {
        Column status = Column.of("status", NAME, true).withEnumRef(new EnumRef("com.acme.Status", EnumStorage.STRING));
        Function<String, SchemaModel> ticket = name -> new SchemaModel("jpa", "hibernate-7", "t", List.of(new Table(name, null,
                List.of(Column.of("id", BIGINT, false), status), new PrimaryKey(null, List.of("id")), List.of(), List.of(),
                List.of(), List.of(), null, List.of("com.acme.Ticket"))), List.of(), List.of(),
                List.of(new EnumType("com.acme.Status", name.equals("ticket") ? List.of("NEW") : List.of("NEW", "DONE"))));
        assertThat(sql(ticket.apply("ticket"), ticket.apply("issue"), Renames.parse(List.of("ticket:issue")))).contains(
                "alter table ticket rename to issue",
                "create table jm_new_issue (\n"
                        + "    id bigint not null,\n"
                        + "    status varchar(255) check (status in ('NEW','DONE')),\n"
                        + "    primary key (id)\n)",
                "insert into jm_new_issue (id, status)\n    select id, status from issue");
    }

    @Test
    void anInPlaceRenameGivesTheIndexesTheirNewDerivedNames() {
        SchemaModel v1 = model(user(c -> c, List.of(new Index("idx_user_email", List.of("email"), false),
                new Index("idx_user_login_email", List.of("login", "email desc"), true))));
        Table renamed = user(c -> { c.set(2, c.get(2).withName("mail")); return c; },
                List.of(new Index("idx_member_mail", List.of("mail"), false), new Index("idx_member_login_mail", List.of("login", "mail desc"), true)));
        SchemaModel v2 = model(new Table("member", null, renamed.columns(), renamed.primaryKey(), List.of(), List.of(),
                renamed.indexes(), List.of(), null, renamed.entities()));
        assertThat(sql(v1, v2, Renames.parse(List.of("user:member", "user.email:mail")))).containsExactly(
                "drop index idx_user_email",
                "drop index idx_user_login_email",
                "alter table \"user\" rename to member",
                "alter table member rename column email to mail",
                "create index idx_member_mail on member (mail)",
                "create unique index idx_member_login_mail on member (login, mail desc)");
    }

    @Test
    void aRenameIntoTheNameOfADroppedColumnOrTableDropsFirst() {
        SchemaModel v1 = model(user(c -> { c.add(Column.of("contact", NAME, true)); return c; }, List.of()));
        SchemaModel v2 = model(user(c -> c, List.of()));
        assertThat(sql(v1, v2, Renames.parse(List.of("user.contact:email")))).containsExactly(
                "alter table \"user\" drop column email",
                "alter table \"user\" rename column contact to email");

        Table member = new Table("member", null, List.of(Column.of("id", BIGINT, false)), new PrimaryKey(null, List.of("id")),
                List.of(), List.of(), List.of(), List.of(), null, List.of("com.acme.Member"));
        Table memberAsUser = new Table("user", null, member.columns(), member.primaryKey(), List.of(), List.of(), List.of(),
                List.of(), null, member.entities());
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
