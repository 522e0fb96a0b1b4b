package io.github.jpamigrate.core.sql.sqlite;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.EnumStorage;
import io.github.jpamigrate.core.model.EnumType;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.UniqueConstraint;
import io.github.jpamigrate.core.sql.KeyColumnOrder;
import io.github.jpamigrate.core.sql.SqlNames;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQLite text of a table: {@code CREATE TABLE} with columns, primary key, foreign keys
 * (SQLite only knows them inline, which is why changing one needs a rebuild) and checks,
 * plus the indexes. Multi-column unique constraints are written as unique indexes so that
 * adding or dropping one needs no rebuild.
 */
final class SqliteTableDefinition {

    private final SqlNames names = SqlNames.standard();
    private final SqliteTypeNames types = new SqliteTypeNames();
    private final SchemaModel model;

    SqliteTableDefinition(SchemaModel model) {
        this.model = model;
    }

    /** {@code CREATE TABLE <name> (...)} for the table's shape, under the given name. */
    String createTable(Table shape, String asName) {
        Table table = KeyColumnOrder.of(model, SqliteDialect.INSTANCE).table(shape);
        List<String> parts = new ArrayList<>();
        for (Column column : table.columns()) {
            parts.add(column(column));
        }
        if (table.primaryKey() != null) {
            parts.add("primary key (" + names.list(table.primaryKey().columns()) + ")");
        }
        for (ForeignKey key : table.foreignKeys()) {
            parts.add(foreignKey(key));
        }
        table.checks().forEach(check -> parts.add((check.name() == null ? "" : "constraint " + names.name(check.name()) + " ")
                + "check (" + check.expression() + ")"));
        return "create table " + names.name(asName) + " (\n    "
                + String.join(",\n    ", parts) + "\n)";
    }

    String column(Column column) {
        StringBuilder sql = new StringBuilder(names.name(column.name())).append(' ');
        sql.append(column.definition() != null ? column.definition() : types.sqlType(column, model));
        if (column.definition() == null) {
            if (!column.nullable()) {
                sql.append(" not null");
            }
            if (column.defaultValue() != null) {
                sql.append(" default ").append(defaultExpression(column.defaultValue()));
            }
            if (column.unique()) {
                sql.append(" unique");
            }
            String check = enumCheck(column);
            if (check != null) {
                sql.append(" check (").append(check).append(')');
            }
        }
        return sql.toString();
    }

    /** SQLite accepts a literal as is; anything else must be parenthesised to be an expression. */
    static String defaultExpression(String value) {
        String v = value.trim();
        return isPlainLiteral(v) || v.startsWith("(") ? v : "(" + v + ")";
    }

    /**
     * A string, number, NULL, TRUE or FALSE: the only defaults {@code ALTER TABLE ADD COLUMN} takes
     * and the ones SQLite accepts without parentheses.
     */
    static boolean isPlainLiteral(String value) {
        String v = value.trim();
        return v.matches("'([^']|'')*'") || v.matches("[-+]?[0-9]+(\\.[0-9]+)?") || v.equalsIgnoreCase("null")
                || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
    }

    /** The enum check Hibernate writes for an {@code @Enumerated} column, or null. */
    String enumCheck(Column column) {
        if (column.enumRef() == null) {
            return null;
        }
        EnumType type = model.enumType(column.enumRef().javaType()).orElse(null);
        if (type == null || type.constants().isEmpty()) {
            return null;
        }
        String name = names.name(column.name());
        if (column.enumRef().storage() == EnumStorage.ORDINAL) {
            return name + " between 0 and " + (type.constants().size() - 1);
        }
        return name + " in (" + type.constants().stream().map(SqlNames::literal).collect(Collectors.joining(",")) + ")";
    }

    private String foreignKey(ForeignKey key) {
        String sql = "constraint " + names.name(key.name()) + " foreign key (" + names.list(key.columns())
                + ") references " + names.name(key.referencedTable()) + " (" + names.list(key.referencedColumns()) + ")";
        return key.onDelete() == ReferentialAction.NO_ACTION ? sql : sql + " on delete " + key.onDelete().sql().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code CREATE [UNIQUE] INDEX} statements for the table's indexes and unique constraints. */
    List<String> indexes(Table table) {
        List<String> out = new ArrayList<>();
        for (UniqueConstraint unique : table.uniqueConstraints()) {
            out.add(uniqueIndex(table, unique));
        }
        for (Index index : table.indexes()) {
            out.add(index(table, index));
        }
        return out;
    }

    String uniqueIndex(Table table, UniqueConstraint unique) {
        return "create unique index " + names.name(unique.name()) + " on " + names.name(table.name())
                + " (" + names.list(unique.columns()) + ")";
    }

    String index(Table table, Index index) {
        return "create " + (index.unique() ? "unique " : "") + "index " + names.name(index.name()) + " on "
                + names.name(table.name()) + " (" + names.list(index.columns()) + ")";
    }

    String dropIndex(String name) {
        return "drop index " + names.name(name);
    }

    SqlNames names() {
        return names;
    }
}
