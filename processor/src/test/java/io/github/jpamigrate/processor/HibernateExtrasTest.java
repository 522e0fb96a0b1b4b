package io.github.jpamigrate.processor;

import static io.github.jpamigrate.processor.ProcessorHarness.column;
import static io.github.jpamigrate.processor.ProcessorHarness.columnNames;
import static io.github.jpamigrate.processor.ProcessorHarness.model;
import static io.github.jpamigrate.processor.ProcessorHarness.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hibernate's DDL-changing annotations and the Bean Validation constraints Hibernate applies to DDL. */
class HibernateExtrasTest {

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void hibernateAnnotations(String ns) {
        Table t = table(model(ns, """
                package blog;
                import jakarta.persistence.*;
                import org.hibernate.annotations.*;
                import org.hibernate.type.SqlTypes;
                @Entity
                @Comment("blog posts")
                @Check(constraints = "likes >= 0")
                public class Post {
                    @Id Long id;
                    @ColumnDefault("'draft'") @Comment("publication state") String state;
                    @JdbcTypeCode(SqlTypes.JSON) java.util.Map<String, Object> meta;
                    @Formula("likes * 2") int score;
                    @NaturalId String slug;
                    int likes;
                }
                """), "Post");
        assertThat(column(t, "state").defaultValue()).isEqualTo("'draft'");
        assertThat(column(t, "state").comment()).isEqualTo("publication state");
        assertThat(column(t, "meta").type().toString()).isEqualTo("json");
        assertThat(columnNames(t)).doesNotContain("score");
        assertThat(column(t, "slug").unique()).isTrue();
        assertThat(t.comment()).isEqualTo("blog posts");
        assertThat(t.checks()).extracting(CheckConstraint::expression).containsExactly("likes >= 0");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void compositeNaturalIdIsOneUniqueConstraint(String ns) {
        Table t = table(model(ns, """
                package blog;
                import jakarta.persistence.*;
                @Entity public class Author {
                    @Id Long id;
                    @org.hibernate.annotations.NaturalId String first;
                    @org.hibernate.annotations.NaturalId String last;
                }
                """), "Author");
        assertThat(t.uniqueConstraints()).singleElement().satisfies(u -> assertThat(u.columns()).containsExactly("first", "last"));
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void beanValidationNotNullAndSize(String ns) {
        Table t = table(model(ns, """
                package blog;
                import jakarta.persistence.*;
                import jakarta.validation.constraints.*;
                @Entity public class Reader {
                    @Id Long id;
                    @NotNull @Size(min = 2, max = 40) String name;
                    @Size(max = 5) byte[] avatar;
                    @NotNull @ManyToOne Reader sponsor;
                    @Digits(integer = 5, fraction = 2) java.math.BigDecimal balance;
                }
                """), "Reader");
        assertThat(column(t, "name").nullable()).isFalse();
        assertThat(column(t, "name").type().toString()).isEqualTo("varchar(40)");
        assertThat(column(t, "avatar").type().toString()).as("@Size only changes strings").isEqualTo("varbinary(255)");
        assertThat(column(t, "sponsor_id").nullable()).isFalse();
        assertThat(column(t, "balance").type().toString()).isEqualTo("decimal(7,2)");
    }
}
