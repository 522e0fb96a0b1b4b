package io.github.jpamigrate.plugin.maven;

import io.github.jpamigrate.core.migration.VersionScheme;
import io.github.jpamigrate.plugin.init.InitRequest;
import io.github.jpamigrate.plugin.init.InitWorkflow;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * Adopts a project that has JPA entities but no snapshot yet. Without migrations, it writes the
 * first migration and the snapshot from the entities (what {@code generate} does the first time).
 * With Flyway migrations already in the migration folder, it replays them on a scratch database,
 * writes the snapshot of the schema they build (the entity model as far as that schema agrees with
 * it) and lists what the entities add to it; {@code -Djpamigrate.generate=true} also writes the
 * migration for that. Refuses, writing nothing, when a snapshot exists (unless
 * {@code -Djpamigrate.force=true}). Compiles first: {@code mvn jpa-migrate:init}.
 */
@Mojo(name = "init", threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
@Execute(phase = LifecyclePhase.COMPILE)
public class InitMojo extends WriteGoalMojo {

    /**
     * With existing migrations: also write the next migration for what the entities add to the
     * schema they build (and then the snapshot of the whole model), as {@code generate} would right
     * after {@code init}. Without migrations the first migration is always written. Default:
     * {@code false} (write only the snapshot and list the changes). Example: {@code -Djpamigrate.generate=true}.
     */
    @Parameter(property = "jpamigrate.generate", defaultValue = "false")
    boolean generate;

    /**
     * Replaces a snapshot that already exists, rebuilding it from the migrations (or, without
     * migrations, from the entities along with the first migration). Default: {@code false}: a
     * project with a snapshot is adopted already, and {@code init} stops without writing anything.
     * Example: {@code -Djpamigrate.force=true}.
     */
    @Parameter(property = "jpamigrate.force", defaultValue = "false")
    boolean force;

    @Override
    void run() throws IOException, SQLException {
        VersionScheme scheme = versionScheme();
        // init replays the migration folder itself, with the application's placeholders and Java migrations.
        FlywaySettings configured = flywaySettings();
        List<String> folder = FlywaySettings.folder(migrationDirectory.toPath()).locations();
        FlywaySettings flyway = configured.withLocations(folder).withJava(configured.java().withPackages(
                javaMigrations(folder).packages()));
        InitRequest request = new InitRequest(layout(), targets().primary(), changeOptions(), flyway, message, scheme, generate,
                force, shadow());
        new InitWorkflow(workflowLog(), prompter(), Clock.systemUTC()).run(request);
    }
}
