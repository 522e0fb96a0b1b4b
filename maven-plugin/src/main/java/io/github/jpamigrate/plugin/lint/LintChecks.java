package io.github.jpamigrate.plugin.lint;

import io.github.jpamigrate.core.dialect.Dialect;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.SetStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.lock.LockStatement;
import net.sf.jsqlparser.statement.refresh.RefreshMaterializedViewStatement;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The rules' checks over one migration's statements, in order; see {@link LintRule} for each. */
final class LintChecks {

    /** A finding before accept markers and dialects are applied; piece -1 is the whole file. */
    record Raw(int piece, int line, LintRule rule, String message) {
    }

    private static final Set<String> VOLATILE = Set.of("random", "clock_timestamp", "gen_random_uuid", "uuid_generate_v1",
            "uuid_generate_v4", "nextval", "timeofday", "txid_current", "statement_timestamp");

    private final MigrationLint.Context context;
    private final LintState state;
    private final List<Raw> out;
    private boolean lockTimeout;
    private boolean statementTimeout;
    private boolean ddlSeen;
    private int dataPiece = -1;
    private int dataLine;
    private String dataWhat;
    private int concurrentPiece = -1;
    private int concurrentLine;
    private int others;
    private final Set<String> notValidHere = new HashSet<>();
    private final List<ForeignKeyUse> foreignKeys = new ArrayList<>();
    /** DROP TABLEs, reported at the end unless the migration creates the table again (a rebuild). */
    private final List<TableDrop> droppedTables = new ArrayList<>();

    private record TableDrop(int piece, int line, String table, String why) {
    }

    /** A DROP INDEX without CONCURRENTLY; table is the key of its table when the folder showed it, else null. */
    private record IndexDrop(int piece, int line, String name, String table) {
    }

    private final List<IndexDrop> indexDrops = new ArrayList<>();
    /** Keys of every table this migration drops. */
    private final Set<String> droppedHere = new HashSet<>();

    /** A foreign key seen in this file, checked for an index once the whole file is read. */
    private record ForeignKeyUse(int piece, int line, String table, List<String> columns) {
    }

    LintChecks(MigrationLint.Context context, LintState state, List<Raw> out) {
        this.context = context;
        this.state = state;
        this.out = out;
    }

    private boolean mysql() {
        return context.dialect() == Dialect.MYSQL || context.dialect() == Dialect.MARIADB;
    }

    private void add(int piece, int line, LintRule rule, String message) {
        out.add(new Raw(piece, line, rule, message));
    }

    /** A DDL statement on an existing table: the first one in a file without timeouts is reported. */
    private void ddl(int piece, int line, String table) {
        if (!ddlSeen) {
            ddlSeen = true;
            if (!lockTimeout) {
                add(piece, line, LintRule.MISSING_LOCK_TIMEOUT, "first lock on existing table " + table
                        + " with no lock timeout set before it in this migration");
            }
            if (!statementTimeout) {
                add(piece, line, LintRule.MISSING_STATEMENT_TIMEOUT, "first lock on existing table " + table
                        + " with no statement_timeout set before it in this migration");
            }
        }
    }

    private void data(int piece, int line, String what) {
        if (dataPiece < 0) {
            dataPiece = piece;
            dataLine = line;
            dataWhat = what;
        }
    }

    void statement(int piece, int line, Statement statement) {
        if (statement instanceof SetStatement set) {
            for (int k = 0; k < set.getCount(); k++) {
                List<net.sf.jsqlparser.expression.Expression> values = set.getExpressions(k);
                setting(String.valueOf(set.getName(k)), values != null && values.size() == 1 ? String.valueOf(values.get(0)) : null);
            }
            return;
        }
        if (!(statement instanceof CreateIndex ci && ci.isConcurrently())) {
            others++;
        }
        if (statement instanceof CreateTable ct) {
            createTable(piece, line, ct);
        } else if (statement instanceof CreateIndex ci) {
            createIndex(piece, line, ci);
        } else if (statement instanceof Alter alter) {
            alter(piece, line, alter);
        } else if (statement instanceof RenameTableStatement rename) {
            rename.getTableNames().forEach(e -> {
                renameTable(piece, line, e.getKey().getFullyQualifiedName());
                state.renameTable(e.getKey().getFullyQualifiedName(), e.getValue().getFullyQualifiedName());
            });
        } else if (statement instanceof Drop drop) {
            drop(piece, line, drop);
        } else if (statement instanceof Truncate truncate) {
            add(piece, line, LintRule.TRUNCATE, "TRUNCATE " + truncate.getTable());
            data(piece, line, "TRUNCATE " + truncate.getTable());
        } else if (statement instanceof Delete delete) {
            if (delete.getWhere() == null) {
                add(piece, line, LintRule.DELETE_WITHOUT_WHERE, "DELETE FROM " + delete.getTable() + " without WHERE");
            }
            data(piece, line, "DELETE FROM " + delete.getTable());
        } else if (statement instanceof Update update) {
            if (update.getWhere() == null) {
                add(piece, line, LintRule.UPDATE_WITHOUT_WHERE, "UPDATE " + update.getTable() + " without WHERE");
            }
            data(piece, line, "UPDATE " + update.getTable());
        } else if (statement instanceof Insert insert) {
            if (insert.getSelect() != null && !(insert.getSelect() instanceof net.sf.jsqlparser.statement.select.Values)
                    && state.existing(insert.getTable().getName())) {
                data(piece, line, "INSERT INTO " + insert.getTable() + " ... SELECT");
            }
        } else if (statement instanceof RefreshMaterializedViewStatement refresh) {
            if (!String.valueOf(refresh).toUpperCase(Locale.ROOT).contains(" CONCURRENTLY ")) {
                add(piece, line, LintRule.REFRESH_NOT_CONCURRENT, "REFRESH MATERIALIZED VIEW " + refresh.getView());
            }
        } else if (statement instanceof LockStatement lock) {
            if (state.existing(String.valueOf(lock.getTable()))) {
                ddl(piece, line, String.valueOf(lock.getTable()));
            }
            add(piece, line, LintRule.LOCK_TABLE, "LOCK TABLE " + lock.getTable());
        }
    }

    /** A statement the parser could not read, by its leading keywords; false when no rule reads it. */
    boolean unparsed(int piece, int line, List<String> words) {
        if (words.isEmpty()) {
            return false;
        }
        String first = words.get(0);
        switch (first) {
            case "SET" -> {
                // the words drop "=" and quotes: SET [LOCAL|SESSION] name [TO] value
                for (int i = 1; i < Math.min(3, words.size()); i++) {
                    int v = i + 1 < words.size() && words.get(i + 1).equals("TO") ? i + 2 : i + 1;
                    setting(words.get(i), v < words.size() ? words.get(v) : null);
                }
                return words.size() > 1;
            }
            case "VACUUM" -> {
                others++;
                if (words.contains("FULL")) {
                    add(piece, line, LintRule.VACUUM_FULL, "VACUUM FULL");
                }
                return true;
            }
            case "CLUSTER" -> {
                others++;
                add(piece, line, LintRule.CLUSTER, "CLUSTER " + (words.size() > 1 ? words.get(1).toLowerCase(Locale.ROOT) : ""));
                return true;
            }
            case "REINDEX" -> {
                if (words.contains("CONCURRENTLY")) {
                    concurrent(piece, line);
                } else {
                    others++;
                    add(piece, line, LintRule.REINDEX_NOT_CONCURRENT, "REINDEX without CONCURRENTLY");
                }
                return true;
            }
            case "DROP" -> {
                // JSqlParser 5.4 has no grammar for DROP INDEX CONCURRENTLY IF EXISTS: the safe form, read by its words
                if (words.size() > 2 && words.get(1).equals("INDEX") && words.get(2).equals("CONCURRENTLY")) {
                    concurrent(piece, line);
                    return true;
                }
                others++;
                return false;
            }
            case "LOCK" -> {
                others++;
                String table = words.size() > 2 && words.get(1).equals("TABLE") ? words.get(2).toLowerCase(Locale.ROOT)
                        : words.size() > 1 ? words.get(1).toLowerCase(Locale.ROOT) : "?";
                if (state.existing(table)) {
                    ddl(piece, line, table);
                }
                add(piece, line, LintRule.LOCK_TABLE, "LOCK TABLE");
                return true;
            }
            case "OPTIMIZE" -> {
                others++;
                add(piece, line, LintRule.TABLE_REBUILD, "OPTIMIZE TABLE rebuilds the table");
                return true;
            }
            default -> {
                others++;
                return false;
            }
        }
    }

    /**
     * A timeout set by the migration. PostgreSQL's {@code lock_timeout = 0} waits for ever: no lock
     * timeout. A {@code statement_timeout} of 0 counts as set: "no limit, on purpose", as a script
     * of concurrent statements says it (the generated follow-up does).
     */
    private void setting(String name, String value) {
        String n = name.toLowerCase(Locale.ROOT).strip();
        boolean zero = value != null && value.replace("'", "").strip().equals("0");
        if ((n.equals("lock_timeout") && !zero) || n.equals("lock_wait_timeout") || n.equals("innodb_lock_wait_timeout")) {
            lockTimeout = true;
        }
        if (n.equals("statement_timeout") || n.equals("max_statement_time") || n.equals("max_execution_time")) {
            statementTimeout = true;
        }
    }

    private void concurrent(int piece, int line) {
        if (concurrentPiece < 0) {
            concurrentPiece = piece;
            concurrentLine = line;
        }
    }

    private void createTable(int piece, int line, CreateTable ct) {
        String table = ct.getTable().getFullyQualifiedName();
        state.createdHere.add(LintState.key(table));
        if (ct.getColumnDefinitions() != null) {
            for (ColumnDefinition column : ct.getColumnDefinitions()) {
                state.types.put(LintState.key(table) + "." + LintState.key(column.getColumnName()),
                        String.valueOf(column.getColDataType()).toLowerCase(Locale.ROOT));
                List<String> specs = upper(column.getColumnSpecs());
                if (specs.contains("PRIMARY") || specs.contains("UNIQUE")) {
                    state.index(table, List.of(column.getColumnName()));
                }
                if (specs.contains("REFERENCES") || column.getForeignKeyReference() != null) {
                    foreignKeys.add(new ForeignKeyUse(piece, line, table, List.of(column.getColumnName())));
                }
            }
        }
        if (ct.getIndexes() != null) {
            for (Index index : ct.getIndexes()) {
                if (index.getKind() == Index.Kind.FOREIGN_KEY) {
                    foreignKeys.add(new ForeignKeyUse(piece, line, table, index.getColumnsNames()));
                } else if (index.getColumnsNames() != null && !index.getColumnsNames().isEmpty()) {
                    state.index(table, index.getColumnsNames());
                    if (index.getName() != null) {
                        state.indexTables.put(LintState.key(index.getName()), LintState.key(table));
                    }
                }
            }
        }
    }

    private void createIndex(int piece, int line, CreateIndex ci) {
        String table = ci.getTable().getFullyQualifiedName();
        state.index(table, ci.getIndex().getColumnsNames());
        if (ci.getIndex().getName() != null) {
            state.indexTables.put(LintState.key(ci.getIndex().getName()), LintState.key(table));
        }
        if (ci.isConcurrently()) {
            concurrent(piece, line);
            return;
        }
        if (!state.existing(table)) {
            return;
        }
        ddl(piece, line, table);
        add(piece, line, LintRule.CREATE_INDEX_NOT_CONCURRENT, "CREATE INDEX " + ci.getIndex().getName() + " on existing table "
                + table + " without CONCURRENTLY");
        List<String> tail = upper(ci.getTailParameters());
        if (!tail.contains("ALGORITHM") || !tail.contains("LOCK")) {
            add(piece, line, LintRule.CREATE_INDEX_WITHOUT_LOCK, "CREATE INDEX " + ci.getIndex().getName() + " on existing table "
                    + table + " without ALGORITHM and LOCK");
        }
    }

    private void alter(int piece, int line, Alter alter) {
        String table = alter.getTable().getFullyQualifiedName();
        boolean existing = state.existing(table);
        if (existing) {
            ddl(piece, line, table);
        }
        String algorithm = null;
        boolean lock = false;
        boolean needsOnline = false;
        for (AlterExpression e : alter.getAlterExpressions()) {
            AlterOperation op = e.getOperation();
            if (op == AlterOperation.ALGORITHM) {
                algorithm = e.getAlgorithmOption();
                continue;
            }
            if (op == AlterOperation.LOCK) {
                lock = true;
                continue;
            }
            if (op != AlterOperation.RENAME && op != AlterOperation.RENAME_TABLE) {
                needsOnline = true;
            }
            switch (op) {
                case ADD -> addition(piece, line, table, existing, e);
                case ALTER -> alterColumn(piece, line, table, existing, e);
                case MODIFY, CHANGE -> modify(piece, line, table, existing, e);
                case RENAME -> {
                    renameColumn(piece, line, table, e.getColumnOldName());
                    carryType(table, e.getColumnOldName(), e.getColumnName());
                    if (e.getColumnOldName() != null && e.getColumnName() != null) {
                        state.renameColumn(table, e.getColumnOldName(), e.getColumnName());
                    }
                }
                case RENAME_TABLE -> {
                    renameTable(piece, line, table);
                    if (e.getNewTableName() != null) {
                        state.renameTable(table, e.getNewTableName());
                    }
                }
                case DROP -> {
                    if (e.getColumnName() != null && e.getIndex() == null && e.getConstraintName() == null) {
                        dropColumn(piece, line, table, e.getColumnName());
                    }
                }
                case ENGINE, CONVERT, FORCE -> add(piece, line, LintRule.TABLE_REBUILD, "ALTER TABLE " + table + " "
                        + op + " rebuilds the table");
                default -> {
                    String spec = String.valueOf(e.getOptionalSpecifier()).toUpperCase(Locale.ROOT);
                    if (spec.startsWith("VALIDATE CONSTRAINT")) {
                        String name = LintState.key(spec.substring("VALIDATE CONSTRAINT".length()).strip());
                        String notNull = state.notNullChecks.get(name);
                        if (notNull != null) {
                            state.validNotNull.add(notNull);
                        }
                        if (notValidHere.contains(name)) {
                            add(piece, line, LintRule.VALIDATE_IN_SAME_TRANSACTION, "VALIDATE CONSTRAINT "
                                    + name + " in the migration that added it");
                        }
                    }
                }
            }
        }
        if (existing && needsOnline) {
            if (algorithm == null) {
                add(piece, line, LintRule.ALTER_WITHOUT_ALGORITHM, "ALTER TABLE " + table + " without ALGORITHM");
            }
            if (!lock && !"INSTANT".equalsIgnoreCase(algorithm)) {
                add(piece, line, LintRule.ALTER_WITHOUT_LOCK, "ALTER TABLE " + table + " without LOCK");
            }
        }
    }

    /** {@code ALTER TABLE ... ADD}: a constraint, an index or columns. */
    private void addition(int piece, int line, String table, boolean existing, AlterExpression e) {
        Index index = e.getIndex();
        if (index != null) {
            boolean notValid = index.getConstraintAttributes() != null && index.getConstraintAttributes().isNotValid();
            List<String> columns = index.getColumnsNames();
            String name = index.getName() == null ? "" : index.getName() + " ";
            if (notValid && index.getName() != null) {
                notValidHere.add(LintState.key(index.getName()));
            }
            if (index.getName() != null && index.getKind() != Index.Kind.FOREIGN_KEY && index.getKind() != Index.Kind.CHECK) {
                state.indexTables.put(LintState.key(index.getName()), LintState.key(table));
            }
            switch (index.getKind() == null ? Index.Kind.OTHER : index.getKind()) {
                case FOREIGN_KEY -> {
                    foreignKeys.add(new ForeignKeyUse(piece, line, table, columns));
                    if (existing && !notValid) {
                        add(piece, line, LintRule.FOREIGN_KEY_NOT_VALID, "foreign key " + name + "on existing table "
                                + table + " without NOT VALID");
                    }
                }
                case CHECK -> {
                    if (existing && !notValid) {
                        add(piece, line, LintRule.CHECK_NOT_VALID, "check " + name + "on existing table " + table
                                + " without NOT VALID");
                    }
                    if (index instanceof CheckConstraint check && isNotNull(check.getExpression()) != null) {
                        state.notNullChecks.put(LintState.key(String.valueOf(index.getName())), LintState.key(table) + "."
                                + LintState.key(isNotNull(check.getExpression())));
                        if (!notValid) {
                            state.validNotNull.add(LintState.key(table) + "." + LintState.key(isNotNull(check.getExpression())));
                        }
                    }
                }
                case PRIMARY_KEY -> {
                    if (columns != null && !columns.isEmpty()) {
                        state.index(table, columns);
                        if (existing) {
                            add(piece, line, LintRule.PRIMARY_KEY_ON_EXISTING, "primary key " + name + "on existing table " + table);
                        }
                    }
                }
                case UNIQUE -> {
                    if (columns != null && !columns.isEmpty()) {
                        state.index(table, columns);
                        if (existing) {
                            add(piece, line, LintRule.UNIQUE_ON_EXISTING, "unique constraint " + name + "on existing table "
                                    + table);
                        }
                    }
                }
                default -> {
                    if (columns != null && !columns.isEmpty()) {
                        state.index(table, columns);
                        if (existing && "UNIQUE".equalsIgnoreCase(index.getType())) {
                            add(piece, line, LintRule.UNIQUE_ON_EXISTING, "unique constraint " + name + "on existing table "
                                    + table);
                        } else if (existing && "PRIMARY KEY".equalsIgnoreCase(index.getType())) {
                            add(piece, line, LintRule.PRIMARY_KEY_ON_EXISTING, "primary key " + name + "on existing table " + table);
                        }
                    }
                }
            }
            return;
        }
        if (e.getColDataTypeList() == null) {
            return;
        }
        for (AlterExpression.ColumnDataType column : e.getColDataTypeList()) {
            String col = column.getColumnName();
            String type = String.valueOf(column.getColDataType()).toLowerCase(Locale.ROOT);
            state.types.put(LintState.key(table) + "." + LintState.key(col), type);
            state.columnsCreatedHere.add(LintState.key(table) + "." + LintState.key(col));
            List<String> specs = upper(column.getColumnSpecs());
            if (specs.contains("REFERENCES")) {
                foreignKeys.add(new ForeignKeyUse(piece, line, table, List.of(col)));
            }
            if (!existing) {
                continue;
            }
            boolean serial = type.endsWith("serial") || specs.contains("IDENTITY") || specs.contains("AUTO_INCREMENT");
            if (serial) {
                add(piece, line, LintRule.SERIAL_ON_EXISTING, "column " + col + " " + type + " numbers every row of " + table);
            }
            int def = specs.indexOf("DEFAULT");
            if (def >= 0 && def + 1 < specs.size()) {
                String value = specs.get(def + 1).toLowerCase(Locale.ROOT);
                int paren = value.indexOf('(');
                String function = (paren < 0 ? value : value.substring(0, paren)).strip();
                // public.gen_random_uuid(), pg_catalog.random(): the function without its schema
                function = function.substring(function.lastIndexOf('.') + 1);
                if (VOLATILE.contains(function)) {
                    add(piece, line, LintRule.VOLATILE_DEFAULT, "column " + col + " DEFAULT " + value + " on existing table " + table);
                }
            }
            if (specs.contains("NOT") && specs.contains("NULL") && def < 0 && !serial) {
                add(piece, line, LintRule.NOT_NULL_WITHOUT_DEFAULT, "column " + col + " NOT NULL without a default on existing"
                        + " table " + table);
            }
            if (specs.contains("PRIMARY")) {
                add(piece, line, LintRule.PRIMARY_KEY_ON_EXISTING, "column " + col + " PRIMARY KEY on existing table " + table);
            } else if (specs.contains("UNIQUE")) {
                add(piece, line, LintRule.UNIQUE_ON_EXISTING, "column " + col + " UNIQUE on existing table " + table);
            }
        }
    }

    /** The column a {@code col IS NOT NULL} check is about, else null. */
    private static String isNotNull(Expression expression) {
        Expression e = expression;
        // JSqlParser 5 reads "((x IS NOT NULL))" as a one-element parenthesed list
        while (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
            e = p.get(0);
        }
        return e instanceof IsNullExpression n && n.isNot() && n.getLeftExpression() instanceof Column c
                ? c.getColumnName() : null;
    }

    private void alterColumn(int piece, int line, String table, boolean existing, AlterExpression e) {
        if (e.getColumnSetNotNullList() != null) {
            for (AlterExpression.ColumnSetNotNull column : e.getColumnSetNotNullList()) {
                String key = LintState.key(table) + "." + LintState.key(column.getColumnName());
                if (existing && !state.validNotNull.contains(key)) {
                    add(piece, line, LintRule.SET_NOT_NULL, "SET NOT NULL on " + table + "." + column.getColumnName()
                            + " without a validated CHECK (" + column.getColumnName() + " IS NOT NULL)");
                }
            }
        }
        if (e.getColDataTypeList() != null) {
            for (AlterExpression.ColumnDataType column : e.getColDataTypeList()) {
                if (column.isWithType() || column.getColDataType() != null) {
                    typeChange(piece, line, table, existing, column.getColumnName(), column.getColDataType() == null ? null
                            : String.valueOf(column.getColDataType()).toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    private void modify(int piece, int line, String table, boolean existing, AlterExpression e) {
        if (e.getOperation() == AlterOperation.CHANGE && e.getColumnOldName() != null && e.getColDataTypeList() != null
                && !e.getColDataTypeList().isEmpty() && !LintState.key(e.getColumnOldName())
                .equals(LintState.key(e.getColDataTypeList().get(0).getColumnName()))) {
            renameColumn(piece, line, table, e.getColumnOldName());
            state.renameColumn(table, e.getColumnOldName(), e.getColDataTypeList().get(0).getColumnName());
        }
        if (e.getColDataTypeList() != null) {
            for (AlterExpression.ColumnDataType column : e.getColDataTypeList()) {
                String old = e.getColumnOldName() != null ? e.getColumnOldName() : column.getColumnName();
                typeChange(piece, line, table, existing, old, String.valueOf(column.getColDataType()).toLowerCase(Locale.ROOT));
                carryType(table, old, column.getColumnName());
            }
        }
    }

    private void typeChange(int piece, int line, String table, boolean existing, String column, String type) {
        String key = LintState.key(table) + "." + LintState.key(column);
        String before = state.types.get(key);
        if (type != null) {
            state.types.put(key, type);
        }
        if (!existing || type == null || type.equals(before) || widening(before, type)) {
            return;
        }
        add(piece, line, LintRule.TYPE_CHANGE_REWRITES, "type of " + table + "." + column + " changes"
                + (before == null ? "" : " from " + before) + " to " + type);
    }

    /** varchar(n) to a longer varchar or to text: PostgreSQL changes no row. */
    /** A renamed column keeps its type: a later change of it compares with the type it had. */
    private void carryType(String table, String from, String to) {
        if (from == null || to == null) {
            return;
        }
        String was = state.types.remove(LintState.key(table) + "." + LintState.key(from));
        if (was != null) {
            state.types.put(LintState.key(table) + "." + LintState.key(to), was);
        }
    }

    private boolean widening(String before, String after) {
        if (mysql()) {
            return enumAppend(before, after);
        }
        String a = after.replace(" ", "");
        if (a.equals("text") || a.equals("varchar") || a.equals("charactervarying")) {
            return before == null || before.startsWith("varchar") || before.startsWith("character varying")
                    || before.equals("text");
        }
        if (before != null && before.startsWith("varchar") && a.startsWith("varchar(")) {
            return length(before) > 0 && length(a) >= length(before);
        }
        return false;
    }

    /**
     * MySQL/MariaDB: an ENUM whose new members are only appended after the old ones (staying within
     * 255 members) changes in place, instantly: no rewrite.
     */
    private static boolean enumAppend(String before, String after) {
        if (before == null) {
            return false;
        }
        String b = before.replace(" ", "");
        String a = after.replace(" ", "");
        if (!b.startsWith("enum(") || !b.endsWith(")") || !a.startsWith("enum(") || !a.endsWith(")")) {
            return false;
        }
        String head = b.substring(0, b.length() - 1);
        return a.length() > b.length() && a.startsWith(head + ",") && a.split("','").length <= 255;
    }

    private static int length(String type) {
        List<String> digits = io.github.jpamigrate.plugin.sql.StatementParser.words(type, 3);
        for (String word : digits) {
            if (!word.isEmpty() && Character.isDigit(word.charAt(0))) {
                return Integer.parseInt(word);
            }
        }
        return -1;
    }

    private String mappedBy(String table, String column) {
        if (MigrationLint.maps(context.current(), table, column)) {
            return "the entities map it";
        }
        if (MigrationLint.maps(context.previous(), table, column)) {
            return "the previous release maps it";
        }
        return context.current() == null && context.previous() == null ? "no model to check against: assumed mapped" : null;
    }

    private void renameColumn(int piece, int line, String table, String column) {
        String why = mappedBy(table, column);
        if (why != null && state.existing(table)) {
            add(piece, line, LintRule.RENAME_MAPPED_COLUMN, "rename of column " + table + "." + column + " (" + why + ")");
        }
    }

    private void renameTable(int piece, int line, String table) {
        String why = mappedBy(table, null);
        if (why != null && state.existing(table)) {
            add(piece, line, LintRule.RENAME_MAPPED_TABLE, "rename of table " + table + " (" + why + ")");
        }
    }

    private String previousMaps(String table, String column) {
        if (context.previous() != null) {
            return MigrationLint.maps(context.previous(), table, column) ? "the previous release maps it" : null;
        }
        return "the previous release's model is not known (-Djpamigrate.base): assumed mapped";
    }

    private void dropColumn(int piece, int line, String table, String column) {
        if (state.columnsCreatedHere.remove(LintState.key(table) + "." + LintState.key(column))) {
            return; // added or renamed into by this migration: no release before it maps the column
        }
        String why = previousMaps(table, column);
        if (why != null && state.existing(table)) {
            add(piece, line, LintRule.DROP_MAPPED_COLUMN, "DROP COLUMN " + table + "." + column + " (" + why + ")");
        }
    }

    private void drop(int piece, int line, Drop drop) {
        String type = String.valueOf(drop.getType()).toUpperCase(Locale.ROOT);
        List<String> params = upper(drop.getParameters());
        String name = drop.getName() == null ? "" : drop.getName().getFullyQualifiedName();
        if (params.contains("CASCADE")) {
            add(piece, line, LintRule.DROP_CASCADE, "DROP " + type + " " + name + " CASCADE");
        }
        if (type.equals("TABLE")) {
            List<String> names = new ArrayList<>();
            if (drop.getNames() != null && !drop.getNames().isEmpty()) {
                drop.getNames().forEach(t -> names.add(t.getFullyQualifiedName()));
            } else {
                names.add(name);
            }
            for (String table : names) {
                droppedHere.add(LintState.key(table));
                if (state.existing(table)) {
                    ddl(piece, line, table); // waits for every open transaction on the table, as any ACCESS EXCLUSIVE lock
                }
                String why = previousMaps(table, null);
                if (why != null && state.existing(table)) {
                    droppedTables.add(new TableDrop(piece, line, table, why));
                }
            }
        } else if (type.equals("INDEX")) {
            boolean concurrently = String.valueOf(drop).toUpperCase(Locale.ROOT).contains(" CONCURRENTLY ");
            if (concurrently) {
                concurrent(piece, line);
                others--;
            } else {
                String table = state.indexTables.get(LintState.key(name));
                ddl(piece, line, table != null ? table : "(of index " + name + ")");
                indexDrops.add(new IndexDrop(piece, line, name, table));
            }
        }
    }

    /** Per-file rules that need the whole file. */
    void endFile() {
        for (IndexDrop drop : indexDrops) {
            // an index of a table this migration drops: the DROP TABLE takes the same lock, nothing to spare
            if (drop.table() == null || !droppedHere.contains(drop.table())) {
                add(drop.piece(), drop.line(), LintRule.DROP_INDEX_NOT_CONCURRENT, "DROP INDEX " + drop.name()
                        + " without CONCURRENTLY");
            }
        }
        for (TableDrop drop : droppedTables) {
            if (!state.createdHere.contains(LintState.key(drop.table()))) { // else rebuilt in this migration (SQLite's way)
                add(drop.piece(), drop.line(), LintRule.DROP_MAPPED_TABLE, "DROP TABLE " + drop.table() + " (" + drop.why() + ")");
            }
        }
        if (ddlSeen && dataPiece >= 0) {
            add(dataPiece, dataLine, LintRule.DDL_AND_DATA, dataWhat + " in the same transaction as DDL on an existing table");
        }
        if (concurrentPiece >= 0 && others > 0) {
            add(concurrentPiece, concurrentLine, LintRule.CONCURRENTLY_WITH_OTHERS, "a CONCURRENTLY statement with " + others
                    + " other statement(s) in one migration");
        }
        for (ForeignKeyUse fk : foreignKeys) {
            List<String> columns = fk.columns();
            String table = fk.table();
            if (columns != null && !columns.isEmpty() && !state.indexed(table, columns)) {
                add(fk.piece(), fk.line(), LintRule.FOREIGN_KEY_WITHOUT_INDEX, "foreign key column(s) " + table + "("
                        + String.join(", ", columns) + ") have no index starting with them");
            }
        }
    }

    private static List<String> upper(List<String> words) {
        return words == null ? List.of() : words.stream().map(w -> w.toUpperCase(Locale.ROOT)).toList();
    }
}
