package io.github.jpamigrate.processor.scan;

import java.util.Locale;

/**
 * Table and column names as Hibernate derives them: the implicit names of
 * {@code ImplicitNamingStrategyJpaCompliantImpl} (Spring Boot's variant differs only in join
 * table names), then the physical strategy: names as written ({@code jpa}), or Spring Boot's
 * {@code CamelCaseToUnderscoresNamingStrategy} ({@code spring}), which snake-cases and lower-cases.
 */
public final class Naming {

    /** The choice of {@code -Ajpamigrate.naming}. */
    public enum Strategy {
        JPA("jpa"), SPRING("spring");

        private final String optionValue;

        Strategy(String optionValue) {
            this.optionValue = optionValue;
        }

        public String optionValue() {
            return optionValue;
        }
    }

    private final Strategy strategy;
    private final OrmRules orm;

    public Naming(Strategy strategy, OrmRules orm) {
        this.strategy = strategy;
        this.orm = orm;
    }

    public Strategy strategy() {
        return strategy;
    }

    /**
     * The physical name of a logical (explicit or implicit) table, column or sequence name.
     * Names quoted with backticks, double quotes or brackets are taken verbatim without the quotes.
     */
    public String physical(String logical) {
        if (logical.length() > 1 && logical.startsWith("`") && logical.endsWith("`")) {
            return logical.substring(1, logical.length() - 1);
        }
        if (logical.length() > 1 && logical.startsWith("\"") && logical.endsWith("\"")) {
            return logical.substring(1, logical.length() - 1);
        }
        // Hibernate's Identifier also reads [name] as quoted (SQL Server style)
        if (logical.length() > 2 && logical.startsWith("[") && logical.endsWith("]")) {
            return logical.substring(1, logical.length() - 1);
        }
        return strategy == Strategy.SPRING ? snakeCase(logical) : logical;
    }

    private String snakeCase(String name) {
        StringBuilder b = new StringBuilder(name.replace('.', '_'));
        for (int i = 1; i < b.length() - 1; i++) {
            if (underscoreBetween(b.charAt(i - 1), b.charAt(i), b.charAt(i + 1))) {
                b.insert(i++, '_');
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private boolean underscoreBetween(char before, char current, char after) {
        boolean digits = orm.snakeCaseAfterDigits();
        return (Character.isLowerCase(before) || digits && Character.isDigit(before))
                && Character.isUpperCase(current)
                && (Character.isLowerCase(after) || digits && Character.isDigit(after));
    }

    /** Implicit primary table: the entity name. */
    public String entityTable(String entityName) {
        return physical(entityName);
    }

    /**
     * Implicit join table of a many-to-many (or unidirectional one-to-many): JPA joins the two physical
     * table names, Spring Boot the owning physical table and the owning attribute.
     */
    public String joinTable(String owningPhysicalTable, String owningAttribute, String targetPhysicalTable) {
        String logical = strategy == Strategy.SPRING
                ? owningPhysicalTable + "_" + owningAttribute
                : owningPhysicalTable + "_" + targetPhysicalTable;
        return physical(logical);
    }

    /** Implicit element collection table: {@code <owner entity name>_<attribute>}. */
    public String collectionTable(String ownerEntityName, String attribute) {
        return physical(ownerEntityName + "_" + attribute);
    }

    /** Implicit join column: {@code <attribute or entity name>_<referenced column>}. */
    public String joinColumn(String prefix, String referencedColumn) {
        return physical(prefix + "_" + referencedColumn);
    }

    /**
     * Implicit sequence of an entity hierarchy: {@code <root table>_SEQ}. Hibernate's generator binding
     * takes the root's physical table name as the base (the entity name only for {@code @Subselect}
     * entities, which have no table), and the result goes through the physical strategy once more.
     */
    public String tableSequence(String rootPhysicalTable) {
        return physical(rootPhysicalTable + "_SEQ");
    }
}
