package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.model.Expansion;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL statements of an expand/contract step ({@link Expansion}): the sync trigger that
 * keeps the old and the new column in step while both application versions write (whichever side a
 * statement wrote is copied to the other), the backfill of existing rows in batches with a commit
 * after each, and the removal of the trigger in the contract step.
 */
public final class SyncTrigger {

    /** Rows per backfill batch: short row locks, short transactions. */
    public static final int BATCH_ROWS = 1000;

    private final SqlNames names = SqlNames.foldingToLowerCase();

    /**
     * {@code create function} and {@code create trigger ... before insert or update ... for each
     * row}. On insert the side left null is filled from the other; on update the side that changed
     * is copied to the other (the new column wins when both changed), and a row the backfill has
     * not reached yet gets its new column filled.
     */
    public List<Statement> install(Table table, Expansion e) {
        String now = "new." + names.name(e.column());
        String was = "new." + names.name(e.keeps());
        String function = "create function " + names.name(e.sync()) + "() returns trigger language plpgsql as $$\n"
                + "begin\n"
                + "  if tg_op = 'INSERT' then\n"
                + "    if " + now + " is null then\n"
                + "      " + now + " := " + was + ";\n"
                + "    elsif " + was + " is null then\n"
                + "      " + was + " := " + now + ";\n"
                + "    end if;\n"
                + "  elsif " + now + " is distinct from old." + names.name(e.column()) + " then\n"
                + "    " + was + " := " + now + ";\n"
                + "  elsif " + was + " is distinct from old." + names.name(e.keeps()) + " or " + now + " is null then\n"
                + "    " + now + " := " + was + ";\n"
                + "  end if;\n"
                + "  return new;\n"
                + "end\n"
                + "$$";
        String trigger = "create trigger " + names.name(e.sync()) + " before insert or update on " + table(table)
                + " for each row execute function " + names.name(e.sync()) + "()";
        return List.of(Statement.commented(function, "expand: " + e.table() + "." + e.column() + " replaces "
                        + e.keeps() + "; both versions of the application write, " + e.sync() + " copies each write to the"
                        + " other column until -Djpamigrate.contract=true"),
                Statement.plain(trigger));
    }

    /**
     * Fills the new column of existing rows from the old one, {@value #BATCH_ROWS} rows at a time
     * with a commit after each batch: a {@code do} block, which PostgreSQL 11+ lets commit when it
     * runs outside a transaction block (the follow-up migration's {@code executeInTransaction=false}).
     * Running it again after a failure continues where it stopped.
     */
    public Statement backfill(Table table, Expansion e) {
        String key = keyColumns(table);
        String t = table(table);
        String sql = "do $$\n"
                + "declare\n"
                + "  filled integer;\n"
                + "begin\n"
                + "  loop\n"
                + "    update " + t + " set " + names.name(e.column()) + " = " + names.name(e.keeps())
                + " where " + key + " in (select " + key + " from " + t + " where " + names.name(e.column())
                + " is null and " + names.name(e.keeps()) + " is not null limit " + BATCH_ROWS + ");\n"
                + "    get diagnostics filled = row_count;\n"
                + "    exit when filled = 0;\n"
                + "    commit;\n"
                + "  end loop;\n"
                + "end\n"
                + "$$";
        return Statement.commented(sql, "backfill " + e.table() + "." + e.column() + " from " + e.keeps() + " in batches of "
                + BATCH_ROWS + " rows, each committed (runs again from where it stopped)");
    }

    /**
     * The contract step's first statements: the trigger and its function dropped, then the rows
     * still missing the new value (written while the backfill ran) filled, before the old column goes.
     */
    public List<Statement> contract(Table table, Expansion e) {
        String t = table(table);
        return List.of(Statement.commented("drop trigger if exists " + names.name(e.sync()) + " on " + t,
                        "contract: the old column " + e.table() + "." + e.keeps() + " and its sync trigger go; release the"
                                + " application version that no longer writes " + e.keeps() + " first"),
                Statement.plain("drop function if exists " + names.name(e.sync()) + "()"),
                Statement.plain("update " + t + " set " + names.name(e.column()) + " = " + names.name(e.keeps()) + " where "
                        + names.name(e.column()) + " is null and " + names.name(e.keeps()) + " is not null")
                        .accepting(List.of(LintAccepts.ACCEPT + "JML121 fills only the rows of " + e.table() + " the expand"
                                + " step's backfill has not reached (none once it ran: the sync trigger kept the others in step),"
                                + " before " + e.keeps() + " is dropped")));
    }

    /** The trigger and its function dropped (the undo of an expand step). */
    public List<Statement> remove(Table table, Expansion e) {
        return List.of(Statement.plain("drop trigger if exists " + names.name(e.sync()) + " on " + table(table)),
                Statement.plain("drop function if exists " + names.name(e.sync()) + "()"));
    }

    private String table(Table table) {
        return table.schema() == null ? names.name(table.name()) : names.name(table.schema()) + "." + names.name(table.name());
    }

    /** The primary key's columns ({@code (a, b)} for several), else {@code ctid}. */
    private String keyColumns(Table table) {
        PrimaryKey key = table.primaryKey();
        if (key == null || key.columns().isEmpty()) {
            return "ctid";
        }
        return key.columns().size() == 1 ? names.name(key.columns().get(0)) : "(" + names.list(key.columns()) + ")";
    }

    /**
     * The expand step: {@code forward} (which adds the new columns) followed by the sync triggers,
     * and the backfills at the end of the follow-up migration, which is created (with the session
     * timeouts of {@code renderer}) when the changes had none.
     *
     * @param model the model the migration builds (the expanded one)
     */
    public RenderedMigration expand(RenderedMigration forward, MigrationRenderer renderer, RenderOptions options,
                                    SchemaModel model, List<Expansion> fresh) {
        List<Statement> main = new ArrayList<>(forward.statements());
        List<Statement> next = new ArrayList<>();
        if (forward.followUp() != null) {
            next.addAll(forward.followUp().statements());
        } else if (renderer instanceof AlterTableRenderer alter) {
            alter.sessionTimeouts(options.online(), false).forEach(sql -> next.add(Statement.scaffolding(sql)));
        }
        for (Expansion e : fresh) {
            Table table = table(model, e);
            // tied to the added column's change, so that the follow-up's header names it
            SchemaChange added = forward.origins().stream().filter(c -> c instanceof SchemaChange.ColumnAdded a
                    && Identifiers.sameName(a.table(), e.table()) && Identifiers.sameName(a.newColumn().name(), e.column()))
                    .findFirst().orElse(null);
            install(table, e).forEach(statement -> main.add(added == null ? statement : statement.from(added)));
            next.add(added == null ? backfill(table, e) : backfill(table, e).from(added));
        }
        return new RenderedMigration(main, forward.transactional(), new RenderedMigration(next, false));
    }

    /**
     * The contract step: after the session settings, each sync trigger dropped and the last rows
     * filled, then {@code forward} (which drops the old columns and constrains the new ones).
     *
     * @param snapshot the model before the migration (the expanded one)
     */
    public RenderedMigration contract(RenderedMigration forward, SchemaModel snapshot, List<Expansion> contracted) {
        List<Statement> main = new ArrayList<>();
        int settings = 0;
        while (settings < forward.statements().size() && forward.statements().get(settings).sql().startsWith("set ")) {
            main.add(forward.statements().get(settings++));
        }
        contracted.forEach(e -> main.addAll(contract(table(snapshot, e), e)));
        main.addAll(forward.statements().subList(settings, forward.statements().size()));
        return new RenderedMigration(main, forward.transactional(), forward.followUp());
    }

    /** The undo of an expand step: the triggers dropped first, then {@code undo} (which drops the new columns). */
    public RenderedMigration undoExpand(RenderedMigration undo, SchemaModel model, List<Expansion> fresh) {
        List<Statement> out = new ArrayList<>();
        fresh.forEach(e -> out.addAll(remove(table(model, e), e)));
        out.addAll(undo.statements());
        return new RenderedMigration(out, undo.transactional(), undo.followUp());
    }

    /**
     * The undo of a contract step: {@code undo} (which adds the old columns back, nullable:
     * {@code ExpandedModel.keptNullable}), then the old columns filled from the new ones, made NOT
     * NULL again where they were, and the triggers installed again.
     */
    public RenderedMigration undoContract(RenderedMigration undo, SchemaModel snapshot, List<Expansion> contracted) {
        List<Statement> out = new ArrayList<>(undo.statements());
        for (Expansion e : contracted) {
            Table table = table(snapshot, e);
            out.add(Statement.plain("update " + table(table) + " set " + names.name(e.keeps()) + " = " + names.name(e.column())
                    + " where " + names.name(e.keeps()) + " is null"));
            if (table.column(e.keeps()).map(c -> !c.nullable()).orElse(false)) {
                out.add(Statement.plain("alter table " + table(table) + " alter column " + names.name(e.keeps()) + " set not null"));
            }
            out.addAll(install(table, e));
        }
        return new RenderedMigration(out, undo.transactional(), undo.followUp());
    }

    private static Table table(SchemaModel model, Expansion e) {
        return model.table(e.table()).orElseThrow(() -> new IllegalArgumentException("the model has no table " + e.table()
                + " for the expansion " + e.describe()));
    }
}
