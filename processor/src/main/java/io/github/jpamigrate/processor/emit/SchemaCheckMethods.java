package io.github.jpamigrate.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The code of the generated check, the same for every model: read the tables and columns of the
 * connection's current schema (or of the schema a table names) through {@link DatabaseMetaData},
 * match names without case as the databases fold them, and describe what is missing. JDK only
 * ({@code java.sql}, {@code java.util}), written for a Java 8 target.
 */
final class SchemaCheckMethods {

    /** Column name -> whether the database allows NULL in it. */
    private static final TypeName COLUMNS = ParameterizedTypeName.get(Map.class, String.class, Boolean.class);
    /** Table name -> its columns, for one schema. */
    private static final TypeName TABLES = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class),
            COLUMNS);
    private static final TypeName STRINGS = ParameterizedTypeName.get(List.class, String.class);

    private final ClassName table;
    private final ClassName column;

    SchemaCheckMethods(ClassName outer) {
        this.table = outer.nestedClass(SchemaCheckTypes.TABLE);
        this.column = outer.nestedClass(SchemaCheckTypes.COLUMN);
    }

    MethodSpec mismatches() {
        return MethodSpec.methodBuilder("mismatches")
                .addJavadoc("""
                        Compares the database behind {@code connection} with the model: every table the entities map
                        must exist (in the connection's current schema, or the schema named by {@code @Table}), with
                        every mapped column, and each column must allow NULL exactly when the model does. Tables and
                        columns the model does not know (Flyway's history table, columns added for other
                        applications) are not reported. Names compare without case, as the databases fold them.
                        The connection is only read; it is left open.

                        @param connection an open connection to the database the application uses
                        @return one readable sentence per mismatch; empty when the database matches
                        @throws SQLException when the database metadata cannot be read
                        """)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(STRINGS)
                .addParameter(Connection.class, "connection")
                .addException(SQLException.class)
                .addStatement("$T meta = connection.getMetaData()", DatabaseMetaData.class)
                .addStatement("$T<$T, $T> schemas = new $T<>()", Map.class, String.class, TABLES, HashMap.class)
                .addStatement("$T mismatches = new $T<>()", STRINGS, ArrayList.class)
                .beginControlFlow("for ($T table : tables())", table)
                .addStatement("$T tables = schemas.get(table.schema())", TABLES)
                .beginControlFlow("if (tables == null)")
                .addStatement("tables = readSchema(connection, meta, table.schema())")
                .addStatement("schemas.put(table.schema(), tables)")
                .endControlFlow()
                .addStatement("$T columns = lookup(tables, table.name())", COLUMNS)
                .beginControlFlow("if (columns == null)")
                .addStatement("mismatches.add($S + table + $S + ADVICE + $S)", "table ", " is missing (", ")")
                .addStatement("continue")
                .endControlFlow()
                .beginControlFlow("for ($T column : table.columns())", column)
                .addStatement("$T nullable = lookup(columns, column.name())", Boolean.class)
                .beginControlFlow("if (nullable == null)")
                .addStatement("mismatches.add($S + table + $S + column.name() + $S + ADVICE + $S)",
                        "table ", ": missing column ", " (", ")")
                .nextControlFlow("else if (table.nullability() && nullable.booleanValue() && !column.nullable())")
                .addStatement("mismatches.add($S + table + $S + column.name() + $S + ADVICE + $S)",
                        "table ", ": column ", " allows NULL, the model requires NOT NULL (", ")")
                .nextControlFlow("else if (table.nullability() && !nullable.booleanValue() && column.nullable())")
                .addStatement("mismatches.add($S + table + $S + column.name() + $S + ADVICE + $S)",
                        "table ", ": column ", " is NOT NULL, the model allows NULL (", ")")
                .endControlFlow()
                .endControlFlow()
                .endControlFlow()
                .addStatement("return mismatches")
                .build();
    }

    MethodSpec verify() {
        return MethodSpec.methodBuilder("verify")
                .addJavadoc("""
                        Fails fast when the database does not match the model: call it at start-up, before the
                        application serves requests.

                        @param connection an open connection to the database the application uses; left open
                        @throws IllegalStateException listing every mismatch of {@link #mismatches(Connection)}
                        @throws SQLException when the database metadata cannot be read
                        """)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(Connection.class, "connection")
                .addException(SQLException.class)
                .addStatement("$T mismatches = mismatches(connection)", STRINGS)
                .beginControlFlow("if (mismatches.isEmpty())")
                .addStatement("return")
                .endControlFlow()
                .addStatement("$T message = new $T($S)", StringBuilder.class, StringBuilder.class,
                        "The database does not match the JPA entity model (model hash ")
                .addStatement("message.append(MODEL_HASH, 0, 12).append($S).append(mismatches.size())", "): ")
                .addStatement("message.append(mismatches.size() == 1 ? $S : $S)", " mismatch", " mismatches")
                .addStatement("message.append(describeLocation(connection)).append(':')")
                .beginControlFlow("for ($T mismatch : mismatches)", String.class)
                .addStatement("message.append($S).append(mismatch)", "\n  - ")
                .endControlFlow()
                .addStatement("throw new $T(message.toString())", IllegalStateException.class)
                .build();
    }

    /**
     * Reads one schema's tables and columns. Where the database has schemas (PostgreSQL, H2) that is the
     * current schema of the current catalog; where databases are catalogs (MariaDB, MySQL) the current
     * database; SQLite has neither. A schema a table names is looked up without case first.
     */
    MethodSpec readSchema() {
        return MethodSpec.methodBuilder("readSchema")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TABLES)
                .addParameter(Connection.class, "connection")
                .addParameter(DatabaseMetaData.class, "meta")
                .addParameter(String.class, "schema")
                .addException(SQLException.class)
                .addStatement("$T catalog = null", String.class)
                .addStatement("$T schemaName = null", String.class)
                .beginControlFlow("if (meta.supportsSchemasInTableDefinitions())")
                .addStatement("catalog = connection.getCatalog()")
                .addStatement("schemaName = schema == null ? connection.getSchema() : existing(meta.getSchemas(), $S, schema)",
                        "TABLE_SCHEM")
                .nextControlFlow("else if (meta.supportsCatalogsInTableDefinitions())")
                .addStatement("catalog = schema == null ? connection.getCatalog() : existing(meta.getCatalogs(), $S, schema)",
                        "TABLE_CAT")
                .endControlFlow()
                .addStatement("$T tables = new $T<>()", TABLES, HashMap.class)
                .beginControlFlow("try ($T rs = meta.getTables(catalog, schemaName, $S, TABLE_TYPES))", ResultSet.class, "%")
                .beginControlFlow("while (rs.next())")
                .beginControlFlow("if (inScope(rs, catalog, schemaName))")
                .addStatement("tables.put(rs.getString($S), new $T<$T, $T>())", "TABLE_NAME", HashMap.class, String.class,
                        Boolean.class)
                .endControlFlow()
                .endControlFlow()
                .endControlFlow()
                .beginControlFlow("try ($T rs = meta.getColumns(catalog, schemaName, $S, $S))", ResultSet.class, "%", "%")
                .beginControlFlow("while (rs.next())")
                .addStatement("$T columns = inScope(rs, catalog, schemaName) ? tables.get(rs.getString($S)) : null",
                        COLUMNS, "TABLE_NAME")
                .beginControlFlow("if (columns != null)")
                .addStatement("columns.put(rs.getString($S), rs.getInt($S) != $T.columnNoNulls)", "COLUMN_NAME",
                        "NULLABLE", DatabaseMetaData.class)
                .endControlFlow()
                .endControlFlow()
                .endControlFlow()
                .addStatement("return tables")
                .build();
    }

    /** What an entity can be mapped to; PostgreSQL names its partitioned tables and materialized views apart. */
    FieldSpec tableTypes() {
        return FieldSpec.builder(String[].class, "TABLE_TYPES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("{$S, $S, $S, $S}", "TABLE", "VIEW", "PARTITIONED TABLE", "MATERIALIZED VIEW")
                .build();
    }

    /** The name as the database spells it, from a schema or catalog listing; the name as given if none matches. */
    MethodSpec existing() {
        return MethodSpec.methodBuilder("existing")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(String.class)
                .addParameter(ResultSet.class, "listing")
                .addParameter(String.class, "label")
                .addParameter(String.class, "name")
                .addException(SQLException.class)
                .addStatement("$T found = name", String.class)
                .beginControlFlow("try ($T rs = listing)", ResultSet.class)
                .beginControlFlow("while (rs.next())")
                .addStatement("$T candidate = rs.getString(label)", String.class)
                .beginControlFlow("if (name.equals(candidate))")
                .addStatement("return candidate")
                .nextControlFlow("else if (name.equalsIgnoreCase(candidate))")
                .addStatement("found = candidate")
                .endControlFlow()
                .endControlFlow()
                .endControlFlow()
                .addStatement("return found")
                .build();
    }

    /** Metadata patterns treat {@code _} as a wildcard: keep only rows of exactly this catalog and schema. */
    MethodSpec inScope() {
        return MethodSpec.methodBuilder("inScope")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TypeName.BOOLEAN)
                .addParameter(ResultSet.class, "rs")
                .addParameter(String.class, "catalog")
                .addParameter(String.class, "schemaName")
                .addException(SQLException.class)
                .addStatement("$T rowCatalog = rs.getString($S)", String.class, "TABLE_CAT")
                .addStatement("$T rowSchema = rs.getString($S)", String.class, "TABLE_SCHEM")
                .addStatement("return (catalog == null || rowCatalog == null || catalog.equalsIgnoreCase(rowCatalog))\n"
                        + "&& (schemaName == null || rowSchema == null || schemaName.equalsIgnoreCase(rowSchema))")
                .build();
    }

    /** A name's entry: spelled exactly so, else the first spelled alike without case. */
    MethodSpec lookup() {
        com.palantir.javapoet.TypeVariableName v = com.palantir.javapoet.TypeVariableName.get("V");
        return MethodSpec.methodBuilder("lookup")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addTypeVariable(v)
                .returns(v)
                .addParameter(ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), v), "map")
                .addParameter(String.class, "name")
                .addStatement("$T exact = map.get(name)", v)
                .beginControlFlow("if (exact != null)")
                .addStatement("return exact")
                .endControlFlow()
                .beginControlFlow("for ($T.Entry<$T, $T> entry : map.entrySet())", Map.class, String.class, v)
                .beginControlFlow("if (entry.getKey().equalsIgnoreCase(name))")
                .addStatement("return entry.getValue()")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return null")
                .build();
    }

    /** {@code " in catalog test, schema public"}: where the check looked, for the exception message. */
    MethodSpec describeLocation() {
        return MethodSpec.methodBuilder("describeLocation")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(String.class)
                .addParameter(Connection.class, "connection")
                .addException(SQLException.class)
                .addStatement("$T catalog = connection.getCatalog()", String.class)
                .addStatement("$T schema = connection.getSchema()", String.class)
                .beginControlFlow("if (catalog == null && schema == null)")
                .addStatement("return $S", "")
                .endControlFlow()
                .addStatement("return $S + (catalog == null ? $S : $S + catalog) + (catalog != null && schema != null ? $S : $S)"
                        + "\n+ (schema == null ? $S : $S + schema)", " in", "", " catalog ", ",", "", "", " schema ")
                .build();
    }
}
