package io.github.jpamigrate.core.diff;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TableKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The objects entities map that migrations do not create ({@link TableKind#VIEW},
 * {@link TableKind#EXTERNAL}), said in words, so that a migration's header and the build log tell
 * the user which objects their own migrations must create: {@link SchemaDiff} gives no change for them.
 */
public final class UnmanagedTables {

    private UnmanagedTables() {
    }

    /**
     * One line per view or external object of {@code after} that {@code before} did not have as such
     * (new, or an ordinary table before), sorted by name; a subselect has no database object and is
     * not listed.
     */
    public static List<String> introduced(SchemaModel before, SchemaModel after) {
        List<String> out = new ArrayList<>();
        after.tables().stream().filter(t -> t.kind().expectsObject())
                .filter(t -> before.table(t.name()).map(old -> old.kind() != t.kind()).orElse(true))
                .sorted(Comparator.comparing(t -> Identifiers.key(t.name())))
                .forEach(t -> out.add(describe(t)));
        return out;
    }

    /** The object, the entities that map it, and who must create it. */
    static String describe(Table table) {
        String entities = table.entities().isEmpty() ? "" : " (entity " + String.join(", ", table.entities()) + ")";
        String columns = table.columns().stream().map(Column::name).collect(Collectors.joining(", "));
        if (table.kind() == TableKind.VIEW) {
            return "view " + table.qualifiedName() + entities + " is an @View: Hibernate 7's export creates it"
                    + " from its query, JPA Migrate does not; create it in your own migration (e.g. an R__ script)"
                    + " with the columns " + columns;
        }
        return "table or view " + table.qualifiedName() + entities + " is @Immutable: JPA Migrate does not create"
                + " it; your own migration (e.g. an R__ view) is expected to, with the columns " + columns;
    }
}
