package io.github.jpamigrate.plugin.project;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.EnumRef;
import io.github.jpamigrate.core.model.EnumStorage;
import io.github.jpamigrate.core.model.EnumType;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Sequence;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TypeKind;

import java.util.ArrayList;
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
        Table customer = new Table("customer", null, List.of(
                Column.of("id", ColumnType.of(TypeKind.BIGINT), false),
                Column.of("email", ColumnType.withLength(TypeKind.VARCHAR, 255), false).withUnique(true),
                Column.of("name", ColumnType.withLength(TypeKind.VARCHAR, 100), true),
                Column.of("status", ColumnType.withLength(TypeKind.VARCHAR, 255), true)
                        .withEnumRef(new EnumRef(STATUS, EnumStorage.STRING))),
                new PrimaryKey(null, List.of("id")), List.of(), List.of(),
                List.of(new Index("idx_customer_name", List.of("name"), false)), List.of(), null,
                List.of("com.example.shop.Customer"));
        Table order = new Table("order", null, List.of(
                Column.of("id", ColumnType.of(TypeKind.BIGINT), false).withIdentity(true),
                Column.of("customer_id", ColumnType.of(TypeKind.BIGINT), false),
                Column.of("total", ColumnType.withPrecisionScale(TypeKind.DECIMAL, 38, 2), true)),
                new PrimaryKey(null, List.of("id")),
                List.of(new ForeignKey("fk_order_customer_id", List.of("customer_id"), "customer", List.of("id"),
                        ReferentialAction.CASCADE)),
                List.of(), List.of(), List.of(), null, List.of("com.example.shop.Order"));
        return new SchemaModel("spring", "hibernate-7", "jpa-migrate-processor test", List.of(customer, order),
                List.of(new Sequence("customer_seq", null, 1, 50)), List.of(),
                List.of(new EnumType(STATUS, List.of("NEW", "ACTIVE"))));
    }

    /** The model with one table's columns edited. */
    public static SchemaModel editColumns(SchemaModel model, String table, UnaryOperator<List<Column>> edit) {
        return editTable(model, table, t -> new Table(t.name(), t.schema(), edit.apply(new ArrayList<>(t.columns())),
                t.primaryKey(), t.foreignKeys(), t.uniqueConstraints(), t.indexes(), t.checks(), t.comment(), t.entities()));
    }

    public static SchemaModel editTable(SchemaModel model, String table, UnaryOperator<Table> edit) {
        List<Table> tables = model.tables().stream()
                .map(t -> Identifiers.sameName(t.name(), table) ? edit.apply(t) : t).toList();
        return new SchemaModel(model.naming(), model.orm(), model.producer(), tables, model.sequences(),
                model.tableGenerators(), model.enums());
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
