package io.github.jpamigrate.processor.scan;

import io.github.jpamigrate.processor.diag.Diagnostic;
import io.github.jpamigrate.processor.diag.MappingError;
import io.github.jpamigrate.processor.jpa.AnnotationValues;
import io.github.jpamigrate.processor.jpa.Jpa;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An entity's {@code @SecondaryTable}s: each is a table keyed by a copy of the primary key (renamed by
 * its {@code pkJoinColumns}) with a foreign key to the primary table, and receives the columns whose
 * {@code @Column(table)} or {@code @JoinColumn(table)} names it.
 */
final class SecondaryTables {

    private final ScanContext ctx;
    private final Tables tables;
    private final KeyResolver keys;

    SecondaryTables(ScanContext ctx, Tables tables, KeyResolver keys) {
        this.ctx = ctx;
        this.tables = tables;
        this.keys = keys;
    }

    /** Creates the secondary tables of an entity owning {@code primary}, before its attributes are bound. */
    void bind(EntityClass e, TableDraft primary) {
        for (AnnotationValues st : ctx.annotations().jpaAll(e.type, Jpa.SECONDARY_TABLE, Jpa.SECONDARY_TABLES)) {
            String declared = st.string("name");
            String schema = st.nonEmpty("schema") == null ? null : ctx.naming().physical(st.nonEmpty("schema"));
            TableDraft table = tables.table(ctx.naming().physical(declared), schema);
            table.addEntity(e.qualifiedName());
            List<ColumnDraft> key = keys.copiedKey(primary.primaryKey().stream()
                    .map(n -> primary.column(n).orElseThrow()).collect(Collectors.toList()),
                    st.annotations("pkJoinColumns"), e);
            key.forEach(table::add);
            List<String> names = key.stream().map(ColumnDraft::name).collect(Collectors.toList());
            table.primaryKey(names);
            AnnotationValues fk = st.hasMember("foreignKey") && st.isSet("foreignKey") ? st.annotation("foreignKey") : null;
            JoinColumns.foreignKey(table, names, primary.name(), primary.primaryKey(), fk,
                    new JoinColumns(ctx, keys).onDelete(e.type));
            primary.addSecondary(e.qualifiedName(), declared, table);
        }
    }

    /**
     * The scope a column goes to: the secondary table {@code table} names, else the scope's own table.
     * A name that is neither is refused, as Hibernate refuses it ("Cannot find the expected secondary table").
     */
    static BindingScope route(ScanContext ctx, BindingScope scope, AnnotationValues column, Attribute attr) {
        String name = column == null || !column.hasMember("table") ? null : column.nonEmpty("table");
        TableDraft primary = scope.table();
        if (name == null || name.equalsIgnoreCase(primary.name())
                || ctx.naming().physical(name).equalsIgnoreCase(primary.name())) {
            return scope;
        }
        // an entity sees its own secondary tables and those of the entities it extends
        List<String> declared = new ArrayList<>();
        for (EntityClass e = scope.owner(); e != null; e = e.parent) {
            for (Map.Entry<String, TableDraft> st : primary.secondaries(e.qualifiedName()).entrySet()) {
                if (st.getKey().equals(name) || st.getValue().name().equalsIgnoreCase(ctx.naming().physical(name))) {
                    return scope.withTable(st.getValue());
                }
                declared.add(st.getKey());
            }
        }
        throw new MappingError(Diagnostic.UNKNOWN_SECONDARY_TABLE, attr.element(), column, "table",
                scope.owner().qualifiedName(), attr.describe(), name, scope.owner().qualifiedName(), primary.name(),
                String.join(", ", declared), name);
    }
}
