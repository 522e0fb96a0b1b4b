package io.github.jpamigrate.processor.oracle;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.processor.JpaMigrateProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * A fixture compiled in memory with the JPA Migrate processor: its descriptor, and its classes
 * loadable for Hibernate. Builds are cached because every dialect reuses the same compilation.
 */
final class FixtureBuild {

    static final String DESCRIPTOR = "META-INF/jpa-migrate/model.json";

    private static final Set<String> MAPPED = Set.of("Entity", "MappedSuperclass", "Embeddable", "Converter");
    private static final Map<String, FixtureBuild> CACHE = new ConcurrentHashMap<>();

    private final Fixture fixture;
    private final List<String> options;
    private final Compilation compilation;
    private URLClassLoader loader;

    private FixtureBuild(Fixture fixture, List<String> options, Compilation compilation) {
        this.fixture = fixture;
        this.options = options;
        this.compilation = compilation;
    }

    /** Compiles the fixture with the processor and the given {@code -A} options (cached). */
    static FixtureBuild of(Fixture fixture, List<String> options) {
        String key = fixture.name() + "#" + fixture.sources().hashCode() + options;
        return CACHE.computeIfAbsent(key, k -> new FixtureBuild(fixture, options,
                javac().withProcessors(new JpaMigrateProcessor()).withOptions(options).compile(fixture.javaFiles())));
    }

    Fixture fixture() {
        return fixture;
    }

    boolean succeeded() {
        return compilation.status() == Compilation.Status.SUCCESS;
    }

    /** The compiler errors, one per line with file and line, for failure messages. */
    String errors() {
        return compilation.errors().stream().map(FixtureBuild::describe).collect(Collectors.joining("\n"));
    }

    /** The descriptor the processor wrote to the class output. */
    SchemaModel descriptor() {
        return DescriptorJson.read(descriptorText(), fixture.name() + "/" + DESCRIPTOR);
    }

    /** The descriptor's text exactly as the processor wrote it. */
    String descriptorText() {
        if (!succeeded()) {
            throw new AssertionError("fixture " + fixture.name() + " does not compile with " + options + ":\n"
                    + errors());
        }
        JavaFileObject file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, DESCRIPTOR)
                .orElseThrow(() -> new AssertionError("the processor wrote no " + DESCRIPTOR + " for fixture "
                        + fixture.name() + "; warnings:\n" + compilation.warnings()));
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The errors javac itself reported (unknown symbols and the like), leaving out the processor's
     * own {@code [JMnnn]} diagnostics; empty when the sources are valid Java against the class path.
     */
    String compilerErrors() {
        return compilation.errors().stream().filter(d -> !d.getMessage(null).startsWith("[JM"))
                .map(FixtureBuild::describe).collect(Collectors.joining("\n"));
    }

    /** The compiled classes Hibernate must be given: entities, mapped superclasses, embeddables, converters. */
    List<Class<?>> mappedClasses() {
        List<Class<?>> mapped = new ArrayList<>();
        for (String name : fixture.sources().keySet()) {
            Class<?> type = load(name);
            for (Annotation annotation : type.getAnnotations()) {
                String qualified = annotation.annotationType().getName();
                if (qualified.startsWith("jakarta.persistence.")
                        && MAPPED.contains(annotation.annotationType().getSimpleName())) {
                    mapped.add(type);
                    break;
                }
            }
        }
        return mapped;
    }

    /** A class loader over the compiled class files and resources, with the test class path as parent. */
    synchronized ClassLoader classLoader() {
        if (loader == null) {
            loader = new URLClassLoader(new URL[] {writeClassFiles()}, FixtureBuild.class.getClassLoader());
        }
        return loader;
    }

    /** The runtime schema check class the processor generated and javac compiled, loaded. */
    Class<?> schemaClass() {
        List<String> names = compilation.generatedSourceFiles().stream()
                .map(f -> f.toUri().getPath())
                .map(p -> p.substring(p.indexOf("SOURCE_OUTPUT/") + "SOURCE_OUTPUT/".length(), p.length() - ".java".length())
                        .replace('/', '.'))
                .toList();
        if (names.size() != 1) {
            throw new AssertionError("fixture " + fixture.name() + " should generate one source, not " + names);
        }
        return load(names.get(0));
    }

    private Class<?> load(String name) {
        try {
            return Class.forName(name, false, classLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("fixture " + fixture.name() + " compiled without class " + name, e);
        }
    }

    private URL writeClassFiles() {
        if (!succeeded()) {
            throw new AssertionError("fixture " + fixture.name() + " does not compile:\n" + errors());
        }
        try {
            Path root = Files.createDirectories(Path.of("target", "oracle-classes"));
            Path dir = Files.createTempDirectory(root, fixture.name() + "-");
            for (JavaFileObject file : compilation.generatedFiles()) {
                String uri = file.toUri().getPath();
                // class files and resources (the descriptor the schema check class reads), as a jar holds them
                if (file.getKind() == JavaFileObject.Kind.SOURCE || !uri.contains("CLASS_OUTPUT/")) {
                    continue;
                }
                Path target = dir.resolve(uri.substring(uri.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length()));
                Files.createDirectories(target.getParent());
                try (InputStream in = file.openInputStream()) {
                    Files.copy(in, target);
                }
            }
            return dir.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Diagnostic<? extends JavaFileObject> d) {
        String file = d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ";
        return file + d.getMessage(null);
    }
}
