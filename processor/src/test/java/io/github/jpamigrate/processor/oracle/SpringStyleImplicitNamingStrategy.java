package io.github.jpamigrate.processor.oracle;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;

/**
 * Spring Boot's implicit naming rule, rebuilt for the tests because Spring is not on the test
 * class path: a join table is named after the owning table and the owning attribute
 * ({@code customer_favourite_tags}) rather than after both entity tables ({@code Customer_Tag}).
 */
class SpringStyleImplicitNamingStrategy extends ImplicitNamingStrategyJpaCompliantImpl {

    @Override
    public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
        String name = source.getOwningPhysicalTableName() + "_"
                + source.getAssociationOwningAttributePath().getProperty();
        return toIdentifier(name, source.getBuildingContext());
    }
}
