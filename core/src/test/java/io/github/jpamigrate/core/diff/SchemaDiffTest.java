package io.github.jpamigrate.core.diff;

import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;
import io.github.jpamigrate.core.diff.SchemaChange.*;
import io.github.jpamigrate.core.model.*;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaDiffTest {

    private static final ColumnType BIGINT = ColumnType.of(TypeKind.BIGINT);
    private static final ColumnType NAME = ColumnType.withLength(TypeKind.VARCHAR, 255);

    private static Table customer(List<Column> extra) {
        List<Column> columns = new ArrayList<>(List.of(Column.of("id", BIGINT, false), Column.of("name", NAME, true)));
        columns.addAll(extra);
        return TableBuilder.table("customer").columns(columns).primaryKey("id")
                .index(new Index("idx_customer_name", List.of("name"), false)).entity("com.acme.Customer").build();
    }

    private static Table order(ReferentialAction onDelete, String fkColumn) {
        return TableBuilder.table("purchase_order").column(Column.of("id", BIGINT, false)).column(Column.of(fkColumn, BIGINT, true))
                .primaryKey("id").foreignKey("fk_order_customer", fkColumn, "customer", onDelete)
                .entity("com.acme.PurchaseOrder").build();
    }

    private static SchemaModel model(Table... tables) {
        return ModelBuilder.model().naming("spring").tables(List.of(tables)).sequence(new Sequence("customer_seq", null, 1, 50))
                .build();
    }

    @Test
    void sameModelTwiceHasNoChange() {
        SchemaModel m = model(customer(List.of()), order(ReferentialAction.NO_ACTION, "customer_id"));
        assertThat(SchemaDiff.compare(m, m)).isEmpty();
    }

    @Test
    void viewsSubselectsAndExternalObjectsAreNeverCreatedAlteredOrDropped() {
        Table totals = TableBuilder.table("shop_totals").column(Column.of("id", BIGINT, false)).primaryKey("id")
                .entity("com.acme.ShopTotals").build();
        Table external = TableBuilder.from(totals).kind(TableKind.EXTERNAL, null).build();
        Table wider = TableBuilder.from(external).column(Column.of("orders", BIGINT, true)).build();
        Table view = TableBuilder.table("names").column(Column.of("id", BIGINT, false))
                .kind(TableKind.VIEW, "select id from customer").build();
        Table subselect = TableBuilder.table("summary").column(Column.of("id", BIGINT, false))
                .kind(TableKind.SUBSELECT, "select 1 as id").build();
        SchemaModel plain = model(customer(List.of()));
        SchemaModel marked = model(customer(List.of()), external, view, subselect);

        assertThat(SchemaDiff.compare(plain, marked)).as("added").isEmpty();
        assertThat(SchemaDiff.compare(marked, plain)).as("removed").isEmpty();
        assertThat(SchemaDiff.compare(marked, model(customer(List.of()), wider, view, subselect))).as("changed").isEmpty();
        // a snapshot from before the entity was marked, or a database where the project made a table of it
        assertThat(SchemaDiff.compare(model(customer(List.of()), totals), marked)).as("was a table").isEmpty();
        assertThat(SchemaDiff.compare(marked, model(customer(List.of()), totals))).as("is a table there").isEmpty();
        assertThat(UnmanagedTables.introduced(model(customer(List.of()), totals), marked)).hasSize(2);
        assertThat(UnmanagedTables.introduced(marked, marked)).as("said once, when it appears").isEmpty();
    }

    @Test
    void orderOfTablesColumnsAndConstraintNamesDoNotMatter() {
        SchemaModel a = model(customer(List.of()), order(ReferentialAction.NO_ACTION, "customer_id"));
        Table c = customer(List.of());
        Table reordered = TableBuilder.from(c).name("CUSTOMER").columns(List.of(c.columns().get(1), c.columns().get(0)))
                .indexes(List.of(new Index("some_other_name", List.of("NAME"), false))).build();
        SchemaModel b = model(order(ReferentialAction.NO_ACTION, "customer_id"), reordered);
        assertThat(SchemaDiff.compare(a, b)).isEmpty();
    }

    @Test
    void primaryKeysCompareAsColumnSetsAndForeignKeysAsColumnPairs() {
        List<Column> columns = List.of(Column.of("person_id", BIGINT, false), Column.of("todo_order", ColumnType.of(TypeKind.INTEGER), false));
        Table mapped = TableBuilder.table("person_todo").columns(columns).primaryKey("person_id", "todo_order")
                .foreignKey(new ForeignKey("fk", List.of("person_id", "todo_order"), "other", List.of("a", "b"), ReferentialAction.NO_ACTION))
                .build();
        Table reordered = TableBuilder.table("person_todo").columns(columns).primaryKey("todo_order", "person_id")
                .foreignKey(new ForeignKey("fk", List.of("todo_order", "person_id"), "other", List.of("b", "a"), ReferentialAction.NO_ACTION))
                .build();
        assertThat(SchemaDiff.compare(model(mapped), model(reordered))).isEmpty();

        Table otherPairs = TableBuilder.table("person_todo").columns(columns).primaryKey("person_id")
                .foreignKey(new ForeignKey("fk", List.of("todo_order", "person_id"), "other", List.of("a", "b"), ReferentialAction.NO_ACTION))
                .build();
        assertThat(SchemaDiff.compare(model(mapped), model(otherPairs))).extracting(SchemaChange::describe).containsExactlyInAnyOrder(
                "change primary key of person_todo from (person_id, todo_order) to (person_id)",
                "add foreign key person_todo(todo_order, person_id) -> other",
                "drop foreign key person_todo(person_id, todo_order) -> other");
    }

    @Test
    void addedAndDroppedTablesAndColumns() {
        SchemaModel before = model(customer(List.of()));
        SchemaModel after = model(customer(List.of(Column.of("phone", ColumnType.withLength(TypeKind.VARCHAR, 32), true))),
                order(ReferentialAction.NO_ACTION, "customer_id"));
        List<SchemaChange> changes = SchemaDiff.compare(before, after);
        assertThat(changes).extracting(SchemaChange::describe).containsExactly(
                "add column customer.phone varchar(32)",
                "add table purchase_order");
        assertThat(SchemaDiff.compare(after, before)).extracting(SchemaChange::describe).containsExactly(
                "drop column customer.phone",
                "drop table purchase_order");
    }

    @Test
    void columnPropertyChangesCarryOldAndNewValues() {
        Column narrow = Column.of("email", ColumnType.withLength(TypeKind.VARCHAR, 128), true);
        Column wide = narrow.withType(ColumnType.withLength(TypeKind.VARCHAR, 256)).withNullable(false).withDefaultValue("''");
        List<SchemaChange> changes = SchemaDiff.compare(model(customer(List.of(narrow))), model(customer(List.of(wide))));
        assertThat(changes).singleElement().isInstanceOfSatisfying(ColumnChanged.class, c -> {
            assertThat(c.oldColumn()).isEqualTo(narrow);
            assertThat(c.newColumn()).isEqualTo(wide);
            assertThat(c.describe()).isEqualTo(
                    "change column customer.email: type varchar(128) -> varchar(256), now not null, default none -> ''");
        });
    }

    @Test
    void onDeleteChangeIsADropAndAnAddOfTheForeignKey() {
        List<SchemaChange> changes = SchemaDiff.compare(
                model(customer(List.of()), order(ReferentialAction.NO_ACTION, "customer_id")),
                model(customer(List.of()), order(ReferentialAction.CASCADE, "customer_id")));
        assertThat(changes).extracting(SchemaChange::describe).containsExactly(
                "add foreign key purchase_order(customer_id) -> customer on delete cascade",
                "drop foreign key purchase_order(customer_id) -> customer");
    }

    @Test
    void undeclaredRenameIsDropPlusAddAndReportedAsProbable() {
        List<SchemaChange> changes = SchemaDiff.compare(
                model(customer(List.of()), order(ReferentialAction.NO_ACTION, "customer_id")),
                model(customer(List.of()), order(ReferentialAction.NO_ACTION, "buyer_id")));
        assertThat(changes).hasAtLeastOneElementOfType(ColumnDropped.class).hasAtLeastOneElementOfType(ColumnAdded.class);
        assertThat(ProbableRename.find(changes)).singleElement().satisfies(r -> {
            assertThat(r.declaration()).isEqualTo("purchase_order.customer_id:buyer_id");
            assertThat(r.describe()).contains("customer_id", "buyer_id");
        });
    }

    @Test
    void declaredColumnRenameKeepsTheForeignKey() {
        List<SchemaChange> changes = SchemaDiff.compare(
                model(customer(List.of()), order(ReferentialAction.NO_ACTION, "customer_id")),
                model(customer(List.of()), order(ReferentialAction.NO_ACTION, "buyer_id")),
                Renames.parse(List.of("purchase_order.customer_id:buyer_id")));
        assertThat(changes).extracting(SchemaChange::describe)
                .containsExactly("rename column purchase_order.customer_id to buyer_id");
    }

    @Test
    void declaredTableRenameFollowsReferences() {
        Table client = TableBuilder.from(customer(List.of())).name("client")
                .indexes(List.of(new Index("idx_client_name", List.of("name"), false))).build();
        Table order = TableBuilder.from(order(ReferentialAction.NO_ACTION, "customer_id")).foreignKeys(List.of())
                .foreignKey("fk_order_client", "customer_id", "client", ReferentialAction.NO_ACTION).entities(List.of()).build();
        List<SchemaChange> changes = SchemaDiff.compare(
                model(customer(List.of()), order(ReferentialAction.NO_ACTION, "customer_id")),
                model(client, order), Renames.parse(List.of("customer:client")));
        assertThat(changes).extracting(SchemaChange::describe).containsExactly("rename table customer to client");
        assertThat(ProbableRename.find(SchemaDiff.compare(model(customer(List.of())), model(client))))
                .singleElement().extracting(ProbableRename::declaration).isEqualTo("customer:client");
    }

    @Test
    void aDeclaredRenameMayTakeTheNameOfWhatIsDroppedInTheSameChange() {
        SchemaModel before = model(customer(List.of(Column.of("nickname", NAME, true))));
        assertThat(SchemaDiff.compare(before, model(customer(List.of())), Renames.parse(List.of("customer.nickname:name"))))
                .extracting(SchemaChange::describe).containsExactly(
                        "rename column customer.nickname to name",
                        "drop column customer.name",
                        "add index idx_customer_name on customer(name)",
                        "drop index idx_customer_name on customer");
        Table legacy = TableBuilder.table("item").column(Column.of("id", BIGINT, false)).primaryKey("id")
                .entity("com.acme.Item").build();
        Table replacement = TableBuilder.from(legacy).name("item_v2").column(Column.of("name", NAME, true)).build();
        Table renamed = TableBuilder.from(replacement).name("item").build();
        assertThat(SchemaDiff.compare(model(legacy, replacement), model(renamed), Renames.parse(List.of("item_v2:item"))))
                .extracting(SchemaChange::describe).containsExactly("rename table item_v2 to item", "drop table item");
    }

    @Test
    void enumConstantsAndSequencesAreCompared() {
        SchemaModel before = new SchemaModel("jpa", "hibernate-7", "t", List.of(), List.of(new Sequence("s", null, 1, 50)),
                List.of(), List.of(new EnumType("com.acme.Status", List.of("NEW", "PAID"))));
        SchemaModel after = new SchemaModel("jpa", "hibernate-7", "t", List.of(), List.of(new Sequence("s", null, 1, 1)),
                List.of(), List.of(new EnumType("com.acme.Status", List.of("PAID", "NEW"))));
        assertThat(SchemaDiff.compare(before, after)).extracting(SchemaChange::describe).containsExactly(
                "change sequence s (start 1 -> 1, increment 50 -> 1)",
                "change enum com.acme.Status constants [NEW, PAID] -> [PAID, NEW]");
    }

    @Test
    void malformedRenameDeclarationNamesTheExpectedForm() {
        assertThatThrownBy(() -> Renames.parse(List.of("user.username=login")))
                .hasMessageContaining("'user.username=login'")
                .hasMessageContaining("table.column:newColumn");
    }
}
