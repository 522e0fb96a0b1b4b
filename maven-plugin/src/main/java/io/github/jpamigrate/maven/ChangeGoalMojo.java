package io.github.jpamigrate.maven;

import io.github.jpamigrate.workflow.ChangeOptions;
import io.github.jpamigrate.workflow.MigrationTargets;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;

/** The parameters of the goals that turn model changes into SQL ({@code generate}, {@code diff}, {@code verify}). */
abstract class ChangeGoalMojo extends JpaMigrateMojo {

    /**
     * The database the migrations are written for: {@code sqlite}, {@code postgresql},
     * {@code mariadb}, {@code mysql} or {@code h2}; they go in the migration folder itself.
     * Default: {@code sqlite} (when {@code dialects} is not set either).
     */
    @Parameter(property = "jpamigrate.dialect")
    String dialect;

    /**
     * Several databases at once, one subfolder of the migration folder per vendor
     * ({@code db/migration/postgresql/V3__x.sql}, {@code db/migration/h2/V3__x.sql}; MariaDB and
     * MySQL use {@code mysql}), each with the same versions, as Spring Boot's
     * {@code spring.flyway.locations=classpath:db/migration/{vendor}} expects. Undo scripts get the
     * same subfolders; there is one snapshot. Instead of {@code dialect}, not with it.
     * Example: {@code -Djpamigrate.dialects=postgresql,h2}.
     */
    @Parameter(property = "jpamigrate.dialects")
    List<String> dialects;

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

    MigrationTargets targets() {
        return MigrationTargets.parse(dialect, dialects);
    }

    /** The options, for the first target database. */
    ChangeOptions changeOptions() {
        return ChangeOptions.parse(targets().primary().id(), renames, backfills, allowDestructive);
    }
}
