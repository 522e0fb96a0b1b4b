package io.github.jpamigrate.processor.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes what Hibernate derives for every fixture, naming and dialect (its normalised shape and its
 * create script) under {@code target/oracle-dump/}, for checking facts by eye. Off by default:
 * run with {@code -Doracle.dump=true}.
 */
@EnabledIfSystemProperty(named = "oracle.dump", matches = "true")
class HibernateDumpOracleTest {

    @TestFactory
    Stream<DynamicTest> dump() {
        Path root = Path.of("target", "oracle-dump", HibernateModel.ormLine());
        return Fixture.names().stream().flatMap(name -> Stream.of(Naming.values()).flatMap(naming ->
                Stream.of(OracleDialect.values()).map(dialect -> DynamicTest.dynamicTest(
                        name + " " + naming + " " + dialect, () -> {
                            if (HibernateOracleTest.refusedByHibernate(name, dialect) != null) {
                                return; // nothing to dump: HibernateOracleTest checks the refusal
                            }
                            FixtureBuild build = FixtureBuild.of(Fixture.load(name), List.of());
                            Path folder = root.resolve(naming.option()).resolve(name);
                            try (HibernateModel model = HibernateModel.boot(build, dialect, naming)) {
                                Path shape = folder.resolve(dialect + ".txt");
                                write(shape, model.shape().describe());
                                model.writeDdl(folder.resolve(dialect + ".sql"));
                                assertThat(shape).isNotEmptyFile();
                            }
                        }))));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
