package io.github.jpamigrate.processor.oracle;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/** The steps every boot of Hibernate ORM for a compiled fixture shares, with or without a database. */
final class HibernateBoot {

    private HibernateBoot() {
    }

    /** Settings for a registry that loads classes from the fixture's build; the caller adds its own. */
    static StandardServiceRegistryBuilder settings(FixtureBuild build) {
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(build.classLoader()).build();
        return new StandardServiceRegistryBuilder(bootstrap);
    }

    /**
     * When the fixture uses Bean Validation, has Hibernate apply its constraints to the DDL (they
     * reach the mapping while a session factory is built) and says so; else changes nothing.
     */
    static boolean applyBeanValidation(StandardServiceRegistryBuilder settings, FixtureBuild build) {
        if (!build.fixture().usesBeanValidation()) {
            return false;
        }
        settings.applySetting("jakarta.persistence.validation.mode", "ddl");
        applyValidatorFactory(settings);
        return true;
    }

    /** Hands Hibernate a validator factory, as Spring Boot does when a Bean Validation provider is present. */
    static void applyValidatorFactory(StandardServiceRegistryBuilder settings) {
        settings.applySetting("jakarta.persistence.validation.factory", Validators.FACTORY);
    }

    /** The fixture's entity classes, mapped. */
    static Metadata metadata(StandardServiceRegistry registry, FixtureBuild build) {
        MetadataSources sources = new MetadataSources(registry);
        build.mappedClasses().forEach(sources::addAnnotatedClass);
        return sources.buildMetadata();
    }

    /** One validator for every boot, made on first use; needs no expression language (messages are never shown). */
    private static final class Validators {
        static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
    }
}
