package io.github.jpamigrate.plugin.squash;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Sequence;
import io.github.jpamigrate.core.model.TableGenerator;
import io.github.jpamigrate.core.sql.SqlNames;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where the model's id generators stand in a database: the next value of each sequence (drawn
 * once, so two databases compared this way stay alike), and the rows of the tables that stand
 * for sequences (SQLite, MySQL) and of {@code @TableGenerator} tables. A baseline migration must
 * leave them where the chain leaves them, or the application's first insert takes another id.
 */
final class GeneratorState {

    private GeneratorState() {
    }

    /** Each generator, by name as messages show it, with its state as text. */
    static Map<String, String> read(ScratchDatabase db, SchemaModel model) throws SQLException {
        Map<String, String> state = new LinkedHashMap<>();
        Dialect dialect = db.dialect();
        try (Connection connection = db.connect(); Statement sql = connection.createStatement()) {
            SqlNames names = names(dialect);
            for (Sequence sequence : model.sequences()) {
                String name = names.name(sequence.name());
                state.put("sequence " + sequence.name(), tableBacked(dialect) ? rows(sql, name)
                        : value(sql, nextValue(dialect, name)));
            }
            for (String table : new TreeSet<>(model.tableGenerators().stream().map(TableGenerator::table).toList())) {
                state.put("generator table " + table, rows(sql, names.name(table)));
            }
        }
        return state;
    }

    /** Names written as the dialect's renderer writes them: unquoted where it may, so that folding applies alike. */
    private static SqlNames names(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> SqlNames.foldingToLowerCase();
            case H2 -> SqlNames.foldingToUpperCase();
            case MARIADB, MYSQL -> SqlNames.backtick();
            default -> SqlNames.standard();
        };
    }

    /** SQLite has no sequences, MySQL none before 8.0 as Hibernate sees it: a one-row table stands for each. */
    private static boolean tableBacked(Dialect dialect) {
        return dialect == Dialect.SQLITE || dialect == Dialect.MYSQL;
    }

    private static String nextValue(Dialect dialect, String quoted) {
        return switch (dialect) {
            case POSTGRESQL -> "select nextval('" + quoted.replace("'", "''") + "')";
            case MARIADB -> "select nextval(" + quoted + ")";
            default -> "select next value for " + quoted;
        };
    }

    private static String value(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            return rs.next() ? "next value " + rs.getString(1) : "no value";
        }
    }

    private static String rows(Statement sql, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery("select * from " + table)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(String.join(", ", row));
            }
        }
        rows.sort(null);
        return rows.isEmpty() ? "no row" : "rows (" + String.join("), (", rows) + ")";
    }
}
