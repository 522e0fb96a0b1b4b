package io.github.jpamigrate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.github.jpamigrate.processor.ProcessorHarness.compile;
import static io.github.jpamigrate.processor.ProcessorHarness.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NEW-1: Hibernate 7 checks an enum column mapped through an AttributeConverter against the
 * converted values of the constants (6.6 adds no check). The processor cannot run the converter:
 * a JM033 warning on the attribute says so and how to state the check, on the 7.x line only.
 */
class ConvertedEnumCheckTest {

    private static final String LEVEL = """
            package app;
            public enum Level { LOW, HIGH }
            """;

    private static final String CODES = """
            package app;
            import jakarta.persistence.*;
            @Converter public class LevelCodes implements AttributeConverter<Level, Integer> {
                public Integer convertToDatabaseColumn(Level l) { return l == null ? null : l == Level.LOW ? 10 : 20; }
                public Level convertToEntityAttribute(Integer c) { return c == null ? null : c == 10 ? Level.LOW : Level.HIGH; }
            }
            """;

    private static final String TASK = """
            package app;
            import jakarta.persistence.*;
            @Entity public class Task {
                @Id Long id;
                @Convert(converter = LevelCodes.class)
                Level level;
                @Enumerated(EnumType.STRING) Level plain;
            }
            """;

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void hibernate7WarnsOnTheConvertedEnumAttributeOnly(String ns) {
        Compilation c = compile(ns, List.of(), LEVEL, CODES, TASK);
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining("[JM033] attribute app.Task.level is an enum stored through the converter"
                        + " LevelCodes: Hibernate 7 adds a check")
                .inFile(source(ns, TASK)).onLine(6);
        assertThat(c).hadWarningContaining("@Check(name = \"...\", constraints = \"<column> in (...)\")");
        org.assertj.core.api.Assertions.assertThat(jm033(c)).as("not on the @Enumerated attribute").isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void hibernate66AddsNoCheckSoThereIsNoWarning(String ns) {
        Compilation c = compile(ns, List.of("-Ajpamigrate.orm=hibernate-6.6"), LEVEL, CODES, TASK);
        assertThat(c).succeeded();
        org.assertj.core.api.Assertions.assertThat(jm033(c)).isZero();
    }

    private static long jm033(Compilation c) {
        return c.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.WARNING)
                .filter(d -> d.getMessage(null).contains("[JM033]")).count();
    }
}
