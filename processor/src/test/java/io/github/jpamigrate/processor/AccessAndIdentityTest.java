package io.github.jpamigrate.processor;

import static io.github.jpamigrate.processor.ProcessorHarness.column;
import static io.github.jpamigrate.processor.ProcessorHarness.columnNames;
import static io.github.jpamigrate.processor.ProcessorHarness.model;
import static io.github.jpamigrate.processor.ProcessorHarness.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Field and property access, association overrides, derived identity and where generators are found. */
class AccessAndIdentityTest {

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void propertyAccessFollowsTheIdAnnotationAndNamesColumnsAfterProperties(String ns) {
        Table t = table(model(ns, """
                package acc;
                import jakarta.persistence.*;
                @Entity public class Subscriber {
                    private Long key;
                    private String mail;
                    private boolean active;
                    @Id public Long getId() { return key; }
                    public void setId(Long id) { key = id; }
                    @Column(length = 200) public String getEmail() { return mail; }
                    public void setEmail(String e) { mail = e; }
                    public boolean isActive() { return active; }
                    public void setActive(boolean a) { active = a; }
                    @Transient public String getDisplay() { return mail; }
                }
                """), "Subscriber");
        assertThat(columnNames(t)).containsExactly("id", "email", "active");
        assertThat(column(t, "email").type().toString()).isEqualTo("varchar(200)");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void aGetterWithAccessPropertyJoinsFieldAccess(String ns) {
        Table t = table(model(ns, """
                package acc;
                import jakarta.persistence.*;
                @Entity public class Event {
                    @Id Long id;
                    String detail;
                    @Access(AccessType.PROPERTY) @Column(name = "detail_length")
                    public int getDetailLength() { return 0; }
                    public void setDetailLength(int ignored) { }
                }
                """), "Event");
        assertThat(columnNames(t)).containsExactly("id", "detail", "detail_length");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void associationOverrideRenamesJoinColumnsOfAnEmbeddable(String ns) {
        Table t = table(model(ns, """
                package acc;
                import jakarta.persistence.*;
                @Embeddable public class Contact { String phone; @ManyToOne Person person; }
                """, """
                package acc;
                import jakarta.persistence.*;
                @Entity public class Person { @Id Long id; }
                """, """
                package acc;
                import jakarta.persistence.*;
                @Entity public class Team {
                    @Id Long id;
                    @AttributeOverride(name = "phone", column = @Column(name = "lead_phone"))
                    @AssociationOverride(name = "person", joinColumns = @JoinColumn(name = "lead_id"))
                    Contact lead;
                }
                """), "Team");
        assertThat(columnNames(t)).containsExactly("id", "lead_phone", "lead_id");
        assertThat(t.foreignKeys()).singleElement().satisfies(f -> assertThat(f.columns()).containsExactly("lead_id"));
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void mapsIdMakesTheJoinColumnTheKey(String ns) {
        Table t = table(model(ns, """
                package acc;
                import jakarta.persistence.*;
                @Entity public class Receipt { @Id @GeneratedValue Long id; }
                """, """
                package acc;
                import jakarta.persistence.*;
                @Entity public class ReceiptDetail { @Id Long id; @MapsId @OneToOne Receipt receipt; String text; }
                """), "ReceiptDetail");
        assertThat(columnNames(t)).containsExactly("receipt_id", "text");
        assertThat(t.primaryKey().columns()).containsExactly("receipt_id");
        assertThat(column(t, "receipt_id").unique()).isFalse();
        assertThat(t.foreignKeys()).singleElement().satisfies(f -> assertThat(f.referencedTable()).isEqualTo("Receipt"));
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void generatorsAreFoundOnTheEntityHierarchyOnly(String ns) {
        SchemaModel model = model(ns, """
                package acc;
                import jakarta.persistence.*;
                @Entity @SequenceGenerator(name = "shipping_gen", sequenceName = "shipping_seq", allocationSize = 5)
                public class Parcel { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shipping_gen") Long id; }
                """, """
                package acc;
                import jakarta.persistence.*;
                @Entity
                public class Pallet { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shipping_gen") Long id; }
                """);
        assertThat(model.sequences()).extracting(s -> s.name() + "/" + s.incrementSize())
                .containsExactly("shipping_gen/50", "shipping_seq/5");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void springBoot4NamingStrategyAlsoSelectsSpringNaming(String ns) {
        SchemaModel model = model(ns, """
                package org.springframework.boot.hibernate;
                public class SpringImplicitNamingStrategy {}
                """, """
                package acc;
                import jakarta.persistence.*;
                @Entity public class LineItem { @Id Long id; }
                """);
        assertThat(model.naming()).isEqualTo("spring");
        assertThat(model.table("line_item")).isPresent();
    }
}
