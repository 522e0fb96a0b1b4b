package io.github.jpamigrate.core.diff;

import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;
import io.github.jpamigrate.core.model.*;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HazardsTest {

    private static SchemaModel model(List<Column> columns, List<EnumType> enums) {
        List<Column> all = new ArrayList<>(List.of(Column.of("id", ColumnType.of(TypeKind.BIGINT), false)));
        all.addAll(columns);
        Table t = TableBuilder.table("company").columns(all).primaryKey("id").build();
        return ModelBuilder.model().producer("t").table(t).enums(enums).build();
    }

    private static List<Hazard> hazards(SchemaModel a, SchemaModel b) {
        return Hazards.find(SchemaDiff.compare(a, b), b, (t, c) -> false);
    }

    private static Column name(int length) {
        return Column.of("company_name", ColumnType.withLength(TypeKind.VARCHAR, length), true);
    }

    @Test
    void wideningIsSafeAndNarrowingIsDestructive() {
        assertThat(hazards(model(List.of(name(128)), List.of()), model(List.of(name(256)), List.of()))).isEmpty();
        assertThat(hazards(model(List.of(name(256)), List.of()), model(List.of(name(128)), List.of())))
                .singleElement().satisfies(h -> {
                    assertThat(h.kind()).isEqualTo(Hazard.Kind.NARROWING);
                    assertThat(h.target()).isEqualTo("company.company_name");
                    assertThat(h.describe()).contains("varchar(256) to varchar(128)",
                            "-Djpamigrate.allowDestructive=company.company_name");
                    assertThat(Hazards.acknowledged(h, false, List.of("company.company_name"))).isTrue();
                    assertThat(Hazards.acknowledged(h, false, List.of("company.other"))).isFalse();
                    assertThat(Hazards.acknowledged(h, true, List.of())).isTrue();
                });
        assertThat(Hazards.narrows(ColumnType.of(TypeKind.INTEGER), ColumnType.of(TypeKind.BIGINT))).isFalse();
        assertThat(Hazards.narrows(ColumnType.of(TypeKind.BIGINT), ColumnType.of(TypeKind.INTEGER))).isTrue();
        assertThat(Hazards.narrows(ColumnType.withPrecisionScale(TypeKind.DECIMAL, 10, 2),
                ColumnType.withPrecisionScale(TypeKind.DECIMAL, 12, 4))).isFalse();
        assertThat(Hazards.narrows(ColumnType.withPrecisionScale(TypeKind.DECIMAL, 10, 2),
                ColumnType.withPrecisionScale(TypeKind.DECIMAL, 10, 4))).isTrue();
        assertThat(Hazards.narrows(ColumnType.withLength(TypeKind.VARCHAR, 10), ColumnType.of(TypeKind.CLOB))).isFalse();
        assertThat(Hazards.narrows(ColumnType.withLength(TypeKind.VARCHAR, 10), ColumnType.of(TypeKind.INTEGER))).isTrue();
    }

    @Test
    void dropsAreDestructive() {
        assertThat(hazards(model(List.of(name(10)), List.of()), model(List.of(), List.of())))
                .extracting(Hazard::kind).containsExactly(Hazard.Kind.DROP_COLUMN);
        SchemaModel none = new SchemaModel("jpa", "hibernate-7", "t", List.of(), List.of(), List.of(), List.of());
        assertThat(hazards(model(List.of(), List.of()), none)).extracting(Hazard::kind).containsExactly(Hazard.Kind.DROP_TABLE);
    }

    @Test
    void notNullNeedsADefaultOrABackfill() {
        Column role = Column.of("role", ColumnType.withLength(TypeKind.VARCHAR, 20), false);
        SchemaModel before = model(List.of(), List.of());
        List<Hazard> missing = hazards(before, model(List.of(role), List.of()));
        assertThat(missing).singleElement().satisfies(h -> {
            assertThat(h.kind().destructive()).isFalse();
            assertThat(h.describe()).contains("-Djpamigrate.backfill=company.role=<sql literal>");
            assertThat(Hazards.acknowledged(h, true, List.of())).as("allowDestructive cannot invent a value").isFalse();
        });
        assertThat(hazards(before, model(List.of(role.withDefaultValue("'user'")), List.of()))).isEmpty();
        SchemaModel after = model(List.of(role), List.of());
        assertThat(Hazards.find(SchemaDiff.compare(before, after), after, (t, c) -> c.equals("role"))).isEmpty();
        assertThat(hazards(model(List.of(role.withNullable(true)), List.of()), after))
                .extracting(Hazard::kind).containsExactly(Hazard.Kind.MISSING_VALUE);
    }

    @Test
    void enumConstantRemovalAndOrdinalReorderingAreCaught() {
        Column status = Column.of("status", ColumnType.of(TypeKind.TINYINT), true)
                .withEnumRef(new EnumRef("com.acme.Status", EnumStorage.ORDINAL));
        SchemaModel before = model(List.of(status), List.of(new EnumType("com.acme.Status", List.of("NEW", "PAID", "SHIPPED"))));
        assertThat(hazards(before, model(List.of(status), List.of(new EnumType("com.acme.Status", List.of("NEW", "PAID", "SHIPPED", "LOST"))))))
                .as("appending to an ORDINAL enum is safe").isEmpty();
        assertThat(hazards(before, model(List.of(status), List.of(new EnumType("com.acme.Status", List.of("PAID", "NEW", "SHIPPED"))))))
                .extracting(Hazard::kind).containsExactly(Hazard.Kind.ORDINAL_ENUM_REORDERED);
        assertThat(hazards(before, model(List.of(status), List.of(new EnumType("com.acme.Status", List.of("NEW", "PAID"))))))
                .extracting(Hazard::kind).containsExactly(Hazard.Kind.ENUM_CONSTANT_REMOVED);
    }

    /** NEW-3: varchar -> @Lob (oid on PostgreSQL) renders "using col::oid", which fails on the first text row. */
    @Test
    void aCastThatFailsOnRowsIsAnUnsafeCastNamingTheColumnAndTheWayOut() {
        Column lob = Column.of("company_name", ColumnType.of(TypeKind.CLOB), true);
        List<SchemaChange> changes = SchemaDiff.compare(model(List.of(name(255)), List.of()), model(List.of(lob), List.of()));
        SchemaModel after = model(List.of(lob), List.of());
        assertThat(Hazards.find(changes, after, (t, c) -> false, List.of("postgresql"))).singleElement().satisfies(h -> {
            assertThat(h.kind()).isEqualTo(Hazard.Kind.UNSAFE_CAST);
            assertThat(h.kind().destructive()).isTrue();
            assertThat(h.target()).isEqualTo("company.company_name");
            assertThat(h.describe()).contains("varchar(255) to clob", "oid", "write that part of the migration by hand",
                    "-Djpamigrate.allowDestructive=company.company_name");
            assertThat(Hazards.acknowledged(h, false, List.of("company.company_name"))).isTrue();
        });
        assertThat(Hazards.find(changes, after, (t, c) -> false, List.of("mysql", "h2")))
                .as("varchar -> clob keeps every value where a clob is text").isEmpty();
        assertThat(hazards(model(List.of(name(255)), List.of()), after))
                .as("databases unknown: PostgreSQL's rule applies").extracting(Hazard::kind).containsExactly(Hazard.Kind.UNSAFE_CAST);
    }

    @Test
    void textToATypedValueIsAnUnsafeCastOnEveryDatabaseAndWideningIsNot() {
        for (ColumnType parsed : List.of(ColumnType.of(TypeKind.INTEGER), ColumnType.withPrecisionScale(TypeKind.DECIMAL, 10, 2),
                ColumnType.of(TypeKind.BOOLEAN), ColumnType.of(TypeKind.UUID), ColumnType.of(TypeKind.JSON),
                ColumnType.withLength(TypeKind.VARBINARY, 16))) {
            assertThat(UnsafeCasts.reason(ColumnType.withLength(TypeKind.VARCHAR, 40), parsed, List.of("mysql")))
                    .as("varchar -> " + parsed).get(org.assertj.core.api.InstanceOfAssertFactories.STRING).contains("must parse as");
        }
        assertThat(UnsafeCasts.reason(ColumnType.of(TypeKind.INTEGER), ColumnType.of(TypeKind.BIGINT), List.of("postgresql"))).isEmpty();
        assertThat(UnsafeCasts.reason(ColumnType.of(TypeKind.INTEGER), ColumnType.withLength(TypeKind.VARCHAR, 20),
                List.of("postgresql"))).isEmpty();
        assertThat(UnsafeCasts.reason(ColumnType.of(TypeKind.CLOB), ColumnType.of(TypeKind.BLOB), List.of("postgresql")))
                .as("oid to oid keeps the reference").isEmpty();
        Column code = Column.of("company_name", ColumnType.of(TypeKind.INTEGER), true);
        assertThat(hazards(model(List.of(name(20)), List.of()), model(List.of(code), List.of())))
                .extracting(Hazard::kind).containsExactly(Hazard.Kind.UNSAFE_CAST);
    }
}
