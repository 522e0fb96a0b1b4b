package io.github.jpamigrate.processor;

import io.github.jpamigrate.processor.diag.Diagnostic;
import io.github.jpamigrate.processor.diag.Diagnostics;
import io.github.jpamigrate.processor.scan.Naming;
import io.github.jpamigrate.core.sql.OrmLine;
import java.util.Map;
import javax.lang.model.SourceVersion;
import javax.lang.model.util.Elements;

/**
 * The processor options.
 *
 * <ul>
 *   <li>{@code -Ajpamigrate.naming=jpa|spring}: naming strategy. Default {@code spring} when Spring
 *       Boot's Hibernate integration ({@code SpringImplicitNamingStrategy}, Boot 3 or 4) is on the
 *       compile class path, else {@code jpa}.</li>
 *   <li>{@code -Ajpamigrate.orm=hibernate-7|hibernate-6.6}: whose DDL rules to follow. Default
 *       {@code hibernate-6.6} when Hibernate ORM 6 (Spring Boot 3) is on the compile class path,
 *       else {@code hibernate-7}.</li>
 *   <li>{@code -Ajpamigrate.schemaClass=<fully.qualified.Name>|none}: the generated runtime schema check;
 *       default {@code JpaMigrateSchema} in the entities' common package, {@code none} turns it off.</li>
 * </ul>
 *
 * @param naming      the naming strategy
 * @param orm         the ORM line
 * @param schemaCheck whether to generate the runtime schema check class
 * @param schemaClass its fully qualified name, or null to place it by {@code SchemaClassName.forEntities}
 * @param valid       false when an option had a bad value (already reported)
 */
record ProcessorOptions(Naming.Strategy naming, OrmLine orm, boolean schemaCheck, String schemaClass, boolean valid) {

    static final String NAMING = "jpamigrate.naming";
    static final String ORM = "jpamigrate.orm";
    static final String SCHEMA_CLASS = "jpamigrate.schemaClass";
    static final String SCHEMA_CLASS_OFF = "none";

    /** Spring Boot's implicit naming strategy: Boot 3 package, then Boot 4's {@code spring-boot-hibernate} module. */
    private static final String[] SPRING_NAMING_CLASSES = {
        "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy",
        "org.springframework.boot.hibernate.SpringImplicitNamingStrategy",
    };

    /** An annotation Hibernate ORM has from 7.0 on ({@code @since 7.0}); 6.6.49 does not have it. */
    private static final String HIBERNATE_7_ONLY = "org.hibernate.annotations.NativeGenerator";

    /** A type Hibernate ORM has from 6.0 on, in 7 as well: Hibernate is there at all, and not 5. */
    private static final String HIBERNATE_6_OR_LATER = "org.hibernate.query.SelectionQuery";

    static ProcessorOptions parse(Map<String, String> options, Elements elements, Diagnostics diagnostics) {
        boolean valid = true;
        OrmLine orm = ormOnClassPath(elements);
        String ormValue = options.get(ORM);
        if (ormValue != null) {
            orm = OrmLine.fromId(ormValue.trim()).orElse(null);
            if (orm == null) {
                diagnostics.report(Diagnostic.INVALID_OPTION, null, ORM, ormValue, OrmLine.allowedIds());
                valid = false;
                orm = OrmLine.HIBERNATE_7;
            }
        }
        Naming.Strategy naming = springOnClassPath(elements) ? Naming.Strategy.SPRING : Naming.Strategy.JPA;
        String namingValue = options.get(NAMING);
        if (namingValue != null) {
            naming = null;
            for (Naming.Strategy s : Naming.Strategy.values()) {
                if (s.optionValue().equals(namingValue.trim())) {
                    naming = s;
                }
            }
            if (naming == null) {
                diagnostics.report(Diagnostic.INVALID_OPTION, null, NAMING, namingValue, "jpa, spring");
                valid = false;
                naming = Naming.Strategy.JPA;
            }
        }
        boolean schemaCheck = true;
        String schemaClass = null;
        String schemaValue = options.get(SCHEMA_CLASS);
        if (schemaValue != null) {
            String value = schemaValue.trim();
            if (value.equalsIgnoreCase(SCHEMA_CLASS_OFF)) {
                schemaCheck = false;
            } else if (SourceVersion.isName(value)) {
                schemaClass = value;
            } else {
                diagnostics.report(Diagnostic.INVALID_OPTION, null, SCHEMA_CLASS, schemaValue,
                        "a fully qualified class name such as com.acme.persistence.DatabaseSchema, or none");
                valid = false;
            }
        }
        return new ProcessorOptions(naming, orm, schemaCheck, schemaClass, valid);
    }

    /**
     * The line of the Hibernate ORM on the compile class path: 6.6 for a 6.x (Spring Boot 3),
     * else 7, which is also the answer without Hibernate (another provider, or the API alone).
     */
    private static OrmLine ormOnClassPath(Elements elements) {
        boolean hibernate6 = elements.getTypeElement(HIBERNATE_6_OR_LATER) != null
                && elements.getTypeElement(HIBERNATE_7_ONLY) == null;
        return hibernate6 ? OrmLine.HIBERNATE_6_6 : OrmLine.HIBERNATE_7;
    }

    private static boolean springOnClassPath(Elements elements) {
        for (String name : SPRING_NAMING_CLASSES) {
            if (elements.getTypeElement(name) != null) {
                return true;
            }
        }
        return false;
    }
}
