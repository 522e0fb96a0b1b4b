package io.github.jpamigrate.processor.scan;

import io.github.jpamigrate.core.model.Column;
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
 */
record ColumnDraft(String logicalName, Column column, Element source, String owner, boolean joinColumn) {

    ColumnDraft(String logicalName, Column column, Element source, String owner) {
        this(logicalName, column, source, owner, false);
    }

    String name() {
        return column.name();
    }

    ColumnDraft with(Column changed) {
        return new ColumnDraft(logicalName, changed, source, owner, joinColumn);
    }
}
