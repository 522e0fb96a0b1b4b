package io.github.jpamigrate.plugin.replay;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.EnumRef;
import io.github.jpamigrate.core.model.EnumStorage;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts a few generated rows into every table of a scratch database, parents before children,
 * so that a migration that follows meets a populated schema as it would in production. Row
 * {@code i} of a child refers to row {@code i} of its parent; enum columns take the model's
 * constants, so that enum checks accept them.
 */
public final class SeedRows {

    public static final int ROWS = 3;

    /**
     * How many tables share a savepoint while they take their rows: a savepoint per table costs
     * two round trips, and a group with a table that refuses its rows is done again table by table.
     */
    private static final int TABLES_PER_SAVEPOINT = 25;

    /** How many tables one counting query reads. */
    private static final int COUNTED_PER_QUERY = 100;

    private final SchemaModel model;
    /** The model's tables by case-folded name: looked up for every column, a scan would be n². */
    private final Map<String, Table> modelTables;
    private final Dialect dialect;
    private final List<String> notes = new ArrayList<>();

    public SeedRows(SchemaModel model, Dialect dialect) {
        this.model = model;
        this.modelTables = byKey(model.tables());
        this.dialect = dialect;
    }

    /** Tables that could not be filled, with the database's reason. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** @return rows inserted per table (only tables that took their rows) */
    public Map<String, Integer> seed(Connection connection, List<Table> tables) throws SQLException {
        Map<String, Integer> seeded = new LinkedHashMap<>();
        Map<String, Table> byKey = byKey(tables);
        List<Table> ordered = parentsFirst(tables, byKey);
        // One transaction, not one commit per row: on a SQLite file each commit is a sync to disk, seconds
        // for a thousand tables.
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (int from = 0; from < ordered.size(); from += TABLES_PER_SAVEPOINT) {
                List<Table> group = ordered.subList(from, Math.min(ordered.size(), from + TABLES_PER_SAVEPOINT));
                if (together(connection, group, byKey)) {
                    group.forEach(table -> seeded.put(table.name(), ROWS));
                    continue;
                }
                for (Table table : group) {
                    if (alone(connection, table, byKey)) {
                        seeded.put(table.name(), ROWS);
                    }
                }
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return seeded;
    }

    /**
     * The rows of a group of tables under one savepoint, a batch per table (one round trip each
     * on a server, where a savepoint and a statement per row took five): whether every table of
     * the group took them. When one refuses, nothing of the group is kept (PostgreSQL refuses
     * everything after a failed statement until the savepoint is rolled back).
     */
    private boolean together(Connection connection, List<Table> group, Map<String, Table> byKey) throws SQLException {
        Savepoint before = connection.setSavepoint();
        try {
            for (Table table : group) {
                try (PreparedStatement insert = connection.prepareStatement(insertSql(table))) {
                    for (int row = 0; row < ROWS; row++) {
                        bind(insert, table, byKey, row);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
        } catch (SQLException refused) {
            connection.rollback(before);
            return false;
        }
        connection.releaseSavepoint(before);
        return true;
    }

    /**
     * One table's rows under a savepoint of its own, a statement per row, for a group that refused
     * them together: a table that refuses them is left empty, as the note says, with the
     * database's words for its first refused row; the tables after it still get theirs.
     */
    private boolean alone(Connection connection, Table table, Map<String, Table> byKey) throws SQLException {
        Savepoint before = connection.setSavepoint();
        try (PreparedStatement insert = connection.prepareStatement(insertSql(table))) {
            for (int row = 0; row < ROWS; row++) {
                bind(insert, table, byKey, row);
                insert.executeUpdate();
            }
            connection.releaseSavepoint(before);
            return true;
        } catch (SQLException e) {
            connection.rollback(before);
            notes.add("table " + table.name() + " was left empty: generated rows were refused (" + e.getMessage() + ")");
            return false;
        }
    }

    private String insertSql(Table table) {
        List<String> names = table.columns().stream().map(c -> quote(dialect, c.name())).toList();
        return "INSERT INTO " + quote(dialect, table.name()) + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
    }

    private void bind(PreparedStatement insert, Table table, Map<String, Table> tables, int row) throws SQLException {
        for (int i = 0; i < table.columns().size(); i++) {
            insert.setObject(i + 1, value(table, table.columns().get(i), tables, row));
        }
    }

    /** The value of a column in row {@code row}; a foreign key column takes its parent row's key. */
    private Object value(Table table, Column column, Map<String, Table> tables, int row) {
        for (ForeignKey key : table.foreignKeys()) {
            int at = indexOf(key.columns(), column.name());
            Optional<Column> parent = find(tables, key.referencedTable()).flatMap(t -> t.column(key.referencedColumns().get(at < 0 ? 0 : at)));
            if (at >= 0 && parent.isPresent()) {
                return plain(parent.get().type(), enumConstants(key.referencedTable(), parent.get()), row);
            }
        }
        return plain(column.type(), enumConstants(table.name(), column), row);
    }

    private Object plain(ColumnType type, Optional<EnumChoice> choice, int row) {
        if (choice.isPresent()) {
            List<String> constants = choice.get().constants();
            return choice.get().ordinal() ? (Object) (row % constants.size()) : constants.get(row % constants.size());
        }
        // SQLite keeps what it is given; the others want values of the column's type.
        boolean typed = dialect != Dialect.SQLITE;
        return switch (type.kind()) {
            case BOOLEAN -> typed ? (Object) (row % 2 == 1) : row % 2;
            case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE, INTERVAL -> row + 1;
            case DATE -> typed ? Date.valueOf("2026-01-0" + (row + 1)) : "2026-01-0" + (row + 1);
            case TIME, TIME_TZ -> typed ? Time.valueOf("10:00:0" + row) : "10:00:0" + row;
            case TIMESTAMP, TIMESTAMP_TZ -> typed ? Timestamp.valueOf("2026-01-01 10:00:0" + row) : "2026-01-01 10:00:0" + row;
            case BINARY, VARBINARY, BLOB -> new byte[] {(byte) (row + 1)};
            case UUID -> typed && dialect != Dialect.MYSQL ? new java.util.UUID(0, row + 1) : uuid(row);
            case JSON -> "[" + row + "]";
            default -> text(type, row);
        };
    }

    private static String text(ColumnType type, int row) {
        String text = "r" + (row + 1);
        if (type.length() != null && type.length() < text.length()) {
            return String.valueOf((char) ('a' + row));
        }
        return text;
    }

    private static byte[] uuid(int row) {
        byte[] bytes = new byte[16];
        bytes[15] = (byte) (row + 1);
        return bytes;
    }

    /** The constants of the model's enum mapped to this column, and whether they are stored by ordinal. */
    private record EnumChoice(List<String> constants, boolean ordinal) {
    }

    private Optional<EnumChoice> enumConstants(String table, Column column) {
        Optional<EnumRef> ref = find(modelTables, table).flatMap(t -> t.column(column.name())).map(Column::enumRef);
        return ref.flatMap(r -> model.enumType(r.javaType())
                .filter(e -> !e.constants().isEmpty())
                .map(e -> new EnumChoice(e.constants(), r.storage() == EnumStorage.ORDINAL)));
    }

    /** Referenced tables first; a cycle is broken where it is found (its inserts may then be refused). */
    private static List<Table> parentsFirst(List<Table> tables, Map<String, Table> byKey) {
        Map<String, Table> ordered = new LinkedHashMap<>();
        Set<String> visiting = new HashSet<>();
        for (Table table : tables) {
            visit(table, byKey, ordered, visiting);
        }
        return List.copyOf(ordered.values());
    }

    private static void visit(Table table, Map<String, Table> tables, Map<String, Table> ordered, Set<String> visiting) {
        String key = Identifiers.key(table.name());
        if (ordered.containsKey(key) || !visiting.add(key)) {
            return;
        }
        for (ForeignKey foreignKey : table.foreignKeys()) {
            find(tables, foreignKey.referencedTable()).ifPresent(parent -> visit(parent, tables, ordered, visiting));
        }
        ordered.put(key, table);
    }

    private static Map<String, Table> byKey(List<Table> tables) {
        Map<String, Table> byKey = new HashMap<>();
        for (Table table : tables) {
            byKey.putIfAbsent(Identifiers.key(table.name()), table);
        }
        return byKey;
    }

    private static Optional<Table> find(Map<String, Table> tables, String name) {
        return Optional.ofNullable(tables.get(Identifiers.key(name)));
    }

    private static int indexOf(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (Identifiers.sameName(names.get(i), name)) {
                return i;
            }
        }
        return -1;
    }

    /** How many rows the table holds now. */
    public static long count(Statement sql, Dialect dialect, String table) throws SQLException {
        try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM " + quote(dialect, table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** How many rows each table holds now, read a hundred tables a query (one round trip each, not one per table). */
    public static Map<String, Long> counts(Statement sql, Dialect dialect, List<String> tables) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int from = 0; from < tables.size(); from += COUNTED_PER_QUERY) {
            List<String> some = tables.subList(from, Math.min(tables.size(), from + COUNTED_PER_QUERY));
            StringBuilder query = new StringBuilder();
            for (int i = 0; i < some.size(); i++) {
                query.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i).append(", count(*) FROM ")
                        .append(quote(dialect, some.get(i)));
            }
            long[] found = new long[some.size()];
            try (ResultSet rs = sql.executeQuery(query.toString())) {
                while (rs.next()) {
                    found[rs.getInt(1)] = rs.getLong(2);
                }
            }
            for (int i = 0; i < some.size(); i++) {
                counts.put(some.get(i), found[i]);
            }
        }
        return counts;
    }

    /** A row whose foreign key points at no row of its parent table. */
    public record BrokenReference(String table, long rowid, String parent) {
    }

    /**
     * SQLite's own foreign key check over the whole database. Elsewhere foreign keys are checked on
     * every statement; SQLite's can be switched off, which is how a table rebuild can leave orphans.
     */
    public static List<BrokenReference> brokenReferences(Statement sql) throws SQLException {
        List<BrokenReference> broken = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery("PRAGMA foreign_key_check")) {
            while (rs.next()) {
                broken.add(new BrokenReference(rs.getString(1), rs.getLong(2), rs.getString(3)));
            }
        }
        return broken;
    }

    /** The identifier exactly as the catalog spells it. */
    public static String quote(Dialect dialect, String identifier) {
        if (dialect == Dialect.MYSQL || dialect == Dialect.MARIADB) {
            return '`' + identifier.replace("`", "``") + '`';
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
