package io.github.jpamigrate.processor.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.processor.oracle.SchemaShape.ColumnShape;
import io.github.jpamigrate.processor.oracle.SchemaShape.TableShape;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The comparison reports every kind of difference and ignores only spelling. */
class SchemaShapeOracleTest {

    @Test
    void spellingOfTypesAndChecksDoesNotMatter() {
        assertThat(SchemaShape.canonicalType("ENUM ('A', 'b')")).isEqualTo("enum('A','b')");
        assertThat(SchemaShape.canonicalType("Timestamp(6)  WITH time zone")).isEqualTo("timestamp(6) with time zone");
        assertThat(HibernateModel.canonicalCheck("((DTYPE in ('Vehicle','Car')))"))
                .isEqualTo(HibernateModel.canonicalCheck("dtype IN ('Car', 'Vehicle')"));
        assertThat(HibernateModel.canonicalCheck("(a > 0) and (b > 0)")).isEqualTo("(a > 0) and (b > 0)");
        // Hibernate joins one column's checks in the validator's hash order: the order of the terms means nothing
        assertThat(HibernateModel.canonicalCheck("(b > 0) and (a > 0)"))
                .isEqualTo(HibernateModel.canonicalCheck("(a > 0) and (b > 0)"));
    }

    @Test
    void equalShapesHaveNoDifferences() {
        assertThat(shape(table(column("varchar(255)", true))).differencesTo(shape(table(column("varchar(255)", true)))))
                .isEmpty();
    }

    @Test
    void reportsEachDifferenceOnItsOwnLine() {
        SchemaShape hibernate = shape(table(column("varchar(255)", false)));
        TableShape changed = new TableShape("t", columns(column("varchar(100)", true)), List.of("name"),
                map("(name) -> parent (id) on delete cascade", "fk_t_name"), map("(name)", "uk_other"),
                new TreeMap<>(), new TreeSet<>(List.of("name <> ''")), "a comment");
        SortedMap<String, TableShape> tables = new TreeMap<>();
        tables.put("t", changed);
        tables.put("extra", table(column("integer", true)));
        SchemaShape descriptor = new SchemaShape(tables, new TreeSet<>(List.of("s start 1 increment 1")));

        assertThat(hibernate.differencesTo(descriptor)).containsExactly(
                "table extra: in the descriptor only",
                "table t: column name: Hibernate varchar(255) not null | descriptor varchar(100) null",
                "table t: primary key: Hibernate [id] | descriptor [name]",
                "table t: foreign key (name) -> parent (id) on delete cascade: in the descriptor only",
                "table t: foreign key (name) -> parent (id) on delete no action: missing from the descriptor",
                "table t: unique (name): named uk_name by the mapping, uk_other in the descriptor",
                "table t: index (name): missing from the descriptor",
                "table t: check name <> '': in the descriptor only",
                "table t: comment: Hibernate null | descriptor a comment",
                "sequence s start 1 increment 1: in the descriptor only");
    }

    private static SchemaShape shape(TableShape table) {
        SortedMap<String, TableShape> tables = new TreeMap<>();
        tables.put(table.name(), table);
        return new SchemaShape(tables, new TreeSet<>());
    }

    private static TableShape table(ColumnShape column) {
        return new TableShape("t", columns(column), List.of("id"),
                map("(name) -> parent (id) on delete no action", null), map("(name)", "uk_name"),
                map("(name)", null), new TreeSet<>(), null);
    }

    private static SortedMap<String, ColumnShape> columns(ColumnShape column) {
        SortedMap<String, ColumnShape> columns = new TreeMap<>();
        columns.put("name", column);
        return columns;
    }

    private static ColumnShape column(String type, boolean nullable) {
        return new ColumnShape(type, nullable, false, null, null);
    }

    private static SortedMap<String, String> map(String key, String value) {
        SortedMap<String, String> map = new TreeMap<>();
        map.put(key, value);
        return map;
    }
}
