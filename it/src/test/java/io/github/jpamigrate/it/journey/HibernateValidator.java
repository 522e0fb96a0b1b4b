package io.github.jpamigrate.it.journey;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;

/**
 * Hibernate ORM 7 booted, as the application boots it, for a test project's compiled entity
 * classes ({@code target/classes}) against a database a journey built from the generated
 * migrations, with {@code hibernate.hbm2ddl.auto=validate}: Hibernate's own schema validator has
 * the last word on whether the migrations gave the schema the entities need. The journeys'
 * project uses JPA naming ({@code -Ajpamigrate.naming=jpa}), Hibernate's default, so no naming
 * strategy is set; its entities use no Bean Validation.
 */
final class HibernateValidator {

    /** What Hibernate maps: the classes with one of these {@code jakarta.persistence} annotations. */
    private static final Set<String> MAPPED = Set.of("Entity", "MappedSuperclass", "Embeddable", "Converter");

    private HibernateValidator() {
    }

    /**
     * Validates a SQLite file through Hibernate's community {@code SQLiteDialect}, told that an
     * {@code integer} column is a {@code Long}'s (see {@link RowidIds}).
     *
     * @throws org.hibernate.HibernateException naming the first table or column that differs
     */
    static void sqlite(Path classes, Path file) throws IOException {
        sqlite(classes, file, RowidIds.class.getName());
    }

    /** Validates a SQLite file through Hibernate's community {@code SQLiteDialect} as it ships. */
    static void sqliteAsShipped(Path classes, Path file) throws IOException {
        sqlite(classes, file, SQLiteDialect.class.getName());
    }

    private static void sqlite(Path classes, Path file, String dialect) throws IOException {
        validate(classes, List.of("hibernate.connection.url", "jdbc:sqlite:" + file, "hibernate.dialect", dialect,
                // otherwise the dialect creates HT_ tables at start-up: the database must stay as the migrations left it
                "hibernate.query.mutation_strategy.persistent.create_tables", "false",
                "hibernate.query.mutation_strategy.persistent.drop_tables", "false"));
    }

    /**
     * Validates a server database (the dialect is the one Hibernate detects); on PostgreSQL the
     * URL's {@code currentSchema} is where Hibernate looks for the tables.
     */
    static void server(Path classes, String url, String user, String password) throws IOException {
        validate(classes, List.of("hibernate.connection.url", url, "hibernate.connection.username", user,
                "hibernate.connection.password", password == null ? "" : password));
    }

    private static void validate(Path classes, List<String> connection) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                HibernateValidator.class.getClassLoader())) {
            List<Class<?>> mapped = mappedClasses(classes, loader);
            if (mapped.isEmpty()) {
                throw new AssertionError("no entity class in " + classes + ": is the project compiled?");
            }
            StandardServiceRegistryBuilder settings = new StandardServiceRegistryBuilder(
                    new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build())
                    .applySetting("hibernate.hbm2ddl.auto", "validate")
                    .applySetting("jakarta.persistence.validation.mode", "none");
            for (int i = 0; i < connection.size(); i += 2) {
                settings.applySetting(connection.get(i), connection.get(i + 1));
            }
            StandardServiceRegistry registry = settings.build();
            try {
                MetadataSources sources = new MetadataSources(registry);
                mapped.forEach(sources::addAnnotatedClass);
                try (SessionFactory ignored = sources.buildMetadata().buildSessionFactory()) {
                    // building it ran the schema validator, which throws on the first difference
                }
            } finally {
                StandardServiceRegistryBuilder.destroy(registry);
            }
        }
    }

    /** The mapped classes among the compiled ones, sorted by name. */
    private static List<Class<?>> mappedClasses(Path classes, ClassLoader loader) throws IOException {
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, loader);
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(name + " is in " + classes + " but does not load", e);
                }
                if (isMapped(type)) {
                    found.add(type);
                }
            }
        }
        return found;
    }

    private static boolean isMapped(Class<?> type) {
        for (Annotation annotation : type.getDeclaredAnnotations()) {
            Class<? extends Annotation> kind = annotation.annotationType();
            if (kind.getName().startsWith("jakarta.persistence.") && MAPPED.contains(kind.getSimpleName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hibernate's SQLite dialect but for one quirk of its validator: a {@code GenerationType.IDENTITY}
     * id must be declared {@code integer} on SQLite (only {@code INTEGER PRIMARY KEY} is the rowid,
     * and {@code AUTOINCREMENT} accepts nothing else), as Hibernate's own DDL declares it too; its
     * validator then expects {@code bigint} for a {@code Long} and rejects that schema, its own
     * included. Every integer column of SQLite holds 64 bits, so here a found {@code integer} is what
     * a {@code bigint} expects; every other comparison is the dialect's.
     */
    public static final class RowidIds extends SQLiteDialect {

        public RowidIds() {
        }

        public RowidIds(DialectResolutionInfo info) {
            super(info);
        }

        @Override
        public boolean equivalentTypes(int expected, int found) {
            return super.equivalentTypes(expected, found) || expected == Types.BIGINT && found == Types.INTEGER;
        }
    }
}
