package io.github.jpamigrate.core.sql.sqlite;

import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.SqlNames;
import io.github.jpamigrate.core.sql.Statement;
import io.github.jpamigrate.core.sql.UnsupportedChangeException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SQLite's documented way to make a change {@code ALTER TABLE} cannot: create the new shape
 * under a temporary name, copy the surviving columns, drop the old table, rename the new one
 * into place and recreate its indexes. The old table is never renamed (since SQLite 3.26 that
 * would repoint other tables' foreign keys to the old table). The caller runs it with foreign
 * keys off, so dropping the old table neither deletes nor cascades.
 */
final class SqliteTableRebuild {

    static final String TEMP_PREFIX = "jm_new_";

    private final SqliteTableDefinition definition;
    private final SqlNames names;
    private final RenderOptions options;

    SqliteTableRebuild(SqliteTableDefinition definition, RenderOptions options) {
        this.definition = definition;
        this.names = definition.names();
        this.options = options;
    }

    /**
     * @param current    the table as it is in the database when the rebuild runs (the old shape,
     *                   under its new name if it was renamed first)
     * @param target     the new shape
     * @param oldNameOf  new column key -> the old column it is renamed from (declared renames)
     * @param cause      the change that made the rebuild necessary, recorded on the statements
     */
    List<Statement> statements(Table current, Table target, Map<String, String> oldNameOf, SchemaChange cause) {
        String temp = TEMP_PREFIX + target.name();
        List<String> into = new ArrayList<>();
        List<String> from = new ArrayList<>();
        for (Column column : target.columns()) {
            String declared = oldNameOf.get(Identifiers.key(column.name()));
            // Without a declared rename a column continues the old one of its name, unless that one
            // is renamed to something else (then this is a new column that took the freed name).
            boolean nameFreed = declared == null && oldNameOf.values().stream().anyMatch(n -> Identifiers.sameName(n, column.name()));
            Column old = nameFreed ? null : current.column(declared != null ? declared : column.name()).orElse(null);
            String fill = options.backfill(target.name(), column.name()).orElse(null);
            if (old != null) {
                into.add(names.name(column.name()));
                boolean tightened = !column.nullable() && old.nullable();
                String fallback = fill != null ? fill : column.defaultValue();
                from.add(tightened && fallback != null
                        ? "coalesce(" + names.name(old.name()) + ", " + fallback + ")"
                        : names.name(old.name()));
            } else if (fill != null) {
                into.add(names.name(column.name()));
                from.add(fill);
            } else if (!column.nullable() && column.defaultValue() == null && !column.identity()) {
                throw new UnsupportedChangeException(SqliteDialect.INSTANCE, cause, "new NOT NULL column "
                        + target.name() + "." + column.name() + " has no default; give one with @ColumnDefault "
                        + "or a backfill value with -Djpamigrate.backfill=" + target.name() + "." + column.name() + "=<sql literal>");
            }
        }
        List<Statement> out = new ArrayList<>();
        out.add(Statement.of(definition.createTable(target, temp), cause));
        if (!into.isEmpty()) {
            out.add(Statement.of("insert into " + names.name(temp) + " (" + String.join(", ", into) + ")\n    select "
                    + String.join(", ", from) + " from " + names.name(current.name()), cause));
        }
        out.add(Statement.of("drop table " + names.name(current.name()), cause));
        out.add(Statement.of("alter table " + names.name(temp) + " rename to " + names.name(target.name()), cause));
        for (String index : definition.indexes(target)) {
            out.add(Statement.of(index, cause));
        }
        return out;
    }
}
