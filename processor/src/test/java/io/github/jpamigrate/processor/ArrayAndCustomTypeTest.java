package io.github.jpamigrate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.github.jpamigrate.processor.ProcessorHarness.column;
import static io.github.jpamigrate.processor.ProcessorHarness.compile;
import static io.github.jpamigrate.processor.ProcessorHarness.descriptorText;
import static io.github.jpamigrate.processor.ProcessorHarness.model;
import static io.github.jpamigrate.processor.ProcessorHarness.source;
import static io.github.jpamigrate.processor.ProcessorHarness.table;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Java arrays and basic collections as SQL arrays, custom Hibernate types (which only Hibernate can
 * resolve: a JM032 warning names the way to state the type), serialized values under {@code @Lob}, and
 * {@code @Nationalized} character data.
 * The types per dialect are checked against Hibernate by the {@code arrays} oracle fixture.
 */
class ArrayAndCustomTypeTest {

    /** Written like hypersistence-utils' type, but abstract: the processor never runs a type class. */
    private static final String STRING_ARRAY_TYPE = """
            package app;
            public abstract class StringArrayType implements org.hibernate.usertype.UserType<String[]> { }
            """;

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void javaArraysAreArraysOfTheirElementType(String ns) {
        Table t = table(model(ns, """
                package app;
                import jakarta.persistence.*;
                @Entity public class Sample {
                    @Id Long id;
                    String[] names;
                    @Column(length = 50) String[] codes;
                    Integer[] counts;
                    Long[] totals;
                    java.util.UUID[] keys;
                    int[] ints;
                    long[] longs;
                    short[] shorts;
                    double[] ratios;
                    float[] weights;
                    boolean[] flags;
                    java.time.LocalDate[] days;
                    java.math.BigDecimal[] amounts;
                    byte[] raw;
                    char[] text;
                }
                """), "Sample");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("names", "varchar(255)[]");
        expected.put("codes", "varchar(50)[]");
        expected.put("counts", "integer[]");
        expected.put("totals", "bigint[]");
        expected.put("keys", "uuid[]");
        expected.put("ints", "integer[]");
        expected.put("longs", "bigint[]");
        expected.put("shorts", "smallint[]");
        expected.put("ratios", "double(53)[]");
        expected.put("weights", "real(24)[]");
        expected.put("flags", "boolean[]");
        expected.put("days", "date[]");
        expected.put("amounts", "decimal(38,2)[]");
        // byte[] and char[] are Hibernate's binary and character strings, not arrays
        expected.put("raw", "varbinary(255)");
        expected.put("text", "varchar(255)");
        expected.forEach((name, type) -> assertThat(column(t, name).type()).as(name).hasToString(type));
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void basicCollectionsWithJdbcTypeCodeArrayAreArrays(String ns) {
        Table t = table(model(ns, """
                package app;
                import jakarta.persistence.*;
                import java.util.*;
                import org.hibernate.annotations.JdbcTypeCode;
                import org.hibernate.type.SqlTypes;
                @Entity public class Tagged {
                    @Id Long id;
                    @JdbcTypeCode(SqlTypes.ARRAY) List<String> tags;
                    @JdbcTypeCode(SqlTypes.ARRAY) @Column(length = 30) List<String> shortTags;
                    @JdbcTypeCode(SqlTypes.ARRAY) Set<Integer> numbers;
                    @JdbcTypeCode(SqlTypes.ARRAY) List<UUID> owners;
                    @JdbcTypeCode(SqlTypes.ARRAY) String[] coded;
                }
                """), "Tagged");
        assertThat(column(t, "tags").type()).hasToString("varchar(255)[]");
        assertThat(column(t, "shortTags").type()).hasToString("varchar(30)[]");
        assertThat(column(t, "numbers").type()).hasToString("integer[]");
        assertThat(column(t, "owners").type()).hasToString("uuid[]");
        assertThat(column(t, "coded").type()).hasToString("varchar(255)[]");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void aCustomTypeIsAWarningOnTheAttributeThatNamesHowToStateTheType(String ns) {
        String entity = """
                package app;
                import jakarta.persistence.*;
                import org.hibernate.annotations.Type;
                @Entity public class Article {
                    @Id Long id;
                    @Type(StringArrayType.class)
                    String[] labels;
                }
                """;
        Compilation c = compile(ns, entity, STRING_ARRAY_TYPE);
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining("[JM032] attribute app.Article.labels uses the custom Hibernate type"
                        + " @Type(StringArrayType.class), so jpa-migrate cannot know its column type: the descriptor"
                        + " records varchar(255)[], which may not be what Hibernate creates. State the type on the"
                        + " attribute with @Column(columnDefinition = \"<SQL type>\") or @JdbcTypeCode(SqlTypes.<code>)")
                .inFile(source(ns, entity)).onLine(6);
        assertThat(jm031(c)).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void aCustomTypeWithItsColumnTypeStatedIsTakenAsStatedWithoutAWarning(String ns) {
        Compilation c = compile(ns, """
                package app;
                import jakarta.persistence.*;
                import org.hibernate.annotations.*;
                import org.hibernate.type.SqlTypes;
                @Entity public class Article {
                    @Id Long id;
                    @Type(StringArrayType.class) @Column(columnDefinition = "text[]") String[] labels;
                    @Type(StringArrayType.class) @JdbcTypeCode(SqlTypes.ARRAY) @Column(length = 20) String[] codes;
                }
                """, STRING_ARRAY_TYPE);
        assertThat(c).succeeded();
        assertThat(jm031(c)).isZero();
        Table t = table(DescriptorJson.read(descriptorText(c).orElseThrow(), "model.json"), "Article");
        Column labels = column(t, "labels");
        assertThat(labels.definition()).isEqualTo("text[]");
        assertThat(column(t, "codes").type()).hasToString("varchar(20)[]");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void aCustomTypeOnAJavaTypeWithNoColumnTypeIsRecordedAsSerializedBytesAndWarned(String ns) {
        Compilation c = compile(ns, """
                package app;
                import jakarta.persistence.*;
                @Entity public class Payment {
                    @Id Long id;
                    @org.hibernate.annotations.JavaType(org.hibernate.type.descriptor.java.StringJavaType.class)
                    Object reference;
                }
                """);
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining("[JM032] attribute app.Payment.reference uses the custom Hibernate type"
                + " @JavaType(StringJavaType.class), so jpa-migrate cannot know its column type: the descriptor records"
                + " varbinary(255)");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void anArrayOfAnElementTypeNotMappedHereIsWarnedNotGuessedSilently(String ns) {
        String entity = """
                package app;
                import jakarta.persistence.*;
                @Entity public class Ticket {
                    @Id Long id;
                    Status[] history;
                }
                """;
        Compilation c = compile(ns, entity, "package app; public enum Status { NEW, CLOSED }");
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining("[JM032] attribute app.Ticket.history is an array of app.Status, which"
                + " jpa-migrate does not map as an array element, so jpa-migrate cannot know its column type:"
                + " the descriptor records varbinary(255)").inFile(source(ns, entity)).onLine(5);
    }

    /** Hibernate refuses Byte[] and Character[] by default; the setting that allows them is not in the sources. */
    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void wrapperByteAndCharacterArraysAreWarnedAboutHibernatesSetting(String ns) {
        String entity = """
                package app;
                import jakarta.persistence.*;
                @Entity public class Sample {
                    @Id Long id;
                    Byte[] levels;
                    Character[] grades;
                }
                """;
        Compilation c = compile(ns, entity);
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining("[JM032] attribute app.Sample.levels is a Byte[], whose mapping depends on"
                + " hibernate.type.wrapper_array_handling (by default Hibernate refuses it; ALLOW makes it an array,"
                + " LEGACY a binary or character string), so jpa-migrate cannot know its column type: the descriptor"
                + " records tinyint[]").inFile(source(ns, entity)).onLine(5);
        assertThat(c).hadWarningContaining("[JM032] attribute app.Sample.grades is a Character[], whose mapping")
                .inFile(source(ns, entity)).onLine(6);
        Table t = table(DescriptorJson.read(descriptorText(c).orElseThrow(), "model.json"), "Sample");
        assertThat(column(t, "grades").type()).hasToString("char(1)[]");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void aSerializedValueUnderLobIsALargeObject(String ns) {
        Table t = table(model(ns, "package app; public class State implements java.io.Serializable { int step; }", """
                package app;
                import jakarta.persistence.*;
                @Entity public class Snapshot {
                    @Id Long id;
                    @Lob State state;
                    State plain;
                    @Lob Byte[] boxed;
                    @Lob Character[] letters;
                }
                """), "Snapshot");
        assertThat(column(t, "state").type()).hasToString("blob");
        assertThat(column(t, "plain").type()).hasToString("varbinary(255)");
        assertThat(column(t, "boxed").type()).hasToString("blob");
        assertThat(column(t, "letters").type()).hasToString("clob");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void nationalizedCharacterDataHasTheNationalTypes(String ns) {
        Table t = table(model(ns, """
                package app;
                import jakarta.persistence.*;
                import org.hibernate.annotations.Nationalized;
                @Entity public class Letter {
                    @Id Long id;
                    @Nationalized String subject;
                    @Nationalized @Column(length = 40) String city;
                    @Nationalized Character initial;
                    @Nationalized @Column(length = 3) char[] code;
                    @Nationalized @Lob String body;
                    @Nationalized java.sql.Clob draft;
                    java.sql.NClob notes;
                    String plain;
                }
                """), "Letter");
        assertThat(column(t, "subject").type()).hasToString("nvarchar(255)");
        assertThat(column(t, "city").type()).hasToString("nvarchar(40)");
        assertThat(column(t, "initial").type()).hasToString("nchar(1)");
        assertThat(column(t, "code").type()).hasToString("nvarchar(3)");
        assertThat(column(t, "body").type()).hasToString("nclob");
        assertThat(column(t, "draft").type()).hasToString("nclob");
        assertThat(column(t, "notes").type()).hasToString("nclob");
        assertThat(column(t, "plain").type()).hasToString("varchar(255)");
    }

    private static long jm031(Compilation c) {
        return c.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.WARNING)
                .filter(d -> d.getMessage(null).startsWith("[JM032]")).count();
    }
}
