package io.github.jpamigrate.fidelity;

import io.github.jpamigrate.core.model.SchemaModel;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Runs every step for one project on the running Hibernate line: compile with our processor, our
 * first migration on one fresh PostgreSQL database, Hibernate's validator on it, Hibernate's export
 * on a second, and the two schemas compared as {@code verify} reads them.
 */
final class ProjectMeasure {

    private final String server;

    /** @param server JDBC URL of a database on the PostgreSQL server (with its user) to create scratch databases from */
    ProjectMeasure(String server) {
        this.server = server;
    }

    Measurement measure(ExtractedProject project, Path work) throws IOException, SQLException {
        String line = HibernateSchema.ormLine();
        ProjectCompile ours = ProjectCompile.run(project, line, true, work.resolve("classes"));
        ProjectCompile plain = ours;
        if (!ours.javacErrors().isEmpty() || ours.refusedByUs()) {
            // javac writes no classes after an error; Hibernate's side is still measured on classes made without ours
            plain = ProjectCompile.run(project, line, false, work.resolve("classes-without-ours"));
        }
        if (!plain.javacErrors().isEmpty()) {
            return stopped(project, line, ours, plain.javacErrors(), "javac: the sources do not compile on JDK "
                    + Runtime.version().feature() + " with cp.txt (a newer JDK: -Djpamigrate.fidelity.jdk=...)");
        }
        try (HibernateSchema hibernate = new HibernateSchema(project, plain.classes());
             PostgresScratch oursDb = PostgresScratch.create(server, "ours");
             PostgresScratch theirsDb = PostgresScratch.create(server, "hibernate")) {
            return compare(project, ours, hibernate, oursDb, theirsDb);
        }
    }

    private Measurement compare(ExtractedProject project, ProjectCompile ours, HibernateSchema hibernate,
                                PostgresScratch oursDb, PostgresScratch theirsDb) throws SQLException {
        SchemaModel model = ours.descriptor();
        List<String> applyFailures = List.of();
        String validation = null;
        if (model != null) {
            applyFailures = FirstMigration.applyToPostgres(model, oursDb);
            validation = hibernate.validate(oursDb.url());
        }
        List<String> script;
        List<String> exportFailures;
        try {
            script = hibernate.exportScript(theirsDb.url());
            exportFailures = FirstMigration.run(script, theirsDb);
        } catch (RuntimeException e) {
            script = List.of();
            exportFailures = List.of("Hibernate refused the mapping: " + Failures.chain(e));
        }
        DatabaseSchema theirs = DatabaseSchema.read(theirsDb);
        List<String> differences = model == null ? List.of() : DatabaseSchema.read(oursDb).differencesTo(theirs);
        return new Measurement(project, HibernateSchema.ormLine(), ours.ourMessages(), ours.javacErrors(),
                hibernate.entityCount(), hibernate.mappedClassCount(), hibernate.beanValidation(), model == null ? -1 : model.tables().size(),
                model == null ? 0 : model.sequences().size(), model == null ? Map.of() : FirstMigration.renderEveryDialect(model),
                applyFailures, validation, script.size(), exportFailures, theirs.model().tables().size(), differences,
                model == null ? "processor: no descriptor (see its errors)" : null);
    }

    private static Measurement stopped(ExtractedProject project, String line, ProjectCompile ours, List<String> errors,
                                       String why) {
        return new Measurement(project, line, ours.ourMessages(), errors, 0, 0, false, -1, 0, Map.of(), List.of(), null, 0,
                List.of(), 0, List.of(), why);
    }
}
