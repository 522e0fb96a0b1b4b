package io.github.jpamigrate.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import javax.tools.JavaFileObject;

/**
 * The class output of an in-memory compilation written to a folder (class files and resources such as
 * the descriptor), so that the generated schema check class can be loaded and called as an application
 * would: from a class loader that also serves its resources.
 */
final class CompiledOutput {

    private CompiledOutput() {
    }

    /** Writes the class output's files that {@code keep} accepts (by path relative to the output) into {@code dir}. */
    static Path write(Compilation c, Path dir, Predicate<String> keep) {
        try {
            for (JavaFileObject file : c.generatedFiles()) {
                String uri = file.toUri().getPath();
                int at = uri.indexOf("CLASS_OUTPUT/");
                if (at < 0) {
                    continue;
                }
                String relative = uri.substring(at + "CLASS_OUTPUT/".length());
                if (!keep.test(relative)) {
                    continue;
                }
                Path target = dir.resolve(relative);
                Files.createDirectories(target.getParent());
                try (InputStream in = file.openInputStream()) {
                    Files.copy(in, target);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A class loader over the folders, the first one first. */
    static ClassLoader loader(Path... dirs) {
        URL[] urls = new URL[dirs.length];
        try {
            for (int i = 0; i < dirs.length; i++) {
                urls[i] = dirs[i].toUri().toURL();
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        return new URLClassLoader(urls, CompiledOutput.class.getClassLoader());
    }

    /** {@code tables()} of the schema class {@code name} from {@code loader}, each table as {@code name: columns}. */
    static List<String> tables(ClassLoader loader, String name) throws ReflectiveOperationException {
        Class<?> type = Class.forName(name, true, loader);
        try {
            List<?> tables = (List<?>) type.getMethod("tables").invoke(null);
            return tables.stream().map(t -> {
                try {
                    return t + ": " + t.getClass().getMethod("columns").invoke(t);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
