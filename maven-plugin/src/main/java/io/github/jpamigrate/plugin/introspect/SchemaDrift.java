package io.github.jpamigrate.plugin.introspect;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.ColumnWords;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.model.Column;
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
        return between(model, new SchemaReader(dialect, ignored).read(connection, null), dialect);
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
