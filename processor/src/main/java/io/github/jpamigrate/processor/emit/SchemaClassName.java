package io.github.jpamigrate.processor.emit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Where the runtime schema check class goes when {@code -Ajpamigrate.schemaClass} does not say:
 * {@value #SIMPLE_NAME} in the longest package that contains every entity class (compared by whole
 * package names, so {@code com.acme} and {@code com.acmex} share only {@code com}). When the entities
 * share no package at all (say {@code com.acme.shop} and {@code org.partner}), it goes into the
 * alphabetically first of their packages, never into the unnamed package unless every entity lives
 * there: a class in the unnamed package cannot be imported by named packages.
 */
public final class SchemaClassName {

    public static final String SIMPLE_NAME = "JpaMigrateSchema";

    private SchemaClassName() {
    }

    /**
     * @param entityPackages the package of each entity class ({@code ""} for the unnamed package)
     * @return the fully qualified name of the class
     */
    public static String forEntities(Collection<String> entityPackages) {
        TreeSet<String> packages = new TreeSet<>(entityPackages);
        List<String> common = null;
        for (String pkg : packages) {
            List<String> parts = pkg.isEmpty() ? List.of() : Arrays.asList(pkg.split("\\."));
            if (common == null) {
                common = new ArrayList<>(parts);
            } else {
                int same = 0;
                while (same < common.size() && same < parts.size() && common.get(same).equals(parts.get(same))) {
                    same++;
                }
                common = new ArrayList<>(common.subList(0, same));
            }
        }
        String pkg = common == null ? "" : String.join(".", common);
        if (pkg.isEmpty()) {
            pkg = packages.stream().filter(p -> !p.isEmpty()).findFirst().orElse("");
        }
        return pkg.isEmpty() ? SIMPLE_NAME : pkg + "." + SIMPLE_NAME;
    }

    /** The package part of a fully qualified class name, {@code ""} for the unnamed package. */
    public static String packageOf(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        return dot < 0 ? "" : qualifiedName.substring(0, dot);
    }

    /** The simple name part of a fully qualified class name. */
    public static String simpleNameOf(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }
}
