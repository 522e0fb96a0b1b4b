package io.github.jpamigrate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.github.jpamigrate.processor.ProcessorHarness.column;
import static io.github.jpamigrate.processor.ProcessorHarness.compile;
import static io.github.jpamigrate.processor.ProcessorHarness.model;
import static io.github.jpamigrate.processor.ProcessorHarness.table;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code @SecondaryTable}: the columns that name a secondary table go there, keyed and referenced as Hibernate does. */
class SecondaryTableTest {

    private static final String PLAN = """
            package spread;
            import jakarta.persistence.*;
            @Entity public class Plan { @Id Integer code; }
            """;
    private static final String MEMBER = """
            package spread;
            import jakarta.persistence.*;
            @Entity
            @SecondaryTable(name = "member_profile", pkJoinColumns = @PrimaryKeyJoinColumn(name = "member_id"))
            @SecondaryTable(name = "member_billing")
            public class Member {
                @Id Long id;
                String handle;
                @Column(table = "member_profile") String bio;
                @Column(table = "member_profile") int logins;
                @ManyToOne @JoinColumn(name = "plan_id", table = "member_billing") Plan plan;
            }
            """;

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void columnsNamingASecondaryTableGoThereBesideACopyOfTheKey(String ns) {
        SchemaModel model = model(ns, MEMBER, PLAN);
        assertThat(table(model, "Member").columns()).extracting(Column::name).containsExactly("id", "handle");
        Table profile = table(model, "member_profile");
        assertThat(profile.columns()).extracting(Column::name).containsExactlyInAnyOrder("member_id", "bio", "logins");
        assertThat(profile.primaryKey().columns()).containsExactly("member_id");
        assertThat(column(profile, "member_id").type().toString()).isEqualTo("bigint");
        // as in the primary table, a primitive with @Column stays nullable
        assertThat(column(profile, "logins").nullable()).isTrue();
        assertThat(column(profile, "logins").type().toString()).isEqualTo("integer");
        assertThat(profile.foreignKeys()).extracting(ForeignKey::columns, ForeignKey::referencedTable,
                ForeignKey::referencedColumns).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        List.of("member_id"), "Member", List.of("id")));
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void joinColumnNamingASecondaryTablePutsColumnAndForeignKeyThere(String ns) {
        Table billing = table(model(ns, MEMBER, PLAN), "member_billing");
        assertThat(billing.primaryKey().columns()).containsExactly("id");
        assertThat(billing.foreignKeys()).extracting(ForeignKey::columns, ForeignKey::referencedTable)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(List.of("id"), "Member"),
                        org.assertj.core.groups.Tuple.tuple(List.of("plan_id"), "Plan"));
        assertThat(column(billing, "plan_id").nullable()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void singleTableSubclassKeepsItsOwnSecondaryTable(String ns) {
        String vehicle = """
                package spread;
                import jakarta.persistence.*;
                @Entity @Inheritance(strategy = InheritanceType.SINGLE_TABLE) public class Vehicle { @Id Long id; }
                """;
        String truck = """
                package spread;
                import jakarta.persistence.*;
                @Entity @SecondaryTable(name = "truck_detail")
                public class Truck extends Vehicle { @Column(table = "truck_detail") Integer axles; }
                """;
        Table detail = table(model(ns, vehicle, truck), "truck_detail");
        assertThat(detail.columns()).extracting(Column::name).containsExactlyInAnyOrder("id", "axles");
        assertThat(detail.foreignKeys()).extracting(ForeignKey::referencedTable).containsExactly("Vehicle");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void unknownTableIsAnErrorNamingTheAttributeAndTheDeclaredTables(String ns) {
        String typo = """
                package spread;
                import jakarta.persistence.*;
                @Entity @SecondaryTable(name = "note_body")
                public class Note { @Id Long id; @Column(table = "note_bdy") String body; }
                """;
        Compilation c = compile(ns, typo);
        assertThat(c).hadErrorContaining("[JM024] spread.Note maps attribute")
                .inFile(ProcessorHarness.source(ns, typo));
        assertThat(c).hadErrorContaining("to table 'note_bdy', which is neither the table of spread.Note (Note)"
                + " nor one of its @SecondaryTable names (note_body)");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void embeddedValueSplitOverTwoTablesIsAnError(String ns) {
        String spot = """
                package spread;
                import jakarta.persistence.*;
                @Embeddable public class Spot { String street; String city; }
                """;
        String shop = """
                package spread;
                import jakarta.persistence.*;
                @Entity @SecondaryTable(name = "shop_extra")
                public class Shop {
                    @Id Long id;
                    @AttributeOverride(name = "city", column = @Column(table = "shop_extra")) Spot spot;
                }
                """;
        assertThat(compile(ns, spot, shop)).hadErrorContaining("[JM025] embedded value")
                .inFile(ProcessorHarness.source(ns, shop));
        assertThat(compile(ns, spot, shop)).hadErrorContaining("puts its columns into tables [Shop, shop_extra]");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void embeddedValueMovedWholeIntoASecondaryTable(String ns) {
        String spot = """
                package spread;
                import jakarta.persistence.*;
                @Embeddable public class Spot { String street; @Column(table = "shop_extra") String city; }
                """;
        String shop = """
                package spread;
                import jakarta.persistence.*;
                @Entity @SecondaryTable(name = "shop_extra")
                public class Shop {
                    @Id Long id;
                    @AttributeOverride(name = "street", column = @Column(table = "shop_extra")) Spot spot;
                }
                """;
        assertThat(table(model(ns, spot, shop), "shop_extra").columns()).extracting(Column::name)
                .containsExactlyInAnyOrder("id", "street", "city");
    }
}
