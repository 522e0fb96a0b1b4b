package io.github.jpamigrate.processor;

import static io.github.jpamigrate.processor.ProcessorHarness.column;
import static io.github.jpamigrate.processor.ProcessorHarness.columnNames;
import static io.github.jpamigrate.processor.ProcessorHarness.model;
import static io.github.jpamigrate.processor.ProcessorHarness.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.core.model.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mappings Hibernate accepts that the processor used to refuse (found by running Hibernate ORM's
 * own test models through it): a compile error is only for what Hibernate itself refuses.
 */
class AcceptedAsHibernateDoesTest {

    private static final String PLACE = """
            package geo;
            public class Place { String town; String region; }
            """;

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void embeddedClassWithoutEmbeddableAnnotation(String ns) {
        // was JM014: Hibernate embeds any class that @Embedded or @EmbeddedId names
        String trip = """
                package geo;
                import jakarta.persistence.*;
                @Entity public class Trip {
                    @EmbeddedId TripKey key;
                    @Embedded Place origin;
                }
                """;
        String key = """
                package geo;
                public class TripKey implements java.io.Serializable { Long driver; Integer day; }
                """;
        Table t = table(model(ns, trip, key, PLACE), "Trip");
        assertThat(columnNames(t)).containsExactly("day", "driver", "town", "region");
        assertThat(t.primaryKey().columns()).containsExactly("day", "driver");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void targetEmbeddableNamesTheClassOfAnInterfaceTypedAttribute(String ns) {
        String city = """
                package geo;
                import jakarta.persistence.*;
                @Entity public class City {
                    @Id Long id;
                    @Embedded @org.hibernate.annotations.TargetEmbeddable(Gps.class) Coordinates where;
                }
                """;
        // declared here as 7.x declares it, so the test also compiles where Hibernate 6.6 is on the class path
        String targetEmbeddable = """
                package org.hibernate.annotations;
                import java.lang.annotation.*;
                @Retention(RetentionPolicy.RUNTIME) @java.lang.annotation.Target({ElementType.FIELD, ElementType.METHOD})
                public @interface TargetEmbeddable { Class<?> value(); }
                """;
        Table t = table(model(ns, targetEmbeddable, city, COORDINATES, GPS), "City");
        assertThat(columnNames(t)).containsExactly("id", "latitude", "longitude");
        assertThat(column(t, "latitude").type().toString()).isEqualTo("double(53)");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void hibernate6TargetNamesItToo(String ns) {
        // Hibernate 6.6 spells it @Target (gone in 7); declared here as 6.6 declares it
        String target = """
                package org.hibernate.annotations;
                import java.lang.annotation.*;
                @Retention(RetentionPolicy.RUNTIME) @java.lang.annotation.Target({ElementType.FIELD, ElementType.METHOD})
                public @interface Target { Class<?> value(); }
                """;
        String city = """
                package geo;
                import jakarta.persistence.*;
                @Entity public class City {
                    @Id Long id;
                    @Embedded @org.hibernate.annotations.Target(Gps.class) Coordinates where;
                }
                """;
        assertThat(columnNames(table(model(ns, target, city, COORDINATES, GPS), "City")))
                .containsExactly("id", "latitude", "longitude");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void discriminatorNotInsertedSharesAColumnOfTheId(String ns) {
        // was JM013: the id writes the column, so the discriminator is read-only, and bound first it defines it
        String node = """
                package geo;
                import jakarta.persistence.*;
                @Entity @Inheritance(strategy = InheritanceType.SINGLE_TABLE) @DiscriminatorColumn(name = "kind")
                @org.hibernate.annotations.DiscriminatorOptions(insert = false)
                public class Node { @EmbeddedId NodeKey key; String label; }
                """;
        String nodeKey = """
                package geo;
                import jakarta.persistence.*;
                @Embeddable public class NodeKey implements java.io.Serializable { Long id; @Column(name = "kind") String kind; }
                """;
        Table t = table(model(ns, node, nodeKey), "Node");
        assertThat(column(t, "kind").type().toString()).isEqualTo("varchar(31)");
        assertThat(t.primaryKey().columns()).containsExactly("id", "kind");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void idClassWithATransientFieldAndAnInheritedOne(String ns) {
        // was JM015: a transient field is no key part, and a key part may be declared by a superclass
        String measure = """
                package geo;
                import jakarta.persistence.*;
                @MappedSuperclass public class Measure implements java.io.Serializable { String unit; }
                """;
        String key = """
                package geo;
                public class ReadingKey extends Measure { float amount; transient int cachedHash; }
                """;
        String reading = """
                package geo;
                import jakarta.persistence.*;
                @Entity @IdClass(ReadingKey.class) public class Reading { @Id String unit; @Id float amount; String note; }
                """;
        Table t = table(model(ns, measure, key, reading), "Reading");
        assertThat(t.primaryKey().columns()).containsExactlyInAnyOrder("unit", "amount");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void referencedColumnNameMayNameAJoinColumnOfTheTarget(String ns) {
        // was JM018: Hibernate looks the name up among all the target table's columns
        String forest = """
                package geo;
                import jakarta.persistence.*;
                @Entity public class Forest { @Id Long id; }
                """;
        String tree = """
                package geo;
                import jakarta.persistence.*;
                @Entity public class Tree {
                    @Id Long id;
                    @ManyToOne @JoinColumn(name = "forest_ref") Forest forest;
                }
                """;
        String nest = """
                package geo;
                import jakarta.persistence.*;
                @Entity public class Nest {
                    @Id Long id;
                    @ManyToOne @JoinColumn(name = "forest_of_tree", referencedColumnName = "forest_ref") Tree tree;
                }
                """;
        Table t = table(model(ns, forest, tree, nest), "Nest");
        assertThat(column(t, "forest_of_tree").type().toString()).isEqualTo("bigint");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void parentReferenceOfAnEmbeddableHasNoColumn(String ns) {
        // was JM017: Hibernate's @Parent points an embedded value back at its owner
        String farm = """
                package geo;
                import jakarta.persistence.*;
                @Entity public class Farm { @Id Long id; @Embedded Barn barn; }
                """;
        String barn = """
                package geo;
                import jakarta.persistence.*;
                @Embeddable public class Barn { Integer stalls; @org.hibernate.annotations.Parent Farm farm; }
                """;
        assertThat(columnNames(table(model(ns, farm, barn), "Farm"))).containsExactly("id", "stalls");
    }

    private static final String COORDINATES = """
            package geo;
            public interface Coordinates { double latitude(); double longitude(); }
            """;
    private static final String GPS = """
            package geo;
            import jakarta.persistence.*;
            @Embeddable public class Gps implements Coordinates {
                double latitude; double longitude;
                public double latitude() { return latitude; }
                public double longitude() { return longitude; }
            }
            """;
}
