package io.github.jpamigrate.processor;

import static io.github.jpamigrate.processor.ProcessorHarness.model;
import static io.github.jpamigrate.processor.ProcessorHarness.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.core.model.SchemaModel;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code @Version} nullability per ORM line: 7.x makes every version NOT NULL; 6.6 gives a version no rule
 * of its own, so only a primitive without {@code @Column} or {@code @Basic} is NOT NULL (as any primitive),
 * and an explicit {@code @Column(nullable = false)} is NOT NULL on both.
 */
class VersionNullabilityTest {

    /** Entity name to the declaration of its version attribute. */
    private static final Map<String, String> VERSIONS = new TreeMap<>(Map.of(
            "IntVersion", "@Version int version;",
            "LongVersion", "@Version long version;",
            "RenamedIntVersion", "@Version @Column(name = \"revision\") int version;",
            "BasicShortVersion", "@Version @Basic short version;",
            "IntegerVersion", "@Version Integer version;",
            "BoxedLongVersion", "@Version Long version;",
            "RequiredIntegerVersion", "@Version @Column(nullable = false) Integer version;"));

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void hibernate7MakesEveryVersionNotNull(String ns) {
        assertThat(nullability(ns, "hibernate-7")).containsOnlyKeys(VERSIONS.keySet()).doesNotContainValue(true);
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void hibernate66TreatsAVersionAsAnyBasicValue(String ns) {
        assertThat(nullability(ns, "hibernate-6.6")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "IntVersion", false,
                "LongVersion", false,
                "RenamedIntVersion", true,
                "BasicShortVersion", true,
                "IntegerVersion", true,
                "BoxedLongVersion", true,
                "RequiredIntegerVersion", false));
    }

    /** Whether each entity's version column is nullable. */
    private static Map<String, Boolean> nullability(String ns, String line) {
        String[] sources = VERSIONS.entrySet().stream().map(e -> """
                package ver;
                import jakarta.persistence.*;
                @Entity public class %s { @Id Long id; %s }
                """.formatted(e.getKey(), e.getValue())).toArray(String[]::new);
        SchemaModel model = model(ns, List.of("-Ajpamigrate.orm=" + line), sources);
        Map<String, Boolean> out = new TreeMap<>();
        for (String entity : VERSIONS.keySet()) {
            var t = table(model, entity);
            String column = t.column("revision").isPresent() ? "revision" : "version";
            out.put(entity, ProcessorHarness.column(t, column).nullable());
        }
        return out;
    }
}
