package io.github.jpamigrate.processor;

import static io.github.jpamigrate.processor.ProcessorHarness.column;
import static io.github.jpamigrate.processor.ProcessorHarness.model;
import static io.github.jpamigrate.processor.ProcessorHarness.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.core.model.EnumStorage;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Enums, {@code @Version}, converters, generators and the 6.6 differences in types. */
class TypeMappingTest {

    private static final String STATUS = "package app; public enum Status { NEW, ACTIVE, CLOSED }";

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void enumsByNameAndOrdinal(String ns) {
        String many = "package app; public enum Many { " + IntStream.range(0, 129).mapToObj(i -> "C" + i)
                .collect(Collectors.joining(", ")) + " }";
        SchemaModel model = model(ns, STATUS, many, """
                package app;
                import jakarta.persistence.*;
                @Entity public class Ticket {
                    @Id Long id;
                    @Enumerated(EnumType.STRING) Status status;
                    @Enumerated(EnumType.STRING) @Column(length = 12) Status shortStatus;
                    @Enumerated Status previous;
                    Status implicit;
                    Many many;
                }
                """);
        Table t = table(model, "Ticket");
        assertThat(column(t, "status").type().toString()).isEqualTo("varchar(255)");
        assertThat(column(t, "status").enumRef().storage()).isEqualTo(EnumStorage.STRING);
        assertThat(column(t, "shortStatus").type().toString()).isEqualTo("varchar(12)");
        assertThat(column(t, "previous").type().toString()).isEqualTo("tinyint");
        assertThat(column(t, "implicit").enumRef().storage()).isEqualTo(EnumStorage.ORDINAL);
        assertThat(column(t, "many").type().toString()).as("more than 128 constants").isEqualTo("smallint");
        assertThat(model.enumType("app.Status").orElseThrow().constants()).containsExactly("NEW", "ACTIVE", "CLOSED");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void convertersGiveTheDatabaseType(String ns) {
        Table t = table(model(ns, """
                package app;
                import jakarta.persistence.*;
                @Converter public class YesNo implements AttributeConverter<Boolean, Character> {
                    public Character convertToDatabaseColumn(Boolean b) { return null; }
                    public Boolean convertToEntityAttribute(Character c) { return null; }
                }
                """, """
                package app;
                import jakarta.persistence.*;
                @Converter(autoApply = true) public class Cents implements AttributeConverter<java.math.BigDecimal, Long> {
                    public Long convertToDatabaseColumn(java.math.BigDecimal b) { return null; }
                    public java.math.BigDecimal convertToEntityAttribute(Long c) { return null; }
                }
                """, """
                package app;
                import jakarta.persistence.*;
                @Entity public class Flag {
                    @Id Long id;
                    @Convert(converter = YesNo.class) Boolean enabled;
                    java.math.BigDecimal price;
                    @Convert(disableConversion = true) java.math.BigDecimal raw;
                }
                """), "Flag");
        assertThat(column(t, "enabled").type().toString()).isEqualTo("char(1)");
        assertThat(column(t, "price").type().toString()).as("autoApply").isEqualTo("bigint");
        assertThat(column(t, "raw").type().toString()).isEqualTo("decimal(38,2)");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void generators(String ns) {
        SchemaModel model = model(ns, """
                package app;
                import jakarta.persistence.*;
                @Entity public class A { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id; }
                """, """
                package app;
                import jakarta.persistence.*;
                @Entity public class B {
                    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "b_gen")
                    @SequenceGenerator(name = "b_gen", sequenceName = "b_numbers", initialValue = 5, allocationSize = 10)
                    Long id;
                }
                """, """
                package app;
                import jakarta.persistence.*;
                @Entity public class C { @Id @GeneratedValue(strategy = GenerationType.TABLE) Long id; }
                """, """
                package app;
                import jakarta.persistence.*;
                @Entity public class D { @Id @GeneratedValue java.util.UUID id; }
                """, """
                package app;
                import jakarta.persistence.*;
                @Entity public class E {
                    @Id @GeneratedValue(strategy = GenerationType.TABLE, generator = "tg")
                    @TableGenerator(name = "tg", table = "id_blocks", pkColumnValue = "e", allocationSize = 20) Long id;
                }
                """);
        assertThat(column(table(model, "A"), "id").identity()).isTrue();
        assertThat(model.sequences()).extracting(s -> s.name() + "/" + s.initialValue() + "/" + s.incrementSize())
                .containsExactly("b_numbers/5/10");
        assertThat(model.tableGenerators()).extracting(g -> g.table() + "/" + g.segmentValue() + "/" + g.allocationSize())
                .containsExactlyInAnyOrder("hibernate_sequences/default/50", "id_blocks/e/20");
        Table generatorTable = table(model, "hibernate_sequences");
        assertThat(generatorTable.primaryKey().columns()).containsExactly("sequence_name");
        assertThat(column(generatorTable, "next_val").type().toString()).isEqualTo("bigint");
        assertThat(column(table(model, "D"), "id").type().toString()).isEqualTo("uuid");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void hibernate66Differences(String ns) {
        String source = """
                package app;
                import jakarta.persistence.*;
                @Entity public class Shift {
                    @Id Long id;
                    @Version Integer version;
                    java.time.LocalTime starts;
                    @Basic int hours;
                }
                """;
        Table h7 = table(model(ns, source), "Shift");
        Table h66 = table(model(ns, List.of("-Ajpamigrate.orm=hibernate-6.6"), source), "Shift");
        assertThat(column(h7, "version").nullable()).isFalse();
        assertThat(column(h66, "version").nullable()).isTrue();
        assertThat(column(h7, "starts").type().toString()).isEqualTo("time(0)");
        assertThat(column(h66, "starts").type().toString()).isEqualTo("time(6)");
        assertThat(column(h7, "hours").nullable()).isFalse();
        assertThat(column(h66, "hours").nullable()).isTrue();
    }
}
