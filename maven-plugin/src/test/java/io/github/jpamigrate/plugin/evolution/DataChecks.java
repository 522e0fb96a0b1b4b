package io.github.jpamigrate.plugin.evolution;

import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.EnumStorage;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.sql.SqlNames;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the data must look like after the migration: every surviving table keeps its rows, kept
 * columns keep their values (a NULL in a column made NOT NULL becomes its backfill or default),
 * new columns hold their backfill, default or NULL, no reference dangles, and the enum checks
 * take exactly the new constants. Each problem is returned in words; none means the data is right.
 */
final class DataChecks {

    private DataChecks() {
    }

    static List<String> preserved(EvolutionEngine engine, Connection connection, Evolution evolution,
                                  Map<String, TableContents> before) throws SQLException {
        List<String> problems = new ArrayList<>();
        for (Table old : evolution.oldModel().tables()) {
            Optional<Table> now = evolution.newTable(old);
            if (now.isPresent()) {
                compareTable(engine, connection, evolution, old, now.get(), before.get(old.name()), problems);
            }
        }
        return problems;
    }

    private static void compareTable(EvolutionEngine engine, Connection connection, Evolution evolution, Table old, Table now,
                                     TableContents before, List<String> problems) throws SQLException {
        String key = evolution.newColumn(old, now, old.columns().get(0)).orElseThrow().name();
        List<String> kept = new ArrayList<>();
        List<Integer> oldIndexes = new ArrayList<>();
        for (int i = 0; i < old.columns().size(); i++) {
            Optional<Column> column = evolution.newColumn(old, now, old.columns().get(i));
            if (column.isPresent()) {
                kept.add(column.get().name());
                oldIndexes.add(i);
            }
        }
        TableContents after = TableContents.read(engine, connection, now, key,
                kept.stream().map(c -> now.column(c).orElseThrow()).toList());
        if (!after.rows().keySet().equals(before.rows().keySet())) {
            problems.add("table " + now.name() + " had rows " + before.rows().keySet() + ", now " + after.rows().keySet());
            return;
        }
        for (int k = 0; k < kept.size(); k++) {
            compareColumn(engine, connection, evolution, now, key, now.column(kept.get(k)).orElseThrow(), oldIndexes.get(k), k,
                    before, after, problems);
        }
        for (Column column : now.columns()) {
            if (!kept.stream().anyMatch(c -> Identifiers.sameName(c, column.name()))) {
                for (String row : rowsWithoutFallback(engine, connection, evolution, now, key, column)) {
                    problems.add("new column " + now.name() + "." + column.name() + " of row " + row + " does not hold "
                            + evolution.fallback(now, column).orElse("NULL"));
                }
            }
        }
    }

    /** A kept column keeps each value; a NULL in a column made NOT NULL becomes its backfill or default. */
    private static void compareColumn(EvolutionEngine engine, Connection connection, Evolution evolution, Table now, String key, Column column,
                                      int oldIndex, int newIndex, TableContents before, TableContents after,
                                      List<String> problems) throws SQLException {
        List<String> withoutFallback = null;
        for (Map.Entry<String, List<String>> row : before.rows().entrySet()) {
            String was = row.getValue().get(oldIndex);
            String is = after.rows().get(row.getKey()).get(newIndex);
            boolean refilled = was.equals("NULL") && !column.nullable();
            if (refilled && withoutFallback == null) {
                withoutFallback = rowsWithoutFallback(engine, connection, evolution, now, key, column);
            }
            if (refilled ? withoutFallback.contains(row.getKey()) : !was.equals(is)) {
                problems.add(now.name() + "." + column.name() + " of row " + row.getKey() + " was " + was + ", now " + is
                        + (refilled ? " (expected its backfill or default " + evolution.fallback(now, column).orElse("?") + ")" : ""));
            }
        }
    }

    /**
     * Keys of the rows whose column does not hold what a new or refilled column must get: its
     * backfill or default, else NULL. For {@code current_timestamp}, taken while migrating, only
     * "there is a value" can be checked.
     */
    private static List<String> rowsWithoutFallback(EvolutionEngine engine, Connection connection, Evolution evolution,
                                                    Table now, String key, Column column) throws SQLException {
        String fallback = evolution.fallback(now, column).orElse("null");
        if (fallback.equalsIgnoreCase(ColumnKinds.NOW)) {
            return TableContents.keysWhere(engine, connection, now, key, engine.names.name(column.name()) + " is null");
        }
        return TableContents.keysWhereNot(engine, connection, now, key, column.name(), fallback);
    }

    /**
     * References that point nowhere, in words: for every foreign key of the model, the child rows
     * whose value no parent row has; on SQLite also what {@code pragma foreign_key_check} reports.
     */
    static List<String> danglingReferences(EvolutionEngine engine, Connection connection, SchemaModel model)
            throws SQLException {
        List<String> problems = new ArrayList<>();
        SqlNames names = engine.names;
        for (Table table : model.tables()) {
            for (ForeignKey key : table.foreignKeys()) {
                String child = names.name(key.columns().get(0));
                String select = "select count(*) from " + names.name(table.name()) + " c where c." + child + " is not null"
                        + " and not exists (select 1 from " + names.name(key.referencedTable()) + " p where p."
                        + names.name(key.referencedColumns().get(0)) + " = c." + child + ")";
                try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(select)) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        problems.add(rs.getLong(1) + " rows of " + table.name() + " reference a missing " + key.referencedTable()
                                + " row (foreign key " + key.name() + ")");
                    }
                }
            }
        }
        if (engine == EvolutionEngine.SQLITE) {
            problems.addAll(sqliteForeignKeyCheck(connection));
        }
        return problems;
    }

    /** Rows of {@code pragma foreign_key_check}, in words. */
    private static List<String> sqliteForeignKeyCheck(Connection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select \"table\", rowid, parent, fkid from pragma_foreign_key_check")) {
            while (rs.next()) {
                problems.add("row " + rs.getString(2) + " of " + rs.getString(1) + " references a missing " + rs.getString(3)
                        + " row (foreign key " + rs.getString(4) + ")");
            }
        }
        return problems;
    }

    /**
     * Every enum column of a table with rows takes each constant of the new model and refuses a
     * value outside it (the normal form leaves checks out, so drift cannot tell). Tried on the first
     * row and rolled back; an empty table is skipped.
     */
    static List<String> enumChecks(EvolutionEngine engine, Connection connection, SchemaModel model) throws SQLException {
        List<String> problems = new ArrayList<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (Table table : model.tables()) {
                for (Column column : table.columns()) {
                    if (column.enumRef() != null) {
                        tryEnumValues(engine, connection, statement, model, table, column, problems);
                    }
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
        return problems;
    }

    private static final java.util.regex.Pattern MINIMUM = java.util.regex.Pattern.compile("(\\w+) >= (-?\\d+)");

    /**
     * The generated checks ({@code column >= minimum}) work: each check of the new model refuses a
     * value below its minimum, and a check the evolution dropped no longer does. Tried on the row
     * of key 1 and rolled back; an empty table is skipped. (The normal form leaves checks out, so
     * drift cannot tell.)
     */
    static List<String> checkConstraints(EvolutionEngine engine, Connection connection, Evolution evolution)
            throws SQLException {
        List<String> problems = new ArrayList<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (Table table : evolution.newModel().tables()) {
                for (CheckConstraint check : table.checks()) {
                    java.util.regex.Matcher m = MINIMUM.matcher(check.expression());
                    if (m.matches() && tryValue(engine, connection, statement, table, m.group(1), Integer.parseInt(m.group(2)) - 1)
                            .equals(WENT_THROUGH)) {
                        problems.add("check " + check.name() + " (" + check.expression() + ") of " + table.name()
                                + " lets " + (Integer.parseInt(m.group(2)) - 1) + " through");
                    }
                }
            }
            for (Table old : evolution.oldModel().tables()) {
                Optional<Table> now = evolution.newTable(old);
                for (CheckConstraint check : old.checks()) {
                    java.util.regex.Matcher m = MINIMUM.matcher(check.expression());
                    Optional<Column> column = now.flatMap(t -> old.column(m.matches() ? m.group(1) : "")
                            .flatMap(c -> evolution.newColumn(old, t, c)));
                    boolean dropped = now.isPresent() && now.get().checks().stream().noneMatch(c -> c.name().equalsIgnoreCase(check.name()));
                    // A column that a foreign key or the primary key now also constrains may refuse the
                    // value for that reason (seed 105469: a new foreign key on the column), so only the
                    // checks of otherwise unconstrained columns are probed.
                    if (m.matches() && dropped && column.isPresent() && !keyColumn(now.get(), column.get().name())) {
                        String outcome = tryValue(engine, connection, statement, now.get(), column.get().name(),
                                Integer.parseInt(m.group(2)) - 1);
                        if (!outcome.equals(WENT_THROUGH) && !outcome.equals(NO_ROW)) {
                            problems.add("check " + check.name() + " was dropped, but " + now.get().name() + "." + column.get().name()
                                    + " still refuses " + (Integer.parseInt(m.group(2)) - 1) + ": " + outcome);
                        }
                    }
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
        return problems;
    }

    private static boolean keyColumn(Table table, String column) {
        return table.foreignKeys().stream().anyMatch(k -> k.columns().stream().anyMatch(c -> c.equalsIgnoreCase(column)))
                || table.primaryKey() != null && table.primaryKey().columns().stream().anyMatch(c -> c.equalsIgnoreCase(column));
    }

    private static final String WENT_THROUGH = "went through";
    private static final String NO_ROW = "no row";

    /** Sets the column of the row of key 1 to the value under a savepoint: {@value #WENT_THROUGH}, {@value #NO_ROW} or the refusal. */
    private static String tryValue(EvolutionEngine engine, Connection connection, Statement statement, Table table,
                                         String column, long value) throws SQLException {
        String update = "update " + engine.names.name(table.name()) + " set " + engine.names.name(column) + " = " + value
                + " where " + engine.names.name(table.primaryKey().columns().get(0)) + " = 1";
        Savepoint savepoint = connection.setSavepoint();
        try {
            int updated = statement.executeUpdate(update);
            connection.releaseSavepoint(savepoint);
            return updated == 0 ? NO_ROW : WENT_THROUGH;
        } catch (SQLException e) {
            connection.rollback(savepoint);
            return "refused: " + e.getMessage();
        }
    }

    /**
     * Tries each value on the row of key 1 (rows are numbered from 1), each under a savepoint,
     * because a refused statement ends the whole transaction on PostgreSQL.
     */
    private static void tryEnumValues(EvolutionEngine engine, Connection connection, Statement statement, SchemaModel model,
                                      Table table, Column column, List<String> problems) throws SQLException {
        List<String> constants = model.enumType(column.enumRef().javaType()).orElseThrow().constants();
        boolean ordinal = column.enumRef().storage() == EnumStorage.ORDINAL;
        String key = engine.names.name(table.primaryKey().columns().get(0));
        String update = "update " + engine.names.name(table.name()) + " set " + engine.names.name(column.name()) + " = %s where "
                + key + " = 1";
        for (int i = 0; i <= constants.size(); i++) {
            boolean valid = i < constants.size();
            String value = ordinal ? Integer.toString(i) : valid ? SqlNames.literal(constants.get(i)) : "'NOT_A_CONSTANT'";
            Savepoint savepoint = connection.setSavepoint();
            try {
                int updated = statement.executeUpdate(String.format(update, value));
                connection.releaseSavepoint(savepoint);
                if (updated == 0) {
                    return;
                }
                if (!valid) {
                    problems.add("enum column " + table.name() + "." + column.name() + " accepts " + value
                            + ", which is not one of " + constants);
                }
            } catch (SQLException e) {
                connection.rollback(savepoint);
                if (valid) {
                    problems.add("enum column " + table.name() + "." + column.name() + " refuses " + value + " of "
                            + constants + ": " + e.getMessage());
                }
            }
        }
    }
}
