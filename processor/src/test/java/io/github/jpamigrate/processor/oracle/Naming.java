package io.github.jpamigrate.processor.oracle;

import java.util.Map;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;

/** The two naming conventions the processor supports, as processor option and as Hibernate settings. */
enum Naming {
    /** Hibernate's defaults: JPA-compliant implicit names, physical names as written. */
    JPA("jpa", Map.of()),
    /** Spring Boot's: snake_case physical names and the owner-attribute join table name. */
    SPRING("spring", Map.of(
            "hibernate.physical_naming_strategy", new CamelCaseToUnderscoresNamingStrategy(),
            "hibernate.implicit_naming_strategy", new SpringStyleImplicitNamingStrategy()));

    private final String option;
    private final Map<String, Object> hibernateSettings;

    Naming(String option, Map<String, Object> hibernateSettings) {
        this.option = option;
        this.hibernateSettings = hibernateSettings;
    }

    /** The value of {@code -Ajpamigrate.naming}. */
    String option() {
        return option;
    }

    Map<String, Object> hibernateSettings() {
        return hibernateSettings;
    }

    @Override
    public String toString() {
        return option;
    }
}
