package io.github.jpamigrate.fidelity;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.io.StringWriter;
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
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.hibernate.Version;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Hibernate ORM (the line on this class path) booted for a project's compiled classes against a
 * PostgreSQL database, with the project's naming and, when its entities use Bean Validation, with
 * a provider present (as the project runs): its schema validator, and its schema export as a script.
 */
final class HibernateSchema implements AutoCloseable {

    private static final Set<String> MAPPED = Set.of("Entity", "MappedSuperclass", "Embeddable", "Converter");

    private final URLClassLoader loader;
    private final List<Class<?>> mapped;
    private final String naming;
    private final boolean beanValidation;

    HibernateSchema(ExtractedProject project, Path classes) throws IOException {
        this.loader = new URLClassLoader(urls(project, classes), HibernateSchema.class.getClassLoader());
        this.mapped = mappedClasses(classes);
        this.naming = project.naming();
        this.beanValidation = usesBeanValidation(project);
    }

    /** {@code hibernate-7} or {@code hibernate-6.6}: the processor's {@code -Ajpamigrate.orm} for this line. */
    static String ormLine() {
        return Version.getVersionString().startsWith("6.") ? "hibernate-6.6" : "hibernate-7";
    }

    int mappedClassCount() {
        return mapped.size();
    }

    /** The {@code @Entity} classes among the mapped ones. */
    int entityCount() {
        return (int) mapped.stream().filter(c -> Stream.of(c.getDeclaredAnnotations())
                .anyMatch(a -> a.annotationType().getName().endsWith("persistence.Entity"))).count();
    }

    boolean beanValidation() {
        return beanValidation;
    }

    /** Runs {@code hbm2ddl validate} on the database: null when it accepts the schema, else its message. */
    String validate(String url) {
        try {
            boot(url, Map.of("hibernate.hbm2ddl.auto", "validate"));
            return null;
        } catch (RuntimeException e) {
            return Failures.chain(e);
        }
    }

    /** The statements of Hibernate's schema export for PostgreSQL (the version the database at {@code url} reports). */
    List<String> exportScript(String url) {
        StringWriter script = new StringWriter();
        boot(url, Map.of("jakarta.persistence.schema-generation.database.action", "none",
                "jakarta.persistence.schema-generation.scripts.action", "create",
                "jakarta.persistence.schema-generation.scripts.create-target", script,
                "hibernate.hbm2ddl.delimiter", ";"));
        List<String> statements = new ArrayList<>();
        for (String line : script.toString().split("\n")) {
            String sql = line.strip();
            if (!sql.isEmpty()) {
                statements.add(sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql);
            }
        }
        return statements;
    }

    private void boot(String url, Map<String, Object> action) {
        StandardServiceRegistryBuilder settings = new StandardServiceRegistryBuilder(
                new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build())
                .applySetting("hibernate.connection.url", url);
        if (naming.equals("spring")) {
            SpringNaming.settings().forEach(settings::applySetting);
        }
        if (beanValidation) {
            settings.applySetting("jakarta.persistence.validation.mode", "ddl")
                    .applySetting("jakarta.persistence.validation.factory", Validators.FACTORY);
        } else {
            settings.applySetting("jakarta.persistence.validation.mode", "none");
        }
        action.forEach(settings::applySetting);
        StandardServiceRegistry registry = settings.build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            mapped.forEach(sources::addAnnotatedClass);
            try (SessionFactory ignored = sources.buildMetadata().buildSessionFactory()) {
                // building it ran the schema action
            }
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }

    /**
     * The compiled classes and the project's class path, less the ORM and JPA jars extract.sh adds:
     * Hibernate and jakarta.persistence come from this JVM's class path, the line being measured.
     */
    private static URL[] urls(ExtractedProject project, Path classes) throws MalformedURLException {
        List<URL> urls = new ArrayList<>(List.of(classes.toUri().toURL()));
        for (Path jar : project.classpath()) {
            String name = jar.getFileName().toString();
            if (!name.startsWith("hibernate-core-") && !name.startsWith("jakarta.persistence-api-")
                    && !name.startsWith("hibernate-models-")) {
                urls.add(jar.toUri().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }

    /** Entities, mapped superclasses, embeddables and converters among the compiled classes, sorted by name. */
    private List<Class<?>> mappedClasses(Path classes) throws IOException {
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = load(name);
                if (type != null && isMapped(type)) {
                    found.add(type);
                }
            }
        }
        return found;
    }

    private Class<?> load(String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null; // a helper class whose own dependencies are not on the class path: not part of the model
        }
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

    private static boolean usesBeanValidation(ExtractedProject project) throws IOException {
        for (Path source : project.sources()) {
            if (Files.readString(source).contains("jakarta.validation.constraints")) {
                return true;
            }
        }
        return false;
    }

    /** One validator for every boot, made on first use; needs no expression language (messages are never shown). */
    private static final class Validators {
        static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
    }
}
