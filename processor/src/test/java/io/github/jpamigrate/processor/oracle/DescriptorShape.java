package io.github.jpamigrate.processor.oracle;

import static io.github.jpamigrate.processor.oracle.HibernateModel.canonicalCheck;
import static io.github.jpamigrate.processor.oracle.HibernateModel.columnList;
import static io.github.jpamigrate.processor.oracle.HibernateModel.foreignKeyBody;
import static io.github.jpamigrate.processor.oracle.HibernateModel.indexBody;
import static io.github.jpamigrate.processor.oracle.SchemaShape.canonicalType;
import static io.github.jpamigrate.processor.oracle.SchemaShape.fold;
import static io.github.jpamigrate.processor.oracle.SchemaShape.qualified;

import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Sequence;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TableKind;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.core.model.UniqueConstraint;
import io.github.jpamigrate.core.sql.ColumnTypeNames;
import io.github.jpamigrate.processor.oracle.SchemaShape.ColumnShape;
import io.github.jpamigrate.processor.oracle.SchemaShape.TableShape;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/** The processor's descriptor seen through one dialect, in the same normalised shape as Hibernate's. */
final class DescriptorShape {

    private DescriptorShape() {
    }

    /** The case-folded names of the descriptor's views and external objects, which no foreign key touches. */
    static java.util.Set<String> unmanaged(SchemaModel model) {
        return model.tables().stream().filter(t -> !t.managed()).map(t -> qualified(t.schema(), t.name()))
                .collect(java.util.stream.Collectors.toSet());
    }

    static SchemaShape of(SchemaModel model, OracleDialect dialect) {
        ColumnTypeNames typeNames = dialect.dialect().typeNames();
        SortedMap<String, TableShape> tables = SchemaShape.sortedMap();
        for (Table table : model.tables()) {
            if (table.kind() == TableKind.SUBSELECT) {
                // no database object: Hibernate's subselect table is not physical either
                continue;
            }
            tables.put(qualified(table.schema(), table.name()), table(table, model, typeNames));
        }
        SortedSet<String> sequences = new TreeSet<>();
        for (Sequence sequence : model.sequences()) {
            if (dialect.hasSequences()) {
                sequences.add(qualified(sequence.schema(), sequence.name())
                        + " start " + sequence.initialValue() + " increment " + sequence.incrementSize());
            } else {
                tables.put(qualified(sequence.schema(), sequence.name()), sequenceTable(sequence, model, typeNames));
            }
        }
        return new SchemaShape(tables, sequences);
    }

    /** Without sequences Hibernate keeps the next value in a one-column table named like the sequence. */
    private static TableShape sequenceTable(Sequence sequence, SchemaModel model, ColumnTypeNames typeNames) {
        Column nextValue = Column.of("next_val", ColumnType.of(TypeKind.BIGINT), true);
        SortedMap<String, ColumnShape> columns = SchemaShape.sortedMap();
        columns.put("next_val", column(nextValue, model, typeNames));
        return new TableShape(qualified(sequence.schema(), sequence.name()), columns, List.of(),
                SchemaShape.sortedMap(), SchemaShape.sortedMap(), SchemaShape.sortedMap(), new TreeSet<>(), null);
    }

    private static TableShape table(Table table, SchemaModel model, ColumnTypeNames typeNames) {
        SortedMap<String, ColumnShape> columns = SchemaShape.sortedMap();
        SortedMap<String, String> uniques = SchemaShape.sortedMap();
        for (Column column : table.columns()) {
            columns.put(fold(column.name()), column(column, model, typeNames));
            if (column.unique()) {
                uniques.putIfAbsent(columnList(List.of(column.name())), null);
            }
        }
        for (UniqueConstraint unique : table.uniqueConstraints()) {
            uniques.put(columnList(unique.columns()), unique.name());
        }
        SortedMap<String, String> foreignKeys = SchemaShape.sortedMap();
        for (ForeignKey key : table.foreignKeys()) {
            foreignKeys.put(foreignKeyBody(key.columns(), key.referencedTable(), key.referencedColumns(),
                    key.onDelete().name()), key.name());
        }
        SortedMap<String, String> indexes = SchemaShape.sortedMap();
        for (Index index : table.indexes()) {
            if (index.unique()) {
                // Hibernate turns @Index(unique = true) into a unique constraint: the same guarantee
                uniques.put(columnList(index.columns().stream().map(c -> c.replaceFirst("(?i) (asc|desc)$", ""))
                        .toList()), index.name());
            } else {
                indexes.put(indexBody(index.columns().stream().map(SchemaShape::fold).toList()), index.name());
            }
        }
        SortedSet<String> checks = new TreeSet<>();
        for (CheckConstraint check : table.checks()) {
            checks.add(canonicalCheck(check.expression()));
        }
        List<String> primaryKey = table.primaryKey() == null ? List.of()
                : table.primaryKey().columns().stream().map(SchemaShape::fold).sorted().toList();
        return new TableShape(qualified(table.schema(), table.name()), columns, primaryKey, foreignKeys, uniques,
                indexes, checks, table.comment());
    }

    private static ColumnShape column(Column column, SchemaModel model, ColumnTypeNames typeNames) {
        return new ColumnShape(canonicalType(typeNames.sqlType(column, model)), column.nullable(), column.identity(),
                column.defaultValue(), column.comment());
    }
}
