package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The form in which a model and a schema read back from a database are compared, so that drift
 * is just a {@code SchemaDiff}: each column type is what the dialect stores (rendered, then read
 * back through {@link SqlTypeText}); what no catalogue reports uniformly is left out (enum
 * bindings, comments, checks, identity, constraint names); unique columns, unique constraints and
 * unique indexes all become unique constraints; defaults are compared as trimmed lower-case text
 * without the outer parentheses databases add.
 */
public final class SchemaNormalForm {

    private SchemaNormalForm() {
    }

    public static SchemaModel of(SchemaModel model, Dialect dialect) {
        ColumnTypeNames names = ColumnTypeNames.of(dialect);
        List<Table> tables = new ArrayList<>();
        for (Table table : model.tables()) {
            tables.add(table(table, model, names, dialect));
        }
        return new SchemaModel("-", "-", "-", tables, List.of(), List.of(), List.of());
    }

    private static Table table(Table table, SchemaModel model, ColumnTypeNames names, Dialect dialect) {
        List<Column> columns = new ArrayList<>();
        Map<String, UniqueConstraint> uniques = new LinkedHashMap<>();
        for (Column column : table.columns()) {
            String sql = column.definition() != null ? column.definition() : names.sqlType(column, model);
            ColumnType type = SqlTypeText.parse(sql);
            columns.add(new Column(column.name(), type != null ? type : column.type(), column.nullable(), false,
                    defaultText(column.defaultValue()), false, type != null ? null : sql.toLowerCase(Locale.ROOT),
                    null, null));
            if (column.unique()) {
                uniques.put(column.name().toLowerCase(Locale.ROOT), new UniqueConstraint("u", List.of(column.name())));
            }
        }
        for (UniqueConstraint unique : table.uniqueConstraints()) {
            uniques.put(key(unique.columns()), new UniqueConstraint("u", unique.columns()));
        }
        List<Index> indexes = new ArrayList<>();
        for (Index index : table.indexes()) {
            if (index.unique()) {
                uniques.put(key(index.columns()), new UniqueConstraint("u", index.columns()));
            } else {
                indexes.add(new Index("i", index.columns(), false));
            }
        }
        if (table.primaryKey() != null) {
            uniques.remove(key(table.primaryKey().columns()));
        }
        PrimaryKey key = table.primaryKey() == null ? null : new PrimaryKey(null, table.primaryKey().columns());
        return new Table(table.name(), null, columns, key, foreignKeys(table, dialect), List.copyOf(uniques.values()), indexes,
                List.of(), null, List.of());
    }

    /** MariaDB and MySQL treat NO ACTION as RESTRICT and report it so: the two compare equal there. */
    private static List<ForeignKey> foreignKeys(Table table, Dialect dialect) {
        if (dialect != Dialect.MARIADB && dialect != Dialect.MYSQL) {
            return table.foreignKeys();
        }
        return table.foreignKeys().stream().map(k -> k.onDelete() != ReferentialAction.RESTRICT ? k
                : new ForeignKey(k.name(), k.columns(), k.referencedTable(), k.referencedColumns(), ReferentialAction.NO_ACTION))
                .toList();
    }

    private static String key(List<String> columns) {
        return String.join(",", columns.stream().map(c -> c.toLowerCase(Locale.ROOT)).sorted().toList());
    }

    /** A type PostgreSQL casts a numeric default to, as in {@code '-5'::integer}. */
    private static final Pattern NUMERIC_CAST = Pattern.compile(
            "(smallint|integer|bigint|int[248]?|numeric|decimal|real|double precision|float[48]?)(\\s*\\(.*\\))?");
    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]+(\\.[0-9]*)?([eE][-+]?[0-9]+)?");

    /**
     * {@code ('user')}, {@code 'user'} and {@code 'user'::character varying} all read as {@code 'user'};
     * {@code '-5'::integer} (PostgreSQL's form of a negative number) reads as {@code -5}.
     */
    static String defaultText(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        while (v.startsWith("(") && v.endsWith(")")) {
            v = v.substring(1, v.length() - 1).trim();
        }
        int cast = v.lastIndexOf("::");
        if (cast > 0 && v.startsWith("'")) {
            String type = v.substring(cast + 2).trim().toLowerCase(Locale.ROOT);
            v = v.substring(0, cast).trim();
            String quoted = v.length() >= 2 && v.endsWith("'") ? v.substring(1, v.length() - 1) : null;
            if (quoted != null && NUMERIC_CAST.matcher(type).matches() && NUMBER.matcher(quoted).matches()) {
                v = quoted;
            }
        }
        return v.equalsIgnoreCase("null") ? null : v.toLowerCase(Locale.ROOT);
    }
}
