package io.github.jpamigrate.processor.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.jpamigrate.processor.oracle.SchemaShape.TableShape;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * When Hibernate turns Bean Validation constraints into DDL, booted as an application is: with
 * hibernate-validator on the class path and a session factory built. The descriptor applies them
 * always, which equals Hibernate under its default validation mode ({@code AUTO}) and {@code DDL};
 * {@code CALLBACK}, {@code NONE} and {@code hibernate.validator.apply_to_ddl=false} leave the DDL
 * alone. Runs on both Hibernate lines (see {@link HibernateOracleTest}).
 */
class BeanValidationOracleTest {

    /** Settings under which Hibernate applies the constraints: the default and the explicit mode. */
    private static final Map<String, Map<String, String>> APPLIED = Map.of(
            "no validation mode set (AUTO)", Map.of(),
            "validation mode ddl", Map.of("jakarta.persistence.validation.mode", "ddl"),
            "validation modes ddl, callback", Map.of("jakarta.persistence.validation.mode", "ddl, callback"));

    /** Settings under which it does not. */
    private static final Map<String, Map<String, String>> NOT_APPLIED = Map.of(
            "validation mode none", Map.of("jakarta.persistence.validation.mode", "none"),
            "validation mode callback", Map.of("jakarta.persistence.validation.mode", "callback"),
            "legacy javax key, mode none", Map.of("javax.persistence.validation.mode", "none"),
            "apply_to_ddl false", Map.of("hibernate.validator.apply_to_ddl", "false"));

    @TestFactory
    Stream<DynamicTest> descriptorEqualsHibernateWhereHibernateAppliesTheConstraints() {
        return Stream.of(OracleDialect.values()).flatMap(dialect -> APPLIED.entrySet().stream().map(setting ->
                dynamicTest("validation on " + dialect + ", " + setting.getKey() + " (" + HibernateModel.ormLine() + ")",
                        () -> {
                            FixtureBuild build = build();
                            try (HibernateModel hibernate = HibernateModel.bootWithValidator(build, dialect, Naming.JPA,
                                    setting.getValue())) {
                                assertThat(hibernate.shape().differencesTo(DescriptorShape.of(build.descriptor(), dialect)))
                                        .isEmpty();
                            }
                        })));
    }

    @TestFactory
    Stream<DynamicTest> hibernateLeavesTheDdlAloneOtherwise() {
        return NOT_APPLIED.entrySet().stream().map(setting -> dynamicTest(
                "validation on postgresql, " + setting.getKey() + " (" + HibernateModel.ormLine() + ")", () -> {
                    try (HibernateModel hibernate = HibernateModel.bootWithValidator(build(), OracleDialect.POSTGRESQL,
                            Naming.JPA, setting.getValue())) {
                        TableShape applicant = hibernate.shape().tables().get("applicant");
                        assertThat(applicant.columns().get("surname").nullable()).as("@NotNull").isTrue();
                        assertThat(applicant.columns().get("given_name").type()).as("@Size(max = 20)")
                                .isEqualTo("varchar(255)");
                        assertThat(applicant.checks()).as("@Min / @Max").doesNotContain("age>=18", "age<=99");
                    }
                }));
    }

    private static FixtureBuild build() {
        return Compiled.VALIDATION;
    }

    /** The fixture compiled once, on first use: every test here reads the same classes and descriptor. */
    private static final class Compiled {
        static final FixtureBuild VALIDATION = FixtureBuild.of(Fixture.load("validation"),
                HibernateOracleTest.processorOptions(Naming.JPA));
    }
}
