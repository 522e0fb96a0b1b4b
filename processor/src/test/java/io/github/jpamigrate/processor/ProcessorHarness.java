package io.github.jpamigrate.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.processor.emit.DescriptorFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Compiles small inline sources in memory with the processor and reads back the descriptor. Sources
 * are written against {@code jakarta.persistence}; {@link #JAVAX} rewrites them to {@code javax.persistence}
 * (and {@code jakarta.validation} to {@code javax.validation}) so every test runs under both namespaces.
 */
final class ProcessorHarness {

    static final String JAKARTA = "jakarta";
    static final String JAVAX = "javax";

    private static final Pattern TYPE_NAME = Pattern.compile(
            "(?<![\\w.])(?:class|record|enum|interface)\\s+(\\w+)");
    private static final Pattern PACKAGE = Pattern.compile("package\\s+([\\w.]+);");

    private ProcessorHarness() {
    }

    /** Both namespaces, for {@code @MethodSource}. */
    static Stream<String> namespaces() {
        return Stream.of(JAKARTA, JAVAX);
    }

    static String inNamespace(String namespace, String source) {
        if (JAKARTA.equals(namespace)) {
            return source;
        }
        return source.replace("jakarta.persistence", "javax.persistence")
                .replace("jakarta.validation", "javax.validation");
    }

    /** A source file object named after the package and first top-level type of the text. */
    static JavaFileObject source(String namespace, String text) {
        String code = inNamespace(namespace, text);
        Matcher type = TYPE_NAME.matcher(code);
        if (!type.find()) {
            throw new IllegalArgumentException("no type in source: " + code);
        }
        Matcher pkg = PACKAGE.matcher(code);
        String name = (pkg.find() ? pkg.group(1) + "." : "") + type.group(1);
        return JavaFileObjects.forSourceString(name, code);
    }

    static Compilation compile(String namespace, List<String> options, String... sources) {
        List<JavaFileObject> files = new ArrayList<>();
        for (String s : sources) {
            files.add(source(namespace, s));
        }
        return javac().withProcessors(new JpaMigrateProcessor()).withOptions(options).compile(files);
    }

    static Compilation compile(String namespace, String... sources) {
        return compile(namespace, List.of(), sources);
    }

    /** Compiles, asserts success and returns the descriptor. */
    static SchemaModel model(String namespace, List<String> options, String... sources) {
        Compilation c = compile(namespace, options, sources);
        assertThat(c.status()).as("compilation: %s", c.diagnostics()).isEqualTo(Compilation.Status.SUCCESS);
        return DescriptorJson.read(descriptorText(c).orElseThrow(() -> new AssertionError("no descriptor written")),
                DescriptorFile.PATH);
    }

    static SchemaModel model(String namespace, String... sources) {
        return model(namespace, List.of(), sources);
    }

    /** The descriptor written by a successful compilation (compile-testing keeps no files of a failed one). */
    static Optional<String> descriptorText(Compilation c) {
        if (c.status() != Compilation.Status.SUCCESS) {
            return Optional.empty();
        }
        return c.generatedFile(StandardLocation.CLASS_OUTPUT, "", DescriptorFile.PATH).map(f -> {
            try {
                return f.getCharContent(true).toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static Table table(SchemaModel model, String name) {
        return model.table(name).orElseThrow(() -> new AssertionError("no table " + name + " in "
                + model.tables().stream().map(Table::name).toList()));
    }

    static Column column(Table table, String name) {
        return table.column(name).orElseThrow(() -> new AssertionError("no column " + name + " in table "
                + table.name() + ": " + table.columns().stream().map(Column::name).toList()));
    }

    /** Column names of a table in order. */
    static List<String> columnNames(Table table) {
        return table.columns().stream().map(Column::name).toList();
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
