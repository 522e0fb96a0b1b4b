package io.github.jpamigrate.fidelity;

import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.sql.SchemaNormalForm;
import io.github.jpamigrate.plugin.introspect.SchemaReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A PostgreSQL database's schema as the plugin's {@code verify} reads it ({@link SchemaReader}, in
 * the dialect's normal form, foreign key names left out because Hibernate's are hashes), plus its
 * sequences and check constraints, which the reader does not cover on PostgreSQL.
 *
 * @param model     tables, columns, keys, uniques and indexes
 * @param sequences {@code name start n increment m}, sorted
 * @param checks    {@code table: CHECK (...)} as PostgreSQL prints them back (so both sides' texts compare), without names
 */
record DatabaseSchema(SchemaModel model, Set<String> sequences, Set<String> checks) {

    static DatabaseSchema read(PostgresScratch database) throws SQLException {
        try (Connection connection = database.connect()) {
            SchemaModel normal = SchemaNormalForm.of(new SchemaReader(Dialect.POSTGRESQL, Set.of(HandWrittenMigrations.HISTORY)).read(connection, null),
                    Dialect.POSTGRESQL);
            List<Table> tables = normal.tables().stream().map(DatabaseSchema::withoutForeignKeyNames).toList();
            return new DatabaseSchema(new SchemaModel(normal.naming(), normal.orm(), normal.producer(), tables,
                    normal.sequences(), normal.tableGenerators(), normal.enums()), sequences(connection), checks(connection));
        }
    }

    /** Every difference, as what it takes to turn this schema into {@code hibernate}'s. */
    List<String> differencesTo(DatabaseSchema hibernate) {
        List<String> out = new ArrayList<>();
        SchemaDiff.compare(model, hibernate.model).forEach(change -> out.add(change.describe()));
        compare(sequences, hibernate.sequences, "sequence ", out);
        compare(checks, hibernate.checks, "check on ", out);
        return out;
    }

    private static void compare(Set<String> ours, Set<String> theirs, String what, List<String> out) {
        ours.stream().filter(o -> !theirs.contains(o)).forEach(o -> out.add("drop " + what + o));
        theirs.stream().filter(t -> !ours.contains(t)).forEach(t -> out.add("add " + what + t));
    }

    private static Table withoutForeignKeyNames(Table t) {
        return new Table(t.name(), t.schema(), t.columns(), t.primaryKey(),
                t.foreignKeys().stream().map(k -> new ForeignKey("fk", k.columns(), k.referencedTable(), k.referencedColumns(),
                        k.onDelete())).toList(),
                t.uniqueConstraints(), t.indexes(), t.checks(), t.comment(), t.entities());
    }

    private static Set<String> sequences(Connection connection) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (var s = connection.createStatement(); ResultSet rows = s.executeQuery(
                "select sequence_name, start_value, increment from information_schema.sequences"
                        + " where sequence_schema = current_schema()")) {
            while (rows.next()) {
                out.add(rows.getString(1).toLowerCase(Locale.ROOT) + " start " + rows.getString(2) + " increment " + rows.getString(3));
            }
        }
        return out;
    }

    private static Set<String> checks(Connection connection) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (var s = connection.createStatement(); ResultSet rows = s.executeQuery(
                "select c.relname, pg_get_constraintdef(k.oid) from pg_constraint k join pg_class c on c.oid = k.conrelid"
                        + " join pg_namespace n on n.oid = c.relnamespace where k.contype = 'c' and n.nspname = current_schema()")) {
            while (rows.next()) {
                out.add(rows.getString(1).toLowerCase(Locale.ROOT) + ": " + rows.getString(2));
            }
        }
        return out;
    }
}
