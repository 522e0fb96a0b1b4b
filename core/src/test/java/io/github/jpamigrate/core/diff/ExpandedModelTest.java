package io.github.jpamigrate.core.diff;

import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.Expansion;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schema between an expand and a contract step, seen from the entities' model and the snapshot. */
class ExpandedModelTest {

    private static SchemaModel model(String column) {
        Table customer = TableBuilder.table("customer").columns(List.of(
                        Column.of("id", ColumnType.of(TypeKind.BIGINT), false),
                        Column.of(column, ColumnType.withLength(TypeKind.VARCHAR, 255), false).withUnique(true)))
                .primaryKey("id").index(new Index("ix_customer_mail", List.of(column), false))
                .check(new CheckConstraint("ck_customer_mail", column + " like '%@%'"))
                .build();
        return ModelBuilder.model().naming("spring").producer("test").table(customer).build();
    }

    private static final List<Expansion> EXPANDED = List.of(Expansion.of("customer", "contact_email", "email"));

    @Test
    void theNewColumnIsNullableWithoutItsConstraintsAndTheOldOneIsKeptWithItsOwn() {
        SchemaModel between = ExpandedModel.of(model("contact_email"), model("email"), EXPANDED);

        Table customer = between.table("customer").orElseThrow();
        assertThat(customer.columns()).extracting(Column::name).containsExactly("id", "contact_email", "email");
        Column fresh = customer.column("contact_email").orElseThrow();
        assertThat(fresh.nullable()).isTrue();
        assertThat(fresh.unique()).isFalse();
        Column kept = customer.column("email").orElseThrow();
        assertThat(kept.nullable()).isFalse();
        assertThat(kept.unique()).isTrue();
        assertThat(customer.indexes()).singleElement().satisfies(i -> assertThat(i.columns()).containsExactly("email"));
        assertThat(customer.checks()).singleElement().satisfies(c -> assertThat(c.expression()).startsWith("email "));
        assertThat(ExpandedModel.of(model("contact_email"), model("email"), List.of())).isEqualTo(model("contact_email"));
    }

    @Test
    void theUndoOfAContractAddsTheKeptColumnNullableAndAStaleExpansionIsNamed() {
        SchemaModel relaxed = ExpandedModel.keptNullable(model("email"), EXPANDED);
        assertThat(relaxed.table("customer").orElseThrow().column("email").orElseThrow().nullable()).isTrue();

        assertThat(ExpandedModel.problem(model("contact_email"), EXPANDED)).isEmpty();
        assertThat(ExpandedModel.problem(model("mail"), EXPANDED)).hasValueSatisfying(p ->
                assertThat(p).contains("customer.contact_email"));
        assertThatThrownBy(() -> ExpandedModel.of(model("contact_email"), model("mail"), EXPANDED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column customer.email");
    }
}
