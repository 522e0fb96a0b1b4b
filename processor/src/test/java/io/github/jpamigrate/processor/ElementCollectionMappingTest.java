package io.github.jpamigrate.processor;

import static io.github.jpamigrate.processor.ProcessorHarness.column;
import static io.github.jpamigrate.processor.ProcessorHarness.columnNames;
import static io.github.jpamigrate.processor.ProcessorHarness.model;
import static io.github.jpamigrate.processor.ProcessorHarness.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code @ElementCollection} tables: names, key columns, value columns and the key of each collection kind. */
class ElementCollectionMappingTest {

    private static final String PERSON = """
            package club;
            import jakarta.persistence.*;
            import java.util.*;
            @Entity
            public class Person {
                @Id Long id;
                @ElementCollection Set<String> nickNames;
                @ElementCollection List<String> history;
                @ElementCollection @OrderColumn List<Integer> scores;
                @ElementCollection @MapKeyColumn(name = "lang", length = 8) Map<String, String> greetings;
                @ElementCollection @CollectionTable(name = "person_phone", joinColumns = @JoinColumn(name = "person"))
                @Column(name = "number", nullable = false) Set<String> phones;
                @ElementCollection @Enumerated(EnumType.STRING) Set<Day> days;
                @ElementCollection Set<Place> places;
            }
            """;
    private static final String DAY = "package club; public enum Day { MON, TUE }";
    private static final String PLACE = """
            package club;
            import jakarta.persistence.*;
            @Embeddable public class Place { String city; int zip; }
            """;

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void setOfBasicsGetsUniqueKeyInHibernate7(String ns) {
        Table t = table(model(ns, PERSON, DAY, PLACE), "Person_nickNames");
        assertThat(columnNames(t)).containsExactly("Person_id", "nickNames");
        assertThat(column(t, "Person_id").nullable()).isFalse();
        assertThat(column(t, "nickNames").nullable()).isTrue();
        assertThat(t.primaryKey()).isNull();
        assertThat(t.uniqueConstraints()).singleElement()
                .satisfies(u -> assertThat(u.columns()).containsExactly("Person_id", "nickNames"));
        assertThat(t.foreignKeys()).singleElement().satisfies(f -> {
            assertThat(f.referencedTable()).isEqualTo("Person");
            assertThat(f.referencedColumns()).containsExactly("id");
        });
        assertThat(t.entities()).containsExactly("club.Person");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void setOfBasicsHasNoKeyInHibernate66(String ns) {
        SchemaModel model = model(ns, List.of("-Ajpamigrate.orm=hibernate-6.6"), PERSON, DAY, PLACE);
        Table t = table(model, "Person_nickNames");
        assertThat(t.primaryKey()).isNull();
        assertThat(t.uniqueConstraints()).isEmpty();
        assertThat(table(model, "Person_places").uniqueConstraints()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void listsMapsAndExplicitTables(String ns) {
        SchemaModel model = model(ns, PERSON, DAY, PLACE);
        Table history = table(model, "Person_history");
        assertThat(history.primaryKey()).isNull();
        assertThat(history.uniqueConstraints()).isEmpty();
        Table scores = table(model, "Person_scores");
        assertThat(scores.primaryKey().columns()).containsExactly("Person_id", "scores_ORDER");
        assertThat(column(scores, "scores_ORDER").type().toString()).isEqualTo("integer");
        assertThat(scores.checks()).singleElement().satisfies(c -> assertThat(c.expression()).isEqualTo("scores_ORDER>=0"));
        Table greetings = table(model, "Person_greetings");
        assertThat(greetings.primaryKey().columns()).containsExactly("Person_id", "lang");
        assertThat(column(greetings, "lang").type().toString()).isEqualTo("varchar(8)");
        Table phones = table(model, "person_phone");
        assertThat(columnNames(phones)).containsExactly("person", "number");
        assertThat(phones.primaryKey().columns()).as("a Set with NOT NULL values is keyed by all columns")
                .containsExactly("person", "number");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void enumAndEmbeddableElements(String ns) {
        SchemaModel model = model(ns, PERSON, DAY, PLACE);
        Table days = table(model, "Person_days");
        assertThat(column(days, "days").type().toString()).isEqualTo("varchar(255)");
        assertThat(column(days, "days").enumRef().javaType()).isEqualTo("club.Day");
        assertThat(model.enumType("club.Day").orElseThrow().constants()).containsExactly("MON", "TUE");
        Table places = table(model, "Person_places");
        assertThat(columnNames(places)).containsExactly("Person_id", "city", "zip");
        assertThat(column(places, "zip").nullable()).isTrue();
    }
}
