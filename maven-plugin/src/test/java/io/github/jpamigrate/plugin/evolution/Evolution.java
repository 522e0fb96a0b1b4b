package io.github.jpamigrate.plugin.evolution;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.Renames;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.sql.RenderOptions;
import io.github.jpamigrate.plugin.project.ChangeOptions;

import java.util.List;
import java.util.Optional;

/**
 * One generated case: an old model, the new model a few edits later, and what the user would have
 * said on the command line for it (renames, backfill values, acknowledged drops).
 *
 * @param seed         the seed that generated it
 * @param dialect      the dialect it was generated for (a few literals and indexes depend on it)
 * @param oldModel     the model the database starts at
 * @param newModel     the model the migration must produce
 * @param renames      {@code -Djpamigrate.rename} declarations
 * @param backfills    {@code -Djpamigrate.backfill} declarations
 * @param acknowledged {@code -Djpamigrate.allowDestructive} targets
 * @param steps        the edits in words, for failure messages
 * @param edits        the names of the edits applied, for the run's summary
 * @param prelude      the earlier evolution whose migration built the old model on an empty
 *                     database (so the database carries that migration's history, such as index
 *                     names from before a rename), or null when the old model is created directly
 */
record Evolution(long seed, Dialect dialect, SchemaModel oldModel, SchemaModel newModel, List<String> renames, List<String> backfills,
                 List<String> acknowledged, List<String> steps, List<String> edits, Evolution prelude) {

    Evolution {
        renames = List.copyOf(renames);
        backfills = List.copyOf(backfills);
        acknowledged = List.copyOf(acknowledged);
        steps = List.copyOf(steps);
        edits = List.copyOf(edits);
    }

    /** The options exactly as the {@code generate} goal would parse them. */
    ChangeOptions options() {
        return ChangeOptions.parse(renames, backfills, acknowledged);
    }

    Renames parsedRenames() {
        return options().renames();
    }

    RenderOptions renderOptions() {
        return options().render();
    }

    /**
     * The new model's counterpart of an old table: under its declared new name, else under its own
     * name unless a declared rename gave that name to another table (then it was dropped).
     */
    Optional<Table> newTable(Table old) {
        Renames renames = parsedRenames();
        Optional<String> declared = renames.newTableName(old.name());
        if (declared.isPresent()) {
            return newModel.table(declared.get());
        }
        boolean givenAway = oldModel.tables().stream().anyMatch(t -> t != old
                && renames.newTableName(t.name()).map(n -> Identifiers.sameName(n, old.name())).orElse(false));
        return givenAway ? Optional.empty() : newModel.table(old.name());
    }

    /** The new model's counterpart of an old column, by the same rules as {@link #newTable}. */
    Optional<Column> newColumn(Table old, Table now, Column column) {
        Renames renames = parsedRenames();
        Optional<String> declared = renames.newColumnName(old.name(), now.name(), column.name());
        if (declared.isPresent()) {
            return now.column(declared.get());
        }
        boolean givenAway = old.columns().stream().anyMatch(c -> c != column && renames.newColumnName(old.name(), now.name(),
                c.name()).map(n -> Identifiers.sameName(n, column.name())).orElse(false));
        return givenAway ? Optional.empty() : now.column(column.name());
    }

    /** The value a new NOT NULL column or a tightened column takes where there was none. */
    Optional<String> fallback(Table now, Column column) {
        return renderOptions().backfill(now.name(), column.name()).or(() -> Optional.ofNullable(column.defaultValue()));
    }

    /** The case in words: the edits and the options, after those of the prelude. */
    String describe() {
        StringBuilder out = new StringBuilder();
        if (prelude != null) {
            out.append("\n  first, a migration that built the old model:").append(prelude.describe().replace("\n", "\n  "))
                    .append("\n  then the migration under test:");
        }
        steps.forEach(s -> out.append("\n  - ").append(s));
        out.append("\n  renames: ").append(renames).append("\n  backfills: ").append(backfills)
                .append("\n  allowDestructive: ").append(acknowledged);
        return out.toString();
    }
}
