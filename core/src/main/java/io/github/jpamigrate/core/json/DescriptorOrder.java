package io.github.jpamigrate.core.json;

import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.EnumType;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.Sequence;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TableGenerator;
import io.github.jpamigrate.core.model.UniqueConstraint;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which the writer lists things, so that the same model always gives the same text
 * whatever order the processor met the entities in. Every comparator is total over the fields that
 * are written (ties only between identical entries), which keeps the order independent of the
 * input order.
 */
final class DescriptorOrder {

    /** Names as the database compares them (case-insensitively), then exactly, so the order is total. */
    static final Comparator<String> NAME = Comparator.comparing(Identifiers::key)
            .thenComparing(Comparator.naturalOrder());

    private static final Comparator<String> OPTIONAL_NAME = Comparator.nullsFirst(NAME);

    private static final Comparator<String> OPTIONAL_TEXT =
            Comparator.nullsFirst(Comparator.<String>naturalOrder());

    static final Comparator<Table> TABLES = Comparator.comparing(Table::name, NAME)
            .thenComparing(Table::schema, OPTIONAL_NAME);

    static final Comparator<ForeignKey> FOREIGN_KEYS = Comparator.comparing(ForeignKey::name, NAME)
            .thenComparing(ForeignKey::columns, DescriptorOrder::compareLists)
            .thenComparing(ForeignKey::referencedTable, NAME)
            .thenComparing(ForeignKey::referencedColumns, DescriptorOrder::compareLists)
            .thenComparing(ForeignKey::onDelete);

    static final Comparator<UniqueConstraint> UNIQUE_CONSTRAINTS =
            Comparator.comparing(UniqueConstraint::name, NAME)
                    .thenComparing(UniqueConstraint::columns, DescriptorOrder::compareLists);

    static final Comparator<Index> INDEXES = Comparator.comparing(Index::name, NAME)
            .thenComparing(Index::columns, DescriptorOrder::compareLists)
            .thenComparing(Index::unique);

    static final Comparator<CheckConstraint> CHECKS = Comparator.comparing(CheckConstraint::name, OPTIONAL_NAME)
            .thenComparing(CheckConstraint::expression);

    static final Comparator<Sequence> SEQUENCES = Comparator.comparing(Sequence::name, NAME)
            .thenComparing(Sequence::schema, OPTIONAL_NAME)
            .thenComparingLong(Sequence::initialValue)
            .thenComparingInt(Sequence::incrementSize);

    static final Comparator<TableGenerator> TABLE_GENERATORS = Comparator.comparing(TableGenerator::name, NAME)
            .thenComparing(TableGenerator::table, NAME)
            .thenComparing(TableGenerator::segmentColumn, OPTIONAL_TEXT)
            .thenComparing(TableGenerator::valueColumn, OPTIONAL_TEXT)
            .thenComparing(TableGenerator::segmentValue, OPTIONAL_TEXT)
            .thenComparingLong(TableGenerator::initialValue)
            .thenComparingInt(TableGenerator::allocationSize);

    static final Comparator<EnumType> ENUMS = Comparator.comparing(EnumType::javaType)
            .thenComparing(EnumType::constants, DescriptorOrder::compareLists);

    private DescriptorOrder() {
    }

    /** Element by element, then the shorter list first. */
    static int compareLists(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** A sorted copy. */
    static <T> List<T> sorted(List<T> items, Comparator<? super T> order) {
        return items.stream().sorted(order).toList();
    }
}
