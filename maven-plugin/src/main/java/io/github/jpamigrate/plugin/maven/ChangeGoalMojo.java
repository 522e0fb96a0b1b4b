package io.github.jpamigrate.plugin.maven;

import io.github.jpamigrate.plugin.project.ChangeOptions;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;

/** The parameters of the goals that turn model changes into SQL ({@code generate}, {@code diff}, {@code verify}). */
abstract class ChangeGoalMojo extends JpaMigrateMojo {

    /**
     * Declared renames, so that a renamed column or table keeps its data instead of being dropped
     * and added: {@code table.oldColumn:newColumn} or {@code oldTable:newTable}. JPA Migrate never
     * guesses a rename. Example: {@code -Djpamigrate.rename=user.username:login,customer:client}.
     */
    @Parameter(property = "jpamigrate.rename")
    List<String> renames;

    /**
     * Values for existing rows when a column becomes NOT NULL without a database default:
     * {@code table.column=value}, the value an SQL literal. Example:
     * {@code -Djpamigrate.backfill=customer.role='user'}. (A value containing a comma must be given in
     * the POM, one {@code backfill} element each.)
     */
    @Parameter(property = "jpamigrate.backfill")
    List<String> backfills;

    /**
     * Acknowledges changes that lose data (dropping a table or column, narrowing a type, removing
     * an enum constant, reordering an ORDINAL enum): {@code true} for all of them, or the tables,
     * {@code table.column}s and enum classes to allow. Default: none.
     * Example: {@code -Djpamigrate.allowDestructive=customer.fax}.
     */
    @Parameter(property = "jpamigrate.allowDestructive")
    List<String> allowDestructive;

    /**
     * Differences accepted in the drift baseline ({@code src/main/jpa-migrate/drift-baseline.json},
     * written by {@code init}) to reconcile now: {@code generate} writes the migration that takes
     * the database's side of each named item to the model's, and removes the items from the
     * baseline. The ids as {@code check} lists them, comma-separated, or {@code all}. Default: none.
     * Example: {@code -Djpamigrate.reconcile=orders.name,orders.index:created_at}.
     */
    @Parameter(property = "jpamigrate.reconcile")
    List<String> reconcile;

    /** The declared renames, backfills, acknowledgements and reconciliations, parsed; the same for every target database. */
    ChangeOptions changeOptions() {
        return ChangeOptions.parse(renames, backfills, allowDestructive).withReconcile(reconcile);
    }
}
