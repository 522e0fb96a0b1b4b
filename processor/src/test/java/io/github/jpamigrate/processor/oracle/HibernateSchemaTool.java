package io.github.jpamigrate.processor.oracle;

import org.hibernate.SessionFactory;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

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
        StandardServiceRegistryBuilder settings = HibernateBoot.settings(build)
                .applySetting("hibernate.connection.url", scratch.url())
                .applySetting("hibernate.hbm2ddl.auto", action)
                // the export stops at the first statement the database refuses, naming it, instead of logging and going on
                .applySetting("hibernate.hbm2ddl.halt_on_error", "true");
        if (scratch.user() != null) {
            settings.applySetting("hibernate.connection.username", scratch.user())
                    .applySetting("hibernate.connection.password", scratch.password());
        }
        if (!HibernateBoot.applyBeanValidation(settings, build)) {
            settings.applySetting("jakarta.persistence.validation.mode", "none");
        }
        StandardServiceRegistry registry = settings.build();
        try (SessionFactory ignored = HibernateBoot.metadata(registry, build).buildSessionFactory()) {
            // validated, or created
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }
}
