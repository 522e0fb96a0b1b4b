package io.github.jpamigrate.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The JSON reader nested in the generated class as {@code DescriptorText}: enough JSON for the
 * descriptor (objects, arrays, strings with their escapes, numbers kept as text, {@code true},
 * {@code false}, {@code null}), so that the class reads its table data with the JDK alone. It only
 * ever reads the descriptor whose hash the class holds, which Jackson wrote: no error recovery.
 */
final class DescriptorTextType {

    static final String NAME = "DescriptorText";

    private DescriptorTextType() {
    }

    static TypeSpec type() {
        TypeName objects = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class),
                ClassName.OBJECT);
        TypeName values = ParameterizedTypeName.get(ClassName.get(List.class), ClassName.OBJECT);
        return TypeSpec.classBuilder(NAME)
                .addJavadoc("Reads the descriptor's JSON into maps, lists, strings and booleans (numbers as text).\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addField(FieldSpec.builder(String.class, "text", Modifier.PRIVATE, Modifier.FINAL).build())
                .addField(FieldSpec.builder(TypeName.INT, "at", Modifier.PRIVATE).build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(String.class, "text")
                        .addStatement("this.text = text")
                        .build())
                .addMethod(MethodSpec.methodBuilder("value")
                        .returns(Object.class)
                        .addStatement("skipSpace()")
                        .addStatement("char c = text.charAt(at)")
                        .beginControlFlow("if (c == '{')")
                        .addStatement("$T object = new $T<$T, $T>()", objects, HashMap.class, String.class, Object.class)
                        .addStatement("at++")
                        .addStatement("skipSpace()")
                        .beginControlFlow("while (text.charAt(at) != '}')")
                        .addStatement("skipSpace()")
                        .addStatement("$T key = string()", String.class)
                        .addStatement("skipSpace()")
                        .addStatement("expect(':')")
                        .addStatement("object.put(key, value())")
                        .addStatement("skipSpace()")
                        .beginControlFlow("if (text.charAt(at) == ',')")
                        .addStatement("at++")
                        .endControlFlow()
                        .endControlFlow()
                        .addStatement("at++")
                        .addStatement("return object")
                        .endControlFlow()
                        .beginControlFlow("if (c == '[')")
                        .addStatement("$T array = new $T<$T>()", values, ArrayList.class, Object.class)
                        .addStatement("at++")
                        .addStatement("skipSpace()")
                        .beginControlFlow("while (text.charAt(at) != ']')")
                        .addStatement("array.add(value())")
                        .addStatement("skipSpace()")
                        .beginControlFlow("if (text.charAt(at) == ',')")
                        .addStatement("at++")
                        .addStatement("skipSpace()")
                        .endControlFlow()
                        .endControlFlow()
                        .addStatement("at++")
                        .addStatement("return array")
                        .endControlFlow()
                        .beginControlFlow("if (c == '\"')")
                        .addStatement("return string()")
                        .endControlFlow()
                        .addStatement("int start = at")
                        .beginControlFlow("while (at < text.length() && $S.indexOf(text.charAt(at)) < 0)", "{}[],: \t\r\n")
                        .addStatement("at++")
                        .endControlFlow()
                        .addStatement("$T word = text.substring(start, at)", String.class)
                        .beginControlFlow("if (word.equals($S) || word.equals($S))", "true", "false")
                        .addStatement("return $T.valueOf(word)", Boolean.class)
                        .endControlFlow()
                        .addStatement("return word.equals($S) ? null : word", "null")
                        .build())
                .addMethod(string())
                .addMethod(MethodSpec.methodBuilder("expect")
                        .addModifiers(Modifier.PRIVATE)
                        .addParameter(TypeName.CHAR, "c")
                        .beginControlFlow("if (text.charAt(at) != c)")
                        .addStatement("throw new $T($S + c + $S + at)", IllegalStateException.class,
                                "descriptor: expected ", " at offset ")
                        .endControlFlow()
                        .addStatement("at++")
                        .build())
                .addMethod(MethodSpec.methodBuilder("skipSpace")
                        .addModifiers(Modifier.PRIVATE)
                        .beginControlFlow("while (at < text.length() && text.charAt(at) <= ' ')")
                        .addStatement("at++")
                        .endControlFlow()
                        .build())
                .build();
    }

    private static MethodSpec string() {
        return MethodSpec.methodBuilder("string")
                .addModifiers(Modifier.PRIVATE)
                .returns(String.class)
                .addStatement("expect('\"')")
                .addStatement("$T out = new $T()", StringBuilder.class, StringBuilder.class)
                .beginControlFlow("while (true)")
                .addStatement("char c = text.charAt(at++)")
                .beginControlFlow("if (c == '\"')")
                .addStatement("return out.toString()")
                .endControlFlow()
                .beginControlFlow("if (c != '\\\\')")
                .addStatement("out.append(c)")
                .addStatement("continue")
                .endControlFlow()
                .addStatement("char escaped = text.charAt(at++)")
                .beginControlFlow("if (escaped == 'u')")
                .addStatement("out.append((char) $T.parseInt(text.substring(at, at + 4), 16))", Integer.class)
                .addStatement("at += 4")
                .nextControlFlow("else")
                .addStatement("int simple = $S.indexOf(escaped)", "bfnrt")
                .addStatement("out.append(simple < 0 ? escaped : $S.charAt(simple))", "\b\f\n\r\t")
                .endControlFlow()
                .endControlFlow()
                .build();
    }
}
