package io.github.jpamigrate.plugin.introspect;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.Renames;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.EnumRef;
import io.github.jpamigrate.core.model.EnumStorage;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.core.model.UniqueConstraint;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.Statement;
import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.TestServers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MariaDB online forms (docs/dialects.md, "Online migrations"), each proved on the server
 * with a row in the table: the migration {@code generate} writes for one change runs, and for
 * each of its ALTER TABLE statements the next stronger form is refused — {@code algorithm=instant}
 * where it wrote {@code algorithm=inplace, lock=none}, and {@code algorithm=inplace, lock=none}
 * where it wrote the plain statement because the server can only copy the table. So the clause
 * chosen is the strongest the server takes, and a plain statement is one the server has no
 * in-place way for.
 */
class MariaDbOnlineFormsTest {

    private static final String INSTANT = ", algorithm=instant";
    private static final String INPLACE = ", algorithm=inplace, lock=none";
    private static final String KIND = "com.acme.Kind";

    /** One model change, the form its main statement must take ({@code "copy"}: plain), and the declared renames. */
    record Case(String name, UnaryOperator<Table> before, UnaryOperator<Table> after, List<String> renames,
                String statement, String form, List<String> constants, boolean strongest) {
        Case(String name, UnaryOperator<Table> before, UnaryOperator<Table> after, List<String> renames, String statement,
             String form, List<String> constants) {
            this(name, before, after, renames, statement, form, constants, true);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Case change(String name, UnaryOperator<Table> after, String statement, String form) {
        return new Case(name, t -> t, after, List.of(), statement, form, List.of("LARGE", "SMALL", "ZEBRA"));
    }

    static Stream<Case> cases() {
        return Stream.of(
                change("drop column", t -> columns(t, cs -> cs.removeIf(c -> c.name().equals("label"))), "drop column label", INSTANT),
                // not the strongest here: the migration drops the index first, and MariaDB then makes it INSTANT anyway
                new Case("drop indexed column", t -> t, t -> without(columns(t, cs -> cs.removeIf(c -> c.name().equals("qty"))), "qty"),
                        List.of(), "drop column qty", INPLACE, List.of("LARGE", "SMALL", "ZEBRA"), false),
                new Case("rename column", t -> t, t -> column(t, "label", c -> c.withName("tag")), List.of("item.label:tag"),
                        "rename column label to tag", INSTANT, List.of("LARGE", "SMALL", "ZEBRA")),
                new Case("rename table", t -> t, t -> TableBuilder.from(t).name("article").build(), List.of("item:article"),
                        "rename to article", INSTANT, List.of("LARGE", "SMALL", "ZEBRA")),
                change("new default", t -> column(t, "label", c -> c.withDefaultValue("'none'")), "modify column label", INSTANT),
                change("new comment", t -> column(t, "label", c -> c.withComment("printed")), "modify column label", INSTANT),
                change("table comment", t -> TableBuilder.from(t).comment("what we sell").build(), "comment=", INSTANT),
                change("longer varchar, both over 255", t -> column(t, "note", c -> c.withType(varchar(500))), "varchar(500)", INSTANT),
                change("longer varchar, both up to 63", t -> column(t, "label", c -> c.withType(varchar(60))), "varchar(60)", INSTANT),
                change("longer varchar from at most 127 bytes", t -> column(t, "label", c -> c.withType(varchar(100))), "varchar(100)",
                        INSTANT),
                new Case("longer varchar from 160 bytes across 255", t -> column(t, "label", c -> c.withType(varchar(40))),
                        t -> column(t, "label", c -> c.withType(varchar(100))), List.of(), "varchar(100)", "copy",
                        List.of("LARGE", "SMALL", "ZEBRA")),
                change("shorter varchar", t -> column(t, "note", c -> c.withType(varchar(200))), "varchar(200)", "copy"),
                change("NOT NULL to NULL", t -> column(t, "code", c -> c.withNullable(true)), "modify column code", INPLACE),
                change("NULL to NOT NULL", t -> column(t, "note", c -> c.withNullable(false)), "modify column note", INPLACE),
                change("integer to bigint", t -> column(t, "qty", c -> c.withType(ColumnType.of(TypeKind.BIGINT))), "bigint", "copy"),
                change("becomes an identity", t -> column(t, "id", c -> c.withIdentity(true)), "auto_increment", "copy"),
                new Case("enum gains a member at its end", t -> t, t -> t, List.of(), "modify column kind", INSTANT,
                        List.of("LARGE", "SMALL", "ZEBRA", "ZULU")),
                new Case("enum gains a member in its middle", t -> t, t -> t, List.of(), "modify column kind", "copy",
                        List.of("LARGE", "MEDIUM", "SMALL", "ZEBRA")),
                change("drop foreign key", t -> TableBuilder.from(t).foreignKeys(List.of()).build(), "drop foreign key", INPLACE),
                new Case("add foreign key", t -> TableBuilder.from(t).foreignKeys(List.of()).build(),
                        t -> TableBuilder.from(t).foreignKey(new ForeignKey("fk_item_shop", List.of("shop_id"), "shop", List.of("id"),
                                ReferentialAction.NO_ACTION)).build(), List.of(),
                        "add constraint fk_item_shop", "copy", List.of("LARGE", "SMALL", "ZEBRA")),
                change("add unique", t -> TableBuilder.from(t).unique("uk_item_label", "label").build(), "unique (label)", INPLACE),
                change("drop unique", t -> TableBuilder.from(t).uniques(List.of()).build(), "drop index uk_item_code", INPLACE),
                change("add check", t -> TableBuilder.from(t).check(new CheckConstraint("ck_item_label", "label <> ''")).build(),
                        "add constraint ck_item_label", "copy"),
                change("drop check", t -> TableBuilder.from(t).checks(List.of()).build(), "drop constraint ck_item_qty", INSTANT),
                // without a NOT NULL unique key to take over as the clustered index, which would let MariaDB drop it in place
                new Case("primary key dropped", MariaDbOnlineFormsTest::noUniques, t -> TableBuilder.from(t).primaryKey("id", "code").build(),
                        List.of(), "drop primary key", "copy", List.of("LARGE", "SMALL", "ZEBRA")),
                new Case("primary key added", MariaDbOnlineFormsTest::noUniques, t -> TableBuilder.from(t).primaryKey("id", "code").build(),
                        List.of(), "add primary key", INPLACE, List.of("LARGE", "SMALL", "ZEBRA")),
                new Case("drop column of a table with a hash unique key",
                        t -> TableBuilder.from(column(t, "note", c -> c.withType(varchar(1000)))).unique("uk_item_note", "note").build(),
                        t -> columns(t, cs -> cs.removeIf(c -> c.name().equals("label"))), List.of(), "drop column label", "copy",
                        List.of("LARGE", "SMALL", "ZEBRA")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachFormIsTheStrongestTheServerTakes(Case c) throws Exception {
        SchemaModel before = model(c.before().apply(item()), List.of("LARGE", "SMALL", "ZEBRA"));
        Table changed = c.after().apply(c.before().apply(item()));
        SchemaModel after = model(changed, c.constants());
        try (ScratchDatabase db = TestServers.scratch(Dialect.MARIADB); Connection connection = db.connect();
             var jdbc = connection.createStatement()) {
            for (Statement s : render(empty(), before, List.of(), RenderOptions.DEFAULTS)) {
                jdbc.execute(s.sql());
            }
            jdbc.execute("insert into shop (id) values (1)");
            jdbc.execute("insert into item (id, code, note, label, qty, shop_id, kind) values (1, 'A-1', 'n', 'l', 7, 1, 'SMALL')");

            List<Statement> migration = render(before, after, c.renames(),
                    RenderOptions.withBackfills(List.of("item.note='-'")).withOnline(RenderOptions.Online.DEFAULT));
            List<String> alters = new ArrayList<>();
            for (Statement s : migration) {
                String sql = s.sql();
                if (sql.startsWith("alter table ")) {
                    alters.add(sql);
                    String stronger = sql.endsWith(INSTANT) ? null
                            : sql.endsWith(INPLACE) ? sql.substring(0, sql.length() - INPLACE.length()) + INSTANT
                            : sql + INPLACE;
                    if (stronger != null && c.strongest()) {
                        refused(jdbc, stronger);
                    }
                }
                jdbc.execute(sql);
            }
            String main = alters.stream().filter(sql -> sql.contains(c.statement())).findFirst().orElseThrow(
                    () -> new AssertionError("no statement with '" + c.statement() + "' in " + alters));
            if (c.form().equals("copy")) {
                assertThat(main).doesNotContain("algorithm=");
                assertThat(migration.stream().filter(s -> s.sql().equals(main)).findFirst().orElseThrow().comments())
                        .anyMatch(line -> line.startsWith("copies ") || line.startsWith("may copy ") || line.startsWith("converts "));
            } else {
                assertThat(main).endsWith(c.form());
            }
        }
    }

    private static void refused(java.sql.Statement jdbc, String sql) {
        try {
            jdbc.execute(sql);
        } catch (SQLException expected) {
            return;
        }
        throw new AssertionError("the server took the stronger form, so the one written is not the strongest: " + sql);
    }

    private static List<Statement> render(SchemaModel from, SchemaModel to, List<String> renames, RenderOptions options) {
        List<SchemaChange> changes = SchemaDiff.compare(from, to, renames.isEmpty() ? Renames.NONE : Renames.parse(renames));
        return Dialect.MARIADB.renderer().render(from, to, changes, options).statements();
    }

    private static Table item() {
        return TableBuilder.table("item").columns(List.of(
                        Column.of("id", ColumnType.of(TypeKind.BIGINT), false),
                        Column.of("code", varchar(20), false),
                        Column.of("note", varchar(300), true),
                        Column.of("label", varchar(20), true),
                        Column.of("qty", ColumnType.of(TypeKind.INTEGER), true),
                        Column.of("shop_id", ColumnType.of(TypeKind.BIGINT), true),
                        Column.of("kind", varchar(255), true).withEnumRef(new EnumRef(KIND, EnumStorage.STRING))))
                .primaryKey("id")
                .uniques(List.of(new UniqueConstraint("uk_item_code", List.of("code"))))
                .index(new Index("idx_item_qty", List.of("qty"), false))
                .foreignKey(new ForeignKey("fk_item_shop", List.of("shop_id"), "shop", List.of("id"), ReferentialAction.NO_ACTION))
                .check(new CheckConstraint("ck_item_qty", "qty >= 0"))
                .build();
    }

    private static SchemaModel model(Table item, List<String> constants) {
        Table shop = TableBuilder.table("shop").columns(List.of(Column.of("id", ColumnType.of(TypeKind.BIGINT), false)))
                .primaryKey("id").build();
        return ModelBuilder.model().producer("t").table(shop).table(item).enumType(KIND, constants.toArray(String[]::new)).build();
    }

    private static SchemaModel empty() {
        return ModelBuilder.model().producer("t").build();
    }

    private static ColumnType varchar(int length) {
        return ColumnType.withLength(TypeKind.VARCHAR, length);
    }

    private static Table columns(Table table, java.util.function.Consumer<List<Column>> edit) {
        return TableBuilder.from(table).editColumns(cs -> {
            List<Column> out = new ArrayList<>(cs);
            edit.accept(out);
            return out;
        }).build();
    }

    private static Table column(Table table, String name, UnaryOperator<Column> edit) {
        return columns(table, cs -> cs.replaceAll(c -> c.name().equals(name) ? edit.apply(c) : c));
    }

    private static Table noUniques(Table table) {
        return TableBuilder.from(table).uniques(List.of()).build();
    }

    /** The table without the indexes and checks over a dropped column. */
    private static Table without(Table table, String column) {
        return TableBuilder.from(table).indexes(table.indexes().stream().filter(i -> !i.columns().contains(column)).toList())
                .checks(table.checks().stream().filter(k -> !k.expression().contains(column)).toList()).build();
    }
}
