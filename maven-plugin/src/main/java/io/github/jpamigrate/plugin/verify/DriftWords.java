package io.github.jpamigrate.plugin.verify;

import io.github.jpamigrate.core.diff.SchemaChange.ColumnAdded;
import io.github.jpamigrate.core.diff.SchemaChange.ColumnChanged;
import io.github.jpamigrate.core.diff.SchemaChange.ColumnDropped;
import io.github.jpamigrate.core.diff.SchemaChange.TableAdded;
import io.github.jpamigrate.core.diff.SchemaChange.TableDropped;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.plugin.introspect.SchemaDrift;

/**
 * A difference between the model and a database built by the migrations, said from the user's
 * side: what the entities need that no migration creates, and what the migrations create that no
 * entity maps. A change read as "model -> database" would say "drop column", which misleads.
 */
final class DriftWords {

    private DriftWords() {
    }

    /**
     * @param read the schema the migrations built, as read: the database's column types are spelled
     *             as {@code check-db} spells them ({@link SchemaDrift#databaseWords}: {@code text}, not
     *             {@code clob}; an unbounded {@code varchar}, not {@code varchar(2147483647)})
     */
    static String of(SchemaChange change, SchemaModel read) {
        if (change instanceof TableDropped d) {
            return "table " + d.oldTable().qualifiedName() + ": in the model, not created by any migration";
        }
        if (change instanceof TableAdded a) {
            return "table " + a.newTable().qualifiedName() + ": created by the migrations, not in the model";
        }
        if (change instanceof ColumnDropped d) {
            return "column " + d.table() + "." + d.oldColumn().name() + ": in the model, not created by any migration";
        }
        if (change instanceof ColumnAdded a) {
            return "column " + a.table() + "." + a.newColumn().name() + ": created by the migrations ("
                    + SchemaDrift.databaseType(read, a.table(), a.newColumn()) + (a.newColumn().nullable() ? "" : " not null")
                    + "), not in the model";
        }
        if (change instanceof ColumnChanged c) {
            String described = c.describe(SchemaDrift.databaseWords(read, c.table()));
            return "column " + c.table() + "." + c.newColumn().name() + " differs (model -> migrations): "
                    + described.substring(described.indexOf(": ") + 2);
        }
        return "model -> migrations: " + change.describe();
    }
}
