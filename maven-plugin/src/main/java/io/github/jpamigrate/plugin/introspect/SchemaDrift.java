package io.github.jpamigrate.plugin.introspect;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.ColumnWords;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.sql.SchemaNormalForm;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Drift is just a diff: the changes that would take the model to the schema a database holds,
 * both in the dialect's normal form. Empty when they agree.
 */
public final class SchemaDrift {

    private SchemaDrift() {
    }

    /**
     * @param ignored tables that are not the model's (Flyway's history table, sequence tables)
     */
    public static List<SchemaChange> between(SchemaModel model, Connection connection, Dialect dialect,
                                             Set<String> ignored) throws SQLException {
        return read(model, connection, dialect, ignored).changes();
    }

    /**
     * The schema a database holds and its changes from the model.
     *
     * @param schema  the schema as read, for {@link #databaseWords}
     * @param changes the changes from the model to it
     */
    public record Read(SchemaModel schema, List<SchemaChange> changes) {
    }

    /** As {@link #between(SchemaModel, Connection, Dialect, Set)}, with the schema read. */
    public static Read read(SchemaModel model, Connection connection, Dialect dialect, Set<String> ignored)
            throws SQLException {
        SchemaReader reader = new SchemaReader(dialect, ignored);
        SchemaModel schema = reader.read(connection, null, mapped(model));
        return new Read(schema, between(model, schema, dialect, Set.copyOf(reader.viewNames(connection, null))));
    }

    /** The names of the tables the model maps: those a view may stand for. */
    public static List<String> mapped(SchemaModel model) {
        return model.tables().stream().map(Table::name).toList();
    }

    /**
     * The same where some of the tables read are views ({@link SchemaReader#read(Connection, String,
     * java.util.Collection)}): for those, only the columns are compared, by name and type. A view
     * has no primary key, foreign keys, unique constraints, indexes, checks or defaults of its own,
     * and the nullability the catalogue reports for its columns is not the entity's to state
     * (PostgreSQL reports every view column nullable), so none of these is compared there.
     *
     * @param views the names of the database's views
     */
    public static List<SchemaChange> between(SchemaModel model, SchemaModel read, Dialect dialect, Set<String> views) {
        if (views.isEmpty()) {
            return between(model, read, dialect);
        }
        return SchemaDiff.compare(asViews(SchemaNormalForm.of(model, dialect), read, views),
                asViews(SchemaNormalForm.of(read, dialect), read, views));
    }

    /** Whether the table of this name was read from a view. */
    public static boolean isView(String table, SchemaModel read, Set<String> views) {
        return read.table(table).isPresent() && views.stream().anyMatch(v -> Identifiers.sameName(v, table));
    }

    private static SchemaModel asViews(SchemaModel normal, SchemaModel read, Set<String> views) {
        List<Table> tables = normal.tables().stream().map(t -> !isView(t.name(), read, views) ? t
                : new Table(t.name(), t.schema(), t.columns().stream().map(c -> new Column(c.name(), c.type(), true, false,
                        null, false, c.definition(), null, null)).toList(), null, List.of(), List.of(), List.of(), List.of(),
                        null, List.of())).toList();
        return new SchemaModel(normal.naming(), normal.orm(), normal.producer(), tables, normal.sequences(),
                normal.tableGenerators(), normal.enums());
    }

    /**
     * How a difference of the model from a database read with {@link SchemaReader} spells the
     * database's column types: as the database declares them where the model's notation would
     * mislead ({@code text}, {@code longtext}, {@code oid} rather than {@code clob}; an unbounded
     * {@code varchar} as {@code varchar}, not with the driver's 2147483647), else in the model's
     * notation; the model's side always in the model's notation.
     *
     * @param table the table the difference is in
     */
    public static ColumnWords databaseWords(SchemaModel read, String table) {
        return ColumnWords.of((column, before) -> before ? column.type().toString() : databaseType(read, table, column),
                expression -> expression);
    }

    /** A column type of the database, spelled as {@link #databaseWords} says. */
    public static String databaseType(SchemaModel read, String table, Column column) {
        TypeKind kind = column.type().kind();
        boolean unbounded = kind == TypeKind.VARCHAR && column.type().length() != null
                && column.type().length() == Integer.MAX_VALUE;
        if (unbounded) {
            return "varchar"; // the driver reports a varchar without a length as one of 2147483647
        }
        if (kind != TypeKind.CLOB) {
            return column.type().toString();
        }
        return read.table(table).flatMap(t -> t.column(column.name())).map(Column::definition)
                .filter(definition -> definition != null && !definition.isBlank()).orElse(column.type().toString());
    }

    /** The same for a schema already read with {@link SchemaReader}. */
    public static List<SchemaChange> between(SchemaModel model, SchemaModel read, Dialect dialect) {
        return SchemaDiff.compare(SchemaNormalForm.of(model, dialect), SchemaNormalForm.of(read, dialect));
    }
}
