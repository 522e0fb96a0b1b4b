package io.github.jpamigrate.plugin.introspect;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.core.sql.SqlTypeText;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the tables of one schema through {@link DatabaseMetaData} into the core model: columns
 * with their SQL type text (kept as {@link Column#definition()}, read back into a logical type),
 * nullability and default, primary keys, foreign keys with their delete rule, and indexes.
 * What JDBC reports unevenly is asked of the database itself by a small {@link CatalogDetails}
 * per dialect (SQLite's declared types and foreign keys). Where a dialect can read the whole
 * catalogue with a few set-wide queries (SQLite), it does, instead of {@link DatabaseMetaData}'s
 * several queries per table: the same rows, a fraction of the time on a large schema.
 */
public final class SchemaReader {

    private final Dialect dialect;
    private final CatalogDetails details;
    private final Set<String> ignoredTables;
    private final boolean setWide;

    /**
     * @param ignoredTables tables that are not part of the model (Flyway's history table), by name
     */
    public SchemaReader(Dialect dialect, Set<String> ignoredTables) {
        this(dialect, ignoredTables, true);
    }

    /**
     * @param setWide whether to use the dialect's set-wide catalogue queries where it has them;
     *                false: {@link DatabaseMetaData} table by table (the reference they are tested against)
     */
    SchemaReader(Dialect dialect, Set<String> ignoredTables, boolean setWide) {
        this.dialect = dialect;
        this.details = CatalogDetails.of(dialect);
        this.ignoredTables = ignoredTables.stream().map(Identifiers::key).collect(java.util.stream.Collectors.toSet());
        this.setWide = setWide;
    }

    /**
     * @param schema the schema to read, or null for the connection's current one
     */
    public SchemaModel read(Connection connection, String schema) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String catalog = connection.getCatalog();
        String schemaName = schema != null ? schema : details.currentSchema(connection);
        List<String> names = tableNames(meta, catalog, schemaName);
        Optional<List<CatalogTable>> whole = setWide ? details.wholeCatalog(connection, catalog, schemaName, names)
                : Optional.empty();
        List<Table> tables = new ArrayList<>();
        if (whole.isPresent()) {
            for (CatalogTable table : whole.get()) {
                tables.add(table(table));
            }
        } else {
            for (String name : names) {
                tables.add(table(catalogTable(connection, meta, catalog, schemaName, name)));
            }
        }
        return new SchemaModel("database", dialect.id(), "jdbc", tables, List.of(), List.of(), List.of());
    }

    /**
     * The tables of the schema, and the views among {@code mapped} (the tables an entity model maps,
     * by name): an entity may map a view (made by a repeatable migration, say) rather than a table.
     * A view is read with its columns only — no keys, indexes or defaults, which a view does not
     * have — and {@link #viewNames} tells which they are. Views no entity maps are not read.
     *
     * @param schema the schema to read, or null for the connection's current one
     */
    public SchemaModel read(Connection connection, String schema, java.util.Collection<String> mapped) throws SQLException {
        SchemaModel tables = read(connection, schema);
        List<String> views = viewNames(connection, schema).stream()
                .filter(v -> mapped.stream().anyMatch(m -> Identifiers.sameName(m, v)))
                .filter(v -> tables.table(v).isEmpty()).toList();
        if (views.isEmpty()) {
            return tables;
        }
        DatabaseMetaData meta = connection.getMetaData();
        String schemaName = schema != null ? schema : details.currentSchema(connection);
        List<Table> all = new ArrayList<>(tables.tables());
        for (String view : views) {
            Map<String, String> declared = details.declaredTypes(connection, view);
            all.add(table(new CatalogTable(view, columnRows(meta, connection.getCatalog(), schemaName, view, declared), null,
                    List.of(), List.of())));
        }
        return new SchemaModel(tables.naming(), tables.orm(), tables.producer(), all, List.of(), List.of(), List.of());
    }

    /**
     * The names of the schema's views (PostgreSQL's materialized views too).
     *
     * @param schema the schema to read, or null for the connection's current one
     */
    public List<String> viewNames(Connection connection, String schema) throws SQLException {
        String schemaName = schema != null ? schema : details.currentSchema(connection);
        List<String> names = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(), schemaName, "%",
                new String[] {"VIEW", "MATERIALIZED VIEW"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return names;
    }

    /**
     * The tables' names only, without their columns and keys: cheap where a full {@link #read} is not needed.
     *
     * @param schema the schema to read, or null for the connection's current one
     */
    public List<String> tableNames(Connection connection, String schema) throws SQLException {
        String schemaName = schema != null ? schema : details.currentSchema(connection);
        return tableNames(connection.getMetaData(), connection.getCatalog(), schemaName);
    }

    private List<String> tableNames(DatabaseMetaData meta, String catalog, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!ignoredTables.contains(Identifiers.key(name)) && !details.isInternal(name)) {
                    names.add(name);
                }
            }
        }
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return names;
    }

    /** One table's catalogue rows through {@link DatabaseMetaData}, with the dialect's corrections. */
    private CatalogTable catalogTable(Connection connection, DatabaseMetaData meta, String catalog, String schema,
                                      String name) throws SQLException {
        List<CatalogTable.ColumnRow> columns = columnRows(meta, catalog, schema, name, details.declaredTypes(connection, name));
        // Not orElse: that would run the JDBC query even when the dialect's own reading is used.
        Optional<List<ForeignKey>> ownReading = details.foreignKeys(connection, name);
        List<ForeignKey> foreignKeys = ownReading.isPresent() ? ownReading.get() : foreignKeys(meta, catalog, schema, name);
        return new CatalogTable(name, columns, primaryKey(meta, catalog, schema, name), foreignKeys,
                indexes(meta, catalog, schema, name));
    }

    private static List<CatalogTable.ColumnRow> columnRows(DatabaseMetaData meta, String catalog, String schema, String name,
                                                           Map<String, String> declared) throws SQLException {
        List<CatalogTable.ColumnRow> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(catalog, schema, name, "%")) {
            while (rs.next()) {
                String column = rs.getString("COLUMN_NAME");
                columns.add(new CatalogTable.ColumnRow(column, declared.getOrDefault(Identifiers.key(column), typeText(rs)),
                        rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls, rs.getString("COLUMN_DEF"),
                        "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))));
            }
        }
        return columns;
    }

    /** The model's table from the catalogue's rows: types parsed, indexes that back a key left out. */
    private Table table(CatalogTable rows) {
        List<Column> columns = new ArrayList<>();
        for (CatalogTable.ColumnRow reported : rows.columns()) {
            CatalogTable.ColumnRow row = details.column(reported);
            ColumnType type = SqlTypeText.parse(row.typeText());
            columns.add(new Column(row.name(), type != null ? type : ColumnType.of(TypeKind.CLOB), row.nullable(), false,
                    details.defaultValue(row.defaultValue()), row.autoIncrement(), row.typeText(), null, null));
        }
        PrimaryKey key = rows.primaryKey();
        List<Index> indexes = rows.indexes().stream()
                .filter(index -> !(key != null && index.unique() && sameColumns(index.columns(), key.columns())))
                .filter(index -> !(details.indexesForeignKeys() && backsForeignKey(index, rows.foreignKeys(), details))).toList();
        return new Table(rows.name(), null, columns, key, rows.foreignKeys(), List.of(), indexes, List.of(), null,
                List.of());
    }

    /** {@code varchar(255)}, {@code numeric(38,2)}, {@code timestamp(6)} from the JDBC type name and sizes. */
    static String typeText(ResultSet rs) throws SQLException {
        String name = rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
        int size = rs.getInt("COLUMN_SIZE");
        int digits = rs.getInt("DECIMAL_DIGITS");
        if (rs.getInt("DATA_TYPE") == Types.ARRAY && name.startsWith("_")) {
            // PostgreSQL names an array type after its element (_varchar, _int4) and reports the element's sizes
            return typeText(name.substring(1), size, digits) + " array";
        }
        return typeText(name, size, digits);
    }

    private static String typeText(String name, int size, int digits) {
        if (name.contains("(")) {
            return name;
        }
        ColumnType kind = SqlTypeText.parse(name);
        if (kind == null) {
            return name;
        }
        String zone = " with time zone";
        if (name.endsWith(zone) && kind.kind().params() == TypeKind.Params.PRECISION) {
            // H2 reports TIMESTAMP WITH TIME ZONE: the precision goes before the zone words
            return name.substring(0, name.length() - zone.length()) + "(" + digits + ")" + zone;
        }
        return switch (kind.kind().params()) {
            case NONE -> name;
            case LENGTH -> name + "(" + size + ")";
            case PRECISION -> kind.kind() == TypeKind.REAL || kind.kind() == TypeKind.DOUBLE ? name : name + "(" + digits + ")";
            case PRECISION_SCALE -> name + "(" + size + "," + digits + ")";
        };
    }

    private static PrimaryKey primaryKey(DatabaseMetaData meta, String catalog, String schema, String table)
            throws SQLException {
        Map<Integer, String> byPosition = new TreeMap<>();
        String keyName = null;
        try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                byPosition.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                keyName = rs.getString("PK_NAME");
            }
        }
        return byPosition.isEmpty() ? null : new PrimaryKey(keyName, List.copyOf(byPosition.values()));
    }

    private static List<ForeignKey> foreignKeys(DatabaseMetaData meta, String catalog, String schema, String table)
            throws SQLException {
        Map<String, ForeignKeyRows> keys = new TreeMap<>();
        try (ResultSet rs = meta.getImportedKeys(catalog, schema, table)) {
            while (rs.next()) {
                String name = rs.getString("FK_NAME");
                String target = rs.getString("PKTABLE_NAME");
                ForeignKeyRows rows = ForeignKeyRows.of(keys, name, target, () -> deleteRule(rs));
                rows.add(rs.getInt("KEY_SEQ"), rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME"));
            }
        }
        return keys.values().stream().map(ForeignKeyRows::toKey).toList();
    }

    private static ReferentialAction deleteRule(ResultSet rs) {
        try {
            return deleteRule(rs.getInt("DELETE_RULE"));
        } catch (SQLException e) {
            return ReferentialAction.NO_ACTION;
        }
    }

    /** The action of a {@link DatabaseMetaData} {@code DELETE_RULE} code. */
    static ReferentialAction deleteRule(int rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> ReferentialAction.CASCADE;
            case DatabaseMetaData.importedKeySetNull -> ReferentialAction.SET_NULL;
            case DatabaseMetaData.importedKeySetDefault -> ReferentialAction.SET_DEFAULT;
            case DatabaseMetaData.importedKeyRestrict -> ReferentialAction.RESTRICT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    private static List<Index> indexes(DatabaseMetaData meta, String catalog, String schema, String table)
            throws SQLException {
        Map<String, IndexRows> indexes = new TreeMap<>();
        try (ResultSet rs = meta.getIndexInfo(catalog, schema, table, false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                    continue;
                }
                boolean unique = !rs.getBoolean("NON_UNIQUE");
                String column = rs.getString("COLUMN_NAME");
                String order = rs.getString("ASC_OR_DESC");
                indexes.computeIfAbsent(name, n -> new IndexRows(n, unique)).add(rs.getInt("ORDINAL_POSITION"), column, order);
            }
        }
        return indexes.values().stream().map(IndexRows::toIndex).toList();
    }

    /**
     * An index the database made for a foreign key: not unique, named after the key (H2 adds a
     * suffix), or, after the key was renamed, a name the database makes up over the key's columns.
     */
    private static boolean backsForeignKey(Index index, List<ForeignKey> keys, CatalogDetails details) {
        return !index.unique() && keys.stream().anyMatch(key -> !key.name().isEmpty()
                && Identifiers.key(index.name()).startsWith(Identifiers.key(key.name()))
                || details.isConstraintIndexName(index.name()) && sameColumns(index.columns(), key.columns()));
    }

    private static boolean sameColumns(List<String> a, List<String> b) {
        return a.size() == b.size() && a.stream().allMatch(x -> b.stream().anyMatch(y -> Identifiers.sameName(x, y)));
    }

    /**
     * Rows of one foreign key, in key order; the set-wide readers group their rows with it too, so
     * that both readings name, order and build their keys alike.
     */
    static final class ForeignKeyRows {
        private final String name;
        private final String target;
        private final ReferentialAction onDelete;
        private final Map<Integer, String[]> columns = new TreeMap<>();

        ForeignKeyRows(String name, String target, ReferentialAction onDelete) {
            this.name = name;
            this.target = target;
            this.onDelete = onDelete;
        }

        /** The rows of the key {@code name} to {@code target} in {@code keys} (name order), added when new. */
        static ForeignKeyRows of(Map<String, ForeignKeyRows> keys, String name, String target,
                                 java.util.function.Supplier<ReferentialAction> onDelete) {
            return keys.computeIfAbsent(name + "\u0000" + target, k -> new ForeignKeyRows(name, target, onDelete.get()));
        }

        void add(int position, String column, String referenced) {
            columns.put(position, new String[] {column, referenced});
        }

        ForeignKey toKey() {
            return new ForeignKey(name == null ? "" : name, columns.values().stream().map(c -> c[0]).toList(), target,
                    columns.values().stream().map(c -> c[1]).toList(), onDelete);
        }
    }

    /** Rows of one index, in column order (shared with the set-wide readers, as {@link ForeignKeyRows} is). */
    static final class IndexRows {
        private final String name;
        private final boolean unique;
        private final Map<Integer, String> columns = new TreeMap<>();

        IndexRows(String name, boolean unique) {
            this.name = name;
            this.unique = unique;
        }

        /** @param order {@code A}, {@code D} or null, as {@code ASC_OR_DESC} reports it */
        void add(int position, String column, String order) {
            columns.put(position, "D".equals(order) ? column + " desc" : column);
        }

        Index toIndex() {
            return new Index(name, List.copyOf(columns.values()), unique);
        }
    }
}
