package io.github.jpamigrate.fidelity;

import java.util.Map;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;

/**
 * Spring Boot's naming as Hibernate settings, without Spring on the class path: snake_case physical
 * names, and join tables named after the owning table and attribute rather than both entity tables.
 */
final class SpringNaming extends ImplicitNamingStrategyJpaCompliantImpl {

    static Map<String, Object> settings() {
        return Map.of("hibernate.physical_naming_strategy", new CamelCaseToUnderscoresNamingStrategy(),
                "hibernate.implicit_naming_strategy", new SpringNaming());
    }

    @Override
    public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
        return toIdentifier(source.getOwningPhysicalTableName() + "_" + source.getAssociationOwningAttributePath().getProperty(),
                source.getBuildingContext());
    }
}
