package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.sql.AlterTableRenderer.Alteration.Kind;
import io.github.jpamigrate.core.diff.ChangeSet;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaChange.ColumnAdded;
import io.github.jpamigrate.core.diff.SchemaChange.ColumnChanged;
import io.github.jpamigrate.core.diff.SchemaChange.ColumnDropped;
import io.github.jpamigrate.core.diff.SchemaChange.ColumnRenamed;
import io.github.jpamigrate.core.diff.SchemaChange.EnumChanged;
import io.github.jpamigrate.core.diff.SchemaChange.TableRenamed;
import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks an {@link AlterTableRenderer} derives from enum columns, brought from the old model
 * to the new one in one place: a check whose name or expression changes (new constants, a renamed
 * column or table, a column added, dropped or no longer an enum) is dropped before the renames
 * and added after the columns changed. Dropping it explicitly also matters where the database
 * refuses to drop or rename a column a check uses (MySQL).
 */
final class EnumChecks {

    private final AlterTableRenderer dialect;
    private final SchemaModel oldModel;
    private final SchemaModel newModel;
    private final ChangeSet changes;

    EnumChecks(AlterTableRenderer dialect, SchemaModel oldModel, SchemaModel newModel, ChangeSet changes) {
        this.dialect = dialect;
        this.oldModel = oldModel;
        this.newModel = newModel;
        this.changes = changes;
    }

    void reconcile(List<Statement> drops, List<Statement> adds) {
        reconcile(drops, adds, null, (sql, kind, table) -> Statement.plain(sql));
    }

    /**
     * @param validates where a check is validated later (online forms): the check is then added
     *                  {@code not valid} and its validation goes here; null for the plain form
     * @param online    writes a drop or add in the dialect's online form (MariaDB/MySQL), or as it is
     */
    void reconcile(List<Statement> drops, List<Statement> adds, List<Statement> validates, DerivedNameRenames.OnlineForm online) {
        for (Table table : newModel.tables()) {
            Table old = oldTable(table);
            if (old == null) {
                continue; // a new table gets its checks in create table
            }
            Map<String, CheckConstraint> was = checks(old, oldModel);
            Map<String, CheckConstraint> now = checks(table, newModel);
            was.forEach((column, check) -> {
                if (!now.containsValue(check)) {
                    drops.add(online.of(dialect.dropCheck(old.name(), check), Kind.DROP_CHECK, table.name())
                            .from(origin(table.name(), column)));
                }
            });
            now.forEach((column, check) -> {
                if (!was.containsValue(check)) {
                    if (validates == null) {
                        adds.add(online.of(dialect.addCheck(table.name(), check), Kind.ADD_CHECK, table.name())
                                .from(origin(table.name(), column)));
                    } else {
                        adds.add(Statement.of(dialect.addCheckNotValid(table.name(), check), origin(table.name(), column)));
                        validates.add(Statement.of(dialect.validateConstraint(table.name(), check.name()), origin(table.name(), column)));
                    }
                }
            });
        }
    }

    private Table oldTable(Table table) {
        String oldName = changes.oldTableName(table.name());
        boolean renamed = !oldName.equals(table.name());
        return oldModel.table(oldName).filter(t -> renamed || !changes.isAdded(table.name())).orElse(null);
    }

    /** Column key -> its enum check. */
    private Map<String, CheckConstraint> checks(Table table, SchemaModel model) {
        Map<String, CheckConstraint> out = new LinkedHashMap<>();
        for (Column column : table.columns()) {
            CheckConstraint check = dialect.enumCheck(table.name(), column, model);
            if (check != null) {
                out.put(Identifiers.key(column.name()), check);
            }
        }
        return out;
    }

    /** The change that makes the check change: one on its column, else its enum's, else the table's rename. */
    private SchemaChange origin(String table, String column) {
        for (SchemaChange change : changes.all()) {
            if (change.table() != null && Identifiers.sameName(change.table(), table) && concerns(change, column)) {
                return change;
            }
        }
        return changes.all().stream().filter(c -> c instanceof EnumChanged || c instanceof TableRenamed).findFirst().orElse(null);
    }

    private static boolean concerns(SchemaChange change, String column) {
        if (change instanceof ColumnAdded c) {
            return Identifiers.sameName(c.newColumn().name(), column);
        }
        if (change instanceof ColumnChanged c) {
            return Identifiers.sameName(c.newColumn().name(), column);
        }
        if (change instanceof ColumnRenamed c) {
            return Identifiers.sameName(c.newColumn().name(), column) || Identifiers.sameName(c.oldColumn().name(), column);
        }
        return change instanceof ColumnDropped c && Identifiers.sameName(c.oldColumn().name(), column);
    }
}
