package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Sequence;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TableGenerator;
import io.github.jpamigrate.core.model.UniqueConstraint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The longest names a dialect accepts, and the names of a model that exceed them. The processor
 * cannot check this (the descriptor is dialect-neutral), so the goals check the model against
 * the target dialect before rendering: PostgreSQL would silently cut a longer name to 63 bytes
 * (a schema that no longer matches the entities), MySQL and MariaDB refuse names over 64
 * characters when the migration runs.
 */
public final class IdentifierLimits {

    private IdentifierLimits() {
    }

    /** Whether the limit counts UTF-8 bytes (PostgreSQL's NAMEDATALEN) rather than characters. */
    static boolean countsBytes(DialectFacts dialect) {
        return dialect.identifierLimitCountsBytes();
    }

    /** The limit of the dialect; empty when it has none worth checking (SQLite). */
    public static OptionalInt limit(DialectFacts dialect) {
        return dialect.identifierLimit();
    }

    /**
     * One line per name of {@code model} that is too long for the dialect, naming the table, its
     * entities, the name's length and the annotation member that sets it; empty when all fit.
     */
    public static List<String> violations(SchemaModel model, DialectFacts dialect) {
        OptionalInt limit = limit(dialect);
        List<String> out = new ArrayList<>();
        if (limit.isEmpty()) {
            return out;
        }
        for (Table table : model.tables()) {
            String where = " (table " + table.name() + (table.entities().isEmpty() ? "" : ", entity "
                    + String.join(", ", table.entities())) + ")";
            check(out, dialect, "table name", table.name(), where, "@Table(name = ...) or @Entity(name = ...)");
            for (Column column : table.columns()) {
                check(out, dialect, "column " + table.name() + "." + column.name(), column.name(), where,
                        "@Column(name = ...), @JoinColumn(name = ...) or @AttributeOverride");
            }
            if (table.primaryKey() != null) {
                check(out, dialect, "primary key name", table.primaryKey().name(), where, "the primary key's name");
            }
            for (ForeignKey key : table.foreignKeys()) {
                check(out, dialect, "foreign key name", key.name(), where, "@JoinColumn(foreignKey = @ForeignKey(name = ...))");
            }
            for (UniqueConstraint unique : table.uniqueConstraints()) {
                check(out, dialect, "unique constraint name", unique.name(), where, "@UniqueConstraint(name = ...)");
            }
            for (Index index : table.indexes()) {
                check(out, dialect, "index name", index.name(), where, "@Index(name = ...)");
            }
            for (CheckConstraint constraint : table.checks()) {
                check(out, dialect, "check constraint name", constraint.name(), where, "@Check(name = ...)");
            }
        }
        for (Sequence sequence : model.sequences()) {
            check(out, dialect, "sequence name", sequence.name(), "", "@SequenceGenerator(sequenceName = ...)");
        }
        for (TableGenerator generator : model.tableGenerators()) {
            check(out, dialect, "generator table name", generator.table(), "", "@TableGenerator(table = ...)");
        }
        return out;
    }

    private static void check(List<String> out, DialectFacts dialect, String what, String name, String where, String fix) {
        if (name == null) {
            return;
        }
        int limit = limit(dialect).orElseThrow();
        int length = countsBytes(dialect) ? name.getBytes(StandardCharsets.UTF_8).length : name.codePointCount(0, name.length());
        if (length > limit) {
            String unit = countsBytes(dialect) ? " bytes" : " characters";
            out.add(what + " \"" + name + "\"" + where + " is " + length + unit + "; " + dialect.id() + " allows "
                    + limit + unit + ". Shorten it with " + fix + ".");
        }
    }
}
