package io.github.jpamigrate.processor;

import static io.github.jpamigrate.processor.ProcessorHarness.model;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Sequence;
import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.Statement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The implicit sequence of {@code @GeneratedValue} (AUTO, or SEQUENCE without a generator name) is named
 * after the root entity's table, not its entity name, on both ORM lines, as Hibernate's generator binding
 * does; on SQLite the first migration creates it as a one-row table of that name.
 */
class ImplicitSequenceNameTest {

    private static final String GAME = """
            package seq;
            import jakarta.persistence.*;
            @Entity @Table(name = "games") public class Game { @Id @GeneratedValue Long id; }
            """;
    private static final String LEDGER = """
            package seq;
            import jakarta.persistence.*;
            @Entity(name = "Ledger") @Table(name = "ledger_lines")
            public class LedgerEntry { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id; }
            """;
    private static final String ORDER = """
            package seq;
            import jakarta.persistence.*;
            @Entity @Table(name = "orders") public class PurchaseOrder { @Id @GeneratedValue Long id; }
            """;
    private static final String PLACED = """
            package seq;
            import jakarta.persistence.*;
            @Entity @Table(name = "PlacedOrders") public class CustomerOrder { @Id @GeneratedValue Long id; }
            """;
    private static final String ANIMAL = """
            package seq;
            import jakarta.persistence.*;
            @Entity @Table(name = "zoo_animals") public class Animal { @Id @GeneratedValue Long id; }
            """;
    private static final String LION = """
            package seq;
            import jakarta.persistence.*;
            @Entity public class Lion extends Animal { int mane; }
            """;
    private static final String MEDIA = """
            package seq;
            import jakarta.persistence.*;
            @Entity @Inheritance(strategy = InheritanceType.JOINED) @Table(name = "media")
            public class MediaItem { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id; }
            """;
    private static final String FILM = """
            package seq;
            import jakarta.persistence.*;
            @Entity @Table(name = "films") public class Film extends MediaItem { int minutes; }
            """;

    /** Both namespaces on both ORM lines. */
    static Stream<Arguments> namespacesAndLines() {
        return ProcessorHarness.namespaces().flatMap(ns -> Stream.of("hibernate-7", "hibernate-6.6")
                .map(line -> Arguments.of(ns, line)));
    }

    @ParameterizedTest
    @MethodSource("namespacesAndLines")
    void jpaNamingNamesTheSequenceAfterTheRootTable(String ns, String line) {
        SchemaModel model = model(ns, List.of("-Ajpamigrate.naming=jpa", "-Ajpamigrate.orm=" + line),
                GAME, LEDGER, ORDER, PLACED, ANIMAL, LION, MEDIA, FILM);
        assertThat(model.sequences()).extracting(s -> s.name() + "/" + s.initialValue() + "/" + s.incrementSize())
                .containsExactly("games_SEQ/1/50", "ledger_lines_SEQ/1/50", "media_SEQ/1/50", "orders_SEQ/1/50",
                        "PlacedOrders_SEQ/1/50", "zoo_animals_SEQ/1/50");
    }

    @ParameterizedTest
    @MethodSource("namespacesAndLines")
    void springNamingSnakeCasesTheTableBasedName(String ns, String line) {
        SchemaModel model = model(ns, List.of("-Ajpamigrate.naming=spring", "-Ajpamigrate.orm=" + line),
                GAME, ORDER, PLACED, MEDIA, FILM);
        assertThat(model.sequences()).extracting(Sequence::name)
                .containsExactly("games_seq", "media_seq", "orders_seq", "placed_orders_seq");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void withoutATableNameTheEntityNameStillGivesTheName(String ns) {
        SchemaModel model = model(ns, """
                package seq;
                import jakarta.persistence.*;
                @Entity(name = "Score") public class PlayerScore { @Id @GeneratedValue Long id; }
                """);
        assertThat(model.sequences()).extracting(Sequence::name).containsExactly("Score_SEQ");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void sqliteGetsATableNamedAfterTheEntityTable(String ns) throws Exception {
        SchemaModel model = model(ns, GAME, ANIMAL, LION);
        SchemaModel empty = new SchemaModel("jpa", "-", "-", List.of(), List.of(), List.of(), List.of());
        List<Statement> statements = Dialect.SQLITE.renderer()
                .render(empty, model, SchemaDiff.compare(empty, model), RenderOptions.DEFAULTS).statements();
        List<String> tables = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); var s = c.createStatement()) {
            for (Statement statement : statements) {
                s.execute(statement.sql());
            }
            try (ResultSet rs = s.executeQuery("select name from sqlite_master where type = 'table' order by name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        assertThat(tables).containsExactly("games", "games_SEQ", "zoo_animals", "zoo_animals_SEQ");
    }
}
