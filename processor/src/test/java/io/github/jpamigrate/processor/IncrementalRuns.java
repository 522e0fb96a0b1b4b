package io.github.jpamigrate.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jpamigrate.processor.emit.DescriptorFile;
import io.github.jpamigrate.processor.emit.IncrementalState;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Full and incremental compiles of one model with real javac runs (the output on the class path,
 * {@code -s} beside it, as Maven and IDEs do), and the comparison of their results: the descriptor's
 * bytes, the schema class's {@code MODEL_HASH}, the state file, and whether the incremental compile kept
 * the previous descriptor (its state file left untouched) or scanned (the state file written anew).
 */
final class IncrementalRuns {

    private final Path dir;

    IncrementalRuns(Path dir) {
        this.dir = dir;
    }

    /** Compiles {@code model} in full, then the edit incrementally, and compares with a full compile of the edited model. */
    void same(Map<String, String> model, Map<String, String> edit, Set<String> deleted, boolean reused)
            throws IOException {
        Path out = fullCompile("inc", model);
        incremental(out, model, edit, deleted, reused);
    }

    void incremental(Path out, Map<String, String> model, Map<String, String> edit, Set<String> deleted,
                             boolean reused) throws IOException {
        Path state = state(out);
        if (Files.exists(state)) {
            Files.setLastModifiedTime(state, FileTime.fromMillis(0));
        }
        for (String gone : deleted) {
            Files.delete(out.resolve("shop/" + gone + ".class"));
        }
        List<Path> changed = new ArrayList<>();
        for (Map.Entry<String, String> e : edit.entrySet()) {
            changed.add(write("edit", e.getKey(), e.getValue()));
        }
        assertThat(javac(out, changed)).isEmpty();

        Map<String, String> edited = new LinkedHashMap<>(model);
        edited.putAll(edit);
        deleted.forEach(edited::remove);
        Path full = fullCompile("full", edited);
        assertThat(new String(Files.readAllBytes(out.resolve(DescriptorFile.PATH)), StandardCharsets.UTF_8))
                .isEqualTo(new String(Files.readAllBytes(full.resolve(DescriptorFile.PATH)), StandardCharsets.UTF_8));
        assertThat(modelHash(out)).isEqualTo(modelHash(full));
        assertThat(Files.getLastModifiedTime(state).toMillis() == 0).as("descriptor reused as it was").isEqualTo(reused);
        // the same state, but for the type-use hash of classes read from class files, which javac 17 cannot know
        assertThat(withoutTypeUse(state)).isEqualTo(withoutTypeUse(state(full)));
    }

    private static String withoutTypeUse(Path state) throws IOException {
        return Files.readString(state).replaceAll("(?m)^(reads \\S+ \\S+) \\S+$", "$1");
    }

    Path fullCompile(String name, Map<String, String> model) throws IOException {
        Path out = dir.resolve(name + "-" + System.nanoTime());
        Files.createDirectories(out.resolve("classes"));
        List<Path> sources = new ArrayList<>();
        for (Map.Entry<String, String> e : model.entrySet()) {
            sources.add(write(out.getFileName() + "-src", e.getKey(), e.getValue()));
        }
        assertThat(javac(out.resolve("classes"), sources)).isEmpty();
        return out.resolve("classes");
    }

    Path write(String folder, String name, String text) throws IOException {
        Path file = dir.resolve(folder + "-" + System.nanoTime()).resolve("shop").resolve(name + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The state file, in the generated sources folder beside the classes folder. */
    static Path state(Path classes) {
        return classes.resolveSibling("generated").resolve(IncrementalState.PATH);
    }

    private static String modelHash(Path classes) {
        try {
            return (String) CompiledOutput.loader(classes).loadClass("shop.JpaMigrateSchema").getField("MODEL_HASH").get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Compiles into {@code out} with {@code out} on the class path and {@code -s} beside it; returns the diagnostics. */
    static String javac(Path out, List<Path> sources) throws IOException {
        return javac(out, sources, "");
    }

    static String javac(Path out, List<Path> sources, String classPath) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter log = new StringWriter();
        Path generated = Files.createDirectories(out.resolveSibling("generated"));
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-s", generated.toString(),
                    "-classpath", out + File.pathSeparator + (classPath.isEmpty() ? "" : classPath + File.pathSeparator)
                            + System.getProperty("java.class.path"),
                    "-implicit:class", "-Ajpamigrate.naming=jpa"));
            JavaCompiler.CompilationTask task = compiler.getTask(log, files, null, options, null,
                    files.getJavaFileObjectsFromPaths(sources));
            task.setProcessors(List.of(new JpaMigrateProcessor()));
            task.call();
        }
        return log.toString();
    }
}
