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

/** Embedded values with overrides, records as embeddables, embedded ids and id classes. */
class EmbeddableMappingTest {

    private static final String MONEY = """
            package shop;
            import jakarta.persistence.*;
            import java.math.BigDecimal;
            @Embeddable
            public class Money { BigDecimal amount; @Column(length = 3, nullable = false) String currency; int cents; }
            """;

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void embeddableUsedTwiceWithOverrides(String ns) {
        SchemaModel model = model(ns, MONEY, """
                package shop;
                import jakarta.persistence.*;
                @Entity
                public class Invoice {
                    @Id Long id;
                    @Embedded
                    @AttributeOverrides({@AttributeOverride(name = "amount", column = @Column(name = "net_amount")),
                                         @AttributeOverride(name = "currency", column = @Column(name = "net_currency")),
                                         @AttributeOverride(name = "cents", column = @Column(name = "net_cents"))})
                    Money net;
                    @AttributeOverride(name = "amount", column = @Column(name = "gross_amount", precision = 10, scale = 3))
                    @AttributeOverride(name = "currency", column = @Column(name = "gross_currency", length = 3))
                    @AttributeOverride(name = "cents", column = @Column(name = "gross_cents"))
                    Money gross;
                }
                """);
        Table t = table(model, "Invoice");
        assertThat(columnNames(t)).containsExactly("id", "net_amount", "net_currency", "net_cents", "gross_amount",
                "gross_currency", "gross_cents");
        assertThat(column(t, "net_amount").type().toString()).isEqualTo("decimal(38,2)");
        assertThat(column(t, "gross_amount").type().toString()).isEqualTo("decimal(10,3)");
        assertThat(column(t, "net_currency").type().toString()).isEqualTo("varchar(255)");
        assertThat(column(t, "gross_currency").type().toString()).isEqualTo("varchar(3)");
        assertThat(column(t, "net_cents").nullable()).as("primitive inside an embeddable").isTrue();
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void embeddedColumnsKeepTheirOwnDefinitionWithoutOverride(String ns) {
        Table t = table(model(ns, MONEY, """
                package shop;
                import jakarta.persistence.*;
                @Entity public class Payment { @Id Long id; Money total; }
                """), "Payment");
        assertThat(columnNames(t)).containsExactly("id", "amount", "currency", "cents");
        assertThat(column(t, "currency").nullable()).isFalse();
        assertThat(column(t, "currency").type().toString()).isEqualTo("varchar(3)");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void recordEmbeddableWithRelationshipInside(String ns) {
        Table t = table(model(ns, """
                package shop;
                import jakarta.persistence.*;
                import java.time.LocalDate;
                @Embeddable public record Period(LocalDate start, @Column(name = "until") LocalDate end, @ManyToOne Owner approver) {}
                """, """
                package shop;
                import jakarta.persistence.*;
                @Entity public class Owner { @Id Long id; }
                """, """
                package shop;
                import jakarta.persistence.*;
                @Entity public class Lease { @Id Long id; @Embedded Period period; }
                """), "Lease");
        assertThat(columnNames(t)).containsExactly("id", "start", "until", "approver_id");
        assertThat(t.foreignKeys()).singleElement().satisfies(f -> assertThat(f.referencedTable()).isEqualTo("Owner"));
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void embeddedIdColumnsAreOrderedByAttributeNameAndReferencedAsAWhole(String ns) {
        SchemaModel model = model(ns, """
                package shop;
                import jakarta.persistence.*;
                @Embeddable public class LineId implements java.io.Serializable { Long orderId; int lineNo; }
                """, """
                package shop;
                import jakarta.persistence.*;
                @Entity public class Line { @EmbeddedId LineId id; String product; @ManyToOne Line parent; }
                """);
        Table t = table(model, "Line");
        assertThat(t.primaryKey().columns()).containsExactly("lineNo", "orderId");
        assertThat(columnNames(t)).containsExactly("lineNo", "orderId", "product", "parent_lineNo", "parent_orderId");
        assertThat(t.foreignKeys()).singleElement().satisfies(f -> {
            assertThat(f.columns()).containsExactly("parent_lineNo", "parent_orderId");
            assertThat(f.referencedColumns()).containsExactly("lineNo", "orderId");
        });
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void idClassKeyUsesTheIdAttributes(String ns) {
        Table t = table(model(ns, """
                package shop;
                public class StockKey implements java.io.Serializable { String sku; Long warehouse; }
                """, """
                package shop;
                import jakarta.persistence.*;
                @Entity @IdClass(StockKey.class) public class Stock { @Id Long warehouse; @Id String sku; int quantity; }
                """), "Stock");
        assertThat(t.primaryKey().columns()).containsExactly("sku", "warehouse");
        assertThat(column(t, "sku").nullable()).isFalse();
    }
}
