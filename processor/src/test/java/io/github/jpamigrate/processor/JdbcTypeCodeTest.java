package io.github.jpamigrate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.github.jpamigrate.processor.ProcessorHarness.column;
import static io.github.jpamigrate.processor.ProcessorHarness.compile;
import static io.github.jpamigrate.processor.ProcessorHarness.descriptorText;
import static io.github.jpamigrate.processor.ProcessorHarness.table;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.processor.emit.DescriptorFile;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: a {@code @JdbcTypeCode} whose column type each dialect chooses (SqlTypes.INET is
 * {@code inet} on PostgreSQL, {@code varbinary(255)} on H2) was refused with JM017, which Hibernate
 * accepts. It is a JM032 warning now, recording the Java type's own column type; the materialized
 * LOB codes map to LOBs (they were json and xml). Fixture {@code jdbc-type-codes} holds the codes
 * that match Hibernate on every dialect.
 */
class JdbcTypeCodeTest {

    @Test
    void aDialectSpecificCodeIsAWarningNotARefusal() {
        Compilation c = compile(ProcessorHarness.JAKARTA, """
                package net;
                import jakarta.persistence.*;
                import org.hibernate.annotations.JdbcTypeCode;
                import org.hibernate.type.SqlTypes;
                @Entity public class Host {
                    @Id Long id;
                    @JdbcTypeCode(SqlTypes.INET) String address;
                    @JdbcTypeCode(SqlTypes.INTERVAL_SECOND) java.time.Duration uptime;
                    @JdbcTypeCode(SqlTypes.INSTANT) java.time.Instant seenAt;
                }
                """);
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining("[JM032] attribute net.Host.address has @JdbcTypeCode(3002), whose column"
                + " type each Hibernate dialect chooses (e.g. inet on PostgreSQL for SqlTypes.INET), so jpa-migrate"
                + " cannot know its column type: the descriptor records varchar(255)");
        assertThat(c).hadWarningContaining("[JM032] attribute net.Host.uptime has @JdbcTypeCode(3100)");
        assertThat(c).hadWarningContaining("[JM032] attribute net.Host.seenAt has @JdbcTypeCode(3008)");
        SchemaModel model = DescriptorJson.read(descriptorText(c).orElseThrow(), DescriptorFile.PATH);
        assertThat(column(table(model, "Host"), "address").type().toString()).isEqualTo("varchar(255)");
    }

    @Test
    void materializedLobCodesAreLobs() {
        Compilation c = compile(ProcessorHarness.JAKARTA, """
                package net;
                import jakarta.persistence.*;
                import org.hibernate.annotations.JdbcTypeCode;
                import org.hibernate.type.SqlTypes;
                @Entity public class Image {
                    @Id Long id;
                    @JdbcTypeCode(SqlTypes.MATERIALIZED_BLOB) byte[] data;
                    @JdbcTypeCode(SqlTypes.MATERIALIZED_CLOB) String caption;
                    @JdbcTypeCode(SqlTypes.MATERIALIZED_NCLOB) String title;
                }
                """);
        assertThat(c).succeededWithoutWarnings();
        Table image = table(DescriptorJson.read(descriptorText(c).orElseThrow(), DescriptorFile.PATH), "Image");
        assertThat(column(image, "data").type().toString()).isEqualTo("blob");
        assertThat(column(image, "caption").type().toString()).isEqualTo("clob");
        assertThat(column(image, "title").type().toString()).isEqualTo("nclob");
    }
}
