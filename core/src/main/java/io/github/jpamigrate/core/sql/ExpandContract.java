package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaChange.ColumnChanged;
import io.github.jpamigrate.core.diff.SchemaChange.ColumnDropped;
import io.github.jpamigrate.core.diff.SchemaChange.ColumnRenamed;
import io.github.jpamigrate.core.diff.SchemaChange.TableDropped;
import io.github.jpamigrate.core.diff.SchemaChange.TableRenamed;
import io.github.jpamigrate.core.model.SchemaModel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The changes no online form makes safe for the application version still running while the
 * migration applies (it reads the old name, the old column, the old type): the first statement of
 * each gets comment lines naming the expand/contract way, which the script's header repeats
 * ({@link RenderedMigration#script}).
 */
final class ExpandContract {

    private ExpandContract() {
    }

    static List<Statement> annotate(List<Statement> statements, AlterTableRenderer dialect, SchemaModel oldModel,
                                    SchemaModel newModel) {
        List<Statement> out = new ArrayList<>();
        Set<SchemaChange> seen = new HashSet<>();
        for (Statement statement : statements) {
            SchemaChange origin = statement.origin();
            List<String> advice = origin == null || !seen.add(origin) ? List.of() : advice(origin, dialect, oldModel, newModel);
            if (advice.isEmpty()) {
                out.add(statement);
            } else {
                List<String> comments = new ArrayList<>(statement.comments());
                comments.addAll(advice);
                out.add(new Statement(statement.sql(), comments, origin, statement.accepts()));
            }
        }
        return out;
    }

    static List<String> advice(SchemaChange change, AlterTableRenderer dialect, SchemaModel oldModel,
                                       SchemaModel newModel) {
        if (change instanceof ColumnRenamed c) {
            return List.of("breaks the running old version: it still reads " + c.table() + "." + c.oldColumn().name()
                    + "; expand/contract: add " + c.newColumn().name() + ", write both and backfill in batches,"
                    + " release, then drop " + c.oldColumn().name() + " in a later migration");
        }
        if (change instanceof TableRenamed c) {
            return List.of("breaks the running old version: it still reads " + c.oldTable().name()
                    + "; expand/contract: create " + c.newTable().name() + " (or a view " + c.oldTable().name()
                    + " over it), copy in batches, release, then drop the old name in a later migration");
        }
        if (change instanceof ColumnDropped c) {
            return List.of("breaks the running old version if it still maps " + c.table() + "." + c.oldColumn().name()
                    + "; expand/contract: release the code that no longer reads it first, drop it in a later migration");
        }
        if (change instanceof TableDropped c) {
            return List.of("breaks the running old version if it still maps " + c.oldTable().name()
                    + "; expand/contract: release the code that no longer reads it first, drop it in a later migration");
        }
        if (change instanceof ColumnChanged c) {
            String was = dialect.sqlType(c.oldColumn(), oldModel);
            String now = dialect.sqlType(c.newColumn(), newModel);
            if (!was.equalsIgnoreCase(now)) {
                return List.of("type change " + was + " -> " + now + " may rewrite " + c.table() + " under a lock and"
                        + " break the running old version; expand/contract: add a new column of type " + now
                        + ", write both and backfill in batches, release, then drop " + c.oldColumn().name()
                        + " in a later migration");
            }
        }
        return List.of();
    }
}
