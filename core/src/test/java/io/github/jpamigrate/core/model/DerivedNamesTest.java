package io.github.jpamigrate.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Derived key and index names are unique per schema, and a name that was unique never changes. */
class DerivedNamesTest {

    @Test
    void twoDerivedForeignKeysOfOneNameAreNamedAfterTheirTargets() {
        Table leg = table("leg", null, List.of(fk("leg", "place_code", "depot"), fk("leg", "place_code", "route"),
                fk("leg", "home_id", "depot")), List.of());

        assertThat(DerivedNames.makeUnique(List.of(leg)).get(0).foreignKeys()).extracting(ForeignKey::name)
                .containsExactly("fk_leg_place_code_depot", "fk_leg_place_code_route", "fk_leg_home_id");
    }

    @Test
    void explicitNamesAndUniqueDerivedNamesAreKept() {
        ForeignKey explicit = new ForeignKey("fk_custom", List.of("a_id"), "a", List.of("id"), ReferentialAction.NO_ACTION);
        Table t = table("t", null, List.of(explicit, fk("t", "b_id", "b")), List.of());

        assertThat(DerivedNames.makeUnique(List.of(t))).containsExactly(t);
    }

    @Test
    void collisionsAreCountedPerSchema() {
        Table inSales = table("t", "sales", List.of(fk("t", "x", "p")), List.of());
        Table inPublic = table("t", null, List.of(fk("t", "x", "p")), List.of());

        assertThat(DerivedNames.makeUnique(List.of(inSales, inPublic))).containsExactly(inSales, inPublic);
    }

    @Test
    void derivedIndexNamesThatStillCollideAreNumberedInTableOrder() {
        // table a_b column c and table a column b_c derive the same index name
        Index first = new Index(Identifiers.indexName("a_b", List.of("c")), List.of("c"), false);
        Index second = new Index(Identifiers.indexName("a", List.of("b_c")), List.of("b_c desc"), true);
        List<Table> out = DerivedNames.makeUnique(List.of(table("a_b", null, List.of(), List.of(first)),
                table("a", null, List.of(), List.of(second))));

        assertThat(out.get(0).indexes()).extracting(Index::name).containsExactly("idx_a_b_c");
        assertThat(out.get(1).indexes()).extracting(Index::name).containsExactly("idx_a_b_c_2");
    }

    private static ForeignKey fk(String table, String column, String target) {
        return new ForeignKey(Identifiers.foreignKeyName(table, List.of(column)), List.of(column), target,
                List.of("id"), ReferentialAction.NO_ACTION);
    }

    private static Table table(String name, String schema, List<ForeignKey> keys, List<Index> indexes) {
        return new Table(name, schema, List.of(Column.of("id", ColumnType.of(TypeKind.BIGINT), false)), null, keys,
                List.of(), indexes, List.of(), null, List.of());
    }
}
