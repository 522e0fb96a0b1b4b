package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;
import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.EnumRef;
import io.github.jpamigrate.core.model.EnumStorage;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.core.model.UniqueConstraint;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The key column order of Hibernate's {@code ColumnOrderingStrategyStandard}, per dialect. */
class KeyColumnOrderTest {

    private static final ColumnType BIGINT = ColumnType.of(TypeKind.BIGINT);
    private static final ColumnType INTEGER = ColumnType.of(TypeKind.INTEGER);

    private static Table table(String name, List<Column> columns, List<String> key, List<UniqueConstraint> uniques) {
        return TableBuilder.table(name).columns(columns).primaryKey(key.toArray(String[]::new)).uniques(uniques).build();
    }

    private static SchemaModel model(Table... tables) {
        return ModelBuilder.model().tables(List.of(tables)).enumType("com.acme.Kind", "A", "B").build();
    }

    private static List<String> order(Dialect dialect, Column... columns) {
        Table t = table("t", List.of(columns), Arrays.stream(columns).map(Column::name).toList(), List.of());
        return KeyColumnOrder.of(model(t), dialect).primaryKey(t).columns();
    }

    @Test
    void smallerFixedSizeTypesComeFirstThenNames() {
        // the collection table of an @OrderColumn list: Hibernate writes (todo_order, person_id)
        assertThat(order(Dialect.POSTGRESQL, Column.of("person_id", BIGINT, false), Column.of("todo_order", INTEGER, false)))
                .containsExactly("todo_order", "person_id");
        // varchar(8) is 8 bytes, a date 4: (day, code), as Hibernate exports an @EmbeddedId (code, day)
        assertThat(order(Dialect.MARIADB, Column.of("code", ColumnType.withLength(TypeKind.VARCHAR, 8), false),
                Column.of("day", ColumnType.of(TypeKind.DATE), false))).containsExactly("day", "code");
        // everything of 4 bytes or less ties at 4 and is ordered by name
        assertThat(order(Dialect.H2, Column.of("zeta", ColumnType.of(TypeKind.BOOLEAN), false),
                Column.of("alpha", INTEGER, false), Column.of("mid", ColumnType.withPrecisionScale(TypeKind.DECIMAL, 38, 2), false)))
                .containsExactly("alpha", "mid", "zeta");
        // a uuid (16 bytes) after a bigint, before a varchar(50)
        assertThat(order(Dialect.POSTGRESQL, Column.of("a_name", ColumnType.withLength(TypeKind.VARCHAR, 50), false),
                Column.of("b_uuid", ColumnType.of(TypeKind.UUID), false), Column.of("c_id", BIGINT, false)))
                .containsExactly("c_id", "b_uuid", "a_name");
    }

    @Test
    void aDefaultLengthVarcharCountsAsTheDialectsLongest() {
        Column name = Column.of("a_name", ColumnType.withLength(TypeKind.VARCHAR, 255), false);
        Column text = Column.of("b_text", ColumnType.withLength(TypeKind.VARCHAR, 20_000), false);
        // longest varchar: 10485760 on PostgreSQL, 16383 on MariaDB (utf8mb4)
        assertThat(order(Dialect.POSTGRESQL, name, text)).containsExactly("b_text", "a_name");
        assertThat(order(Dialect.MARIADB, name, text)).containsExactly("a_name", "b_text");
        assertThat(order(Dialect.H2, name, Column.of("c_id", BIGINT, false))).containsExactly("c_id", "a_name");
    }

    @Test
    void aNativeEnumTypeIsUnsizedWhereAVarcharEnumIsNot() {
        Column kind = new Column("a_kind", ColumnType.withLength(TypeKind.VARCHAR, 255), false, false, null, false, null,
                new EnumRef("com.acme.Kind", EnumStorage.STRING), null);
        Column name = Column.of("b_name", ColumnType.withLength(TypeKind.VARCHAR, 255), false);
        // PostgreSQL stores it as varchar(255): a tie with the other varchar(255), so by name
        assertThat(order(Dialect.POSTGRESQL, name, kind)).containsExactly("a_kind", "b_name");
        // MariaDB and H2 store it as enum(...), which Hibernate puts last
        assertThat(order(Dialect.MARIADB, kind, name)).containsExactly("b_name", "a_kind");
        assertThat(order(Dialect.H2, kind, name)).containsExactly("b_name", "a_kind");
    }

    @Test
    void aUniqueConstraintOverExactlyTheKeyColumnsDictatesTheOrder() {
        Table t = table("t", List.of(Column.of("person_id", BIGINT, false), Column.of("todo_order", INTEGER, false)),
                List.of("todo_order", "person_id"), List.of(new UniqueConstraint("uk", List.of("person_id", "todo_order"))));
        assertThat(KeyColumnOrder.of(model(t), Dialect.POSTGRESQL).primaryKey(t).columns())
                .containsExactly("person_id", "todo_order");
    }

    @Test
    void foreignKeysToTheKeyFollowItsOrderAndTheDiffSeesNoChange() {
        Table booking = table("booking", List.of(Column.of("code", ColumnType.withLength(TypeKind.VARCHAR, 8), false),
                Column.of("day", ColumnType.of(TypeKind.DATE), false)), List.of("code", "day"), List.of());
        ForeignKey mapped = new ForeignKey("fk_line_booking", List.of("booking_code", "booking_day"), "booking",
                List.of("code", "day"), ReferentialAction.NO_ACTION);
        Table line = TableBuilder.table("booking_line").columns(List.of(Column.of("id", BIGINT, false),
                Column.of("booking_code", ColumnType.withLength(TypeKind.VARCHAR, 8), false),
                Column.of("booking_day", ColumnType.of(TypeKind.DATE), false))).primaryKey("id").foreignKey(mapped).build();
        SchemaModel model = model(booking, line);
        KeyColumnOrder order = KeyColumnOrder.of(model, Dialect.POSTGRESQL);

        ForeignKey ordered = order.foreignKey(mapped);
        assertThat(ordered.columns()).containsExactly("booking_day", "booking_code");
        assertThat(ordered.referencedColumns()).containsExactly("day", "code");
        // what the database holds afterwards reads back in that order: the same schema as the model's
        SchemaModel asBuilt = model(order.table(booking), order.table(line));
        assertThat(SchemaDiff.compare(model, asBuilt)).isEmpty();
        assertThat(SchemaDiff.compare(asBuilt, model)).isEmpty();
    }

    @Test
    void createTableAndAddForeignKeyWriteTheOrder() {
        Table todo = TableBuilder.table("person_todo").columns(List.of(Column.of("person_id", BIGINT, false),
                Column.of("todo", ColumnType.withLength(TypeKind.VARCHAR, 255), true), Column.of("todo_order", INTEGER, false)))
                .primaryKey("person_id", "todo_order").build();
        SchemaModel empty = ModelBuilder.of();
        SchemaModel model = model(todo);
        for (Dialect dialect : Dialect.values()) {
            String sql = String.join("\n", dialect.renderer()
                    .render(empty, model, SchemaDiff.compare(empty, model), RenderOptions.DEFAULTS).statements().stream()
                    .map(Statement::text).toList());
            assertThat(sql).as(dialect.id()).containsPattern("primary key \\(\\W?todo_order\\W?, \\W?person_id\\W?\\)");
        }
    }
}
