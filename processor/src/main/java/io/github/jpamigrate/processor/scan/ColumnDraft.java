package io.github.jpamigrate.processor.scan;

import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * A column while the table is being built: the model column plus the logical name mappings refer
 * to ({@code referencedColumnName}, {@code @Index(columnList)}) and where it came from.
 *
 * @param logicalName name before the physical naming strategy ({@code firstName} for {@code first_name})
 * @param column      the column
 * @param source      the attribute element that maps it, for diagnostics
 * @param owner       the class that maps it, for messages
 * @param joinColumn  a join column: Hibernate binds these after the basic columns, so when a basic attribute
 *                    maps the same column, the basic attribute's definition is the one kept
 * @param boundType   the type before Bean Validation resized it: what a join column referencing this one gets
 * @param checks      the column's own checks (Bean Validation ranges), added to whichever table receives it
 * @param readOnly    mapped with {@code insertable = false, updatable = false}: Hibernate lets such a mapping
 *                    share a column with another one of any definition, and the first one bound defines it
 */
record ColumnDraft(String logicalName, Column column, Element source, String owner, boolean joinColumn,
                   ColumnType boundType, List<CheckConstraint> checks, boolean readOnly) {

    ColumnDraft {
        checks = List.copyOf(checks);
    }

    ColumnDraft(String logicalName, Column column, Element source, String owner) {
        this(logicalName, column, source, owner, false);
    }

    ColumnDraft(String logicalName, Column column, Element source, String owner, boolean joinColumn) {
        this(logicalName, column, source, owner, joinColumn, column.type(), List.of(), false);
    }

    String name() {
        return column.name();
    }

    ColumnDraft with(Column changed) {
        return new ColumnDraft(logicalName, changed, source, owner, joinColumn, boundType, checks, readOnly);
    }

    /** The same column after Bean Validation: resized from {@code bound}, with range checks. */
    ColumnDraft validated(ColumnType bound, List<CheckConstraint> rangeChecks) {
        return new ColumnDraft(logicalName, column, source, owner, joinColumn, bound, rangeChecks, readOnly);
    }

    /** The same column, marked as mapped read-only ({@code insertable = false, updatable = false}) or not. */
    ColumnDraft readOnly(boolean value) {
        return new ColumnDraft(logicalName, column, source, owner, joinColumn, boundType, checks, value);
    }
}
