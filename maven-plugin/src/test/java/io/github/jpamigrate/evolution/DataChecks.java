package io.github.jpamigrate.evolution;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.EnumStorage;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.sql.SqlNames;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private static final SqlNames NAMES = SqlNames.standard();

    private DataChecks() {
    }

    static List<String> preserved(Connection connection, Evolution evolution, Map<String, TableContents> before)
            throws SQLException {
        List<String> problems = new ArrayList<>();
        for (Table old : evolution.oldModel().tables()) {
            Optional<Table> now = evolution.newTable(old);
            if (now.isPresent()) {
                compareTable(connection, evolution, old, now.get(), before.get(old.name()), problems);
            }
        }
        return problems;
    }

    private static void compareTable(Connection connection, Evolution evolution, Table old, Table now,
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
        TableContents after = TableContents.read(connection, now.name(), key, kept);
        if (!after.rows().keySet().equals(before.rows().keySet())) {
            problems.add("table " + now.name() + " had rows " + before.rows().keySet() + ", now " + after.rows().keySet());
            return;
        }
        for (int k = 0; k < kept.size(); k++) {
            compareColumn(connection, evolution, now, key, now.column(kept.get(k)).orElseThrow(), oldIndexes.get(k), k,
                    before, after, problems);
        }
        for (Column column : now.columns()) {
            if (!kept.stream().anyMatch(c -> Identifiers.sameName(c, column.name()))) {
                for (String row : rowsWithoutFallback(connection, evolution, now, key, column)) {
                    problems.add("new column " + now.name() + "." + column.name() + " of row " + row + " does not hold "
                            + evolution.fallback(now, column).orElse("NULL"));
                }
            }
        }
    }

    /** A kept column keeps each value; a NULL in a column made NOT NULL becomes its backfill or default. */
    private static void compareColumn(Connection connection, Evolution evolution, Table now, String key, Column column,
                                      int oldIndex, int newIndex, TableContents before, TableContents after,
                                      List<String> problems) throws SQLException {
        List<String> withoutFallback = null;
        for (Map.Entry<String, List<String>> row : before.rows().entrySet()) {
            String was = row.getValue().get(oldIndex);
            String is = after.rows().get(row.getKey()).get(newIndex);
            boolean refilled = was.equals("NULL") && !column.nullable();
            if (refilled && withoutFallback == null) {
                withoutFallback = rowsWithoutFallback(connection, evolution, now, key, column);
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
    private static List<String> rowsWithoutFallback(Connection connection, Evolution evolution, Table now, String key,
                                                    Column column) throws SQLException {
        String fallback = evolution.fallback(now, column).orElse("null");
        String expected = fallback.equalsIgnoreCase(ColumnKinds.NOW)
                ? "coalesce(" + NAMES.name(column.name()) + ", 'missing')" : fallback;
        return TableContents.keysWhereNot(connection, now.name(), key, column.name(), expected);
    }

    /** Rows of {@code pragma foreign_key_check}, in words. */
    static List<String> danglingReferences(Connection connection) throws SQLException {
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
    static List<String> enumChecks(Connection connection, SchemaModel model) throws SQLException {
        List<String> problems = new ArrayList<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (Table table : model.tables()) {
                for (Column column : table.columns()) {
                    if (column.enumRef() != null) {
                        tryEnumValues(statement, model, table, column, problems);
                    }
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
        return problems;
    }

    private static void tryEnumValues(Statement statement, SchemaModel model, Table table, Column column,
                                      List<String> problems) {
        List<String> constants = model.enumType(column.enumRef().javaType()).orElseThrow().constants();
        boolean ordinal = column.enumRef().storage() == EnumStorage.ORDINAL;
        String key = NAMES.name(table.primaryKey().columns().get(0));
        String update = "update " + NAMES.name(table.name()) + " set " + NAMES.name(column.name()) + " = %s where "
                + key + " = (select min(" + key + ") from " + NAMES.name(table.name()) + ")";
        for (int i = 0; i <= constants.size(); i++) {
            boolean valid = i < constants.size();
            String value = ordinal ? Integer.toString(i) : valid ? SqlNames.literal(constants.get(i)) : "'NOT_A_CONSTANT'";
            try {
                if (statement.executeUpdate(String.format(update, value)) == 0) {
                    return;
                }
                if (!valid) {
                    problems.add("enum column " + table.name() + "." + column.name() + " accepts " + value
                            + ", which is not one of " + constants);
                }
            } catch (SQLException e) {
                if (valid) {
                    problems.add("enum column " + table.name() + "." + column.name() + " refuses " + value + " of "
                            + constants + ": " + e.getMessage());
                }
            }
        }
    }
}
