package io.github.jpamigrate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.github.jpamigrate.processor.ProcessorHarness.column;
import static io.github.jpamigrate.processor.ProcessorHarness.compile;
import static io.github.jpamigrate.processor.ProcessorHarness.model;
import static io.github.jpamigrate.processor.ProcessorHarness.table;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.Table;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One column mapped more than once, and the names derived for the keys on it: what Hibernate
 * accepts is accepted, and every derived key or index name is unique in its schema.
 */
class SharedColumnTest {

    private static final String PARCEL = """
            package depot;
            import jakarta.persistence.*;
            @Entity @Inheritance(strategy = InheritanceType.SINGLE_TABLE) @DiscriminatorColumn(name = "kind")
            @Table(indexes = @Index(columnList = "kind, weight"))
            public abstract class Parcel {
                @Id Long id;
                @Column(name = "kind", insertable = false, updatable = false) String kind;
            }
            """;
    private static final String HEAVY = """
            package depot;
            import jakarta.persistence.*;
            @Entity @DiscriminatorValue("heavy") public class HeavyParcel extends Parcel { Integer weight; }
            """;
    private static final String DEPOT = """
            package depot;
            import jakarta.persistence.*;
            @Entity public class Depot { @Id Long id; @Column(unique = true) String code; }
            """;
    private static final String ROUTE = """
            package depot;
            import jakarta.persistence.*;
            @Entity public class Route { @Id Long id; @Column(unique = true) String ref; }
            """;

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void discriminatorReadAlsoByAnAttributeIsTheDiscriminatorColumn(String ns) {
        Table parcel = table(model(ns, PARCEL, HEAVY), "Parcel");
        // Hibernate binds the discriminator before the attributes and keeps the first definition of a column
        assertThat(column(parcel, "kind").type().toString()).isEqualTo("varchar(31)");
        assertThat(column(parcel, "kind").nullable()).isFalse();
        assertThat(parcel.columns()).extracting(c -> c.name()).containsOnlyOnce("kind");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void readOnlyAttributeMayShareAColumnOfAnotherDefinition(String ns) {
        String shipment = """
                package depot;
                import jakarta.persistence.*;
                @Entity public class Shipment {
                    @Id Long id;
                    @Column(name = "code", length = 20) String code;
                    @Column(name = "code", insertable = false, updatable = false) String codeAgain;
                }
                """;
        assertThat(column(table(model(ns, shipment), "Shipment"), "code").type().toString()).isEqualTo("varchar(20)");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void twoWritableMappingsOfOneColumnWithDifferentDefinitionsStayAnError(String ns) {
        String shipment = """
                package depot;
                import jakarta.persistence.*;
                @Entity public class Shipment {
                    @Id Long id;
                    @Column(name = "code", length = 20) String code;
                    @Column(name = "code") String codeAgain;
                }
                """;
        Compilation c = compile(ns, shipment);
        assertThat(c).hadErrorContaining("[JM013] column code of table Shipment is mapped twice");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void indexMayNameAColumnOnlyASubclassMaps(String ns) {
        String crate = """
                package depot;
                import jakarta.persistence.*;
                @Entity @Table(indexes = @Index(columnList = "kind, weight"))
                public abstract class Parcel { @Id Long id; String kind; }
                """;
        Table parcel = table(model(ns, crate, HEAVY), "Parcel");
        assertThat(parcel.indexes()).extracting(Index::columns).containsExactly(List.of("kind", "weight"));
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void oneColumnJoiningTwoTablesByTheirIdsHasOneForeignKey(String ns) {
        String leg = """
                package depot;
                import jakarta.persistence.*;
                @Entity public class Leg {
                    @Id Long id;
                    @ManyToOne @JoinColumn(name = "place_id") Depot depot;
                    @ManyToOne @JoinColumn(name = "place_id", insertable = false, updatable = false) Route route;
                }
                """;
        Table t = table(model(ns, DEPOT, ROUTE, leg), "Leg");
        // Hibernate keys foreign keys by columns and referenced columns, not by the referenced table
        assertThat(t.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.referencedTable()).isEqualTo("Depot");
            assertThat(fk.name()).isEqualTo("fk_leg_place_id");
        });
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void oneColumnJoiningTwoTablesByOtherColumnsGetsTwoDistinctKeyNames(String ns) {
        String leg = """
                package depot;
                import jakarta.persistence.*;
                @Entity public class Leg {
                    @Id Long id;
                    @ManyToOne @JoinColumn(name = "place_code", referencedColumnName = "code") Depot depot;
                    @ManyToOne @JoinColumn(name = "place_code", referencedColumnName = "ref",
                            insertable = false, updatable = false) Route route;
                    @ManyToOne Depot home;
                }
                """;
        Table t = table(model(ns, DEPOT, ROUTE, leg), "Leg");
        assertThat(t.foreignKeys()).extracting(ForeignKey::name).containsExactlyInAnyOrder(
                "fk_leg_place_code_depot", "fk_leg_place_code_route",
                // a derived name that was unique stays as it was, so existing snapshots do not change
                "fk_leg_home_id");
    }
}
