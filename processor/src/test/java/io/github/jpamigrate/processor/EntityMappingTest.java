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

/** Entities, tables, basic columns and their types, nullability and uniqueness. */
class EntityMappingTest {

    private static final String CUSTOMER = """
            package shop;
            import jakarta.persistence.*;
            import java.math.*;
            import java.time.*;
            import java.util.*;
            @Entity
            public class Customer {
                @Id @GeneratedValue Long id;
                String firstName;
                @Column(name = "mail", length = 100, nullable = false, unique = true) String email;
                int age;
                @Column int loose;
                boolean active;
                Boolean verified;
                char initial;
                short rank;
                byte level;
                double score;
                float ratio;
                @Column(precision = 10) double tenDigits;
                BigDecimal balance;
                @Column(precision = 12, scale = 4) BigDecimal exact;
                BigInteger big;
                LocalDate born;
                LocalTime wakeUp;
                LocalDateTime created;
                Instant seen;
                OffsetDateTime offset;
                ZonedDateTime zoned;
                UUID token;
                byte[] photo;
                @Lob String notes;
                @Lob byte[] scan;
                Date legacy;
                @Temporal(TemporalType.DATE) Date legacyDate;
                Duration wait;
                Currency currency;
                @Column(columnDefinition = "text") String raw;
                transient String cache;
                static String constant;
                @Transient String computed;
            }
            """;

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void mapsBasicTypesAsHibernateDoes(String ns) {
        SchemaModel model = model(ns, CUSTOMER);
        Table t = table(model, "Customer");
        assertThat(t.entities()).containsExactly("shop.Customer");
        assertThat(t.primaryKey().columns()).containsExactly("id");
        assertThat(columnNames(t)).startsWith("id", "firstName", "mail", "age")
                .doesNotContain("cache", "constant", "computed");
        assertThat(type(t, "id")).isEqualTo("bigint");
        assertThat(type(t, "firstName")).isEqualTo("varchar(255)");
        assertThat(type(t, "mail")).isEqualTo("varchar(100)");
        assertThat(type(t, "age")).isEqualTo("integer");
        assertThat(type(t, "active")).isEqualTo("boolean");
        assertThat(type(t, "initial")).isEqualTo("char(1)");
        assertThat(type(t, "rank")).isEqualTo("smallint");
        assertThat(type(t, "level")).isEqualTo("tinyint");
        assertThat(type(t, "score")).isEqualTo("double(53)");
        assertThat(type(t, "ratio")).isEqualTo("real(24)");
        assertThat(type(t, "tenDigits")).isEqualTo("double(34)");
        assertThat(type(t, "balance")).isEqualTo("decimal(38,2)");
        assertThat(type(t, "exact")).isEqualTo("decimal(12,4)");
        assertThat(type(t, "big")).isEqualTo("decimal(38,0)");
        assertThat(type(t, "born")).isEqualTo("date");
        assertThat(type(t, "wakeUp")).isEqualTo("time(0)");
        assertThat(type(t, "created")).isEqualTo("timestamp(6)");
        assertThat(type(t, "seen")).isEqualTo("timestamp_tz(6)");
        assertThat(type(t, "offset")).isEqualTo("timestamp_tz(6)");
        assertThat(type(t, "zoned")).isEqualTo("timestamp_tz(6)");
        assertThat(type(t, "token")).isEqualTo("uuid");
        assertThat(type(t, "photo")).isEqualTo("varbinary(255)");
        assertThat(type(t, "notes")).isEqualTo("clob");
        assertThat(type(t, "scan")).isEqualTo("blob");
        assertThat(type(t, "legacy")).isEqualTo("timestamp(6)");
        assertThat(type(t, "legacyDate")).isEqualTo("date");
        assertThat(type(t, "wait")).isEqualTo("decimal(21,0)");
        assertThat(type(t, "currency")).isEqualTo("varchar(3)");
        assertThat(column(t, "raw").definition()).isEqualTo("text");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void derivesNullabilityAndUniqueness(String ns) {
        Table t = table(model(ns, CUSTOMER), "Customer");
        assertThat(column(t, "id").nullable()).isFalse();
        assertThat(column(t, "firstName").nullable()).isTrue();
        assertThat(column(t, "mail").nullable()).isFalse();
        assertThat(column(t, "mail").unique()).isTrue();
        assertThat(column(t, "age").nullable()).as("primitive").isFalse();
        assertThat(column(t, "loose").nullable()).as("primitive with @Column keeps nullable = true").isTrue();
        assertThat(column(t, "verified").nullable()).isTrue();
        assertThat(column(t, "firstName").unique()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void readsTableNameSchemaConstraintsAndIndexes(String ns) {
        SchemaModel model = model(ns, """
                package shop;
                import jakarta.persistence.*;
                @Entity(name = "Client")
                @Table(name = "clients", schema = "sales",
                       uniqueConstraints = {@UniqueConstraint(columnNames = {"first", "last"}),
                                            @UniqueConstraint(name = "uk_code", columnNames = "code"),
                                            @UniqueConstraint(columnNames = "nick")},
                       indexes = {@Index(columnList = "last, first DESC"), @Index(name = "ix_code", columnList = "code", unique = true)})
                public class Customer {
                    @Id Long id;
                    String first;
                    String last;
                    String code;
                    String nick;
                }
                """);
        Table t = table(model, "clients");
        assertThat(t.schema()).isEqualTo("sales");
        assertThat(t.uniqueConstraints()).extracting(u -> u.name() + u.columns())
                .containsExactly("uk_clients_first_last[first, last]", "uk_code[code]");
        assertThat(column(t, "nick").unique()).isTrue();
        assertThat(t.indexes()).extracting(i -> i.name() + i.columns() + i.unique())
                .containsExactly("idx_clients_last_first[last, first desc]false", "ix_code[code]true");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void recordsNamingOrmAndProducer(String ns) {
        SchemaModel model = model(ns, CUSTOMER);
        assertThat(model.naming()).isEqualTo("jpa");
        assertThat(model.orm()).isEqualTo("hibernate-7");
        assertThat(model.producer()).matches("jpa-migrate-processor \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    static String type(Table t, String column) {
        return column(t, column).type().toString();
    }
}
