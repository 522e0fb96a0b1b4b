package io.github.jpamigrate.processor;

import static io.github.jpamigrate.processor.ProcessorHarness.column;
import static io.github.jpamigrate.processor.ProcessorHarness.model;
import static io.github.jpamigrate.processor.ProcessorHarness.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.core.model.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hibernate's {@code @TenantId} column is NOT NULL, directly on the entity and inside an embeddable. */
class TenantIdMappingTest {

    private static final String INVOICE = """
            package tenants;
            import jakarta.persistence.*;
            @Entity
            public class Invoice {
                @Id Long id;
                @org.hibernate.annotations.TenantId String tenant;
                String number;
                @Embedded Stamp stamp;
            }
            """;
    private static final String STAMP = """
            package tenants;
            import jakarta.persistence.*;
            @Embeddable
            public class Stamp { @org.hibernate.annotations.TenantId String owner; String note; }
            """;

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void tenantColumnsAreNotNull(String ns) {
        Table invoice = table(model(ns, INVOICE, STAMP), "Invoice");
        assertThat(column(invoice, "tenant").nullable()).isFalse();
        assertThat(column(invoice, "owner").nullable()).as("inside an embeddable").isFalse();
        assertThat(column(invoice, "number").nullable()).isTrue();
        assertThat(column(invoice, "note").nullable()).isTrue();
    }
}
