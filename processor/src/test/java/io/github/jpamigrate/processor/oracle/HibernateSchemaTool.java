package io.github.jpamigrate.processor.oracle;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/** Hibernate ORM booted for a fixture's entity classes against a scratch schema, with an {@code hbm2ddl} action. */
final class HibernateSchemaTool {

    private HibernateSchemaTool() {
    }

    /**
     * Builds (and closes) a session factory; {@code validate} throws on the first mismatch,
     * {@code create-only} has Hibernate's schema export build the schema and throws at the first
     * statement the database refuses.
     */
    static void boot(FixtureBuild build, Scratch scratch, String action) {
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(build.classLoader()).build();
        StandardServiceRegistryBuilder settings = new StandardServiceRegistryBuilder(bootstrap)
                .applySetting("hibernate.connection.url", scratch.url())
                .applySetting("hibernate.hbm2ddl.auto", action)
                // the export stops at the first statement the database refuses, naming it, instead of logging and going on
                .applySetting("hibernate.hbm2ddl.halt_on_error", "true");
        if (scratch.user() != null) {
            settings.applySetting("hibernate.connection.username", scratch.user())
                    .applySetting("hibernate.connection.password", scratch.password());
        }
        if (build.fixture().usesBeanValidation()) {
            settings.applySetting("jakarta.persistence.validation.mode", "ddl")
                    .applySetting("jakarta.persistence.validation.factory", Validators.FACTORY);
        } else {
            settings.applySetting("jakarta.persistence.validation.mode", "none");
        }
        StandardServiceRegistry registry = settings.build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            build.mappedClasses().forEach(sources::addAnnotatedClass);
            try (SessionFactory ignored = sources.buildMetadata().buildSessionFactory()) {
                // validated, or created
            }
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private static final class Validators {
        static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    }
}
