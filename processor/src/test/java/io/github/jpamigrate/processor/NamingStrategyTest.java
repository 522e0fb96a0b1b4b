package io.github.jpamigrate.processor;

import static io.github.jpamigrate.processor.ProcessorHarness.columnNames;
import static io.github.jpamigrate.processor.ProcessorHarness.model;
import static io.github.jpamigrate.processor.ProcessorHarness.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.processor.scan.Naming;
import io.github.jpamigrate.core.sql.OrmLine;
import io.github.jpamigrate.processor.scan.OrmRules;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** JPA default names versus Spring Boot's snake-case physical names and its join table rule. */
class NamingStrategyTest {

    private static final String[] SHOP = {"""
            package shop;
            import jakarta.persistence.*;
            import java.util.*;
            @Entity
            public class PurchaseOrder {
                @Id @GeneratedValue Long id;
                String firstName;
                @Column(name = "shipToCity") String city;
                String addressLine2;
                @ManyToOne PurchaseOrder lastOrder;
                @ManyToMany Set<Tag> favouriteTags;
                @ElementCollection Set<String> nickNames;
            }
            """, """
            package shop;
            import jakarta.persistence.*;
            @Entity public class Tag { @Id Long tagId; }
            """};

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void jpaNamesAreAsWritten(String ns) {
        SchemaModel model = model(ns, List.of("-Ajpamigrate.naming=jpa"), SHOP);
        assertThat(model.naming()).isEqualTo("jpa");
        assertThat(columnNames(table(model, "PurchaseOrder")))
                .containsExactly("id", "firstName", "shipToCity", "addressLine2", "lastOrder_id");
        assertThat(columnNames(table(model, "PurchaseOrder_Tag"))).containsExactly("PurchaseOrder_id", "favouriteTags_tagId");
        assertThat(columnNames(table(model, "PurchaseOrder_nickNames"))).containsExactly("PurchaseOrder_id", "nickNames");
        assertThat(model.sequences()).extracting(s -> s.name()).containsExactly("PurchaseOrder_SEQ");
    }

    /** Issue 13: Hibernate's Identifier reads {@code [name]} as quoted, as it reads backticks. */
    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void bracketedNamesAreQuotedNames(String ns) {
        SchemaModel model = model(ns, List.of("-Ajpamigrate.naming=jpa"), """
                package mail;
                import jakarta.persistence.*;
                @Entity public class Mail { @Id Long id; @Column(name = "[from]") String sender; @Column(name = "[]") String x; }
                """);
        assertThat(columnNames(table(model, "Mail"))).containsExactly("id", "from", "[]");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void springNamesAreSnakeCaseAndJoinTableUsesAttribute(String ns) {
        SchemaModel model = model(ns, List.of("-Ajpamigrate.naming=spring"), SHOP);
        assertThat(model.naming()).isEqualTo("spring");
        Table order = table(model, "purchase_order");
        assertThat(order.name()).isEqualTo("purchase_order");
        assertThat(columnNames(order))
                .containsExactly("id", "first_name", "ship_to_city", "address_line2", "last_order_id");
        Table join = table(model, "purchase_order_favourite_tags");
        assertThat(join.name()).isEqualTo("purchase_order_favourite_tags");
        assertThat(columnNames(join)).containsExactly("purchase_order_id", "favourite_tags_tag_id");
        assertThat(table(model, "purchase_order_nick_names").name()).isEqualTo("purchase_order_nick_names");
        assertThat(model.sequences()).extracting(s -> s.name()).containsExactly("purchase_order_seq");
    }

    @Test
    void snakeCaseSplitsAfterDigitsOnlyInHibernate7() {
        assertThat(new Naming(Naming.Strategy.SPRING, new OrmRules(OrmLine.HIBERNATE_7)).physical("line2Text")).isEqualTo("line2_text");
        assertThat(new Naming(Naming.Strategy.SPRING, new OrmRules(OrmLine.HIBERNATE_6_6)).physical("line2Text")).isEqualTo("line2text");
        assertThat(new Naming(Naming.Strategy.SPRING, new OrmRules(OrmLine.HIBERNATE_7)).physical("HTTPServer")).isEqualTo("httpserver");
        assertThat(new Naming(Naming.Strategy.SPRING, new OrmRules(OrmLine.HIBERNATE_7)).physical("`MixedCase`")).isEqualTo("MixedCase");
        assertThat(new Naming(Naming.Strategy.JPA, new OrmRules(OrmLine.HIBERNATE_7)).physical("PurchaseOrder")).isEqualTo("PurchaseOrder");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void defaultIsJpaWithoutSpringBootOnTheClassPath(String ns) {
        assertThat(model(ns, SHOP).naming()).isEqualTo("jpa");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void defaultIsSpringWhenSpringBootsNamingStrategyIsVisible(String ns) {
        String boot3 = """
                package org.springframework.boot.orm.jpa.hibernate;
                public class SpringImplicitNamingStrategy {}
                """;
        String[] sources = {SHOP[0], SHOP[1], boot3};
        assertThat(model(ns, sources).naming()).isEqualTo("spring");
    }
}
