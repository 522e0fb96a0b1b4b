package io.github.jpamigrate.processor.scan;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.processor.diag.Diagnostic;
import io.github.jpamigrate.processor.diag.MappingError;
import io.github.jpamigrate.processor.jpa.AnnotationValues;
import io.github.jpamigrate.processor.jpa.Jpa;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;

/**
 * Join columns that reference another entity's key (or, with {@code referencedColumnName}, another
 * of its columns): their names, explicit or {@code <prefix>_<referenced column>}, their types
 * (those of the referenced columns), and the foreign key they form.
 */
final class JoinColumns {

    /**
     * @param draft      the join column, nullable until the caller decides
     * @param referenced the physical name of the referenced column
     * @param annotation the {@code @JoinColumn} (or alike) that declared it, or null when implicit
     */
    record Resolved(ColumnDraft draft, String referenced, AnnotationValues annotation) {
    }

    private final ScanContext ctx;
    private final KeyResolver keys;

    JoinColumns(ScanContext ctx, KeyResolver keys) {
        this.ctx = ctx;
        this.keys = keys;
    }

    /**
     * @param source         the element that maps the relationship (diagnostics)
     * @param given          the {@code @JoinColumn}-like annotations written, possibly none
     * @param implicitPrefix attribute or entity name that implicit names start with
     * @param target         the referenced entity
     */
    List<Resolved> resolve(Element source, List<AnnotationValues> given, String implicitPrefix, EntityClass target) {
        List<ColumnDraft> targetKey = keys.primaryKey(target);
        List<Resolved> out = new ArrayList<>();
        if (given.isEmpty()) {
            for (ColumnDraft key : targetKey) {
                out.add(column(source, null, implicitPrefix, key));
            }
            return out;
        }
        boolean positional = given.stream().allMatch(j -> j.string("referencedColumnName").isEmpty());
        if (positional && given.size() != targetKey.size()) {
            throw new MappingError(Diagnostic.JOIN_COLUMN_COUNT, source, given.get(0), null,
                    source.getSimpleName(), given.size(), target.qualifiedName(), targetKey.size());
        }
        for (int i = 0; i < given.size(); i++) {
            AnnotationValues jc = given.get(i);
            ColumnDraft referenced = positional ? targetKey.get(i) : referenced(source, jc, target, targetKey);
            out.add(column(source, jc, implicitPrefix, referenced));
        }
        return out;
    }

    private ColumnDraft referenced(Element source, AnnotationValues jc, EntityClass target, List<ColumnDraft> key) {
        String name = jc.string("referencedColumnName");
        for (ColumnDraft k : key) {
            if (k.logicalName().equals(name) || Identifiers.sameName(k.name(), name)
                    || Identifiers.sameName(k.logicalName(), name)) {
                return k;
            }
        }
        return keys.column(target, name).orElseThrow(() -> new MappingError(Diagnostic.UNKNOWN_COLUMN, source, jc,
                "referencedColumnName", "@" + jc.mirror().getAnnotationType().asElement().getSimpleName()
                + "(referencedColumnName)", name, target.tableName,
                keys.columnNames(target).stream().collect(Collectors.joining(", "))));
    }

    private Resolved column(Element source, AnnotationValues jc, String prefix, ColumnDraft referenced) {
        String explicit = jc == null ? null : jc.nonEmpty("name");
        String logical = explicit != null ? explicit : prefix + "_" + referenced.logicalName();
        String definition = jc == null ? null : jc.nonEmpty("columnDefinition");
        // the referenced column as bound: Hibernate applies Bean Validation only after copying it
        Column c = new Column(ctx.naming().physical(logical), referenced.boundType(), true, false, null, false,
                definition, null, null);
        String owner = source.getEnclosingElement() == null ? source.toString() : source.getEnclosingElement().toString();
        return new Resolved(new ColumnDraft(logical, c, source, owner, true).readOnly(ColumnFactory.readOnly(jc)),
                referenced.name(), jc);
    }

    /** The {@code @ForeignKey} that applies to a list of join columns: the container's, else the first one set. */
    static AnnotationValues foreignKeyOf(List<AnnotationValues> joinColumns, AnnotationValues container) {
        if (container != null && container.hasMember("foreignKey") && container.isSet("foreignKey")) {
            return container.annotation("foreignKey");
        }
        for (AnnotationValues jc : joinColumns) {
            if (jc.hasMember("foreignKey") && jc.isSet("foreignKey")) {
                return jc.annotation("foreignKey");
            }
        }
        return null;
    }

    /** Adds the foreign key unless {@code @ForeignKey(NO_CONSTRAINT)} asks for none. */
    static void foreignKey(TableDraft table, List<String> columns, String referencedTable, List<String> referencedColumns,
                           AnnotationValues foreignKey, ReferentialAction onDelete) {
        if (foreignKey != null && "NO_CONSTRAINT".equals(foreignKey.enumConstant("value"))) {
            return;
        }
        String name = foreignKey == null ? null : foreignKey.nonEmpty("name");
        table.addForeignKey(new ForeignKey(name != null ? name : Identifiers.foreignKeyName(table.name(), columns),
                columns, referencedTable, referencedColumns, onDelete));
    }

    /** Hibernate's {@code @OnDelete} on the element, else NO ACTION. */
    ReferentialAction onDelete(Element element) {
        return ctx.annotations().qualified(element, Jpa.ON_DELETE)
                .map(d -> switch (d.enumConstant("action")) {
                    case "CASCADE" -> ReferentialAction.CASCADE;
                    case "SET_NULL" -> ReferentialAction.SET_NULL;
                    case "SET_DEFAULT" -> ReferentialAction.SET_DEFAULT;
                    case "RESTRICT" -> ReferentialAction.RESTRICT;
                    default -> ReferentialAction.NO_ACTION;
                })
                .orElse(ReferentialAction.NO_ACTION);
    }
}
