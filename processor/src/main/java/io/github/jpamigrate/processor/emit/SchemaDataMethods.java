package io.github.jpamigrate.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The generated class's table data, read at run time from the descriptor the same compilation wrote
 * ({@value DescriptorFile#PATH}) instead of being compiled into the class: the descriptor on the class
 * path whose SHA-256 is the class's {@code MODEL_HASH}, so another module's descriptor is never taken.
 * Read once, on the first call of {@code tables()} (or of the check), not when the class loads: a
 * missing descriptor is then an exception with a message, not an {@link ExceptionInInitializerError}.
 */
final class SchemaDataMethods {

    private final ClassName outer;
    private final ClassName table;
    private final ClassName column;
    private final TypeName tables;

    SchemaDataMethods(ClassName outer) {
        this.outer = outer;
        this.table = outer.nestedClass(SchemaCheckTypes.TABLE);
        this.column = outer.nestedClass(SchemaCheckTypes.COLUMN);
        this.tables = ParameterizedTypeName.get(ClassName.get(List.class), table);
    }

    FieldSpec descriptorPath() {
        return FieldSpec.builder(String.class, "DESCRIPTOR", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$S", DescriptorFile.PATH)
                .build();
    }

    /** The tables once read; null before the first call of {@code tables()}. */
    FieldSpec tablesField() {
        return FieldSpec.builder(tables, "tables", Modifier.PRIVATE, Modifier.STATIC).build();
    }

    MethodSpec tables() {
        return MethodSpec.methodBuilder("tables")
                .addJavadoc("""
                        The tables the entities need, sorted by name; unmodifiable. Read on the first call from the
                        {@code $L} on the class path whose SHA-256 is {@link #MODEL_HASH}.

                        @throws IllegalStateException when no such descriptor is on the class path (it is written into
                        the class output by the compilation that generated this class, and must be packaged with it)
                        """, DescriptorFile.PATH)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.SYNCHRONIZED)
                .returns(tables)
                .beginControlFlow("if (tables == null)")
                .addStatement("tables = $T.unmodifiableList(readTables())", Collections.class)
                .endControlFlow()
                .addStatement("return tables")
                .build();
    }

    MethodSpec readTables() {
        return MethodSpec.methodBuilder("readTables")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(tables)
                .addStatement("$T loader = $T.class.getClassLoader()", ClassLoader.class, outer)
                .addStatement("int others = 0")
                .beginControlFlow("try")
                .addStatement("$T<$T> found = loader == null ? $T.getSystemResources(DESCRIPTOR)"
                        + " : loader.getResources(DESCRIPTOR)", Enumeration.class, URL.class, ClassLoader.class)
                .beginControlFlow("while (found.hasMoreElements())")
                .addStatement("$T read = readIfCurrent(found.nextElement())", tables)
                .beginControlFlow("if (read != null)")
                .addStatement("return read")
                .endControlFlow()
                .addStatement("others++")
                .endControlFlow()
                .addComment("written beside the class only when the model changed after the class was (warning JM004)")
                .addStatement("$T own = $T.class.getResource($S)", URL.class, outer, ownResource(outer.simpleName()))
                .addStatement("$T read = own == null ? null : readIfCurrent(own)", tables)
                .beginControlFlow("if (read != null)")
                .addStatement("return read")
                .endControlFlow()
                .nextControlFlow("catch ($T e)", IOException.class)
                .addStatement("throw new $T($S + DESCRIPTOR + $S + e.getMessage(), e)", IllegalStateException.class,
                        "cannot read ", ": ")
                .endControlFlow()
                .addStatement("throw new $T($S + DESCRIPTOR + $S + MODEL_HASH.substring(0, 12) + $S + others\n"
                        + "+ $S)", IllegalStateException.class,
                        "no ", " with model hash ", " on the class path (other descriptors found: ",
                        "); package the model.json that the compilation which generated " + outer.simpleName()
                                + " wrote into its class output together with the class")
                .build();
    }

    /** The tables of the descriptor at {@code url} when it is the one this class was generated with, else null. */
    MethodSpec readIfCurrent() {
        return MethodSpec.methodBuilder("readIfCurrent")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(tables)
                .addParameter(URL.class, "url")
                .addException(IOException.class)
                .addStatement("byte[] bytes = readAll(url)")
                .beginControlFlow("if (!MODEL_HASH.equals(sha256(bytes)))")
                .addStatement("return null")
                .endControlFlow()
                .addStatement("return expectedTables(new $L(new $T(bytes, $T.UTF_8)).value())", DescriptorTextType.NAME,
                        String.class, StandardCharsets.class)
                .build();
    }

    /**
     * The resource beside the class ({@code JpaMigrateSchema.json}) holding the descriptor the class was
     * generated from, for when the compilation's descriptor differs from it.
     */
    static String ownResource(String simpleName) {
        return simpleName + ".json";
    }

    MethodSpec readAll() {
        return MethodSpec.methodBuilder("readAll")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(byte[].class)
                .addParameter(URL.class, "url")
                .addException(IOException.class)
                .beginControlFlow("try ($T in = url.openStream())", InputStream.class)
                .addStatement("$T out = new $T()", ByteArrayOutputStream.class, ByteArrayOutputStream.class)
                .addStatement("byte[] buffer = new byte[8192]")
                .addStatement("int n")
                .beginControlFlow("while ((n = in.read(buffer)) > 0)")
                .addStatement("out.write(buffer, 0, n)")
                .endControlFlow()
                .addStatement("return out.toByteArray()")
                .endControlFlow()
                .build();
    }

    /** Lower-case hex, as {@code sha256sum} prints it and {@code MODEL_HASH} holds it. */
    MethodSpec sha256() {
        return MethodSpec.methodBuilder("sha256")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(String.class)
                .addParameter(byte[].class, "bytes")
                .addStatement("byte[] digest")
                .beginControlFlow("try")
                .addStatement("digest = $T.getInstance($S).digest(bytes)", MessageDigest.class, "SHA-256")
                .nextControlFlow("catch ($T e)", NoSuchAlgorithmException.class)
                .addStatement("throw new $T($S, e)", IllegalStateException.class, "SHA-256 is required by the Java platform")
                .endControlFlow()
                .addStatement("$T hex = new $T(64)", StringBuilder.class, StringBuilder.class)
                .beginControlFlow("for (byte b : digest)")
                .addStatement("hex.append($T.forDigit((b >> 4) & 0xf, 16)).append($T.forDigit(b & 0xf, 16))",
                        Character.class, Character.class)
                .endControlFlow()
                .addStatement("return hex.toString()")
                .build();
    }

    /**
     * The descriptor's tables in its order (sorted by name): every table, view or external object with
     * its columns in the model's order; a subselect has no database object. Only the descriptor's
     * {@code tables[].name, schema, kind, columns[].name, nullable} are read.
     */
    MethodSpec expectedTables() {
        return MethodSpec.methodBuilder("expectedTables")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(tables)
                .addParameter(Object.class, "descriptor")
                .addStatement("$T tables = new $T<$T>()", tables, ArrayList.class, table)
                .beginControlFlow("for ($T item : ($T<?>) (($T<?, ?>) descriptor).get($S))", Object.class, List.class,
                        Map.class, "tables")
                .addStatement("$T<?, ?> entry = ($T<?, ?>) item", Map.class, Map.class)
                .addStatement("$T kind = entry.get($S)", Object.class, "kind")
                .beginControlFlow("if ($S.equals(kind))", "subselect")
                .addStatement("continue")
                .endControlFlow()
                .addStatement("$T<?> columnList = ($T<?>) entry.get($S)", List.class, List.class, "columns")
                .addStatement("$T[] columns = new $T[columnList.size()]", column, column)
                .beginControlFlow("for (int i = 0; i < columns.length; i++)")
                .addStatement("$T<?, ?> c = ($T<?, ?>) columnList.get(i)", Map.class, Map.class)
                .addStatement("columns[i] = new $T(($T) c.get($S), $T.TRUE.equals(c.get($S)))", column, String.class, "name",
                        Boolean.class, "nullable")
                .endControlFlow()
                .addComment("only a table of kind \"table\" (the default, not written) is created by the migrations")
                .addStatement("tables.add(new $T(($T) entry.get($S), ($T) entry.get($S), kind == null, columns))", table,
                        String.class, "schema", String.class, "name")
                .endControlFlow()
                .addStatement("return tables")
                .build();
    }
}
