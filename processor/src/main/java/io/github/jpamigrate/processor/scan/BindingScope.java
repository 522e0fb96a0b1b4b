package io.github.jpamigrate.processor.scan;

import java.util.List;

/**
 * Where attribute columns go and under which rules.
 *
 * @param table          the table receiving the columns
 * @param owner          the entity being mapped (naming, messages)
 * @param overrides      overrides in effect, relative to this scope
 * @param embedded       inside an embeddable: primitives are not forced NOT NULL
 * @param subclassOfSingleTable inside a single-table subclass: implicit NOT NULL is relaxed
 * @param requiredInSubclass    collects (attribute name, column) pairs relaxed in a single-table subclass,
 *                              for the 7.x check constraint; null when not collecting
 * @param forceNotNull   every column NOT NULL (primary key parts)
 * @param validation     how far Bean Validation constraints apply here
 */
record BindingScope(TableDraft table, EntityClass owner, Overrides overrides, boolean embedded,
                    boolean subclassOfSingleTable, List<String[]> requiredInSubclass, boolean forceNotNull,
                    BeanValidation.Reach validation) {

    /** The scope of an embedded value's attributes. */
    BindingScope inside(Overrides nested, BeanValidation.Reach reach) {
        return new BindingScope(table, owner, nested, true, subclassOfSingleTable, requiredInSubclass, forceNotNull,
                reach);
    }

    BindingScope inside(Overrides nested) {
        return inside(nested, validation);
    }

    BindingScope withTable(TableDraft other) {
        return new BindingScope(other, owner, overrides, embedded, subclassOfSingleTable, requiredInSubclass,
                forceNotNull, validation);
    }
}
