package io.github.jpamigrate.core.diff;

import io.github.jpamigrate.core.diff.SchemaChange.ColumnAdded;
import io.github.jpamigrate.core.diff.SchemaChange.ColumnDropped;
import io.github.jpamigrate.core.diff.SchemaChange.TableAdded;
import io.github.jpamigrate.core.diff.SchemaChange.TableDropped;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.Identifiers;

import java.util.ArrayList;
import java.util.List;

/**
 * A drop and an add that look like one rename: a column dropped and a column of the same type
 * added in the same table, or a table dropped and a table with the same columns added. Never
 * applied by itself; it tells the user which {@code rename} declaration would record it.
 *
 * @param table     the table (for a table rename: the old table name)
 * @param oldName   the dropped column or table
 * @param newName   the added column or table
 */
public record ProbableRename(String table, String oldName, String newName, boolean tableRename) {

    /** The {@code -Djpamigrate.rename=} value that declares this rename. */
    public String declaration() {
        return tableRename ? oldName + ":" + newName : table + "." + oldName + ":" + newName;
    }

    public String describe() {
        return tableRename
                ? "table " + oldName + " was dropped and table " + newName + " with the same columns added"
                : "column " + table + "." + oldName + " was dropped and " + table + "." + newName
                        + " of the same type added";
    }

    /** Pairs drops and adds in the changes; each drop and each add is used at most once. */
    public static List<ProbableRename> find(List<SchemaChange> changes) {
        List<ProbableRename> found = new ArrayList<>();
        List<ColumnAdded> adds = new ArrayList<>();
        List<TableAdded> tableAdds = new ArrayList<>();
        for (SchemaChange change : changes) {
            if (change instanceof ColumnAdded a) {
                adds.add(a);
            } else if (change instanceof TableAdded t) {
                tableAdds.add(t);
            }
        }
        for (SchemaChange change : changes) {
            if (change instanceof ColumnDropped d) {
                adds.stream()
                        .filter(a -> Identifiers.sameName(a.table(), d.table()) && sameShape(a.newColumn(), d.oldColumn()))
                        .findFirst()
                        .ifPresent(a -> {
                            adds.remove(a);
                            found.add(new ProbableRename(d.table(), d.oldColumn().name(), a.newColumn().name(), false));
                        });
            } else if (change instanceof TableDropped d) {
                tableAdds.stream()
                        .filter(a -> sameColumnNames(a.newTable().columns(), d.oldTable().columns()))
                        .findFirst()
                        .ifPresent(a -> {
                            tableAdds.remove(a);
                            found.add(new ProbableRename(d.oldTable().name(), d.oldTable().name(), a.newTable().name(), true));
                        });
            }
        }
        return found;
    }

    private static boolean sameShape(Column a, Column b) {
        return a.type().equals(b.type());
    }

    private static boolean sameColumnNames(List<Column> a, List<Column> b) {
        if (a.size() != b.size()) {
            return false;
        }
        return a.stream().allMatch(x -> b.stream().anyMatch(y -> Identifiers.sameName(x.name(), y.name())
                && x.type().equals(y.type())));
    }
}
