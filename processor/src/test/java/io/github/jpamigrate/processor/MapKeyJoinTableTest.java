package io.github.jpamigrate.processor;

import static io.github.jpamigrate.processor.ProcessorHarness.columnNames;
import static io.github.jpamigrate.processor.ProcessorHarness.model;
import static io.github.jpamigrate.processor.ProcessorHarness.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A join table of a {@code @MapKey} map has no key column; Hibernate keys it on owner and target. */
class MapKeyJoinTableTest {

    private static final String LIBRARY = """
            package lib;
            import jakarta.persistence.*;
            import java.util.*;
            @Entity
            public class Library {
                @Id Long id;
                @ManyToMany @MapKey(name = "isbn") Map<String, Book> booksByIsbn;
                @OneToMany @MapKey(name = "desk") Map<Desk, Clerk> clerksByDesk;
            }
            """;
    private static final String BOOK = """
            package lib;
            import jakarta.persistence.*;
            @Entity public class Book { @Id Long id; String isbn; }
            """;
    private static final String CLERK = """
            package lib;
            import jakarta.persistence.*;
            @Entity public class Clerk { @Id Long id; @ManyToOne Desk desk; }
            """;
    private static final String DESK = """
            package lib;
            import jakarta.persistence.*;
            @Entity public class Desk { @Id Long id; }
            """;

    private static SchemaModel library(String ns) {
        return model(ns, LIBRARY, BOOK, CLERK, DESK);
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void manyToManyMapKeyedOnOwnerAndTarget(String ns) {
        Table join = table(library(ns), "Library_Book");
        assertThat(columnNames(join)).containsExactly("Library_id", "booksByIsbn_id");
        assertThat(join.primaryKey().columns()).containsExactly("Library_id", "booksByIsbn_id");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void oneToManyMapKeyedOnOwnerAndTargetWithUniqueTarget(String ns) {
        Table join = table(library(ns), "Library_Clerk");
        assertThat(join.primaryKey().columns()).containsExactly("Library_id", "clerksByDesk_id");
        assertThat(join.columns().stream().filter(c -> c.name().equals("clerksByDesk_id")).findFirst().orElseThrow()
                .unique()).as("a one-to-many element belongs to one owner").isTrue();
    }
}
