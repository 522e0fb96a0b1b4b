package io.github.jpamigrate.plugin.project;

import io.github.jpamigrate.plugin.io.JavaMigrations;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import org.flywaydb.core.api.migration.JavaMigration;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Flyway Java migrations as a project has them: a source in {@code src/main/java/db/migration},
 * compiled by {@code javac} into {@code target/classes} against the Flyway API, as
 * {@code mvn compile} would.
 */
public final class JavaMigrationFixture {

    private JavaMigrationFixture() {
    }

    public static Path outputDirectory(ProjectLayout layout) {
        return layout.projectDirectory().resolve("target/classes");
    }

    public static Path sourceRoot(ProjectLayout layout) {
        return layout.projectDirectory().resolve("src/main/java");
    }

    /** The project's Java migrations in Flyway's default location {@code db/migration}. */
    public static JavaMigrations of(ProjectLayout layout) {
        return new JavaMigrations(outputDirectory(layout), List.of(), List.of(sourceRoot(layout)), List.of("db/migration"));
    }

    /** The plain migration folder and the project's Java migrations. */
    public static FlywaySettings flyway(ProjectLayout layout) {
        return MigrationTargets.defaultFlyway(layout).withJava(of(layout));
    }

    /**
     * Writes {@code db/migration/<simpleName>.java}, a {@code BaseJavaMigration} running the
     * statements through Flyway's connection, without compiling it.
     */
    public static Path source(ProjectLayout layout, String simpleName, String... statements) throws IOException {
        StringBuilder body = new StringBuilder();
        for (String statement : statements) {
            body.append("            s.execute(\"").append(statement.replace("\"", "\\\"")).append("\");\n");
        }
        String text = """
                package db.migration;

                import org.flywaydb.core.api.migration.BaseJavaMigration;
                import org.flywaydb.core.api.migration.Context;

                public class %s extends BaseJavaMigration {
                    @Override
                    public void migrate(Context context) throws Exception {
                        try (java.sql.Statement s = context.getConnection().createStatement()) {
                %s        }
                    }
                }
                """.formatted(simpleName, body);
        Path file = sourceRoot(layout).resolve("db/migration").resolve(simpleName + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Writes the source and compiles it into target/classes. */
    public static Path compiled(ProjectLayout layout, String simpleName, String... statements) throws IOException {
        Path source = source(layout, simpleName, statements);
        compile(layout, source);
        return source;
    }

    public static void compile(ProjectLayout layout, Path source) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Files.createDirectories(outputDirectory(layout));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, null, errors, "-cp", flywayJar().toString(), "-d", outputDirectory(layout).toString(),
                source.toString());
        if (status != 0) {
            throw new IllegalStateException("javac failed on " + source + ": " + errors.toString(StandardCharsets.UTF_8));
        }
    }

    private static Path flywayJar() {
        try {
            return Path.of(JavaMigration.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
