package io.github.jpamigrate.core.json;

import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;
import static io.github.jpamigrate.core.model.ColumnType.of;
import static io.github.jpamigrate.core.model.ColumnType.withLength;
import static io.github.jpamigrate.core.model.ColumnType.withPrecision;
import static io.github.jpamigrate.core.model.ColumnType.withPrecisionScale;

import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.EnumRef;
import io.github.jpamigrate.core.model.EnumStorage;
import io.github.jpamigrate.core.model.EnumType;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Sequence;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TableGenerator;
import io.github.jpamigrate.core.model.TypeKind;
import java.util.List;

/**
 * Models for the descriptor tests. {@link #rich()} uses every record, every optional field, every
 * {@link TypeKind}, every {@link ReferentialAction} and both enum storages, and lists everything
 * in the order the writer sorts it, so that reading its text back gives an equal model.
 */
final class SampleModels {

    static final String CUSTOMER_STATUS = "com.acme.shop.CustomerStatus";
    static final String TIER = "com.acme.shop.Tier";

    private SampleModels() {
    }

    static SchemaModel rich() {
        return new SchemaModel("spring", "hibernate-7", "jpa-migrate-processor 0.1.0",
                List.of(customer(), idGenerator(), orderLine(), purchaseOrder(), tag()),
                List.of(new Sequence("audit_seq", "sales", 100, 1), new Sequence("customer_seq", null, 1, 50)),
                List.of(new TableGenerator("line_gen", "id_gen", null, null, null, 1, 10),
                        new TableGenerator("order_gen", "id_gen", "sequence_name", "next_val", "purchase_order",
                                0, 50)),
                List.of(new EnumType(CUSTOMER_STATUS, List.of("ACTIVE", "BLOCKED")),
                        new EnumType(TIER, List.of("GOLD", "SILVER", "BRONZE"))));
    }

    /** Every optional column field, a unique index, a nameless check, a non-ASCII comment. */
    static Table customer() {
        List<Column> columns = List.of(
                Column.of("id", of(TypeKind.BIGINT), false).withIdentity(true),
                Column.of("email", withLength(TypeKind.VARCHAR, 320), false).withUnique(true)
                        .withComment("login name, \"case-insensitive\""),
                Column.of("first_name", withLength(TypeKind.VARCHAR, 255), true),
                Column.of("balance", withPrecisionScale(TypeKind.DECIMAL, 38, 2), false).withDefaultValue("0.00"),
                Column.of("status", withLength(TypeKind.VARCHAR, 255), false)
                        .withEnumRef(new EnumRef(CUSTOMER_STATUS, EnumStorage.STRING)),
                Column.of("tier", of(TypeKind.TINYINT), true).withEnumRef(new EnumRef(TIER, EnumStorage.ORDINAL)),
                Column.of("created_at", withPrecision(TypeKind.TIMESTAMP_TZ, 6), false)
                        .withDefaultValue("current_timestamp"),
                Column.of("profile", of(TypeKind.JSON), true).withDefinition("jsonb not null default '{}'"),
                Column.of("photo", of(TypeKind.BLOB), true),
                Column.of("external_id", of(TypeKind.UUID), false));
        return TableBuilder.table("customer").columns(columns).primaryKey(new PrimaryKey("pk_customer", List.of("id")))
                .unique("uk_customer_email_first_name", "email", "first_name")
                .index(new Index("idx_customer_created_at", List.of("created_at desc"), false))
                .index(new Index("idx_customer_status", List.of("status", "tier"), true))
                .check(new CheckConstraint(null, "balance >= 0"))
                .check(new CheckConstraint("ck_customer_name", "first_name <> 'it''s \\\\ me'"))
                .comment("Registered buyers — «VIP» included\nsecond line").entity("com.acme.shop.Customer").build();
    }

    /** A {@code @TableGenerator} table with a primary key that has no name. */
    static Table idGenerator() {
        return TableBuilder.table("id_gen").column(Column.of("sequence_name", withLength(TypeKind.VARCHAR, 255), false))
                .column(Column.of("next_val", of(TypeKind.BIGINT), true)).primaryKey("sequence_name").build();
    }

    /** A composite key and foreign keys with the remaining on-delete actions. */
    static Table orderLine() {
        return TableBuilder.table("order_line").columns(
                List.of(Column.of("order_id", of(TypeKind.BIGINT), false),
                        Column.of("line_no", of(TypeKind.INTEGER), false),
                        Column.of("customer_id", of(TypeKind.BIGINT), true),
                        Column.of("tag_name", withLength(TypeKind.VARCHAR, 40), true).withDefaultValue("'none'"),
                        Column.of("quantity", of(TypeKind.SMALLINT), false)))
                .primaryKey(new PrimaryKey("pk_order_line", List.of("order_id", "line_no")))
                .foreignKey("fk_order_line_customer_id", "customer_id", "customer", ReferentialAction.SET_NULL)
                .foreignKey("fk_order_line_order_id", "order_id", "purchase_order", ReferentialAction.CASCADE)
                .foreignKey(new ForeignKey("fk_order_line_tag_name", List.of("tag_name"), "Tag", List.of("name"),
                        ReferentialAction.SET_DEFAULT))
                .entity("com.acme.shop.PurchaseOrder").build();
    }

    /** Schema-qualified, single-table inheritance (two entities), a reserved-word column, most types. */
    static Table purchaseOrder() {
        List<Column> columns = List.of(
                Column.of("id", of(TypeKind.BIGINT), false),
                Column.of("DTYPE", withLength(TypeKind.VARCHAR, 31), false),
                Column.of("customer_id", of(TypeKind.BIGINT), false),
                Column.of("order", of(TypeKind.INTEGER), false),
                Column.of("total", withPrecisionScale(TypeKind.DECIMAL, 19, 4), true),
                Column.of("paid", of(TypeKind.BOOLEAN), false),
                Column.of("ratio", withPrecision(TypeKind.DOUBLE, 53), true),
                Column.of("weight", withPrecision(TypeKind.REAL, 24), true),
                Column.of("currency", withLength(TypeKind.CHAR, 3), true),
                Column.of("note", of(TypeKind.CLOB), true),
                Column.of("placed_on", of(TypeKind.DATE), true),
                Column.of("pickup_time", withPrecision(TypeKind.TIME, 0), true),
                Column.of("pickup_time_tz", withPrecision(TypeKind.TIME_TZ, 3), true),
                Column.of("placed_at", withPrecision(TypeKind.TIMESTAMP, 6), true),
                Column.of("delivery_window", withPrecisionScale(TypeKind.INTERVAL, 21, 0), true),
                Column.of("checksum", withLength(TypeKind.BINARY, 16), true),
                Column.of("signature", withLength(TypeKind.VARBINARY, 255), true),
                Column.of("invoice", of(TypeKind.XML), true),
                Column.of("tags", ColumnType.arrayOf(withLength(TypeKind.VARCHAR, 40)), true),
                Column.of("local_name", withLength(TypeKind.NVARCHAR, 80), true),
                Column.of("local_code", withLength(TypeKind.NCHAR, 2), true),
                Column.of("local_notes", of(TypeKind.NCLOB), true));
        return TableBuilder.table("purchase_order").schema("sales").columns(columns).primaryKey("id")
                .foreignKey("fk_purchase_order_customer_id", "customer_id", "customer", ReferentialAction.RESTRICT)
                .check(new CheckConstraint("ck_purchase_order_dtype", "DTYPE in ('Order','SpecialOrder')"))
                .comment("Orders").entity("com.acme.shop.Order").entity("com.acme.shop.SpecialOrder").build();
    }

    /** A capitalised name (JPA naming) that must sort case-insensitively; a default foreign key action. */
    static Table tag() {
        return TableBuilder.table("Tag").column(Column.of("name", withLength(TypeKind.VARCHAR, 40), false))
                .column(Column.of("parent_name", withLength(TypeKind.VARCHAR, 40), true)).primaryKey("name")
                .foreignKey(new ForeignKey("fk_tag_parent_name", List.of("parent_name"), "Tag", List.of("name"),
                        ReferentialAction.NO_ACTION))
                .entity("com.acme.shop.Tag").build();
    }

    /** The smallest model: no tables, sequences, generators or enums. */
    static SchemaModel empty() {
        return ModelBuilder.model().orm("hibernate-6.6").build();
    }
}
