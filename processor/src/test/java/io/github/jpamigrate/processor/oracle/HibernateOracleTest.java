package io.github.jpamigrate.processor.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.jpamigrate.core.model.SchemaModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * For every fixture, dialect and naming convention: the processor's descriptor, seen through our
 * type names for that dialect, equals the schema Hibernate ORM derives from the same classes.
 * Runs against Hibernate 7 and, in a second surefire execution, against 6.6.
 */
class HibernateOracleTest {

    /**
     * Fixtures Hibernate itself refuses on a dialect, with its message: each is asserted to fail
     * exactly so, so that a Hibernate release that accepts one turns its test red.
     */
    private static final Map<String, String> REFUSED = Map.of(
            // Hibernate 7's SQLite dialect registers no type for SqlTypes.ARRAY (6.6 writes blob, as we do)
            "array-collections on sqlite (hibernate-7)", "no type mapping for org.hibernate.type.SqlTypes code: 2003 (ARRAY)");

    /** Hibernate's message when it refuses the fixture on the dialect, else null. */
    static String refusedByHibernate(String fixture, OracleDialect dialect) {
        return HibernateModel.forThisOrmLine(REFUSED, fixture + " on " + dialect);
    }

    @TestFactory
    Stream<DynamicContainer> jpaNaming() {
        return comparisons(Naming.JPA);
    }

    @TestFactory
    Stream<DynamicContainer> springNaming() {
        return comparisons(Naming.SPRING);
    }

    /** The {@code -A} options that make the processor follow the running Hibernate line and the naming. */
    static List<String> processorOptions(Naming naming) {
        return List.of("-Ajpamigrate.naming=" + naming.option(), "-Ajpamigrate.orm=" + HibernateModel.ormLine());
    }

    private static Stream<DynamicContainer> comparisons(Naming naming) {
        return Fixture.names().stream().map(fixture -> dynamicContainer(fixture + " (" + naming + " naming)",
                Stream.of(OracleDialect.values()).map(dialect -> dynamicTest(
                        fixture + " on " + dialect + " (" + naming + " naming, " + HibernateModel.ormLine() + ")",
                        () -> compare(fixture, dialect, naming)))));
    }

    private static void compare(String fixture, OracleDialect dialect, Naming naming) {
        FixtureBuild build = FixtureBuild.of(Fixture.load(fixture), processorOptions(naming));
        String refused = refusedByHibernate(fixture, dialect);
        if (refused != null) {
            assertThatThrownBy(() -> {
                try (HibernateModel hibernate = HibernateModel.boot(build, dialect, naming)) {
                    hibernate.shape();
                }
            }).hasStackTraceContaining(refused);
            return;
        }
        SchemaModel descriptor = build.descriptor();
        List<String> differences = new ArrayList<>();
        if (!descriptor.naming().equals(naming.option())) {
            differences.add("naming: asked for " + naming.option() + ", descriptor says " + descriptor.naming());
        }
        if (!descriptor.orm().equals(HibernateModel.ormLine())) {
            differences.add("orm: asked for " + HibernateModel.ormLine() + ", descriptor says " + descriptor.orm());
        }
        try (HibernateModel hibernate = HibernateModel.boot(build, dialect, naming)) {
            differences.addAll(hibernate.shape().withoutForeignKeysOf(DescriptorShape.unmanaged(descriptor))
                    .differencesTo(DescriptorShape.of(descriptor, dialect)));
            if (!differences.isEmpty()) {
                Path ddl = hibernate.writeDdl(Path.of("target", "oracle-ddl", HibernateModel.ormLine(),
                        naming.option(), fixture, dialect + ".sql"));
                differences.add("Hibernate's create script: " + ddl.toAbsolutePath());
            }
        }
        assertThat(differences)
                .withFailMessage(() -> "fixture " + fixture + ", " + dialect + ", " + naming + " naming, "
                        + HibernateModel.ormLine() + ": the descriptor differs from Hibernate's metamodel:\n  "
                        + String.join("\n  ", differences))
                .isEmpty();
    }
}
