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

    /**
     * Whether migrations for PostgreSQL and MariaDB/MySQL are written in the online forms, which
     * keep a busy table readable and writable while they run: indexes on existing tables built
     * concurrently (PostgreSQL: in a follow-up migration run outside a transaction), new
     * constraints added {@code not valid} and validated in the follow-up, NOT NULL through a
     * validated check, in-place/instant DDL on MariaDB/MySQL, a lock timeout at the top of every
     * migration. SQLite and H2 are not affected. Default: {@code true}. See docs/dialects.md.
     */
    @Parameter(property = "jpamigrate.online", defaultValue = "true")
    boolean online = true;

    /**
     * With {@code online}: how long a statement waits for its lock before the migration fails
     * (instead of queueing the application's queries behind it): {@code <n>ms}, {@code <n>s} or
     * {@code <n>min}. Default: {@code 5s}.
     */
    @Parameter(property = "jpamigrate.lockTimeout", defaultValue = "5s")
    String lockTimeout = "5s";

    /**
     * With {@code online}: how long one statement may run (PostgreSQL {@code statement_timeout},
     * MariaDB {@code max_statement_time}), same form as {@code lockTimeout}. Default: none.
     */
    @Parameter(property = "jpamigrate.statementTimeout")
    String statementTimeout;

    /** The declared renames, backfills, acknowledgements and reconciliations, parsed; the same for every target database. */
    ChangeOptions changeOptions() {
        return ChangeOptions.parse(renames, backfills, allowDestructive, online, lockTimeout, statementTimeout)
                .withReconcile(reconcile);
    }
}
