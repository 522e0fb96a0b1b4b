package io.github.jpamigrate.plugin.generate;

import io.github.jpamigrate.core.diff.Renames;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.EnumType;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.plugin.project.ChangeOptions;
import io.github.jpamigrate.plugin.project.ClosestName;
import io.github.jpamigrate.plugin.project.WorkflowFailure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Refuses a declaration that names a table or column neither model has: a misspelt rename,
 * backfill or acknowledgement would otherwise be ignored without a word, and the user would get a
 * drop, a refusal or a failed migration instead of what was declared. The message names the
 * closest existing name.
 */
final class DeclaredNames {

    private final Renames renames;
    private final SchemaModel snapshot;
    private final SchemaModel model;

    private DeclaredNames(Renames renames, SchemaModel snapshot, SchemaModel model) {
        this.renames = renames;
        this.snapshot = snapshot;
        this.model = model;
    }

    /**
     * @param snapshot the schema the changes start from (old names)
     * @param model    the schema they lead to (new names)
     * @throws WorkflowFailure naming the parameter, the unknown name and the closest existing one
     */
    static void check(ChangeOptions options, SchemaModel snapshot, SchemaModel model) {
        DeclaredNames names = new DeclaredNames(options.renames(), snapshot, model);
        options.renames().tables().forEach(names::tableRename);
        options.renames().columns().forEach((table, byColumn) -> byColumn.forEach((from, to) ->
                names.columnRename(table, from, to)));
        options.render().backfills().keySet().forEach(names::backfill);
        options.allowedDestructive().forEach(names::acknowledged);
    }

    private void tableRename(String from, String to) {
        String declaration = "-Djpamigrate.rename=" + from + ":" + to;
        require(find(snapshot, from), declaration, "the snapshot has no table '" + from + "'", from, tableNames(snapshot));
        require(find(model, to), declaration, "the entity model has no table '" + to + "'", to, tableNames(model));
    }

    private void columnRename(String table, String from, String to) {
        String declaration = "-Djpamigrate.rename=" + table + "." + from + ":" + to;
        Optional<Table> old = find(snapshot, table).or(() -> snapshot.tables().stream()
                .filter(t -> Identifiers.sameName(newTableName(t.name()), table)).findFirst());
        Optional<Table> now = find(model, table).or(() -> find(model, newTableName(table)));
        List<String> tables = new ArrayList<>(tableNames(snapshot));
        tables.addAll(tableNames(model));
        require(old, declaration, "the snapshot has no table '" + table + "'", table, tables);
        require(now, declaration, "the entity model has no table '" + table + "'", table, tables);
        require(column(old.get(), from), declaration, "table " + old.get().name() + " of the snapshot has no column '"
                + from + "'", from, columnNames(old.get()));
        require(column(now.get(), to), declaration, "table " + now.get().name() + " of the entity model has no column '"
                + to + "'", to, columnNames(now.get()));
    }

    private void backfill(String tableDotColumn) {
        String declaration = "-Djpamigrate.backfill=" + tableDotColumn + "=...";
        int dot = tableDotColumn.indexOf('.');
        Optional<Table> table = find(model, tableDotColumn.substring(0, dot));
        String tableName = tableDotColumn.substring(0, dot);
        String columnName = tableDotColumn.substring(dot + 1);
        require(table, declaration, "the entity model has no table '" + tableName + "'", tableName, tableNames(model));
        require(column(table.get(), columnName), declaration, "table " + table.get().name()
                + " of the entity model has no column '" + columnName + "'", columnName, columnNames(table.get()));
    }

    /** A table, a {@code table.column} or an enum class of either model, under the table's old or new name. */
    private void acknowledged(String target) {
        List<String> known = new ArrayList<>();
        for (SchemaModel side : List.of(snapshot, model)) {
            for (Table table : side.tables()) {
                known.add(table.name());
                for (Column column : table.columns()) {
                    known.add(table.name() + "." + column.name());
                    known.add(newTableName(table.name()) + "." + column.name());
                }
            }
            side.enums().stream().map(EnumType::javaType).forEach(known::add);
        }
        boolean found = known.stream().anyMatch(name -> Identifiers.sameName(name, target.trim()));
        require(found ? Optional.of(target) : Optional.empty(), "-Djpamigrate.allowDestructive=" + target.trim(),
                "neither the snapshot nor the entity model has a table, column (table.column) or enum class '"
                        + target.trim() + "'", target.trim(), known.stream().distinct().toList());
    }

    /** The table's name in the entity model: the declared new name of a snapshot table, else its own. */
    private String newTableName(String table) {
        return renames.newTableName(table).orElse(table);
    }

    private static void require(Optional<?> found, String declaration, String problem, String typo, List<String> names) {
        if (found.isEmpty()) {
            throw new WorkflowFailure(declaration + " names something that does not exist: " + problem
                    + ClosestName.hint(typo, names) + ". Correct the name (compared without regard to case): a"
                    + " misspelt declaration would otherwise be ignored. Nothing was written.");
        }
    }

    private static Optional<Table> find(SchemaModel side, String name) {
        return side.tables().stream().filter(t -> Identifiers.sameName(t.name(), name)).findFirst();
    }

    private static Optional<Column> column(Table table, String name) {
        return table.columns().stream().filter(c -> Identifiers.sameName(c.name(), name)).findFirst();
    }

    private static List<String> tableNames(SchemaModel side) {
        return side.tables().stream().map(Table::name).toList();
    }

    private static List<String> columnNames(Table table) {
        return table.columns().stream().map(Column::name).toList();
    }
}
