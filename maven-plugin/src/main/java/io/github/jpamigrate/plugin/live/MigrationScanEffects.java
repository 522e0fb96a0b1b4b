package io.github.jpamigrate.plugin.live;

import io.github.jpamigrate.core.model.Identifiers;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.sequence.CreateSequence;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.ColumnOption;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.create.table.NamedConstraint;
import net.sf.jsqlparser.statement.create.view.AlterView;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.drop.Drop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the statements of one migration, as JSqlParser read them, do to tables, columns, indexes,
 * named constraints, views and sequences, told to a {@link Recorder} for {@link MigrationScan}.
 * Names lose their schema and quotes. The SQLite table rebuild JPA Migrate writes
 * ({@code create table jm_new_x ...; drop table x; alter table jm_new_x rename to x}) only
 * touches {@code x}: it neither creates nor drops it.
 */
final class MigrationScanEffects {

    /** Where the effects go: an object of a kind ({@code table}, {@code column} as {@code t.c}, ...) made or gone. */
    interface Recorder {
        void record(String kind, String name, boolean creates);

        /** The statement changes the table (in any way). */
        void touch(String table);
    }

    private static final String REBUILD_PREFIX = "jm_new_";

    private final Recorder out;

    /** The tables the migration rebuilds (SQLite): their drop is no drop. */
    private final List<String> rebuilt = new ArrayList<>();

    private MigrationScanEffects(Recorder out, List<Statement> statements) {
        this.out = out;
        for (Statement statement : statements) {
            if (statement instanceof Alter alter && isRebuild(name(alter.getTable()))) {
                for (AlterExpression e : alter.getAlterExpressions()) {
                    if (e.getOperation() == AlterOperation.RENAME_TABLE) {
                        rebuilt.add(key(unquote(e.getNewTableName())));
                    }
                }
            }
        }
    }

    /** Tells the recorder what the statements of one migration do, in their order. */
    static void of(List<Statement> statements, Recorder out) {
        MigrationScanEffects effects = new MigrationScanEffects(out, statements);
        statements.forEach(effects::apply);
    }

    private void apply(Statement statement) {
        if (statement instanceof CreateTable create) {
            String table = name(create.getTable());
            if (isRebuild(table)) {
                out.touch(table.substring(REBUILD_PREFIX.length()));
                return;
            }
            out.record("table", table, true);
            if (create.getColumnDefinitions() != null) {
                for (ColumnDefinition column : create.getColumnDefinitions()) {
                    column(table, column, true);
                }
            }
            if (create.getIndexes() != null) {
                create.getIndexes().forEach(index -> added(index));
            }
        } else if (statement instanceof Alter alter) {
            String table = name(alter.getTable());
            out.touch(table);
            for (AlterExpression action : alter.getAlterExpressions()) {
                alter(table, action);
            }
        } else if (statement instanceof CreateIndex create) {
            if (create.getIndex().getName() != null) {
                out.record("index", unquote(create.getIndex().getName()), true);
            }
            out.touch(name(create.getTable()));
        } else if (statement instanceof Drop drop) {
            drop(drop);
        } else if (statement instanceof RenameTableStatement rename) {
            rename.getTableNames().forEach(e -> renameTable(name(e.getKey()), name(e.getValue())));
        } else if (statement instanceof CreateView create) {
            out.record("view", name(create.getView()), true);
        } else if (statement instanceof AlterView alter) {
            out.record("view", name(alter.getView()), true);
        } else if (statement instanceof CreateSequence create) {
            out.record("sequence", unquote(create.getSequence().getName()), true);
        }
    }

    /** One action of an {@code alter table} list. */
    private void alter(String table, AlterExpression action) {
        Index index = action.getIndex();
        switch (action.getOperation()) {
            case ADD -> {
                if (action.getColDataTypeList() != null) {
                    action.getColDataTypeList().forEach(c -> column(table, c, true));
                }
                if (index != null) {
                    added(index);
                }
            }
            case DROP -> dropAction(table, action);
            case CHANGE -> changeColumn(table, action);
            case RENAME -> {
                if (action.getColOldName() != null && action.getColumnName() != null) {
                    out.record("column", table + "." + unquote(action.getColOldName()), false);
                    out.record("column", table + "." + unquote(action.getColumnName()), true);
                }
            }
            case RENAME_TABLE -> renameTable(table, unquote(action.getNewTableName()));
            case RENAME_INDEX, RENAME_KEY, RENAME_CONSTRAINT -> {
                String kind = action.getOperation() == AlterOperation.RENAME_CONSTRAINT ? "constraint" : "index";
                if (action.getOldIndex() != null && index != null && index.getName() != null) {
                    out.record(kind, unquote(action.getOldIndex().getName()), false);
                    out.record(kind, unquote(index.getName()), true);
                }
            }
            default -> {
                // alter/modify column, defaults, options: the table is touched, nothing is created
            }
        }
    }

    /** {@code drop [column] c}, {@code drop constraint c}, {@code drop index|key i} (MySQL). */
    private void dropAction(String table, AlterExpression action) {
        if (action.getColumnName() != null) {
            out.record("column", table + "." + unquote(action.getColumnName()), false);
        }
        Index index = action.getIndex();
        String dropped = action.getConstraintName() != null ? action.getConstraintName()
                : index != null ? index.getName() : null;
        if (dropped != null) {
            // a unique constraint and its index share the name (PostgreSQL, MySQL): both go
            out.record("constraint", unquote(dropped), false);
            out.record("index", unquote(dropped), false);
        }
    }

    /** MySQL's {@code change [column] old new type}: a rename when the name changes. */
    private void changeColumn(String table, AlterExpression action) {
        String old = action.getColOldName() == null ? null : unquote(action.getColOldName());
        List<AlterExpression.ColumnDataType> columns = action.getColDataTypeList();
        if (old != null && columns != null && columns.size() == 1
                && !key(old).equals(key(unquote(columns.get(0).getColumnName())))) {
            out.record("column", table + "." + old, false);
            column(table, columns.get(0), true);
        }
    }

    private void renameTable(String table, String target) {
        if (isRebuild(table)) {
            out.touch(target);
            return;
        }
        out.record("table", table, false);
        out.record("table", target, true);
    }

    private void drop(Drop drop) {
        String type = drop.getType() == null ? "" : drop.getType().toUpperCase(Locale.ROOT);
        List<Table> names = drop.getNames() != null && !drop.getNames().isEmpty() ? drop.getNames()
                : List.of(drop.getName());
        for (Table table : names) {
            String name = name(table);
            switch (type) {
                case "TABLE" -> {
                    if (!rebuilt.contains(key(name)) && !isRebuild(name)) {
                        out.record("table", name, false);
                    }
                    out.touch(name);
                }
                case "INDEX" -> {
                    // JSqlParser reads "drop index concurrently i" as an index named CONCURRENTLY, i as a parameter
                    if (name.equalsIgnoreCase("concurrently") && drop.getParameters() != null
                            && !drop.getParameters().isEmpty()) {
                        name = lastPart(drop.getParameters().get(0));
                    }
                    out.record("index", name, false);
                    out.record("constraint", name, false);
                }
                case "VIEW", "MATERIALIZED VIEW" -> out.record("view", name, false);
                case "SEQUENCE" -> out.record("sequence", name, false);
                default -> {
                    // other objects (types, functions, schemas) are not traced
                }
            }
        }
    }

    private void column(String table, ColumnDefinition column, boolean creates) {
        out.record("column", table + "." + unquote(column.getColumnName()), creates);
        if (column.getColumnOptions() != null) {
            for (ColumnOption option : column.getColumnOptions()) {
                if (option.getConstraint() != null && option.getConstraint().getName() != null) {
                    out.record("constraint", unquote(option.getConstraint().getName()), creates);
                }
            }
        }
        List<String> specs = column.getColumnSpecs();
        if (specs != null) {
            for (int i = 0; i + 1 < specs.size(); i++) {
                if (specs.get(i).equalsIgnoreCase("constraint")) {
                    out.record("constraint", unquote(specs.get(i + 1)), creates);
                }
            }
        }
    }

    /** A named constraint ({@code constraint c ...}) or index ({@code key|index i (...)}, MySQL) of a table. */
    private void added(Index index) {
        if (index.getName() == null) {
            return; // unnamed: the database names it
        }
        boolean constraint = index instanceof NamedConstraint || index.getClass() != Index.class;
        out.record(constraint ? "constraint" : "index", unquote(index.getName()), true);
    }

    private static boolean isRebuild(String table) {
        return key(table).startsWith(REBUILD_PREFIX);
    }

    /** A table's own name, without schema or quotes: {@code "app"."Order"} is {@code Order}. */
    private static String name(Table table) {
        return unquote(table.getName());
    }

    private static String lastPart(String qualified) {
        int dot = qualified.lastIndexOf('.');
        return unquote(dot < 0 ? qualified : qualified.substring(dot + 1));
    }

    /** An identifier as the parser gives it, without its quotes ({@code "a""b"} is {@code a"b}). */
    static String unquote(String identifier) {
        if (identifier == null || identifier.length() < 2) {
            return identifier;
        }
        char first = identifier.charAt(0);
        char last = identifier.charAt(identifier.length() - 1);
        if ((first == '"' || first == '`') && last == first) {
            String quote = String.valueOf(first);
            return identifier.substring(1, identifier.length() - 1).replace(quote + quote, quote);
        }
        if (first == '[' && last == ']') {
            return identifier.substring(1, identifier.length() - 1);
        }
        return identifier;
    }

    private static String key(String name) {
        return Identifiers.key(name);
    }
}
