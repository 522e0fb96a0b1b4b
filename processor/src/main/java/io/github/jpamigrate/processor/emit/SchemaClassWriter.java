package io.github.jpamigrate.processor.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.github.jpamigrate.core.json.ModelHash;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the runtime schema check class (by default {@code JpaMigrateSchema}) with JavaPoet: the
 * {@link ModelHash} of the descriptor, the code that reads the tables and columns from that descriptor
 * at run time ({@link SchemaDataMethods}), and the check itself ({@link SchemaCheckMethods}). The class
 * is the same size for every model (its data is the descriptor javac does not have to compile), depends
 * on the JDK only, and the same model always gives the same bytes.
 */
public final class SchemaClassWriter {

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
     * Writes the class as a generated source, which javac compiles in the next round. The class holds no
     * table data: it reads the descriptor with this hash from the class path at run time.
     *
     * @param qualifiedName the class to write
     * @param modelHash     the {@link ModelHash} of the descriptor bytes the compilation writes
     * @param originating   the entity classes the model comes from
     */
    public void write(String qualifiedName, String modelHash, Element... originating) throws IOException {
        javaFile(qualifiedName, modelHash, originating).writeTo(filer);
    }

    /**
     * Whether the class output already holds this class compiled with this model hash (an incremental
     * compile that did not change the model): writing it again would only cost javac another round.
     * Only a class javac sees on the class path and that is in the class output counts.
     */
    public boolean isCurrent(String qualifiedName, String modelHash) {
        TypeElement existing = elements.getTypeElement(qualifiedName);
        if (existing == null || existing.getEnclosedElements().stream()
                .noneMatch(e -> e.getKind() == ElementKind.FIELD && e.getSimpleName().contentEquals("MODEL_HASH")
                        && modelHash.equals(((VariableElement) e).getConstantValue()))) {
            return false;
        }
        try (InputStream in = filer.getResource(StandardLocation.CLASS_OUTPUT, SchemaClassName.packageOf(qualifiedName),
                SchemaClassName.simpleNameOf(qualifiedName) + ".class").openInputStream()) {
            return in != null;
        } catch (IOException | IllegalArgumentException absent) {
            return false;
        }
    }

    /**
     * Writes the descriptor the class was generated from beside it ({@code JpaMigrateSchema.json} in its
     * package), for when the compilation's descriptor came out different (warning JM004): the class then
     * still finds the tables it was generated for.
     */
    public void writeOwnDescriptor(String qualifiedName, byte[] descriptor, Element... originating) throws IOException {
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, SchemaClassName.packageOf(qualifiedName),
                SchemaDataMethods.ownResource(SchemaClassName.simpleNameOf(qualifiedName)), originating);
        try (OutputStream out = file.openOutputStream()) {
            out.write(descriptor);
        }
    }

    /** The source file, without writing it. */
    JavaFile javaFile(String qualifiedName, String hash, Element... originating) {
        ClassName name = ClassName.get(SchemaClassName.packageOf(qualifiedName), SchemaClassName.simpleNameOf(qualifiedName));
        SchemaCheckMethods check = new SchemaCheckMethods(name);
        SchemaDataMethods data = new SchemaDataMethods(name);
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
                .addField(data.descriptorPath())
                .addField(check.tableTypes())
                .addField(data.tablesField())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(data.tables())
                .addMethod(check.mismatches())
                .addMethod(check.verify())
                .addMethod(data.readTables())
                .addMethod(data.readIfCurrent())
                .addMethod(data.readAll())
                .addMethod(data.sha256())
                .addMethod(data.expectedTables())
                .addMethod(check.readSchema())
                .addMethod(check.existing())
                .addMethod(check.inScope())
                .addMethod(check.lookup())
                .addMethod(check.describeLocation())
                .addType(SchemaCheckTypes.table(name))
                .addType(SchemaCheckTypes.column())
                .addType(DescriptorTextType.type());
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
