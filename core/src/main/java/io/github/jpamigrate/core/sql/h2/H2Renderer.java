package io.github.jpamigrate.core.sql.h2;

import io.github.jpamigrate.core.model.EnumStorage;
import io.github.jpamigrate.core.sql.AlterTableRenderer;
import io.github.jpamigrate.core.sql.ColumnTypeNames;
import io.github.jpamigrate.core.sql.DialectFacts;
import io.github.jpamigrate.core.sql.SqlNames;
import io.github.jpamigrate.core.sql.Statement;

import java.util.List;

/**
 * H2 2.x: the standard forms, with {@code alter column ... set data type} for type changes;
 * enums stored by name use H2's {@code enum(...)} type, so only ordinal ones get a check.
 */
public final class H2Renderer extends AlterTableRenderer {

    private final H2TypeNames types = new H2TypeNames();

    public H2Renderer() {
        super(SqlNames.foldingToUpperCase());
    }

    @Override
    public DialectFacts dialect() {
        return H2Dialect.INSTANCE;
    }

    @Override
    protected ColumnTypeNames types() {
        return types;
    }

    @Override
    protected boolean adoptsIndexesForForeignKeys() {
        return true;
    }

    @Override
    protected boolean checksEnum(EnumStorage storage) {
        return storage == EnumStorage.ORDINAL;
    }

    /** H2 has no {@code add identity}: the column is restated with its identity, then restarted above the rows. */
    @Override
    protected List<Statement> addIdentity(String table, ColumnChange column) {
        String prefix = "alter table " + names.name(table) + " alter column " + names.name(column.now().name());
        return List.of(Statement.plain(prefix + " " + column.newType() + " " + identityClause()),
                Statement.plain(prefix + " restart with (select coalesce(max(" + names.name(column.now().name()) + "), 0) + 1 from "
                        + names.name(table) + ")"));
    }

    @Override
    protected Statement changeType(String table, ColumnChange column) {
        String sql = "alter table " + names.name(table) + " alter column " + names.name(column.now().name())
                + " set data type " + column.newType();
        return column.needsCast()
                ? Statement.commented(sql, "converts existing values " + column.oldType() + " -> " + column.newType()
                        + "; rows that do not convert make this fail")
                : Statement.plain(sql);
    }
}
