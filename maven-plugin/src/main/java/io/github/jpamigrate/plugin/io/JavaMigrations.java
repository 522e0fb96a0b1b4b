package io.github.jpamigrate.plugin.io;

import io.github.jpamigrate.core.migration.MigrationFile;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.migration.JavaMigration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A project's Flyway Java migrations: classes implementing {@code JavaMigration} (usually by
 * extending {@code BaseJavaMigration}) in the packages of Flyway's class-path locations
 * ({@code db.migration} for the default {@code classpath:db/migration}), compiled into the
 * project's output directory. Flyway finds them by scanning the class path; JPA Migrate hands
 * Flyway the same classes, loaded by a class loader over the output directory and the project's
 * dependencies, so that a replay runs them as the application's Flyway would.
 *
 * @param outputDirectory the project's compiled classes ({@code target/classes}), null when unknown
 * @param classPath       what the migrations may use besides the output directory (the project's dependencies)
 * @param sourceRoots     the project's Java source folders ({@code src/main/java}), to name migrations not compiled yet
 * @param packages        the folders of the class-path locations, e.g. {@code db/migration}
 */
public record JavaMigrations(Path outputDirectory, List<Path> classPath, List<Path> sourceRoots, List<String> packages) {

    /** No Java migrations: the project's classes are not known (a plain folder of SQL files). */
    public static final JavaMigrations NONE = new JavaMigrations(null, List.of(), List.of(), List.of());

    public JavaMigrations {
        classPath = List.copyOf(classPath);
        sourceRoots = List.copyOf(sourceRoots);
        packages = packages.stream().map(JavaMigrations::folder).distinct().toList();
    }

    /**
     * One Java migration class of the output directory whose name follows Flyway's convention.
     *
     * @param className the binary class name, e.g. {@code db.migration.V3__Fill_codes}
     * @param file      what its simple name says: kind, version, description
     */
    public record JavaClass(String className, MigrationFile file) {
        /** The script Flyway records for it in the history table: the class name. */
        public String script() {
            return className;
        }
    }

    /** The same, with the locations' folders replaced (e.g. {@code {vendor}} resolved). */
    public JavaMigrations withPackages(List<String> folders) {
        return new JavaMigrations(outputDirectory, classPath, sourceRoots, folders);
    }

    /**
     * The classes in the output directory whose simple names follow Flyway's convention
     * ({@code V3__Fill_codes}), by package folder and name; nested classes are left out. Read from
     * the file names only: which of them implement {@code JavaMigration} is known once they are
     * loaded ({@link #open}).
     */
    public List<JavaClass> compiled() throws IOException {
        List<JavaClass> out = new ArrayList<>();
        if (outputDirectory == null) {
            return out;
        }
        for (String pkg : packages) {
            for (Path file : files(outputDirectory.resolve(pkg), ".class")) {
                String simple = simpleName(file, ".class");
                MigrationFile.parseClassName(simple).ifPresent(f -> out.add(new JavaClass(className(file), f)));
            }
        }
        return out;
    }

    /**
     * The Java sources in the packages, under the source roots, whose names follow Flyway's
     * convention and that have no class in the output directory: migrations not compiled yet.
     */
    public List<Path> uncompiled() throws IOException {
        List<Path> out = new ArrayList<>();
        if (outputDirectory == null) {
            return out;
        }
        for (Path root : sourceRoots) {
            for (String pkg : packages) {
                for (Path source : files(root.resolve(pkg), ".java")) {
                    String simple = simpleName(source, ".java");
                    Path compiled = outputDirectory.resolve(root.relativize(source).toString()
                            .replaceFirst("\\.java$", ".class"));
                    if (MigrationFile.parseClassName(simple).isPresent() && !Files.isRegularFile(compiled)) {
                        out.add(source);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Fails when a Java migration's source has no compiled class, since Flyway would silently run
     * without it.
     *
     * @throws ProjectFileException naming the classes and telling to compile first
     */
    public void requireCompiled() throws IOException {
        List<Path> missing = uncompiled();
        if (missing.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("the project has Flyway Java migrations that are not compiled yet"
                + " (no class in " + outputDirectory + "):");
        for (Path source : missing) {
            message.append("\n  ").append(source);
        }
        message.append("\nFlyway runs Java migrations from the compiled classes, so without them the replay would"
                + " leave these out. Run mvn compile first (e.g. mvn compile jpa-migrate:<goal>), or let the goal run"
                + " in a phase after compile (verify binds to the verify phase by default).");
        throw new ProjectFileException(message.toString());
    }

    /**
     * A class loader over the output directory and the class path, and the Java migrations in it
     * for Flyway's {@code javaMigrationClassProvider}; close it when Flyway is done.
     *
     * @param parent the loader of Flyway's own classes, so that the migrations implement the same {@code JavaMigration}
     * @throws ProjectFileException when a Java migration is not compiled, or a class cannot be loaded
     */
    public Loaded open(ClassLoader parent) throws IOException {
        requireCompiled();
        List<URL> urls = new ArrayList<>();
        Set<Path> entries = new LinkedHashSet<>();
        if (outputDirectory != null) {
            entries.add(outputDirectory);
        }
        entries.addAll(classPath);
        for (Path entry : entries) {
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new ProjectFileException("the class path entry " + entry + " cannot be used: " + e.getMessage(), e);
            }
        }
        URLClassLoader loader = new URLClassLoader("jpa-migrate-project", urls.toArray(URL[]::new), parent);
        List<Class<? extends JavaMigration>> migrations = new ArrayList<>();
        try {
            for (String className : classNames()) {
                Class<?> type;
                try {
                    type = Class.forName(className, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new ProjectFileException("the class " + className + " in " + outputDirectory + " cannot be"
                            + " loaded (" + e + "), so Flyway could not run it if it is a Java migration. Make sure its"
                            + " dependencies are dependencies of the project, then run mvn compile again.", e);
                }
                if (JavaMigration.class.isAssignableFrom(type) && !type.isInterface()
                        && !Modifier.isAbstract(type.getModifiers())) {
                    migrations.add(type.asSubclass(JavaMigration.class));
                }
            }
        } catch (IOException | RuntimeException e) {
            loader.close();
            throw e;
        }
        return new Loaded(loader, List.copyOf(migrations));
    }

    /**
     * The class loader and the Java migrations found in it.
     *
     * @param loader     the class loader over the project's classes
     * @param migrations the classes implementing {@code JavaMigration}
     */
    public record Loaded(URLClassLoader loader, List<Class<? extends JavaMigration>> migrations)
            implements AutoCloseable, ClassProvider<JavaMigration> {

        @Override
        public Collection<Class<? extends JavaMigration>> getClasses() {
            return migrations;
        }

        @Override
        public void close() {
            try {
                loader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Every top-level class in the packages, as Flyway's scanner would consider it. */
    private List<String> classNames() throws IOException {
        List<String> out = new ArrayList<>();
        if (outputDirectory == null) {
            return out;
        }
        for (String pkg : packages) {
            for (Path file : files(outputDirectory.resolve(pkg), ".class")) {
                if (!simpleName(file, ".class").contains("$")) {
                    out.add(className(file));
                }
            }
        }
        return out;
    }

    private String className(Path classFile) {
        String relative = outputDirectory.relativize(classFile).toString().replace(classFile.getFileSystem().getSeparator(), ".");
        return relative.substring(0, relative.length() - ".class".length());
    }

    private static String simpleName(Path file, String suffix) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - suffix.length());
    }

    private static List<Path> files(Path folder, String suffix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** {@code classpath:/db/migration/} and {@code db.migration} both read as the folder {@code db/migration}. */
    private static String folder(String location) {
        String folder = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        folder = folder.replaceAll("^/+|/+$", "");
        return folder.contains("/") ? folder : folder.replace('.', '/');
    }
}
