package io.github.jpamigrate.processor;

import static io.github.jpamigrate.processor.ProcessorHarness.column;
import static io.github.jpamigrate.processor.ProcessorHarness.columnNames;
import static io.github.jpamigrate.processor.ProcessorHarness.model;
import static io.github.jpamigrate.processor.ProcessorHarness.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The three inheritance strategies and {@code @MappedSuperclass}. */
class InheritanceMappingTest {

    private static final String BASE = """
            package fleet;
            import jakarta.persistence.*;
            @MappedSuperclass
            public abstract class Base<ID> {
                @Id @GeneratedValue ID id;
                @Version Long version;
                String createdBy;
            }
            """;
    private static final String VEHICLE = """
            package fleet;
            import jakarta.persistence.*;
            @Entity public class Vehicle extends Base<Long> { String make; }
            """;
    private static final String CAR = """
            package fleet;
            import jakarta.persistence.*;
            @Entity public class Car extends Vehicle { int doors; @Column(nullable = false) String plate; }
            """;
    private static final String TRUCK = """
            package fleet;
            import jakarta.persistence.*;
            @Entity @DiscriminatorValue("T") public class Truck extends Vehicle { @ManyToOne(optional = false) Car escort; }
            """;

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void singleTableSharesRootTableWithDiscriminatorAndChecks(String ns) {
        SchemaModel model = model(ns, BASE, VEHICLE, CAR, TRUCK);
        assertThat(model.tables()).extracting(Table::name).containsExactly("Vehicle");
        Table t = table(model, "Vehicle");
        assertThat(t.entities()).containsExactly("fleet.Car", "fleet.Truck", "fleet.Vehicle");
        assertThat(columnNames(t)).containsExactly("id", "version", "createdBy", "make", "DTYPE", "doors", "plate",
                "escort_id");
        assertThat(column(t, "id").type().toString()).as("type variable resolved").isEqualTo("bigint");
        assertThat(column(t, "DTYPE").type().toString()).isEqualTo("varchar(31)");
        assertThat(column(t, "DTYPE").nullable()).isFalse();
        assertThat(column(t, "doors").nullable()).as("subclass primitive").isTrue();
        assertThat(column(t, "plate").nullable()).as("explicit nullable = false stays").isFalse();
        assertThat(column(t, "escort_id").nullable()).isTrue();
        assertThat(column(t, "version").nullable()).isFalse();
        assertThat(t.checks()).extracting(CheckConstraint::expression).containsExactlyInAnyOrder(
                "DTYPE in ('Vehicle','Car','T')",
                "DTYPE <> 'Car' or (doors is not null)",
                "DTYPE <> 'T' or (escort_id is not null)");
        assertThat(model.sequences()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("Vehicle_SEQ");
            assertThat(s.initialValue()).isEqualTo(1);
            assertThat(s.incrementSize()).isEqualTo(50);
        });
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void singleTableOnHibernate66HasNoChecksAndKeepsRequiredToOne(String ns) {
        Table t = table(model(ns, List.of("-Ajpamigrate.orm=hibernate-6.6"), BASE, VEHICLE, CAR, TRUCK), "Vehicle");
        assertThat(t.checks()).isEmpty();
        assertThat(column(t, "escort_id").nullable()).isFalse();
        assertThat(column(t, "doors").nullable()).isTrue();
        assertThat(column(t, "version").nullable()).as("6.6: wrapper @Version is nullable").isTrue();
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void joinedSubclassesGetOwnTablesKeyedAndLinkedToParent(String ns) {
        SchemaModel model = model(ns, """
                package zoo;
                import jakarta.persistence.*;
                @Entity @Inheritance(strategy = InheritanceType.JOINED)
                public abstract class Animal { @Id Long id; String name; }
                """, """
                package zoo;
                import jakarta.persistence.*;
                @Entity public class Dog extends Animal { boolean barks; }
                """, """
                package zoo;
                import jakarta.persistence.*;
                @Entity @PrimaryKeyJoinColumn(name = "cat_id", foreignKey = @ForeignKey(name = "fk_cat_animal"))
                @org.hibernate.annotations.OnDelete(action = org.hibernate.annotations.OnDeleteAction.CASCADE)
                public class Cat extends Animal { boolean purrs; }
                """);
        assertThat(columnNames(table(model, "Animal"))).containsExactly("id", "name");
        Table dog = table(model, "Dog");
        assertThat(columnNames(dog)).containsExactly("id", "barks");
        assertThat(dog.primaryKey().columns()).containsExactly("id");
        assertThat(dog.foreignKeys()).singleElement().satisfies(f -> {
            assertThat(f.referencedTable()).isEqualTo("Animal");
            assertThat(f.columns()).containsExactly("id");
        });
        Table cat = table(model, "Cat");
        assertThat(cat.primaryKey().columns()).containsExactly("cat_id");
        assertThat(cat.foreignKeys()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("fk_cat_animal");
            assertThat(f.onDelete().name()).isEqualTo("CASCADE");
        });
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void tablePerClassCopiesInheritedColumnsAndSkipsAbstractRoot(String ns) {
        SchemaModel model = model(ns, """
                package geo;
                import jakarta.persistence.*;
                @Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
                public abstract class Shape { @Id @GeneratedValue Long id; String color; }
                """, """
                package geo;
                import jakarta.persistence.*;
                @Entity public class Circle extends Shape { double radius; }
                """, """
                package geo;
                import jakarta.persistence.*;
                @Entity public class Drawing { @Id Long id; @ManyToOne Shape shape; @ManyToOne Circle circle; }
                """);
        assertThat(model.tables()).extracting(Table::name).containsExactly("Circle", "Drawing");
        assertThat(columnNames(table(model, "Circle"))).containsExactly("id", "color", "radius");
        Table drawing = table(model, "Drawing");
        assertThat(drawing.foreignKeys()).as("no foreign key to an abstract union root").singleElement()
                .satisfies(f -> assertThat(f.referencedTable()).isEqualTo("Circle"));
        assertThat(model.sequences()).extracting(s -> s.name()).containsExactly("Shape_SEQ");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void explicitDiscriminatorColumnWithoutSubclasses(String ns) {
        Table t = table(model(ns, """
                package kinds;
                import jakarta.persistence.*;
                @Entity @DiscriminatorColumn(name = "kind", discriminatorType = DiscriminatorType.CHAR) @DiscriminatorValue("K")
                public class Kind { @Id Long id; }
                """), "Kind");
        assertThat(column(t, "kind").type().toString()).isEqualTo("char(1)");
        assertThat(t.checks()).extracting(CheckConstraint::expression).containsExactly("kind in ('K')");
    }
}
