package io.github.jpamigrate.processor;

import static io.github.jpamigrate.processor.ProcessorHarness.column;
import static io.github.jpamigrate.processor.ProcessorHarness.columnNames;
import static io.github.jpamigrate.processor.ProcessorHarness.model;
import static io.github.jpamigrate.processor.ProcessorHarness.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Join columns, join tables and foreign keys of the four relationship kinds. */
class RelationshipMappingTest {

    private static final String CUSTOMER = """
            package shop;
            import jakarta.persistence.*;
            import java.util.*;
            @Entity
            public class Customer {
                @Id Long id;
                @OneToMany(mappedBy = "customer") List<PurchaseOrder> orders;
                @ManyToMany Set<Tag> favouriteTags;
                @OneToMany Set<Address> addresses;
                @OneToMany @JoinColumn(name = "owner_ref") List<Note> notes;
                @OneToOne Card card;
            }
            """;
    private static final String ORDER = """
            package shop;
            import jakarta.persistence.*;
            @Entity
            public class PurchaseOrder {
                @Id Long id;
                @ManyToOne(optional = false) Customer customer;
                @ManyToOne @JoinColumn(name = "billing", foreignKey = @ForeignKey(name = "fk_billing")) Customer billedTo;
                @ManyToOne @JoinColumn(foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT)) Customer referrer;
                @ManyToOne @org.hibernate.annotations.OnDelete(action = org.hibernate.annotations.OnDeleteAction.CASCADE)
                Tag tag;
            }
            """;
    private static final String TAG = """
            package shop;
            import jakarta.persistence.*;
            import java.util.*;
            @Entity
            public class Tag { @Id Integer code; @ManyToMany(mappedBy = "favouriteTags") Set<Customer> fans; }
            """;
    private static final String ADDRESS = """
            package shop;
            import jakarta.persistence.*;
            @Entity public class Address { @Id Long id; }
            """;
    private static final String NOTE = """
            package shop;
            import jakarta.persistence.*;
            @Entity public class Note { @Id Long id; }
            """;
    private static final String CARD = """
            package shop;
            import jakarta.persistence.*;
            @Entity public class Card { @Id String number; }
            """;

    private static SchemaModel shop(String ns) {
        return model(ns, CUSTOMER, ORDER, TAG, ADDRESS, NOTE, CARD);
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void manyToOneAddsJoinColumnAndForeignKey(String ns) {
        Table orders = table(shop(ns), "PurchaseOrder");
        assertThat(columnNames(orders)).containsExactly("id", "customer_id", "billing", "referrer_id", "tag_code");
        assertThat(column(orders, "customer_id").nullable()).as("optional = false").isFalse();
        assertThat(column(orders, "billing").nullable()).isTrue();
        assertThat(column(orders, "tag_code").type().toString()).isEqualTo("integer");
        assertThat(orders.foreignKeys()).extracting(ForeignKey::name)
                .containsExactlyInAnyOrder("fk_purchaseorder_customer_id", "fk_billing", "fk_purchaseorder_tag_code");
        ForeignKey tag = fk(orders, "tag_code");
        assertThat(tag.referencedTable()).isEqualTo("Tag");
        assertThat(tag.referencedColumns()).containsExactly("code");
        assertThat(tag.onDelete()).isEqualTo(ReferentialAction.CASCADE);
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void oneToOneJoinColumnIsUnique(String ns) {
        Table customer = table(shop(ns), "Customer");
        assertThat(column(customer, "card_number").unique()).isTrue();
        assertThat(column(customer, "card_number").type().toString()).isEqualTo("varchar(255)");
        assertThat(fk(customer, "card_number").referencedTable()).isEqualTo("Card");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void manyToManyJoinTableNamesOwnerColumnAfterInverseAttribute(String ns) {
        Table join = table(shop(ns), "Customer_Tag");
        assertThat(columnNames(join)).containsExactly("fans_id", "favouriteTags_code");
        assertThat(join.primaryKey().columns()).containsExactly("fans_id", "favouriteTags_code");
        assertThat(join.columns()).allSatisfy(c -> assertThat(c.nullable()).isFalse());
        assertThat(fk(join, "fans_id").referencedTable()).isEqualTo("Customer");
        assertThat(fk(join, "favouriteTags_code").referencedTable()).isEqualTo("Tag");
        assertThat(join.entities()).containsExactly("shop.Customer");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void unidirectionalOneToManyUsesJoinTableKeyedByElement(String ns) {
        Table join = table(shop(ns), "Customer_Address");
        assertThat(columnNames(join)).containsExactly("addresses_id", "Customer_id");
        assertThat(join.primaryKey().columns()).containsExactly("addresses_id");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void oneToManyOnHibernate66KeysOnBothColumnsAndMakesElementUnique(String ns) {
        SchemaModel model = model(ns, List.of("-Ajpamigrate.orm=hibernate-6.6"), CUSTOMER, ORDER, TAG, ADDRESS, NOTE, CARD);
        Table join = table(model, "Customer_Address");
        assertThat(join.primaryKey().columns()).containsExactly("Customer_id", "addresses_id");
        assertThat(column(join, "addresses_id").unique()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void oneToManyJoinColumnGoesIntoTargetTable(String ns) {
        Table note = table(shop(ns), "Note");
        assertThat(columnNames(note)).containsExactly("id", "owner_ref");
        assertThat(column(note, "owner_ref").nullable()).isTrue();
        assertThat(fk(note, "owner_ref").referencedTable()).isEqualTo("Customer");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void noConstraintModeSuppressesForeignKey(String ns) {
        Table orders = table(shop(ns), "PurchaseOrder");
        assertThat(orders.foreignKeys()).noneMatch(f -> f.columns().contains("referrer_id"));
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void explicitJoinTableAndReferencedColumn(String ns) {
        SchemaModel model = model(ns, """
                package shop;
                import jakarta.persistence.*;
                import java.util.*;
                @Entity
                public class Student {
                    @Id Long id;
                    @Column(unique = true) String code;
                    @ManyToMany
                    @JoinTable(name = "enrolment", joinColumns = @JoinColumn(name = "student"),
                               inverseJoinColumns = @JoinColumn(name = "course"))
                    List<Course> courses;
                    @ManyToOne @JoinColumn(name = "mentor_code", referencedColumnName = "code") Student mentor;
                }
                """, """
                package shop;
                import jakarta.persistence.*;
                @Entity public class Course { @Id Long id; }
                """);
        Table join = table(model, "enrolment");
        assertThat(columnNames(join)).containsExactly("student", "course");
        assertThat(join.primaryKey()).as("a List without @OrderColumn is a bag").isNull();
        Table student = table(model, "Student");
        assertThat(column(student, "mentor_code").type().toString()).isEqualTo("varchar(255)");
        assertThat(fk(student, "mentor_code").referencedColumns()).containsExactly("code");
    }

    static ForeignKey fk(Table t, String column) {
        return t.foreignKeys().stream().filter(f -> f.columns().equals(List.of(column))).findFirst()
                .orElseThrow(() -> new AssertionError("no foreign key on " + column + " in " + t.foreignKeys()));
    }
}
