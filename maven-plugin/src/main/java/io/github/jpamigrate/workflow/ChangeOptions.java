package io.github.jpamigrate.workflow;

import io.github.jpamigrate.core.diff.Hazard;
import io.github.jpamigrate.core.diff.Hazards;
import io.github.jpamigrate.core.diff.Renames;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.sql.RenderOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the user said about the pending changes: the target dialect, declared renames, backfill
 * values, and which destructive changes are acknowledged. Parsed and checked once, so that a typo
 * fails before any work with a message naming the option.
 *
 * @param dialect            the database the SQL is written for
 * @param renames            rename declarations, {@code table.old:new} or {@code old:new}
 * @param backfills          backfill declarations, {@code table.column=<sql literal>}
 * @param allowAll           every destructive change is acknowledged ({@code allowDestructive=true})
 * @param allowedDestructive the acknowledged targets ({@code table} or {@code table.column} or an enum class)
 */
public record ChangeOptions(Dialect dialect, List<String> renames, List<String> backfills, boolean allowAll,
                            List<String> allowedDestructive) {

    public ChangeOptions {
        renames = List.copyOf(renames);
        backfills = List.copyOf(backfills);
        allowedDestructive = List.copyOf(allowedDestructive);
    }

    /** SQLite, nothing declared, nothing acknowledged. */
    public static ChangeOptions defaults() {
        return new ChangeOptions(Dialect.SQLITE, List.of(), List.of(), false, List.of());
    }

    /**
     * Reads the goal parameters. Rename and allowDestructive values may also be comma-separated.
     *
     * @param allowDestructive {@code true}, {@code false}, or the targets to acknowledge
     * @throws WorkflowFailure naming the parameter and the form it expects
     */
    public static ChangeOptions parse(String dialect, List<String> renames, List<String> backfills,
                                      List<String> allowDestructive) {
        Dialect parsed;
        try {
            parsed = Dialect.fromId(dialect == null || dialect.isBlank() ? Dialect.SQLITE.id() : dialect);
        } catch (IllegalArgumentException e) {
            throw new WorkflowFailure("jpamigrate.dialect: " + e.getMessage());
        }
        List<String> allowed = split(allowDestructive);
        boolean all = allowed.size() == 1 && allowed.get(0).toLowerCase(Locale.ROOT).equals("true");
        boolean none = allowed.size() == 1 && allowed.get(0).toLowerCase(Locale.ROOT).equals("false");
        ChangeOptions options = new ChangeOptions(parsed, split(renames), nonBlank(backfills), all,
                all || none ? List.of() : allowed);
        try {
            options.parsedRenames();
            options.renderOptions();
        } catch (IllegalArgumentException e) {
            throw new WorkflowFailure(e.getMessage());
        }
        return options;
    }

    public Renames parsedRenames() {
        return Renames.parse(renames);
    }

    /**
     * The renames seen from the new model back to the old one, for the undo script: {@code a:b}
     * becomes {@code b:a} and {@code t.a:b} becomes {@code t.b:a} (a column rename is found under
     * the table's old or new name, so the table part may stay).
     */
    public Renames invertedRenames() {
        List<String> inverted = new ArrayList<>();
        for (String declaration : renames) {
            int colon = declaration.indexOf(':');
            String from = declaration.substring(0, colon).trim();
            String to = declaration.substring(colon + 1).trim();
            int dot = from.indexOf('.');
            inverted.add(dot < 0 ? to + ":" + from : from.substring(0, dot + 1) + to + ":" + from.substring(dot + 1));
        }
        return Renames.parse(inverted);
    }

    public RenderOptions renderOptions() {
        return RenderOptions.withBackfills(backfills);
    }

    /** These options with one more rename declared (the user confirmed it when asked). */
    public ChangeOptions withRename(String declaration) {
        List<String> more = new ArrayList<>(renames);
        more.add(declaration);
        return new ChangeOptions(dialect, more, backfills, allowAll, allowedDestructive);
    }

    /** These options for another target database (the vendor layout renders one change set per dialect). */
    public ChangeOptions withDialect(Dialect other) {
        return new ChangeOptions(other, renames, backfills, allowAll, allowedDestructive);
    }

    public boolean acknowledged(Hazard hazard) {
        return Hazards.acknowledged(hazard, allowAll, allowedDestructive);
    }

    /** Whether the user acknowledged dropping this table or column, i.e. said it is no rename. */
    public boolean dropAcknowledged(String target) {
        return allowAll || allowedDestructive.stream().anyMatch(a -> Identifiers.sameName(a.trim(), target));
    }

    private static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    private static List<String> nonBlank(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
    }
}
