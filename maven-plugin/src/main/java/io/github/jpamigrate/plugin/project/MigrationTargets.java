package io.github.jpamigrate.plugin.project;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.plugin.replay.FlywaySettings;

import java.util.ArrayList;
import java.util.List;

/**
 * The databases the migrations are written for, and where each one's migrations live. One
 * mechanism with two spellings: {@code dialect=postgresql} is one database and the plain migration
 * folder ({@code db/migration/V1__x.sql}); {@code dialects=postgresql,h2} is one folder per vendor
 * ({@code db/migration/postgresql/V1__x.sql}, {@code db/migration/h2/V1__x.sql}), the layout
 * Spring Boot's {@code spring.flyway.locations=classpath:db/migration/{vendor}} resolves. Every
 * vendor folder gets the same versions and descriptions, from one change set and one snapshot.
 *
 * @param dialects      the target databases, at least one, in the order given
 * @param vendorFolders whether each one has its own subfolder (the {@code dialects} spelling)
 */
public record MigrationTargets(List<Dialect> dialects, boolean vendorFolders) {

    /** The placeholder Spring Boot resolves to the vendor folder name, and so does {@link #flyway}. */
    public static final String VENDOR = "{vendor}";

    public MigrationTargets {
        dialects = List.copyOf(dialects);
        if (dialects.isEmpty()) {
            throw new IllegalArgumentException("no dialect");
        }
    }

    /** One database, the plain migration folder. */
    public static MigrationTargets single(Dialect dialect) {
        return new MigrationTargets(List.of(dialect), false);
    }

    /**
     * Reads the {@code dialect} and {@code dialects} parameters (either, not both; neither means SQLite).
     *
     * @throws WorkflowFailure naming the parameter and what it accepts
     */
    public static MigrationTargets parse(String dialect, List<String> dialects) {
        List<String> listed = new ArrayList<>();
        for (String value : dialects == null ? List.<String>of() : dialects) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    listed.add(part.trim());
                }
            }
        }
        boolean single = dialect != null && !dialect.isBlank();
        if (listed.isEmpty()) {
            return single(parseOne("jpamigrate.dialect", single ? dialect : Dialect.SQLITE.id()));
        }
        if (single) {
            throw new WorkflowFailure("both jpamigrate.dialect (" + dialect.strip() + ") and jpamigrate.dialects ("
                    + String.join(",", listed) + ") are set. Use dialect for one database and the plain migration folder,"
                    + " or dialects for one subfolder per vendor (db/migration/<vendor>/), not both.");
        }
        List<Dialect> parsed = new ArrayList<>();
        for (String id : listed) {
            Dialect next = parseOne("jpamigrate.dialects", id);
            for (Dialect earlier : parsed) {
                if (vendor(earlier).equals(vendor(next))) {
                    throw new WorkflowFailure("jpamigrate.dialects lists " + (earlier == next ? next.id() + " twice"
                            : earlier.id() + " and " + next.id() + ", which share the vendor folder '" + vendor(next)
                            + "' (Spring Boot resolves {vendor} to mysql for both)") + ". List each vendor once.");
                }
            }
            parsed.add(next);
        }
        return new MigrationTargets(parsed, true);
    }

    private static Dialect parseOne(String parameter, String id) {
        try {
            return Dialect.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new WorkflowFailure(parameter + ": " + e.getMessage());
        }
    }

    /**
     * The folder name of a dialect: the id Spring Boot puts in for {@code {vendor}}
     * ({@code DatabaseDriver.getId()}), which is {@code mysql} for MariaDB as well.
     */
    public static String vendor(Dialect dialect) {
        return dialect.vendorFolder();
    }

    /**
     * With vendor folders, migrations directly in the migration folder belong to no vendor (a
     * project switching from {@code dialect} to {@code dialects}): numbering on without them would
     * reuse their versions, and Flyway would apply them on every vendor. They are moved into the
     * folder of the vendor they were written for; {@code baseline} writes the others' folders from
     * the snapshot (never a copy of another vendor's SQL).
     *
     * @param goal the goal to run again once they are moved
     * @throws WorkflowFailure naming them and the way out; nothing is written
     */
    public void refuseFlatMigrations(ProjectLayout project, String goal) throws java.io.IOException {
        java.nio.file.Path root = project.migrationDirectory();
        if (!vendorFolders || !java.nio.file.Files.isDirectory(root)) {
            return;
        }
        List<String> flat;
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(root)) {
            flat = files.filter(java.nio.file.Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(name -> io.github.jpamigrate.core.migration.MigrationFile.parse(name).isPresent()).sorted().toList();
        }
        if (!flat.isEmpty()) {
            String shown = project.show(root);
            throw new WorkflowFailure("jpamigrate.dialects keeps one folder per vendor, but " + shown
                    + " holds migrations of its own (" + flat.get(0) + (flat.size() > 1 ? " and " + (flat.size() - 1)
                    + " more" : "") + "). Move them into the folder of the vendor they were written for (e.g. git mv "
                    + shown + "/V*.sql " + shown + "/" + vendor(primary()) + "/), point the application's Flyway at"
                    + " db/migration/{vendor}, then run " + ("baseline".equals(goal) ? "baseline again: it writes"
                    : "mvn jpa-migrate:baseline, which writes") + " the other vendors' folders from the snapshot."
                    + " Nothing was written.");
        }
    }

    /** The first target: the one {@code diff} and messages about "the dialect" mean. */
    public Dialect primary() {
        return dialects.get(0);
    }

    /** Where the migrations and undo scripts of {@code dialect} live. */
    public ProjectLayout layout(ProjectLayout project, Dialect dialect) {
        return vendorFolders ? project.forVendor(vendor(dialect)) : project;
    }

    /**
     * The Flyway settings for {@code dialect}: {@code {vendor}} in a location replaced by its vendor
     * folder name, as Spring Boot does.
     */
    public FlywaySettings flyway(FlywaySettings flyway, Dialect dialect) {
        String vendor = vendor(dialect);
        return flyway.mapLocations(l -> l.replace(VENDOR, vendor));
    }

    /**
     * The target whose vendor folder holds the migrations of a database of {@code dialect} (a
     * MariaDB database reads {@code mysql/}, whether the list says mariadb or mysql).
     *
     * @throws WorkflowFailure when no target shares its vendor: the list and the folders to choose from
     */
    public Dialect targetFor(Dialect dialect, String database) {
        return dialects.stream().filter(d -> vendor(d).equals(vendor(dialect))).findFirst()
                .orElseThrow(() -> new WorkflowFailure(database + " is a " + dialect.id() + " database, but"
                        + " jpamigrate.dialects lists " + String.join(",", dialects.stream().map(Dialect::id).toList())
                        + ", so there is no db/migration/" + vendor(dialect) + "/ folder of migrations for it (the"
                        + " folders are " + String.join(", ", dialects.stream().map(d -> vendor(d) + "/").toList())
                        + "). Point -Djpamigrate.url at a database of a listed vendor, or add " + dialect.id()
                        + " to dialects and run mvn jpa-migrate:generate to write its folder."));
    }

    /** {@code " (postgresql)"} in the vendor layout, else nothing: what tells one vendor's output from another's. */
    public String label(Dialect dialect) {
        return vendorFolders ? " (" + dialect.id() + ")" : "";
    }

    /**
     * Every target, in the order given, with its folder, its Flyway settings and the server of
     * its scratch databases.
     *
     * @param project the project's files (the plain migration folder)
     * @param flyway  the project's Flyway settings, {@code {vendor}} standing for each vendor's folder
     * @param shadows the servers scratch databases may be made on
     */
    public List<Target> resolve(ProjectLayout project, FlywaySettings flyway, ShadowServers shadows) {
        return dialects.stream().map(d -> target(d, project, flyway, shadows)).toList();
    }

    /** The target of {@code dialect} (one of {@link #dialects()}), as {@link #resolve} makes it. */
    public Target target(Dialect dialect, ProjectLayout project, FlywaySettings flyway, ShadowServers shadows) {
        return new Target(dialect, layout(project, dialect), flyway(flyway, dialect),
                shadows.forDialect(dialect, this).orElse(null), label(dialect));
    }

    /** The standard Flyway settings for the layout: its migration folder, the default history table. */
    public static FlywaySettings defaultFlyway(ProjectLayout layout) {
        return FlywaySettings.folder(layout.migrationDirectory());
    }

    /** The standard Flyway settings for the targets: the migration folder, or each vendor's folder in it. */
    public static FlywaySettings defaultFlyway(ProjectLayout layout, MigrationTargets targets) {
        return targets.vendorFolders() ? FlywaySettings.folder(layout.migrationDirectory().resolve(VENDOR))
                : defaultFlyway(layout);
    }
}
