package io.github.jpamigrate.processor;

import io.github.jpamigrate.processor.diag.Diagnostic;
import io.github.jpamigrate.processor.diag.Diagnostics;
import io.github.jpamigrate.processor.scan.Naming;
import io.github.jpamigrate.core.sql.OrmLine;
import java.util.Map;
import javax.lang.model.util.Elements;

/**
 * The processor options.
 *
 * <ul>
 *   <li>{@code -Ajpamigrate.naming=jpa|spring}: naming strategy. Default {@code spring} when Spring
 *       Boot's Hibernate integration ({@code SpringImplicitNamingStrategy}, Boot 3 or 4) is on the
 *       compile class path, else {@code jpa}.</li>
 *   <li>{@code -Ajpamigrate.orm=hibernate-7|hibernate-6.6}: whose DDL rules to follow; default {@code hibernate-7}.</li>
 * </ul>
 *
 * @param naming the naming strategy
 * @param orm    the ORM line
 * @param valid  false when an option had a bad value (already reported)
 */
record ProcessorOptions(Naming.Strategy naming, OrmLine orm, boolean valid) {

    static final String NAMING = "jpamigrate.naming";
    static final String ORM = "jpamigrate.orm";

    /** Spring Boot's implicit naming strategy: Boot 3 package, then Boot 4's {@code spring-boot-hibernate} module. */
    private static final String[] SPRING_NAMING_CLASSES = {
        "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy",
        "org.springframework.boot.hibernate.SpringImplicitNamingStrategy",
    };

    static ProcessorOptions parse(Map<String, String> options, Elements elements, Diagnostics diagnostics) {
        boolean valid = true;
        OrmLine orm = OrmLine.HIBERNATE_7;
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
        return new ProcessorOptions(naming, orm, valid);
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
