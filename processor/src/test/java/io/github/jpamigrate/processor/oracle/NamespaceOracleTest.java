package io.github.jpamigrate.processor.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The same entities written against {@code javax.persistence} (JPA 2.2) give the same descriptor,
 * byte for byte, as against {@code jakarta.persistence}. Fixtures that use API newer than JPA 2.2
 * do not compile in the old namespace and are reported as skipped with the compiler's reason.
 */
class NamespaceOracleTest {

    @TestFactory
    Stream<DynamicTest> javaxDescriptorEqualsJakarta() {
        return Fixture.names().stream().map(name -> dynamicTest(name + " (javax = jakarta)", () -> compare(name)));
    }

    private static void compare(String name) {
        Fixture jakarta = Fixture.load(name);
        List<String> options = HibernateOracleTest.processorOptions(Naming.JPA);
        FixtureBuild javax = FixtureBuild.of(jakarta.inJavaxNamespace(), options);
        String compilerErrors = javax.compilerErrors();
        Assumptions.assumeTrue(compilerErrors.isEmpty(),
                () -> "fixture " + name + " uses API newer than javax.persistence 2.2:\n" + compilerErrors);
        assertThat(javax.descriptorText())
                .as("descriptor of fixture %s under javax.persistence vs jakarta.persistence", name)
                .isEqualTo(FixtureBuild.of(jakarta, options).descriptorText());
    }
}
