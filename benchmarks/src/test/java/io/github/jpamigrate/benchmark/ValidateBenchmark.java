package io.github.jpamigrate.benchmark;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.json.DescriptorJson;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.core.sql.RenderedMigration;
import io.github.jpamigrate.core.sql.sqlite.SqliteRenderer;
import io.github.jpamigrate.plugin.introspect.SchemaDrift;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.MigrationReplay;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema check of {@code verify} next to Hibernate's own: generated entities (default 1,000)
 * compiled with our processor; the database built by our migration on SQLite; then, on that same
 * database, verify's check (read the schema back through JDBC, normal forms, diff with the
 * descriptor) against bootstrapping Hibernate ORM with {@code hibernate.hbm2ddl.auto=validate}
 * for the same entity classes, and, to show what the validation itself costs, the same bootstrap
 * with {@code none}. All three in this JVM, after one warm-up run each.
 */
class ValidateBenchmark {

    private static final int ENTITIES = Integer.getInteger("jpamigrate.benchmark.validate.entities", 1000);
    private static final int REPETITIONS = Integer.getInteger("jpamigrate.benchmark.repetitions", 3);
    private static final long SEED = Long.getLong("jpamigrate.benchmark.seed", 20261121L);
    private static final SchemaModel EMPTY = new SchemaModel("jpa", "hibernate-7", "-", List.of(), List.of(), List.of(),
            List.of());
    private static final String VERIFY = "verify's check: read back (JDBC) + normal forms + diff";
    private static final String VALIDATE = "Hibernate bootstrap, hbm2ddl.auto=validate";
    private static final String NONE = "Hibernate bootstrap, hbm2ddl.auto=none";

    /** Held, so that the levels set on them stay (JUL keeps loggers weakly). */
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    @TempDir
    Path directory;

    @Test
    void verifysCheckNextToHibernatesValidate() throws Exception {
        HIBERNATE_LOG.setLevel(Level.SEVERE);
        FLYWAY_LOG.setLevel(Level.WARNING);
        EntitySources.Written sources = EntitySources.write(SEED, ENTITIES, directory.resolve("src"));
        Path classes = directory.resolve("classes");
        JavacRun.compile(JavacRun.argFile(sources.files(), directory.resolve("sources.txt")), classes,
                List.of("-processorpath", ProcessorPaths.ours(), "-processor", ProcessorPaths.OUR_PROCESSOR,
                        "-Ajpamigrate.naming=jpa"));
        SchemaModel model = DescriptorJson.read(classes.resolve("META-INF/jpa-migrate/model.json"));

        Path migrations = Files.createDirectories(directory.resolve("migrations"));
        List<SchemaChange> changes = SchemaDiff.compare(EMPTY, model);
        RenderedMigration create = new SqliteRenderer().render(EMPTY, model, changes, RenderOptions.DEFAULTS);
        Files.writeString(migrations.resolve("V1__initial_schema.sql"), create.script("V1: initial schema", changes));
        try (ScratchDatabase db = ScratchDatabase.sqlite(directory.resolve("db"));
             URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            assertThat(MigrationReplay.migrate(db, FlywaySettings.folder(migrations))).isEqualTo(1);
            List<Class<?>> entities = sources.entityClasses().stream().<Class<?>>map(name -> load(loader, name)).toList();
            System.out.printf("%nValidate benchmark: %d entities, %d tables, %d columns on SQLite%n", entities.size(),
                    model.tables().size(), model.tables().stream().mapToInt(t -> t.columns().size()).sum());
            Timings warmUp = new Timings();
            measure(warmUp, db, model, entities, loader);
            Timings timings = new Timings();
            for (int i = 0; i < REPETITIONS; i++) {
                measure(timings, db, model, entities, loader);
            }
            System.out.printf("%nMedians of %d runs (after one warm-up run):%n%n%s%n", REPETITIONS, timings.table(VERIFY));
        }
    }

    /** Each side starts on a collected heap, so that neither pays for the other's garbage. */
    private static void measure(Timings timings, ScratchDatabase db, SchemaModel model, List<Class<?>> entities,
                                ClassLoader loader) throws Exception {
        System.gc();
        timings.time(VERIFY, () -> {
            try (Connection connection = db.connect()) {
                assertThat(SchemaDrift.between(model, connection, Dialect.SQLITE, Set.of(FlywaySettings.DEFAULT_TABLE)))
                        .isEmpty();
            }
        });
        System.gc();
        timings.time(VALIDATE, () -> bootstrap(db, entities, loader, "validate"));
        System.gc();
        timings.time(NONE, () -> bootstrap(db, entities, loader, "none"));
    }

    /** Builds Hibernate's session factory for the entities; with {@code validate} that throws on the first mismatch. */
    private static void bootstrap(ScratchDatabase db, List<Class<?>> entities, ClassLoader loader, String auto) {
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap)
                .applySetting("hibernate.connection.url", db.url())
                .applySetting("hibernate.dialect", "org.hibernate.community.dialect.SQLiteDialect")
                .applySetting("hibernate.hbm2ddl.auto", auto)
                // the default (grouped) reading fails on SQLite past about 500 columns (FACTS.md)
                .applySetting("hibernate.hbm2ddl.jdbc_metadata_extraction_strategy", "individually")
                .applySetting("jakarta.persistence.validation.mode", "none")
                // otherwise the SQLite dialect creates HT_ tables for bulk updates of JOINED entities at start-up:
                // the database must stay as our migration left it
                .applySetting("hibernate.query.mutation_strategy.persistent.create_tables", "false")
                .applySetting("hibernate.query.mutation_strategy.persistent.drop_tables", "false")
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            try (SessionFactory ignored = sources.buildMetadata().buildSessionFactory()) {
                // built, and with "validate" validated
            }
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " was not compiled", e);
        }
    }
}
