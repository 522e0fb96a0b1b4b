package io.github.jpamigrate.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.core.migration.Slug;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Sequence;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Migration titles as a person writes them, from the changes the diff really finds. */
class ChangeTitleTest {

    private static final ColumnType BIGINT = ColumnType.of(TypeKind.BIGINT);

    private static ColumnType varchar(int length) {
        return ColumnType.withLength(TypeKind.VARCHAR, length);
    }

    private static Table participant(UnaryOperator<TableBuilder> edit) {
        return edit.apply(TableBuilder.table("participant").column(Column.of("id", BIGINT, false))
                .column(Column.of("fullName", varchar(100), true)).primaryKey("id").entity("com.acme.Participant")).build();
    }

    private static Table customer(Column... extra) {
        TableBuilder b = TableBuilder.table("customer").column(Column.of("id", BIGINT, false)).primaryKey("id")
                .entity("com.acme.Customer");
        for (Column c : extra) {
            b.column(c);
        }
        return b.build();
    }

    private static SchemaModel model(Table... tables) {
        return ModelBuilder.model().tables(List.of(tables)).build();
    }

    private static String slug(SchemaModel was, SchemaModel now) {
        return Slug.of(ChangeTitle.of(SchemaDiff.compare(was, now)), "migration");
    }

    @Test
    void aWiderColumnIsWidenedNotChangedFromTypeToType() {
        SchemaModel was = model(participant(b -> b));
        SchemaModel now = model(participant(b -> b.editColumns(cs -> List.of(cs.get(0),
                Column.of("fullName", varchar(255), true)))));
        assertThat(slug(was, now)).isEqualTo("widen_participant_full_name");
        assertThat(slug(now, was)).isEqualTo("narrow_participant_full_name");
    }

    @Test
    void oneColumnIsAddedDroppedRenamedRetypedOrMadeNotNull() {
        Column phone = Column.of("phone", varchar(32), true);
        assertThat(slug(model(customer()), model(customer(phone)))).isEqualTo("add_customer_phone");
        assertThat(slug(model(customer(phone)), model(customer()))).isEqualTo("drop_customer_phone");
        assertThat(Slug.of(ChangeTitle.of(List.of(new SchemaChange.ColumnRenamed("customer", phone,
                Column.of("mobileNumber", varchar(32), true)))), "x")).isEqualTo("rename_customer_phone_to_mobile_number");
        assertThat(slug(model(customer(phone)), model(customer(Column.of("phone", BIGINT, true)))))
                .isEqualTo("retype_customer_phone");
        assertThat(slug(model(customer(phone)), model(customer(Column.of("phone", varchar(32), false)))))
                .isEqualTo("make_customer_phone_not_null");
        // two things at once: no single verb says it
        assertThat(slug(model(customer(phone)), model(customer(Column.of("phone", varchar(64), false)))))
                .isEqualTo("change_customer_phone");
    }

    @Test
    void theKeyAndIndexOfANewColumnAndTheSequenceOfANewTableAreNotMore() {
        Table order = TableBuilder.table("purchase_order").column(Column.of("id", BIGINT, false)).primaryKey("id")
                .entity("com.acme.PurchaseOrder").build();
        Table linked = TableBuilder.from(order).column(Column.of("customer_id", BIGINT, true))
                .foreignKey("fk_order_customer", "customer_id", "customer", ReferentialAction.NO_ACTION)
                .index(new Index("idx_order_customer", List.of("customer_id"), false)).build();
        assertThat(SchemaDiff.compare(model(customer(), order), model(customer(), linked))).hasSizeGreaterThan(1);
        assertThat(slug(model(customer(), order), model(customer(), linked))).isEqualTo("add_purchase_order_customer_id");

        SchemaModel withInvoice = ModelBuilder.model().tables(List.of(customer(), linked,
                        TableBuilder.table("invoice").column(Column.of("id", BIGINT, false)).primaryKey("id")
                                .foreignKey("fk_invoice_order", "id", "purchase_order", ReferentialAction.NO_ACTION)
                                .entity("com.acme.Invoice").build()))
                .sequence(new Sequence("invoice_seq", null, 1, 50)).build();
        assertThat(slug(model(customer(), linked), withInvoice)).isEqualTo("create_invoice_table");
    }

    @Test
    void changesOfOneKindOnOneTableAreNamedTogetherAndAMixIsTheFirstAndMore() {
        Column phone = Column.of("phone", varchar(32), true);
        Column fax = Column.of("fax", varchar(32), true);
        Column email = Column.of("email", varchar(32), true);
        assertThat(slug(model(customer()), model(customer(phone, fax)))).isEqualTo("add_customer_phone_and_fax");
        assertThat(slug(model(customer()), model(customer(phone, fax, email)))).isEqualTo("add_3_columns_to_customer");
        assertThat(slug(model(customer(phone, fax)), model(customer()))).isEqualTo("drop_customer_phone_and_fax");
        assertThat(slug(model(customer(phone), participant(b -> b)), model(customer(), participant(b -> b.column(fax)))))
                .isEqualTo("drop_customer_phone_and_more");
    }

    @Test
    void longNamesAreCutAtAWordAndKeepTheirAndMore() {
        String longColumn = "theCustomersPreferredPostalAddressForAllInvoicesAndReminders";
        Column c = Column.of(longColumn, varchar(32), true);
        String one = slug(model(customer()), model(customer(c)));
        assertThat(one).startsWith("add_customer_the_customers_preferred").hasSizeLessThanOrEqualTo(ChangeTitle.MAX_LENGTH)
                .doesNotEndWith("_");
        String more = slug(model(customer(), participant(b -> b)), model(customer(c), participant(b -> b.column(c))));
        assertThat(more).startsWith("add_customer_the").endsWith("_and_more").hasSizeLessThanOrEqualTo(ChangeTitle.MAX_LENGTH);
        // deterministic: the same changes, the same title
        assertThat(slug(model(customer(), participant(b -> b)), model(customer(c), participant(b -> b.column(c)))))
                .isEqualTo(more);
    }

    @Test
    void identifiersBecomeLowerCaseWordsWithoutTheSchema() {
        assertThat(ChangeTitle.words("fullName")).isEqualTo("full name");
        assertThat(ChangeTitle.words("full_name")).isEqualTo("full name");
        assertThat(ChangeTitle.words("HTTPServer")).isEqualTo("http server");
        assertThat(ChangeTitle.words("sales.PurchaseOrder")).isEqualTo("purchase order");
        assertThat(ChangeTitle.words("address_line2")).isEqualTo("address line2");
    }
}
