package io.github.jpamigrate.processor;

import static io.github.jpamigrate.processor.ProcessorHarness.column;
import static io.github.jpamigrate.processor.ProcessorHarness.columnNames;
import static io.github.jpamigrate.processor.ProcessorHarness.model;
import static io.github.jpamigrate.processor.ProcessorHarness.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.SchemaModel;
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

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void beanValidationNotBlankAndNotEmptyAreNotNullLikeNotNull(String ns) {
        Table t = table(model(ns, """
                package hr;
                import jakarta.persistence.*;
                import jakarta.validation.constraints.*;
                @Entity public class Applicant {
                    @Id Long id;
                    @NotBlank String city;
                    @NotEmpty String country;
                    @NotNull(groups = Applicant.Strict.class) String referee;
                    @Email String email;
                    public interface Strict {}
                }
                """), "Applicant");
        assertThat(column(t, "city").nullable()).isFalse();
        assertThat(column(t, "country").nullable()).isFalse();
        assertThat(column(t, "referee").nullable()).as("only the default group reaches the DDL").isTrue();
        assertThat(column(t, "email").nullable()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void beanValidationMinAndMaxBecomeOneCheckPerBound(String ns) {
        Table t = table(model(ns, """
                package hr;
                import jakarta.persistence.*;
                import jakarta.validation.constraints.*;
                @Entity public class Applicant {
                    @Id @Min(1) Long id;
                    @Min(18) @Max(99) Integer age;
                    @Min(0) @Max(10) int rating;
                    @Max(-5) java.math.BigDecimal balance;
                    @Min.List({@Min(1), @Min(2)}) Integer lives;
                    @DecimalMin("2.5") java.math.BigDecimal ignored;
                }
                """), "Applicant");
        assertThat(t.checks()).extracting(CheckConstraint::expression).containsExactlyInAnyOrder(
                "id>=1", "(age>=18) and (age<=99)", "(rating>=0) and (rating<=10)", "balance<=-5",
                "(lives>=1) and (lives>=2)");
        assertThat(t.checks()).extracting(CheckConstraint::name).containsOnlyNulls();
        assertThat(column(t, "rating").type().toString()).as("type-use constraint on a primitive").isEqualTo("integer");
        assertThat(column(t, "rating").nullable()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void composedConstraintsApplyWhatTheyAreComposedOf(String ns) {
        String adult = """
                package hr;
                import jakarta.validation.*;
                import jakarta.validation.constraints.*;
                import java.lang.annotation.*;
                @NotNull @Min(18) @Max(150)
                @Constraint(validatedBy = {})
                @Retention(RetentionPolicy.RUNTIME)
                public @interface Adult {
                    String message() default "adult";
                    Class<?>[] groups() default {};
                    Class<? extends Payload>[] payload() default {};
                    @OverridesAttribute(constraint = Max.class, name = "value") long oldest() default 120;
                }
                """;
        Table t = table(model(ns, adult, """
                package hr;
                import jakarta.persistence.*;
                import org.hibernate.validator.constraints.*;
                @Entity public class Employee {
                    @Id Long id;
                    @Adult(oldest = 70) Integer ageAtHire;
                    @Range(min = 1, max = 5) Integer stars;
                    @Length(max = 15) String motto;
                }
                """), "Employee");
        assertThat(column(t, "ageAtHire").nullable()).isFalse();
        assertThat(column(t, "motto").type().toString()).isEqualTo("varchar(15)");
        assertThat(t.checks()).extracting(CheckConstraint::expression)
                .containsExactlyInAnyOrder("(ageAtHire>=18) and (ageAtHire<=70)", "(stars>=1) and (stars<=5)");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void joinColumnsCopyTheReferencedKeyAsBoundBeforeValidation(String ns) {
        SchemaModel m = model(ns, """
                package hr;
                import jakarta.persistence.*;
                import jakarta.validation.constraints.*;
                @Entity @Inheritance(strategy = InheritanceType.JOINED)
                public class Office {
                    @Id @Size(max = 10) String code;
                    @Digits(integer = 4, fraction = 0) java.math.BigDecimal serial;
                }
                """, """
                package hr;
                import jakarta.persistence.*;
                @Entity public class BranchOffice extends Office {
                }
                """, """
                package hr;
                import jakarta.persistence.*;
                import jakarta.validation.constraints.*;
                @Entity public class Applicant {
                    @Id Long id;
                    @NotNull @ManyToOne Office office;
                    @ManyToOne @JoinColumn(name = "office_serial", referencedColumnName = "serial") Office twin;
                }
                """, """
                package hr;
                import jakarta.persistence.*;
                import jakarta.validation.constraints.*;
                @Entity public class Visit {
                    @Id Long id;
                    @Size(max = 10) @Column(name = "office_code", insertable = false, updatable = false) String officeCode;
                    @ManyToOne Office office;
                }
                """);
        assertThat(column(table(m, "Office"), "code").type().toString()).isEqualTo("varchar(10)");
        assertThat(column(table(m, "Office"), "serial").type().toString()).isEqualTo("decimal(4,0)");
        Table applicant = table(m, "Applicant");
        assertThat(column(applicant, "office_code").type().toString()).isEqualTo("varchar(255)");
        assertThat(column(applicant, "office_code").nullable()).isFalse();
        assertThat(column(applicant, "office_serial").type().toString()).isEqualTo("decimal(38,2)");
        assertThat(column(table(m, "BranchOffice"), "code").type().toString())
                .as("joined subclass key").isEqualTo("varchar(255)");
        assertThat(column(table(m, "Visit"), "office_code").type().toString())
                .as("one column for both mappings, resized by validation, no conflict").isEqualTo("varchar(10)");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void embeddedValuesAreValidatedOnlyThroughValidAndCollectionsNever(String ns) {
        Table t = table(model(ns, """
                package hr;
                import jakarta.persistence.*;
                import jakarta.validation.constraints.*;
                @Embeddable public class Address {
                    @NotNull @Size(max = 30) String street;
                    @Min(1) Integer number;
                }
                """, """
                package hr;
                import jakarta.persistence.*;
                import jakarta.validation.Valid;
                import jakarta.validation.constraints.*;
                @Entity public class Applicant {
                    @Id Long id;
                    @Valid @NotNull @Embedded Address home;
                    @Valid @Embedded
                    @AttributeOverride(name = "street", column = @Column(name = "work_street"))
                    @AttributeOverride(name = "number", column = @Column(name = "work_number"))
                    Address work;
                    @Embedded
                    @AttributeOverride(name = "street", column = @Column(name = "old_street"))
                    @AttributeOverride(name = "number", column = @Column(name = "old_number"))
                    Address previous;
                }
                """), "Applicant");
        assertThat(column(t, "street").type().toString()).isEqualTo("varchar(30)");
        assertThat(column(t, "street").nullable()).isFalse();
        assertThat(column(t, "work_street").type().toString()).isEqualTo("varchar(30)");
        assertThat(column(t, "work_street").nullable()).as("@Valid without @NotNull").isTrue();
        assertThat(column(t, "old_street").type().toString()).isEqualTo("varchar(255)");
        assertThat(column(t, "old_street").nullable()).isTrue();
        assertThat(t.checks()).extracting(CheckConstraint::expression).containsExactlyInAnyOrder("number>=1", "work_number>=1");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void constraintsOnACollectionLeaveItsTableAlone(String ns) {
        SchemaModel m = model(ns, """
                package hr;
                import jakarta.persistence.*;
                import jakarta.validation.constraints.*;
                @Entity public class Applicant {
                    @Id Long id;
                    @ElementCollection @NotNull @Size(max = 3) java.util.List<@NotBlank @Size(max = 4) String> skills;
                }
                """);
        Table skills = table(m, "Applicant_skills");
        assertThat(column(skills, "skills").type().toString()).isEqualTo("varchar(255)");
        assertThat(column(skills, "skills").nullable()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void validatorReadsAnIsGetterOnlyForPrimitiveBoolean(String ns) {
        Table t = table(model(ns, """
                package hr;
                import jakarta.persistence.*;
                import jakarta.validation.constraints.*;
                @Entity @Access(AccessType.PROPERTY) public class Ticket {
                    private Long id;
                    private Boolean paid;
                    private boolean used;
                    @Id public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    @NotNull public Boolean isPaid() { return paid; }
                    public void setPaid(Boolean paid) { this.paid = paid; }
                    @AssertFalse @NotNull public boolean isUsed() { return used; }
                    public void setUsed(boolean used) { this.used = used; }
                }
                """), "Ticket");
        assertThat(column(t, "paid").type().toString()).isEqualTo("boolean");
        assertThat(column(t, "paid").nullable()).as("Hibernate maps isPaid(), the validator does not read it").isTrue();
        assertThat(column(t, "used").nullable()).isFalse();
    }
}
