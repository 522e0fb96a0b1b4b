package io.github.jpamigrate.processor.oracle;

import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.github.jpamigrate.processor.JpaMigrateProcessor;
import io.github.jpamigrate.processor.emit.DescriptorFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.StandardLocation;
import org.hibernate.Version;
import org.junit.jupiter.api.Test;

/**
 * The ORM line is read off the compile class path as the naming is: this class runs in both
 * surefire executions, so it sees the real hibernate-core 7 jar and, in the 6.6 execution, the
 * real 6.6 jar (a Spring Boot 3 application's class path).
 */
class OrmLineDetectionOracleTest {

    private static final String ENTITY = """
            package shop;
            import jakarta.persistence.*;
            @Entity public class Customer { @Id Long id; String name; }
            """;

    private static final Pattern ORM = Pattern.compile("\"orm\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    void theDescriptorNamesTheLineOfTheHibernateOnTheClassPath() {
        String expected = Version.getVersionString().startsWith("6.") ? "hibernate-6.6" : "hibernate-7";
        assertThat(ormOf(List.of())).as("Hibernate %s on the class path", Version.getVersionString()).isEqualTo(expected);
    }

    @Test
    void anExplicitOptionWinsOverTheClassPath() {
        assertThat(ormOf(List.of("-Ajpamigrate.orm=hibernate-6.6"))).isEqualTo("hibernate-6.6");
        assertThat(ormOf(List.of("-Ajpamigrate.orm=hibernate-7"))).isEqualTo("hibernate-7");
    }

    private static String ormOf(List<String> options) {
        Compilation c = javac().withProcessors(new JpaMigrateProcessor()).withOptions(options)
                .compile(JavaFileObjects.forSourceString("shop.Customer", ENTITY));
        assertThat(c.status()).isEqualTo(Compilation.Status.SUCCESS);
        String json = c.generatedFile(StandardLocation.CLASS_OUTPUT, "", DescriptorFile.PATH)
                .map(OrmLineDetectionOracleTest::read).orElseThrow();
        Matcher m = ORM.matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }

    private static String read(javax.tools.JavaFileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
