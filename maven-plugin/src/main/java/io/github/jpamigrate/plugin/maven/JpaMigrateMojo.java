package io.github.jpamigrate.plugin.maven;

import io.github.jpamigrate.core.json.DescriptorException;
import io.github.jpamigrate.plugin.io.JavaMigrations;
import io.github.jpamigrate.plugin.io.ProjectFileException;
import io.github.jpamigrate.plugin.live.LiveDatabaseException;
import io.github.jpamigrate.plugin.project.FlywayParameters;
import io.github.jpamigrate.plugin.project.MigrationTargets;
import io.github.jpamigrate.plugin.project.ProjectLayout;
import io.github.jpamigrate.plugin.project.SpringBootFlyway;
import io.github.jpamigrate.plugin.project.WorkflowFailure;
import io.github.jpamigrate.plugin.project.WorkflowLog;
import io.github.jpamigrate.plugin.replay.QuietFlyway;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What every goal shares: the project's file locations, the {@code skip} switch, and the
 * translation of outcomes into Maven's terms. A problem the user fixes (a model change without a
 * migration, an unacknowledged hazard) is a {@link MojoFailureException} whose message is the fix;
 * anything unexpected is a {@link MojoExecutionException}.
 */
abstract class JpaMigrateMojo extends AbstractMojo {

    /** Skips the goal. Example: {@code -Djpamigrate.skip}. */
    @Parameter(property = "jpamigrate.skip", defaultValue = "false")
    boolean skip;

    /**
     * The model descriptor the JPA Migrate processor writes while compiling. Default:
     * <code>${project.build.outputDirectory}/META-INF/jpa-migrate/model.json</code>.
     */
    @Parameter(property = "jpamigrate.descriptor",
            defaultValue = "${project.build.outputDirectory}/META-INF/jpa-migrate/model.json", required = true)
    File descriptor;

    /**
     * The committed snapshot: the model as of the newest migration, written by {@code generate}.
     * Default: {@code src/main/jpa-migrate/model.json}.
     */
    @Parameter(property = "jpamigrate.snapshot", defaultValue = "${project.basedir}/src/main/jpa-migrate/model.json",
            required = true)
    File snapshot;

    /**
     * The Flyway migration folder (Flyway's default location {@code classpath:db/migration}).
     * Default: {@code src/main/resources/db/migration}.
     */
    @Parameter(property = "jpamigrate.migrationDirectory",
            defaultValue = "${project.basedir}/src/main/resources/db/migration", required = true)
    File migrationDirectory;

    /**
     * Where undo scripts are written ({@code U6__add_phone.sql} undoes {@code V6__add_phone.sql}).
     * The default keeps them out of the migration folder: Flyway Community does not run undo scripts
     * and warns about them there. Teams on Flyway Teams/Enterprise may point this at the migration folder.
     * Default: {@code src/main/jpa-migrate/undo}.
     */
    @Parameter(property = "jpamigrate.undoDirectory", defaultValue = "${project.basedir}/src/main/jpa-migrate/undo",
            required = true)
    File undoDirectory;

    /**
     * The database the migrations are written for: {@code sqlite}, {@code postgresql},
     * {@code mariadb}, {@code mysql} or {@code h2}; they go in the migration folder itself.
     * Set it once, in the plugin's configuration, so that every goal reads the same layout.
     * Default: {@code sqlite} (when {@code dialects} is not set either).
     */
    @Parameter(property = "jpamigrate.dialect")
    String dialect;

    /**
     * Several databases at once, one subfolder of the migration folder per vendor
     * ({@code db/migration/postgresql/V3__x.sql}, {@code db/migration/h2/V3__x.sql}; MariaDB and
     * MySQL use {@code mysql}), each with the same versions, as Spring Boot's
     * {@code spring.flyway.locations=classpath:db/migration/{vendor}} expects. Undo scripts get the
     * same subfolders; there is one snapshot. {@code check-db} and {@code status} read the folder
     * of the URL's vendor and fail when that vendor is not listed. Instead of {@code dialect}, not
     * with it. Example: {@code -Djpamigrate.dialects=postgresql,h2}.
     */
    @Parameter(property = "jpamigrate.dialects")
    List<String> dialects;

    /**
     * Flyway locations, as the application's Flyway is configured; {@code classpath:x} is read from
     * {@code src/main/resources/x}. Used by the goals that run Flyway ({@code verify}, {@code check-db},
     * {@code status}). With {@code dialects}, {@code {vendor}} stands for each vendor's folder name, as in
     * Spring Boot. Default: the Spring Boot application's {@code spring.flyway.locations} (from
     * {@code src/main/resources/application.properties} or {@code application.yml}), else the migration
     * folder (with {@code dialects}: each vendor's subfolder of it).
     * Example: {@code -Djpamigrate.flywayLocations=classpath:db/migration,filesystem:src/main/sql}.
     */
    @Parameter(property = "jpamigrate.flywayLocations")
    List<String> flywayLocations;

    /**
     * Flyway's schema history table, as the application configures it; used by {@code verify},
     * {@code init}, {@code check-db} and {@code status}. Default: the Spring Boot application's
     * {@code spring.flyway.table}, else {@code flyway_schema_history}.
     */
    @Parameter(property = "jpamigrate.flywayTable")
    String flywayTable;

    /**
     * Flyway placeholder values the scripts use ({@code ${name}}), as the application sets them;
     * used by {@code verify}, {@code check-db} and {@code status} (checksums depend on them). Default:
     * the Spring Boot application's {@code spring.flyway.placeholders.*}, else none.
     */
    @Parameter
    Map<String, String> flywayPlaceholders;

    /** The project's base directory; paths in messages are shown relative to it. Read-only. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File baseDirectory;

    /**
     * The project's compiled classes, where Flyway Java migrations ({@code db/migration/V3__Fill.class})
     * are read from. Read-only.
     */
    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
    File outputDirectory;

    /**
     * The project's run-time class path (its output directory and dependencies), which Java
     * migrations run with; filled by the goals that run Flyway. Read-only.
     */
    @Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true)
    List<String> classpathElements;

    /** The project's Java source folders, to name Java migrations that are not compiled yet. Read-only. */
    @Parameter(defaultValue = "${project.compileSourceRoots}", readonly = true)
    List<String> compileSourceRoots;

    /** The build directory; scratch databases and reports go to {@code jpa-migrate/} in it. Read-only. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    File buildDirectory;

    /** This plugin's descriptor: its version, and each goal's parameters with their properties. Read-only. */
    @Parameter(defaultValue = "${plugin}", readonly = true)
    PluginDescriptor plugin;

    /** The {@code -D} properties of the build, to say when one loses to the POM. Read-only. */
    @Parameter(defaultValue = "${session.userProperties}", readonly = true)
    Properties userProperties;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping (jpamigrate.skip)");
            return;
        }
        QuietFlyway.warningsTo(getLog()::warn);
        try {
            PropertyOverrides.check(userProperties(), settings(), baseDirectory).forEach(getLog()::warn);
            run();
        } catch (WorkflowFailure | ProjectFileException | DescriptorException | LiveDatabaseException e) {
            // Maven appends every cause's message to the build failure; a user failure's message is
            // complete (and its causes repeat it in library words), so the cause is kept for -X only.
            String message = e.getMessage();
            throw getLog().isDebugEnabled() ? new MojoFailureException(message, e) : new MojoFailureException(message);
        } catch (IOException | SQLException | RuntimeException e) {
            throw new MojoExecutionException(getClass().getSimpleName().replace("Mojo", "").toLowerCase(java.util.Locale.ROOT)
                    + " failed unexpectedly: " + e, e);
        } finally {
            QuietFlyway.warningsTo(null);
        }
    }

    abstract void run() throws IOException, SQLException;

    private Map<String, String> userProperties() {
        Map<String, String> properties = new TreeMap<>();
        if (userProperties != null) {
            userProperties.stringPropertyNames().stream().filter(n -> n.startsWith("jpamigrate."))
                    .forEach(n -> properties.put(n, userProperties.getProperty(n)));
        }
        return properties;
    }

    /**
     * This goal's parameters that have a {@code jpamigrate.*} property, with the values the goal has,
     * as the plugin descriptor lists them (the annotations are not kept at run time).
     */
    List<PropertyOverrides.Setting> settings() {
        List<PropertyOverrides.Setting> settings = new ArrayList<>();
        MojoDescriptor mojo = plugin == null || plugin.getMojos() == null ? null : plugin.getMojos().stream()
                .filter(m -> getClass().getName().equals(m.getImplementation())).findFirst().orElse(null);
        if (mojo == null || mojo.getParameters() == null) {
            return settings;
        }
        for (org.apache.maven.plugin.descriptor.Parameter parameter : mojo.getParameters()) {
            String expression = parameter.getExpression();
            if (expression == null || !expression.startsWith("${jpamigrate.") || !expression.endsWith("}")) {
                continue;
            }
            String property = expression.substring(2, expression.length() - 1);
            settings.add(new PropertyOverrides.Setting(parameter.getName(), property, fieldValue(parameter.getName())));
        }
        return settings;
    }

    private Object fieldValue(String name) {
        for (Class<?> type = getClass(); type != null && type != AbstractMojo.class; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(this);
            } catch (NoSuchFieldException e) {
                // declared by a superclass
            } catch (IllegalAccessException e) {
                return null;
            }
        }
        return null;
    }

    ProjectLayout layout() {
        return new ProjectLayout(baseDirectory.toPath(), descriptor.toPath(), snapshot.toPath(),
                migrationDirectory.toPath(), undoDirectory.toPath(), buildDirectory.toPath().resolve("jpa-migrate"));
    }

    /**
     * Flyway's locations when {@code flywayLocations} is not set: the migration folder, or with
     * {@code dialects} each vendor's folder in it ({@code {vendor}} stands for it).
     */
    List<String> defaultFlywayLocations() {
        return MigrationTargets.defaultFlyway(layout(), targets()).locations();
    }

    /** {@code dialect}/{@code dialects}, parsed on first use: every part of the goal reads the same targets. */
    private MigrationTargets targets;

    /** The databases the migrations are written for, and where each one's migrations are. */
    MigrationTargets targets() {
        if (targets == null) {
            targets = MigrationTargets.parse(dialect, dialects);
        }
        return targets;
    }

    /** The goal's Flyway settings, resolved (and their origin logged) once. */
    private FlywaySettings flyway;

    /**
     * The Flyway settings every goal uses: {@code flywayLocations}, {@code flywayTable} and
     * {@code flywayPlaceholders} where set, else the Spring Boot application's {@code spring.flyway}
     * settings in {@code src/main/resources/application.properties}/{@code .yml}, else the defaults;
     * the log says which were taken from the application, and where a parameter differs from it.
     */
    FlywaySettings flywaySettings() {
        if (flyway == null) {
            FlywayParameters parameters = new FlywayParameters(flywayLocations, flywayTable, flywayPlaceholders);
            SpringBootFlyway boot = SpringBootFlyway.read(baseDirectory.toPath().resolve("src/main/resources"));
            FlywayParameters.Resolved resolved = parameters.resolve(layout(), targets(), boot);
            resolved.notes().forEach(getLog()::info);
            resolved.warnings().forEach(getLog()::warn);
            FlywaySettings settings = resolved.settings();
            flyway = settings.withJava(javaMigrations(settings.locations()));
        }
        return flyway;
    }

    /**
     * The project's Java migrations for the locations: those under {@code src/main/resources} are
     * class-path locations for the application ({@code classpath:db/migration}), so Flyway also
     * finds the classes of the same package ({@code db.migration}) there.
     */
    JavaMigrations javaMigrations(List<String> locations) {
        Path resources = baseDirectory.toPath().resolve("src/main/resources").toAbsolutePath().normalize();
        List<String> packages = new ArrayList<>();
        for (String location : locations) {
            if (location.startsWith("filesystem:")) {
                Path folder = Path.of(location.substring("filesystem:".length())).toAbsolutePath().normalize();
                if (folder.startsWith(resources) && !folder.equals(resources)) {
                    packages.add(resources.relativize(folder).toString().replace(folder.getFileSystem().getSeparator(), "/"));
                }
            }
        }
        List<Path> classPath = classpathElements == null ? List.of()
                : classpathElements.stream().map(Path::of).toList();
        List<Path> sources = compileSourceRoots == null ? List.of() : compileSourceRoots.stream().map(Path::of).toList();
        return new JavaMigrations(outputDirectory == null ? null : outputDirectory.toPath(), classPath, sources, packages);
    }

    WorkflowLog workflowLog() {
        return new WorkflowLog() {
            @Override
            public void info(String message) {
                getLog().info(message);
            }

            @Override
            public void warn(String message) {
                getLog().warn(message);
            }
        };
    }
}
