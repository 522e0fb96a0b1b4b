package io.github.jpamigrate.plugin.live;

import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.plugin.introspect.SchemaDrift;
import io.github.jpamigrate.plugin.live.FlywayHistory.Migration;
import io.github.jpamigrate.plugin.live.LiveFinding.Kind;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Turns what {@code check-db} read — Flyway's history, the schema's differences from the model,
 * and which migration creates what — into findings with a cause and a fix. A difference that a
 * pending migration explains is no finding (the pending migration is); one that an applied
 * migration should have prevented is drift; one no migration accounts for is a missing migration.
 */
final class LiveFindings {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final FlywayHistory history;
    private final MigrationScan scan;
    private final SchemaModel database;
    private final SchemaModel model;
    private final String historyTable;
    private final java.util.Set<String> views;
    private final Map<String, Migration> byFile = new HashMap<>();
    private final List<LiveFinding> findings = new ArrayList<>();
    private SchemaVersionMatch versionMatch;
    private String noVersionMatch;

    LiveFindings(FlywayHistory history, MigrationScan scan, SchemaModel database, SchemaModel model, String historyTable) {
        this(history, scan, database, model, historyTable, java.util.Set.of());
    }

    /** @param views the names of the database's views: an entity may map one */
    LiveFindings(FlywayHistory history, MigrationScan scan, SchemaModel database, SchemaModel model, String historyTable,
                 java.util.Set<String> views) {
        this.views = views;
        this.history = history;
        this.scan = scan;
        this.database = database;
        this.model = model;
        this.historyTable = historyTable;
        for (Migration migration : history.migrations()) {
            if (migration.script() != null) {
                byFile.put(fileName(migration.script()), migration);
            }
        }
    }

    /**
     * For a schema without Flyway history: the version whose schema it holds, worked out by
     * replaying the migrations ({@code match}), or why that was not done ({@code whyNot}).
     */
    LiveFindings versionMatch(SchemaVersionMatch match, String whyNot) {
        this.versionMatch = match;
        this.noVersionMatch = whyNot;
        SchemaVersionMatch.Step baseline = match == null ? null : match.match().orElse(null);
        if (baseline != null) {
            // As Flyway's info reads once the database is baselined there: the versions it stands for are below it.
            Set<String> covered = match.coveredBy(baseline).stream().map(LiveFindings::fileName)
                    .collect(java.util.stream.Collectors.toSet());
            byFile.replaceAll((file, m) -> covered.contains(file) ? new Migration(m.version(), m.description(),
                    m.script(), AppliedState.BELOW_BASELINE, null, m.inCode(), null, m.baseline()) : m);
        }
        return this;
    }

    List<LiveFinding> of(List<SchemaChange> drift) {
        boolean withoutHistory = !history.tableExists() && !database.tables().isEmpty();
        if (withoutHistory) {
            new HistoryAbsentWords(historyTable, database, versionMatch, noVersionMatch).finding().ifPresent(findings::add);
        }
        for (Migration migration : history.migrations()) {
            if (withoutHistory && migration.state() == AppliedState.PENDING) {
                pendingWithoutHistory(migration);
            } else {
                migration(migration);
            }
        }
        Map<SchemaChange, SchemaChange> actionOnly = actionOnly(drift);
        for (SchemaChange change : drift) {
            if (change instanceof SchemaChange.ForeignKeyDropped && actionOnly.containsKey(change)) {
                differs(change.table(), actionWords((SchemaChange.ForeignKeyDropped) change,
                        (SchemaChange.ForeignKeyAdded) actionOnly.get(change)));
            } else if (!actionOnly.containsValue(change)) {
                change(change);
            }
        }
        return List.copyOf(findings);
    }

    /**
     * The foreign keys that differ only in their referential action: the model's key (dropped) to
     * the database's (added) on the same columns and referenced columns. The comparison sees a key
     * with another action as another key; said so, it would read as one key missing and one extra.
     */
    private static Map<SchemaChange, SchemaChange> actionOnly(List<SchemaChange> drift) {
        Map<SchemaChange, SchemaChange> pairs = new java.util.IdentityHashMap<>();
        for (SchemaChange change : drift) {
            if (change instanceof SchemaChange.ForeignKeyDropped d) {
                drift.stream().filter(c -> c instanceof SchemaChange.ForeignKeyAdded a && Identifiers.sameName(a.table(), d.table())
                                && !pairs.containsValue(a) && sameKeyColumns(a.newKey(), d.oldKey()))
                        .findFirst().ifPresent(a -> pairs.put(d, a));
            }
        }
        return pairs;
    }

    private static boolean sameKeyColumns(io.github.jpamigrate.core.model.ForeignKey a, io.github.jpamigrate.core.model.ForeignKey b) {
        return Identifiers.sameName(a.referencedTable(), b.referencedTable()) && pairs(a).equals(pairs(b));
    }

    private static java.util.Set<String> pairs(io.github.jpamigrate.core.model.ForeignKey key) {
        return IntStream.range(0, key.columns().size()).mapToObj(i -> Identifiers.key(key.columns().get(i)) + "="
                + Identifiers.key(key.referencedColumns().get(i))).collect(java.util.stream.Collectors.toSet());
    }

    /** {@code foreign key fk_x on t(c) -> u}, {@code on delete cascade in the database, no action in the model}. */
    private String[] actionWords(SchemaChange.ForeignKeyDropped model, SchemaChange.ForeignKeyAdded database) {
        String name = database.newKey().name() == null || database.newKey().name().isBlank() ? "" : database.newKey().name() + " ";
        return new String[] {"foreign key " + name + "on " + modelTable(model.table()) + "("
                + String.join(", ", model.oldKey().columns()) + ") -> " + modelTable(model.oldKey().referencedTable()),
                "on delete " + action(database.newKey()) + " in the database, " + action(model.oldKey()) + " in the entity model"};
    }

    private static String action(io.github.jpamigrate.core.model.ForeignKey key) {
        return key.onDelete().sql().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A pending migration on a schema without history: Flyway's migrate refuses such a schema until
     * it is baselined, so only the versions after the baseline (when one was worked out) are pending.
     */
    private void pendingWithoutHistory(Migration m) {
        SchemaVersionMatch.Step baseline = versionMatch == null ? null : versionMatch.match().orElse(null);
        if (baseline == null || byFile.containsKey(fileName(m.label()))
                && byFile.get(fileName(m.label())).state() == AppliedState.BELOW_BASELINE) {
            return; // said once, in the history table finding
        }
        add(Kind.PENDING, m.label(), "not applied yet; the deploy applies it once the database is baselined at "
                        + baseline.version(),
                "it is newer than " + baseline.script() + ", whose schema the database holds",
                "nothing before a deploy beyond the baseline; to check a database after its deploy, use"
                        + " -Djpamigrate.failOn=all");
    }

    private void migration(Migration m) {
        String when = m.installedOn() == null ? "" : " on " + WHEN.format(m.installedOn());
        switch (m.state()) {
            case PENDING -> add(Kind.PENDING, m.label(), "not applied yet; the deploy applies it",
                    "it is newer than the database's current version " + current(),
                    "nothing before a deploy; to check a database after its deploy, use -Djpamigrate.failOn=all");
            case OUT_OF_ORDER -> add(Kind.ORDER, m.label(), "not applied, and older than the database's current version "
                            + current() + ": Flyway's migrate refuses it",
                    "it was added (typically merged from a parallel branch) after a newer migration had been applied",
                    "if it is not released anywhere yet, rename it to a version after the newest one (renaming the file"
                            + " is enough); or let Flyway apply it out of order: outOfOrder=true in the application's"
                            + " Flyway configuration");
            case NOT_IN_CODE -> add(Kind.UNKNOWN, m.label(), "applied" + when + ", but the code has no such migration",
                    "the file was deleted or renamed after it was applied, or the database was migrated by a newer"
                            + " release or another branch of the application; Flyway's validation reports it as missing"
                            + " (or as future, when it is newer than every migration in the code)",
                    javaClass(m.label())
                            ? "it is a Java migration: compile the project first (mvn compile, or run the goal after the"
                            + " compile phase) so that its class is in the output directory; if its source is gone, restore"
                            + " it from version control (git log --all --oneline -- '*" + m.label().replace('.', '/')
                            + ".java') and deploy code that has it"
                            : "restore the file from version control (git log --all --oneline -- '*" + m.label() + "') and deploy code"
                            + " that has it; if it was removed on purpose and its changes were undone in the database, mark"
                            + " it deleted in the history with Flyway's repair");
            case FAILED -> failed(m, when);
            case APPLIED, BELOW_BASELINE -> {
                if (m.edited() != null) {
                    add(Kind.CHECKSUM, m.label(), "applied" + when + " and edited since: " + m.edited(),
                            "the file was changed after the database applied it; Flyway's migrate fails validation",
                            "restore the applied text from version control (git log -p -- '*" + m.label() + "') and put the"
                                    + " change in a new migration (mvn jpa-migrate:generate); if the edit is intended and"
                                    + " changes nothing in the schema (comments, formatting), realign the checksum with"
                                    + " Flyway's repair");
                }
            }
        }
    }

    private void failed(Migration m, String when) {
        List<String> left = new ArrayList<>();
        List<String> notDone = new ArrayList<>();
        List<String> created = scan.createdBy(fileName(m.label()));
        for (String object : created) {
            if (object.startsWith("column ") && created.contains("table " + object.substring(7, object.lastIndexOf('.')))) {
                continue; // said with its table
            }
            (exists(object) ? left : notDone).add(object);
        }
        StringBuilder finding = new StringBuilder("Flyway recorded it as failed").append(when)
                .append("; migrate refuses to run until the history is repaired");
        if (!left.isEmpty()) {
            finding.append("; it left in the database: ").append(String.join(", ", shown(left)));
        }
        if (!notDone.isEmpty()) {
            finding.append("; not done: ").append(String.join(", ", shown(notDone)));
        }
        String undo = left.isEmpty() ? "undo by hand whatever its statements before the failing one did"
                : "undo what it left, by hand (" + String.join("; ", undoStatements(left)) + ")";
        add(Kind.FAILED, m.label() + (m.inCode() ? "" : " (missing from the code)"), finding.toString(),
                "a statement in it failed after earlier ones had taken effect: MariaDB and MySQL commit each DDL"
                        + " statement, and so does any database for a migration run outside a transaction"
                        + " (executeInTransaction=false); otherwise PostgreSQL, SQLite and H2 roll it back and record no"
                        + " failed row. Running it again fails, typically with 'table already exists'",
                "1) " + undo + " or finish its remaining statements by hand; 2) fix the migration file (it never"
                        + " completed, so changing it is safe); 3) remove the failed row with Flyway's repair (flyway repair,"
                        + " mvn flyway:repair, or Flyway.configure()...load().repair() with the application's Flyway"
                        + " settings); 4) deploy again");
    }

    private void change(SchemaChange change) {
        if (change.table() != null && SchemaDrift.isView(change.table(), database, views)) {
            viewColumn(change);
            return;
        }
        if (change instanceof SchemaChange.TableDropped d) {
            missingInDatabase("table " + modelTable(d.oldTable().name()), scan.createsTable(d.oldTable().name()));
        } else if (change instanceof SchemaChange.ColumnDropped d) {
            missingInDatabase("column " + modelColumn(d.table(), d.oldColumn().name()),
                    scan.createsColumn(d.table(), d.oldColumn().name()));
        } else if (change instanceof SchemaChange.IndexDropped d) {
            String name = indexName(model, d.table(), d.oldIndex().columns());
            missingInDatabase("index " + name + " on " + modelTable(d.table()), scan.createsIndex(name));
        } else if (change instanceof SchemaChange.TableAdded a) {
            String table = a.newTable().name();
            extraInDatabase("table " + table, scan.dropsTable(table), scan.createsTable(table));
        } else if (change instanceof SchemaChange.ColumnAdded a) {
            extraInDatabase("column " + a.table() + "." + a.newColumn().name() + " ("
                            + SchemaDrift.databaseType(database, a.table(), a.newColumn()) + ")",
                    scan.dropsColumn(a.table(), a.newColumn().name()), scan.createsColumn(a.table(), a.newColumn().name()));
        } else {
            differs(change);
        }
    }

    /**
     * A column of a view the entity model maps differs: the view's definition (in a migration,
     * often a repeatable one) and the entity disagree. Only columns are compared for a view.
     */
    private void viewColumn(SchemaChange change) {
        String view = modelTable(change.table());
        String subject;
        String finding;
        if (change instanceof SchemaChange.ColumnDropped d) {
            subject = "column " + modelColumn(d.table(), d.oldColumn().name());
            finding = "the entity model maps it, but view " + view + " in the database has no such column";
        } else if (change instanceof SchemaChange.ColumnAdded a) {
            subject = "column " + view + "." + a.newColumn().name() + " ("
                    + SchemaDrift.databaseType(database, a.table(), a.newColumn()) + ")";
            finding = "view " + view + " in the database has it, but the entity model does not map it";
        } else {
            String[] words = differenceWords(change);
            subject = words[0];
            finding = words[1];
        }
        add(Kind.DRIFT, subject, finding + " (" + view + " is a view: its columns' names and types are compared)",
                "the view's definition and the entity mapped to it disagree: the view was changed (by a migration or by"
                        + " hand) without the entity, or the entity without the view",
                "change the view's definition in its migration (a repeatable R__ migration re-creates it when its text"
                        + " changes), or change the entity to match the view");
    }

    /** The model has it, the database does not. */
    private void missingInDatabase(String subject, Optional<String> creator) {
        if (creator.isEmpty()) {
            add(Kind.MISSING, subject, "the entity model has it, the database does not, and no migration in the code"
                            + " creates it",
                    "an entity changed without a migration (jpa-migrate:check fails on this too)",
                    "mvn jpa-migrate:generate -Dmessage=\"...\", commit the migration with the entity change, and deploy");
            return;
        }
        Migration migration = byFile.get(creator.get());
        AppliedState state = migration == null ? null : migration.state();
        if (state == AppliedState.PENDING || state == AppliedState.OUT_OF_ORDER || state == AppliedState.FAILED) {
            return; // the pending, out-of-order or failed migration is the finding
        }
        add(Kind.DRIFT, subject, "the entity model has it and " + creator.get() + " (applied) creates it, but the"
                        + " database does not have it",
                "it was dropped or renamed outside the migrations (by hand, by another tool or application)",
                "re-create it by hand with the statement in " + creator.get() + ", then run check-db again; if it is meant"
                        + " to be gone, remove it from the entity and generate a migration (mvn jpa-migrate:generate)");
    }

    /** The database has it, the model does not. */
    private void extraInDatabase(String subject, Optional<String> dropper, Optional<String> creator) {
        if (dropper.isPresent() && notAppliedYet(dropper.get())) {
            return; // a migration not applied yet removes it
        }
        if (creator.isPresent() && byFile.containsKey(creator.get())
                && byFile.get(creator.get()).state() == AppliedState.FAILED) {
            return; // left by a failed migration, which is the finding
        }
        if (creator.isPresent()) {
            add(Kind.MISSING, subject, "the database has it, created by " + creator.get() + ", but the entity model"
                            + " does not map it",
                    "an entity or field was removed without a migration that drops it (jpa-migrate:check fails on this too)",
                    "keep the mapping, or generate the migration that drops it: mvn jpa-migrate:generate"
                            + " -Dmessage=\"...\" -Djpamigrate.allowDestructive=<table or table.column> once its data is"
                            + " no longer needed");
            return;
        }
        add(Kind.DRIFT, subject, "the database has it, but neither the entity model nor any migration in the code"
                        + " creates it",
                "it was created outside the migrations (by hand, by Hibernate's ddl-auto=update, by another application),"
                        + " or by a migration that is applied but missing from the code",
                "if nothing uses it, drop it by hand (after keeping its data if it matters); if the application needs it,"
                        + " map it in an entity and add a migration that creates it");
    }

    /**
     * Whether the file is a migration of the history that the database has not applied (pending, out
     * of order, failed). A file below a baseline migration is not: it is never applied, the baseline
     * migration stands for it.
     */
    private boolean notAppliedYet(String file) {
        Migration migration = byFile.get(file);
        return migration != null && migration.state() != AppliedState.APPLIED && migration.state() != AppliedState.BELOW_BASELINE;
    }

    /** Anything else that differs: types, nullability, defaults, keys, uniqueness. */
    private void differs(SchemaChange change) {
        differs(change.table(), differenceWords(change));
    }

    private void differs(String table, String[] words) {
        List<String> pending = table == null ? List.of() : scan.touching(table).stream().filter(this::notAppliedYet).toList();
        if (!pending.isEmpty()) {
            return; // a migration not applied yet changes this table; the next check after the deploy tells
        }
        String subject = words[0];
        String finding = words[1];
        add(Kind.DRIFT, subject, finding,
                "the database was changed outside the migrations, or an applied migration does not do what the entity"
                        + " says (a hand-written or edited migration; jpa-migrate:verify replays the folder to catch that)",
                "bring the database back to what the migrations build (by hand), or — if the database is right —"
                        + " change the entity and generate a migration (mvn jpa-migrate:generate)");
    }

    /** Subject and finding for a key, constraint, index or column difference, said from the model's side. */
    private String[] differenceWords(SchemaChange change) {
        String table = change.table() == null ? null : modelTable(change.table());
        String has = "the entity model has it, the database does not";
        String lacks = "the database has it, the entity model does not";
        if (change instanceof SchemaChange.ColumnChanged c) {
            String described = c.describe(SchemaDrift.databaseWords(database, c.table()));
            return new String[] {"column " + modelColumn(c.table(), c.newColumn().name()),
                    "differs from the entity model (model -> database): " + described.substring(described.indexOf(": ") + 2)};
        }
        if (change instanceof SchemaChange.ForeignKeyDropped d) {
            return new String[] {"foreign key " + table + "(" + String.join(", ", d.oldKey().columns()) + ") -> "
                    + modelTable(d.oldKey().referencedTable()), has};
        }
        if (change instanceof SchemaChange.ForeignKeyAdded a) {
            return new String[] {"foreign key " + table + "(" + String.join(", ", a.newKey().columns()) + ") -> "
                    + a.newKey().referencedTable(), lacks};
        }
        if (change instanceof SchemaChange.UniqueDropped d) {
            return new String[] {"unique constraint on " + table + "(" + String.join(", ", d.oldConstraint().columns()) + ")", has};
        }
        if (change instanceof SchemaChange.UniqueAdded a) {
            return new String[] {"unique constraint on " + table + "(" + String.join(", ", a.newConstraint().columns()) + ")",
                    lacks};
        }
        if (change instanceof SchemaChange.IndexAdded a) {
            return new String[] {"index " + indexName(database, a.table(), a.newIndex().columns()) + " on " + table, lacks};
        }
        return new String[] {table == null ? "schema" : "table " + table,
                "differs from the entity model (model -> database): " + change.describe()};
    }

    /** The name of the index on these columns: the normal form compares indexes without their names. */
    private static String indexName(SchemaModel schema, String table, List<String> columns) {
        return schema.tables().stream().filter(t -> Identifiers.sameName(t.name(), table))
                .flatMap(t -> t.indexes().stream())
                .filter(i -> i.columns().size() == columns.size() && IntStream.range(0, columns.size())
                        .allMatch(n -> Identifiers.sameName(i.columns().get(n), columns.get(n))))
                .map(Index::name).findFirst().orElse("(" + String.join(", ", columns) + ")");
    }

    /** The model's spelling of a table the normal form may have case-folded (PostgreSQL). */
    private String modelTable(String name) {
        return model.tables().stream().map(Table::name).filter(n -> Identifiers.sameName(n, name)).findFirst().orElse(name);
    }

    private String modelColumn(String table, String column) {
        return model.tables().stream().filter(t -> Identifiers.sameName(t.name(), table)).findFirst()
                .map(t -> t.name() + "." + t.columns().stream().map(c -> c.name())
                        .filter(c -> Identifiers.sameName(c, column)).findFirst().orElse(column))
                .orElse(table + "." + column);
    }

    private boolean exists(String object) {
        String[] kindAndName = object.split(" ", 2);
        String name = kindAndName[1];
        return switch (kindAndName[0]) {
            case "table" -> table(name).isPresent();
            case "column" -> {
                int dot = name.lastIndexOf('.');
                yield table(name.substring(0, dot)).map(t -> t.columns().stream()
                        .anyMatch(c -> Identifiers.sameName(c.name(), name.substring(dot + 1)))).orElse(false);
            }
            case "index" -> database.tables().stream().flatMap(t -> t.indexes().stream())
                    .anyMatch(i -> Identifiers.sameName(i.name(), name));
            default -> database.tables().stream().flatMap(t -> t.foreignKeys().stream())
                    .anyMatch(k -> Identifiers.sameName(k.name(), name));
        };
    }

    private Optional<Table> table(String name) {
        return database.tables().stream().filter(t -> Identifiers.sameName(t.name(), name)).findFirst();
    }

    /** {@code table shelf}, {@code column Book.shelf_id}: in the database's spelling where it has the object. */
    private List<String> shown(List<String> objects) {
        return objects.stream().map(o -> {
            String[] parts = o.split(" ", 2);
            return switch (parts[0]) {
                case "table" -> "table " + spelled(parts[1]);
                case "column" -> "column " + spelledColumn(parts[1]);
                default -> o;
            };
        }).toList();
    }

    private String spelled(String table) {
        return table(table).map(Table::name).orElse(table);
    }

    private String spelledColumn(String tableDotColumn) {
        int dot = tableDotColumn.lastIndexOf('.');
        String column = tableDotColumn.substring(dot + 1);
        Optional<Table> table = table(tableDotColumn.substring(0, dot));
        return table.map(t -> t.name() + "." + t.columns().stream().map(c -> c.name())
                .filter(c -> Identifiers.sameName(c, column)).findFirst().orElse(column))
                .orElse(tableDotColumn);
    }

    private List<String> undoStatements(List<String> left) {
        List<String> out = new ArrayList<>();
        for (String object : left) {
            String[] parts = object.split(" ", 2);
            switch (parts[0]) {
                case "table" -> out.add("drop table " + spelled(parts[1]));
                case "column" -> {
                    String column = spelledColumn(parts[1]);
                    int dot = column.lastIndexOf('.');
                    out.add("alter table " + column.substring(0, dot) + " drop column " + column.substring(dot + 1));
                }
                case "index" -> out.add("drop index " + parts[1]);
                default -> out.add("drop the constraint " + parts[1]);
            }
        }
        return out;
    }

    private String current() {
        return history.currentVersion() == null ? "(none)" : history.currentVersion();
    }

    private void add(Kind kind, String subject, String finding, String cause, String fix) {
        findings.add(new LiveFinding(kind, subject, finding, cause, fix));
    }

    private static String fileName(String script) {
        String normalized = script.replace('\\', '/');
        return normalized.substring(normalized.lastIndexOf('/') + 1);
    }

    /** Flyway records a Java migration's class name ({@code db.migration.V2__Fill}) where a SQL one has its file name. */
    private static boolean javaClass(String script) {
        return !script.endsWith(".sql") && script.contains(".") && !script.contains("/");
    }
}
