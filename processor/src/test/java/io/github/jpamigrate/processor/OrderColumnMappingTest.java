package io.github.jpamigrate.processor;

import static io.github.jpamigrate.processor.ProcessorHarness.column;
import static io.github.jpamigrate.processor.ProcessorHarness.columnNames;
import static io.github.jpamigrate.processor.ProcessorHarness.model;
import static io.github.jpamigrate.processor.ProcessorHarness.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The index column of an inverse {@code @OneToMany} list sits in the target table, as in Hibernate. */
class OrderColumnMappingTest {

    private static final String BOARD = """
            package board;
            import jakarta.persistence.*;
            import java.util.*;
            @Entity
            public class Board {
                @Id Long id;
                @OneToMany(mappedBy = "board") @OrderColumn(name = "position") List<Card> cards;
                @OneToMany(mappedBy = "board") @OrderColumn(nullable = false) List<Pin> pins;
                @OneToMany(mappedBy = "board") List<Sticker> stickers;
            }
            """;
    private static final String CARD = """
            package board;
            import jakarta.persistence.*;
            @Entity public class Card { @Id Long id; @ManyToOne Board board; }
            """;
    private static final String PIN = """
            package board;
            import jakarta.persistence.*;
            @Entity public class Pin { @Id Long id; @ManyToOne Board board; }
            """;
    private static final String STICKER = """
            package board;
            import jakarta.persistence.*;
            @Entity public class Sticker { @Id Long id; @ManyToOne Board board; }
            """;

    private static SchemaModel board(String ns) {
        return model(ns, BOARD, CARD, PIN, STICKER);
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void namedIndexIsANullableColumnOfTheTargetTable(String ns) {
        Table cards = table(board(ns), "Card");
        assertThat(columnNames(cards)).containsExactly("id", "board_id", "position");
        assertThat(column(cards, "position").type().toString()).isEqualTo("integer");
        assertThat(column(cards, "position").nullable()).isTrue();
        assertThat(cards.primaryKey().columns()).containsExactly("id");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void defaultIndexNameAndExplicitNotNull(String ns) {
        SchemaModel model = board(ns);
        Table pins = table(model, "Pin");
        assertThat(columnNames(pins)).containsExactly("id", "board_id", "pins_ORDER");
        assertThat(column(pins, "pins_ORDER").nullable()).isFalse();
        assertThat(columnNames(table(model, "Sticker"))).as("a List without @OrderColumn is a bag")
                .containsExactly("id", "board_id");
        assertThat(columnNames(table(model, "Board"))).containsExactly("id");
    }
}
