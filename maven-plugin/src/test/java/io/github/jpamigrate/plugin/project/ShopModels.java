package io.github.jpamigrate.plugin.project;

import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.EnumRef;
import io.github.jpamigrate.core.model.EnumStorage;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Sequence;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TypeKind;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A small shop model (a customer, and orders in the reserved-word table {@code order} that
 * cascade on delete) and the edits the tests make to it, as a developer would edit entities.
 */
public final class ShopModels {

    public static final String STATUS = "com.example.shop.Status";

    private ShopModels() {
    }

    public static SchemaModel shop() {
        Table customer = TableBuilder.table("customer").columns(List.of(
                Column.of("id", ColumnType.of(TypeKind.BIGINT), false),
                Column.of("email", ColumnType.withLength(TypeKind.VARCHAR, 255), false).withUnique(true),
                Column.of("name", ColumnType.withLength(TypeKind.VARCHAR, 100), true),
                Column.of("status", ColumnType.withLength(TypeKind.VARCHAR, 255), true)
                        .withEnumRef(new EnumRef(STATUS, EnumStorage.STRING))))
                .primaryKey("id").index(new Index("idx_customer_name", List.of("name"), false))
                .entity("com.example.shop.Customer").build();
        Table order = TableBuilder.table("order").columns(List.of(
                Column.of("id", ColumnType.of(TypeKind.BIGINT), false).withIdentity(true),
                Column.of("customer_id", ColumnType.of(TypeKind.BIGINT), false),
                Column.of("total", ColumnType.withPrecisionScale(TypeKind.DECIMAL, 38, 2), true)))
                .primaryKey("id").foreignKey("fk_order_customer_id", "customer_id", "customer", ReferentialAction.CASCADE)
                .entity("com.example.shop.Order").build();
        return ModelBuilder.model().naming("spring").producer("jpa-migrate-processor test").table(customer).table(order)
                .sequence(new Sequence("customer_seq", null, 1, 50)).enumType(STATUS, "NEW", "ACTIVE").build();
    }

    /** The model with one table's columns edited. */
    public static SchemaModel editColumns(SchemaModel model, String table, UnaryOperator<List<Column>> edit) {
        return ModelBuilder.from(model).editTable(table, t -> t.editColumns(edit)).build();
    }

    public static SchemaModel editTable(SchemaModel model, String table, UnaryOperator<Table> edit) {
        return ModelBuilder.from(model).editTable(table, t -> TableBuilder.from(edit.apply(t.build()))).build();
    }

    public static SchemaModel addColumn(SchemaModel model, String table, Column column) {
        return editColumns(model, table, columns -> {
            columns.add(column);
            return columns;
        });
    }

    public static SchemaModel dropColumn(SchemaModel model, String table, String column) {
        return editColumns(model, table, columns -> {
            columns.removeIf(c -> Identifiers.sameName(c.name(), column));
            return columns;
        });
    }

    public static SchemaModel replaceColumn(SchemaModel model, String table, String column, UnaryOperator<Column> edit) {
        return editColumns(model, table, columns -> {
            columns.replaceAll(c -> Identifiers.sameName(c.name(), column) ? edit.apply(c) : c);
            return columns;
        });
    }

    /** A new nullable {@code customer.phone varchar(32)}: one {@code alter table ... add column}. */
    public static SchemaModel withPhone(SchemaModel model) {
        return addColumn(model, "customer", Column.of("phone", ColumnType.withLength(TypeKind.VARCHAR, 32), true));
    }

    /** {@code customer.name} widened to 200: SQLite needs a table rebuild. */
    public static SchemaModel widerName(SchemaModel model) {
        return replaceColumn(model, "customer", "name", c -> c.withType(ColumnType.withLength(TypeKind.VARCHAR, 200)));
    }
}
