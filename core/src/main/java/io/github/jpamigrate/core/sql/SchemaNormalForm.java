package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.core.model.UniqueConstraint;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
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

    public static SchemaModel of(SchemaModel model, DialectFacts dialect) {
        ColumnTypeNames names = dialect.typeNames();
        List<Table> tables = new ArrayList<>();
        for (Table table : model.tables()) {
            tables.add(table(table, model, names, dialect));
        }
        return new SchemaModel("-", "-", "-", tables, List.of(), List.of(), List.of());
    }

    private static Table table(Table table, SchemaModel model, ColumnTypeNames names, DialectFacts dialect) {
        List<Column> columns = new ArrayList<>();
        Map<String, UniqueConstraint> uniques = new LinkedHashMap<>();
        for (Column column : table.columns()) {
            String sql = column.definition() != null ? column.definition() : names.sqlType(column, model);
            ColumnType type = stored(SqlTypeText.parse(sql), dialect);
            columns.add(new Column(column.name(), type != null ? type : column.type(), column.nullable(), false,
                    defaultText(column.defaultValue(), (type != null ? type : column.type()).kind()), false, type != null ? null : sql.toLowerCase(Locale.ROOT),
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
                List.of(), null, List.of(), table.kind(), table.query());
    }

    /**
     * MariaDB's {@code json} is an alias of {@code longtext} (with a {@code json_valid} check), and
     * its catalogue reports {@code longtext}: there the two are one type.
     */
    private static ColumnType stored(ColumnType type, DialectFacts dialect) {
        if (type != null && dialect.reportsJsonAsLongtext() && type.kind() == TypeKind.JSON) {
            return ColumnType.of(TypeKind.CLOB);
        }
        return type;
    }

    /** MariaDB and MySQL treat NO ACTION as RESTRICT and report it so: the two compare equal there. */
    private static List<ForeignKey> foreignKeys(Table table, DialectFacts dialect) {
        if (!dialect.reportsNoActionAsRestrict()) {
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
    private static final Pattern CURRENT_TIMESTAMP = Pattern.compile("current_timestamp(\\(\\d*\\))?|now\\(\\)");
    /** A timestamp literal whose fraction is all zeros: {@code '2024-01-01 00:00:00.000000'}. */
    private static final Pattern TIMESTAMP_ZEROS = Pattern.compile("('\\d{4}-\\d{2}-\\d{2}[ t]\\d{2}:\\d{2}:\\d{2})\\.0*'");
    private static final Set<TypeKind> NUMERIC_KINDS = Set.of(TypeKind.TINYINT, TypeKind.SMALLINT, TypeKind.INTEGER,
            TypeKind.BIGINT, TypeKind.DECIMAL, TypeKind.REAL, TypeKind.DOUBLE);

    /**
     * {@code ('user')}, {@code 'user'} and {@code 'user'::character varying} all read as {@code 'user'};
     * {@code '-5'::integer} (PostgreSQL's form of a negative number) reads as {@code -5}.
     */
    static String defaultText(String value) {
        return defaultText(value, null);
    }

    /**
     * {@link #defaultText(String)}, then the spellings servers report for the same value made
     * one: {@code current_timestamp(6)} is {@code current_timestamp}; for a boolean column
     * {@code 1}/{@code 0} are {@code true}/{@code false}; for a numeric column {@code 1.50} is
     * {@code 1.5}; for a timestamp {@code '2024-01-01 00:00:00.000000'} is
     * {@code '2024-01-01 00:00:00'} (MariaDB reports all of these the second way).
     *
     * @param kind the column's type, or null when unknown
     */
    static String defaultText(String value, TypeKind kind) {
        String text = plainDefaultText(value);
        if (text == null) {
            return null;
        }
        if (CURRENT_TIMESTAMP.matcher(text).matches()) {
            return "current_timestamp";
        }
        if (kind == TypeKind.BOOLEAN) {
            return switch (text) {
                case "1", "'1'", "b'1'" -> "true";
                case "0", "'0'", "b'0'" -> "false";
                default -> text;
            };
        }
        if (kind != null && NUMERIC_KINDS.contains(kind) && NUMBER.matcher(text).matches()) {
            BigDecimal number = new BigDecimal(text);
            return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
        }
        if (kind == TypeKind.TIMESTAMP || kind == TypeKind.TIMESTAMP_TZ) {
            Matcher zeros = TIMESTAMP_ZEROS.matcher(text);
            if (zeros.matches()) {
                return zeros.group(1) + "'";
            }
        }
        return text;
    }

    private static String plainDefaultText(String value) {
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
