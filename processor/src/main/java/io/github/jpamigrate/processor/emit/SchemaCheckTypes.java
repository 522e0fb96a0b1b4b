package io.github.jpamigrate.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The two small value classes nested in the generated schema class, {@code ExpectedTable} and
 * {@code ExpectedColumn}: what a user can inspect, and what the check walks. Plain final classes
 * with accessors, not records, so the generated source also compiles for a Java 8 or 11 target.
 */
final class SchemaCheckTypes {

    static final String TABLE = "ExpectedTable";
    static final String COLUMN = "ExpectedColumn";

    private SchemaCheckTypes() {
    }

    static TypeSpec table(ClassName outer) {
        ClassName column = outer.nestedClass(COLUMN);
        TypeName columns = ParameterizedTypeName.get(ClassName.get(List.class), column);
        return TypeSpec.classBuilder(TABLE)
                .addJavadoc("A table the entities need, with the columns they map.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addField(FieldSpec.builder(String.class, "schema", Modifier.PRIVATE, Modifier.FINAL).build())
                .addField(FieldSpec.builder(String.class, "name", Modifier.PRIVATE, Modifier.FINAL).build())
                .addField(FieldSpec.builder(TypeName.BOOLEAN, "nullability", Modifier.PRIVATE, Modifier.FINAL).build())
                .addField(FieldSpec.builder(columns, "columns", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(String.class, "schema")
                        .addParameter(String.class, "name")
                        .addParameter(TypeName.BOOLEAN, "nullability")
                        .addParameter(ArrayTypeName.of(column), "columns")
                        .varargs()
                        .addStatement("this.schema = schema")
                        .addStatement("this.name = name")
                        .addStatement("this.nullability = nullability")
                        .addStatement("this.columns = $T.unmodifiableList($T.asList(columns))", Collections.class,
                                Arrays.class)
                        .build())
                .addMethod(getter(String.class, "schema",
                        "The schema named by {@code @Table(schema = ...)}, or null for the connection's current one.\n"))
                .addMethod(getter(String.class, "name", "The table name as the model writes it.\n"))
                .addMethod(getter(TypeName.BOOLEAN, "nullability", "Whether the columns' NULL/NOT NULL is compared: for"
                        + " tables the migrations create; not for a view or an {@code @Immutable} object the project\n"
                        + "creates itself, whose columns' nullability the database does not declare.\n"))
                .addMethod(getter(columns, "columns", "The mapped columns, in the model's order.\n"))
                .addMethod(MethodSpec.methodBuilder("toString")
                        .addJavadoc("The name used in mismatch messages: {@code schema.name} or {@code name}.\n")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(String.class)
                        .addStatement("return schema == null ? name : schema + $S + name", ".")
                        .build())
                .build();
    }

    static TypeSpec column() {
        return TypeSpec.classBuilder(COLUMN)
                .addJavadoc("A column the entities map, with the nullability the model gives it.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addField(FieldSpec.builder(String.class, "name", Modifier.PRIVATE, Modifier.FINAL).build())
                .addField(FieldSpec.builder(TypeName.BOOLEAN, "nullable", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(String.class, "name")
                        .addParameter(TypeName.BOOLEAN, "nullable")
                        .addStatement("this.name = name")
                        .addStatement("this.nullable = nullable")
                        .build())
                .addMethod(getter(String.class, "name", "The column name as the model writes it.\n"))
                .addMethod(getter(TypeName.BOOLEAN, "nullable", "Whether the model allows NULL in it.\n"))
                .addMethod(MethodSpec.methodBuilder("toString")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(String.class)
                        .addStatement("return name + (nullable ? $S : $S)", "", " not null")
                        .build())
                .build();
    }

    private static MethodSpec getter(Object type, String name, String javadoc) {
        TypeName typeName = type instanceof TypeName t ? t : ClassName.get((Class<?>) type);
        return MethodSpec.methodBuilder(name)
                .addJavadoc(javadoc)
                .addModifiers(Modifier.PUBLIC)
                .returns(typeName)
                .addStatement("return $N", name)
                .build();
    }
}
