package io.github.jpamigrate.plugin.project;

import io.github.jpamigrate.core.diff.Hazard;
import io.github.jpamigrate.core.diff.Hazards;
import io.github.jpamigrate.core.diff.Renames;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.sql.RenderOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the user said about the pending changes: declared renames, backfill values, and which
 * destructive changes are acknowledged. Parsed and checked once, so that a typo fails before any
 * work with a message naming the option. The databases the changes are written for are not part
 * of it: each {@link Target} carries its own dialect.
 *
 * @param renames            the declared renames ({@code table.old:new} or {@code old:new}), parsed
 * @param render             the declared backfills ({@code table.column=<sql literal>}), parsed
 * @param allowAll           every destructive change is acknowledged ({@code allowDestructive=true})
 * @param allowedDestructive the acknowledged targets ({@code table} or {@code table.column} or an enum class)
 * @param reconcile          the ids of drift-baseline items to reconcile now (or {@code all}); see
 *                           {@code plugin.baseline.AcceptedDrift}
 */
public record ChangeOptions(Renames renames, RenderOptions render, boolean allowAll, List<String> allowedDestructive,
                            List<String> reconcile) {

    public ChangeOptions {
        allowedDestructive = List.copyOf(allowedDestructive);
        reconcile = List.copyOf(reconcile);
    }

    /** Options that reconcile no drift-baseline item. */
    public ChangeOptions(Renames renames, RenderOptions render, boolean allowAll, List<String> allowedDestructive) {
        this(renames, render, allowAll, allowedDestructive, List.of());
    }

    /** These options, reconciling the named drift-baseline items ({@code -Djpamigrate.reconcile}, comma-separated). */
    public ChangeOptions withReconcile(List<String> ids) {
        return new ChangeOptions(renames, render, allowAll, allowedDestructive, split(ids));
    }

    /** Nothing declared, nothing acknowledged. */
    public static ChangeOptions defaults() {
        return new ChangeOptions(Renames.NONE, RenderOptions.DEFAULTS, false, List.of());
    }

    /**
     * Reads the goal parameters. Rename and allowDestructive values may also be comma-separated.
     *
     * @param allowDestructive {@code true}, {@code false}, or the targets to acknowledge
     * @throws WorkflowFailure naming the parameter and the form it expects
     */
    public static ChangeOptions parse(List<String> renames, List<String> backfills, List<String> allowDestructive) {
        return parse(renames, backfills, allowDestructive, RenderOptions.Online.DEFAULT.enabled(),
                RenderOptions.Online.DEFAULT.lockTimeout(), RenderOptions.Online.DEFAULT.statementTimeout());
    }

    /**
     * Reads the goal parameters, with the online forms ({@code <online>}, {@code <lockTimeout>},
     * {@code <statementTimeout>}; docs/dialects.md, "Online migrations").
     */
    public static ChangeOptions parse(List<String> renames, List<String> backfills, List<String> allowDestructive,
                                      boolean online, String lockTimeout, String statementTimeout) {
        RenderOptions.Online settings;
        try {
            settings = online ? new RenderOptions.Online(true, lockTimeout == null || lockTimeout.isBlank() ? "5s" : lockTimeout.strip(),
                    statementTimeout == null || statementTimeout.isBlank() ? null : statementTimeout.strip()) : RenderOptions.Online.OFF;
        } catch (IllegalArgumentException e) {
            throw new WorkflowFailure(e.getMessage());
        }
        return parseBase(renames, backfills, allowDestructive, settings);
    }

    private static ChangeOptions parseBase(List<String> renames, List<String> backfills, List<String> allowDestructive,
                                           RenderOptions.Online online) {
        List<String> allowed = split(allowDestructive);
        boolean all = allowed.size() == 1 && allowed.get(0).toLowerCase(Locale.ROOT).equals("true");
        boolean none = allowed.size() == 1 && allowed.get(0).toLowerCase(Locale.ROOT).equals("false");
        try {
            return new ChangeOptions(Renames.parse(split(renames)), RenderOptions.withBackfills(nonBlank(backfills)).withOnline(online), all,
                    all || none ? List.of() : allowed);
        } catch (IllegalArgumentException e) {
            throw new WorkflowFailure(e.getMessage());
        }
    }

    /** These options with one more rename declared (the user confirmed it when asked). */
    public ChangeOptions withRename(String declaration) {
        return new ChangeOptions(renames.and(Renames.parse(List.of(declaration))), render, allowAll, allowedDestructive,
                reconcile);
    }

    /**
     * These options, also acknowledging {@code targets} (a migration's header acknowledgements,
     * {@link AcknowledgedLoss}): each a table, column or enum class, never "all".
     */
    public ChangeOptions withAcknowledged(List<String> targets) {
        if (targets.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(allowedDestructive);
        targets.stream().filter(t -> all.stream().noneMatch(a -> Identifiers.sameName(a, t))).forEach(all::add);
        return new ChangeOptions(renames, render, allowAll, all, reconcile);
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
