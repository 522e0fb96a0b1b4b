package io.github.jpamigrate.processor.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.jpamigrate.core.json.ModelHash;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TableKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.util.Elements;

/**
 * Writes the runtime schema check class (by default {@code JpaMigrateSchema}) with JavaPoet: the tables and
 * columns of the same {@link SchemaModel} the descriptor holds, its {@link ModelHash}, and the check
 * itself ({@link SchemaCheckMethods}). The source depends on the JDK only, and the same model always
 * gives the same bytes.
 */
public final class SchemaClassWriter {

    /** Columns per generated {@code addTablesN} method: keeps each method far below the JVM's 64 KiB of bytecode. */
    static final int COLUMNS_PER_METHOD = 1000;

    private static final String GENERATED = "javax.annotation.processing.Generated";

    private final Filer filer;
    private final Elements elements;
    private final String producer;

    /**
     * @param producer the processor and its version, for the {@code @Generated} annotation
     */
    public SchemaClassWriter(Filer filer, Elements elements, String producer) {
        this.filer = filer;
        this.elements = elements;
        this.producer = producer;
    }

    /**
     * Writes the class as a generated source, which javac compiles in the next round.
     *
     * @param qualifiedName the class to write
     * @param originating   the entity classes the model comes from
     * @return the model hash the class holds
     */
    public String write(String qualifiedName, SchemaModel model, Element... originating) throws IOException {
        String hash = ModelHash.of(model);
        javaFile(qualifiedName, model, hash, originating).writeTo(filer);
        return hash;
    }

    /** The source file, without writing it. */
    JavaFile javaFile(String qualifiedName, SchemaModel model, String hash, Element... originating) {
        ClassName name = ClassName.get(SchemaClassName.packageOf(qualifiedName), SchemaClassName.simpleNameOf(qualifiedName));
        ClassName table = name.nestedClass(SchemaCheckTypes.TABLE);
        TypeName tables = ParameterizedTypeName.get(ClassName.get(List.class), table);
        SchemaCheckMethods check = new SchemaCheckMethods(name);
        TypeSpec.Builder type = TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(classJavadoc(name.simpleName()))
                .addField(FieldSpec.builder(String.class, "MODEL_HASH", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("SHA-256 (hex) of the {@code META-INF/jpa-migrate/model.json} written by the same"
                                + " compilation, byte for byte.\n")
                        .initializer("$S", hash)
                        .build())
                .addField(FieldSpec.builder(String.class, "ADVICE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$S", "the database lags behind the model; run the pending Flyway migrations")
                        .build())
                .addField(check.tableTypes())
                .addField(FieldSpec.builder(tables, "TABLES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$T.unmodifiableList(expectedTables())", Collections.class)
                        .build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("tables")
                        .addJavadoc("The tables the entities need, sorted by name; unmodifiable.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(tables)
                        .addStatement("return TABLES")
                        .build())
                .addMethod(check.mismatches())
                .addMethod(check.verify());
        addModelData(type, name, tables, model);
        type.addMethod(check.readSchema())
                .addMethod(check.existing())
                .addMethod(check.inScope())
                .addMethod(check.lookup())
                .addMethod(check.describeLocation())
                .addType(SchemaCheckTypes.table(name))
                .addType(SchemaCheckTypes.column());
        if (elements.getTypeElement(GENERATED) != null) {
            type.addAnnotation(AnnotationSpec.builder(ClassName.bestGuess(GENERATED))
                    .addMember("value", "$S", "io.github.jpamigrate.processor.JpaMigrateProcessor")
                    .addMember("comments", "$S", producer)
                    .build());
        }
        for (Element element : originating) {
            type.addOriginatingElement(element);
        }
        return JavaFile.builder(name.packageName(), type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    /** {@code expectedTables()} (every table, view or external object; a subselect has none) and one {@code addTablesN} per {@value #COLUMNS_PER_METHOD} columns. */
    private static void addModelData(TypeSpec.Builder type, ClassName name, TypeName tables, SchemaModel model) {
        ClassName table = name.nestedClass(SchemaCheckTypes.TABLE);
        ClassName column = name.nestedClass(SchemaCheckTypes.COLUMN);
        TypeName list = ParameterizedTypeName.get(ClassName.get(ArrayList.class), table);
        List<CodeBlock> chunks = new ArrayList<>();
        CodeBlock.Builder chunk = CodeBlock.builder();
        int columns = 0;
        List<Table> objects = model.tables().stream().filter(t -> t.kind() != TableKind.SUBSELECT).toList();
        for (Table t : objects) {
            if (columns > 0 && columns + t.columns().size() > COLUMNS_PER_METHOD) {
                chunks.add(chunk.build());
                chunk = CodeBlock.builder();
                columns = 0;
            }
            columns += t.columns().size();
            chunk.add("tables.add(new $T($S, $S, $L", table, t.schema(), t.name(), t.kind() == TableKind.TABLE).indent();
            for (Column c : t.columns()) {
                chunk.add(",\n$L($S)", c.nullable() ? "nullable" : "notNull", c.name());
            }
            chunk.unindent().add("));\n");
        }
        chunks.add(chunk.build());
        MethodSpec.Builder all = MethodSpec.methodBuilder("expectedTables")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(tables)
                .addStatement("$T tables = new $T(" + objects.size() + ")", list, list);
        for (int i = 0; i < chunks.size(); i++) {
            all.addStatement("addTables" + i + "(tables)");
            type.addMethod(MethodSpec.methodBuilder("addTables" + i)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .addParameter(list, "tables")
                    .addCode(chunks.get(i))
                    .build());
        }
        type.addMethod(all.addStatement("return tables").build());
        type.addMethod(columnFactory(column, "notNull", false));
        type.addMethod(columnFactory(column, "nullable", true));
    }

    private static MethodSpec columnFactory(ClassName column, String name, boolean nullable) {
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(column)
                .addParameter(String.class, "name")
                .addStatement("return new $T(name, $L)", column, nullable)
                .build();
    }

    private static String classJavadoc(String simpleName) {
        return """
                The database schema the JPA entities of this module need, for a fail-fast check at start-up:
                {@code %1$s.verify(connection)} throws when a table or column is missing or its
                nullability differs, {@link #mismatches} lists the same as sentences.

                <p>Generated by jpa-migrate from the model it also writes to
                {@code META-INF/jpa-migrate/model.json} ({@link #MODEL_HASH}); do not edit. It checks table
                names, column names and NOT NULL through {@link java.sql.DatabaseMetaData}, not types,
                keys, indexes or sequences: what {@code mvn jpa-migrate:verify} checks before a release.
                """.formatted(simpleName);
    }
}
