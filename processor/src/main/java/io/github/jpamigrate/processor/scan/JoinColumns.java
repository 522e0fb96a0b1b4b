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
     * @param referencedTable the secondary table of the target holding the referenced column, or null for
     *                   the target's primary table
     */
    record Resolved(ColumnDraft draft, String referenced, AnnotationValues annotation, String referencedTable) {
    }

    /**
     * A unique key Hibernate adds to the target of a join that references other columns than its whole
     * primary key, when those columns belong to several attributes (or to a relationship): the columns
     * of its synthetic referenced property ({@code BinderHelper.makeSyntheticComponentProperty}).
     *
     * @param target  the referenced entity
     * @param columns the referenced columns, ordered by the name of the attribute mapping each
     */
    record ReferencedUnique(EntityClass target, List<String> columns) {
    }

    private final ScanContext ctx;
    private final KeyResolver keys;
    private final List<ReferencedUnique> referencedUniques = new ArrayList<>();

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
                out.add(column(source, null, implicitPrefix, key, null));
            }
            return out;
        }
        boolean positional = given.stream().allMatch(j -> j.string("referencedColumnName").isEmpty());
        if (positional && given.size() != targetKey.size()) {
            throw new MappingError(Diagnostic.JOIN_COLUMN_COUNT, source, given.get(0), null,
                    source.getSimpleName(), given.size(), target.qualifiedName(), targetKey.size());
        }
        List<ColumnDraft> referencedColumns = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            AnnotationValues jc = given.get(i);
            ColumnDraft referenced = positional ? targetKey.get(i) : referenced(source, jc, target, targetKey);
            referencedColumns.add(referenced);
            out.add(column(source, jc, implicitPrefix, referenced, keys.secondaryTableOf(target, referenced)));
        }
        List<String> synthetic = positional ? null : referencedUnique(target, targetKey, referencedColumns);
        if (synthetic != null) {
            // Hibernate orders the join columns as the synthetic property orders its attributes: by name
            out.sort(java.util.Comparator.comparingInt(r -> synthetic.indexOf(r.referenced())));
        }
        return out;
    }

    /**
     * The join columns of a {@code @JoinColumnsOrFormulas} join: its column parts, as {@link #resolve}
     * makes them; the referenced columns of its formula parts count for the target's unique key.
     */
    List<Resolved> resolveWithFormulas(Element source, List<AnnotationValues> columns, List<String> formulaReferences,
                                       String implicitPrefix, EntityClass target) {
        List<ColumnDraft> targetKey = keys.primaryKey(target);
        List<Resolved> out = new ArrayList<>();
        List<ColumnDraft> referencedColumns = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            AnnotationValues jc = columns.get(i);
            String name = jc.string("referencedColumnName");
            ColumnDraft referenced = name.isEmpty() && i < targetKey.size() ? targetKey.get(i)
                    : referenced(source, jc, name, target, targetKey);
            referencedColumns.add(referenced);
            out.add(column(source, jc, implicitPrefix, referenced, keys.secondaryTableOf(target, referenced)));
        }
        for (String name : formulaReferences) {
            if (!name.isEmpty()) {
                referencedColumns.add(referenced(source, null, name, target, targetKey));
            }
        }
        referencedUnique(target, targetKey, referencedColumns);
        return out;
    }

    /**
     * Whether resolved join columns reference the whole primary key of {@code target}. A collection whose
     * key references other columns (a property reference) gets no foreign key for that key in Hibernate
     * ({@code Collection.createForeignKeys}).
     */
    boolean referencesWholeKey(List<Resolved> resolved, EntityClass target) {
        List<ColumnDraft> key = keys.primaryKey(target);
        return resolved.size() == key.size() && resolved.stream()
                .allMatch(r -> key.stream().anyMatch(k -> Identifiers.sameName(k.name(), r.referenced())));
    }

    /**
     * Whether a collection key gets its foreign key: always when it references the owner's primary key; when
     * it references other columns, on 7.x only, which then also makes those columns unique.
     */
    boolean collectionKeyConstrained(List<Resolved> resolved, EntityClass owner) {
        if (referencesWholeKey(resolved, owner)) {
            return true;
        }
        if (!ctx.orm().collectionPropertyRefConstrained()) {
            return false;
        }
        List<String> columns = resolved.stream().map(Resolved::referenced).distinct().sorted().toList();
        ReferencedUnique uk = new ReferencedUnique(owner, columns);
        if (!referencedUniques.contains(uk)) {
            referencedUniques.add(uk);
        }
        return true;
    }

    /** The unique keys that joins over non-key columns ask of their targets, in the order they were bound. */
    List<ReferencedUnique> referencedUniques() {
        return List.copyOf(referencedUniques);
    }

    /**
     * Hibernate references anything but the whole primary key through a property of the target; when the
     * columns belong to more than one attribute (or to a relationship's join columns), that property is a
     * synthetic component over them, made unique. One basic or embedded attribute is referenced as it is.
     * The key columns of an {@code @EmbeddedId} are one attribute; those of an {@code @IdClass} one each.
     */
    private List<String> referencedUnique(EntityClass target, List<ColumnDraft> key, List<ColumnDraft> referenced) {
        boolean wholeKey = referenced.size() == key.size() && referenced.stream().allMatch(key::contains);
        if (wholeKey || referenced.isEmpty()) {
            return null;
        }
        boolean oneKeyAttribute = keys.idAttributes(target).size() == 1;
        java.util.Map<String, List<String>> byAttribute = new java.util.TreeMap<>();
        boolean relationship = false;
        for (ColumnDraft c : referenced) {
            boolean keyColumn = key.contains(c);
            String attribute = keyColumn && oneKeyAttribute ? "" : attributeName(c.source());
            relationship |= c.joinColumn() && !keyColumn;
            List<String> columns = byAttribute.computeIfAbsent(attribute, k -> new ArrayList<>());
            if (!columns.contains(c.name())) {
                columns.add(c.name());
            }
        }
        // columns of a secondary table are referenced through a synthetic property as well
        boolean secondary = referenced.stream().anyMatch(c -> keys.secondaryTableOf(target, c) != null);
        if (byAttribute.size() > 1 || relationship || secondary) {
            List<String> columns = new ArrayList<>();
            byAttribute.values().forEach(columns::addAll);
            ReferencedUnique uk = new ReferencedUnique(target, columns);
            if (!referencedUniques.contains(uk)) {
                referencedUniques.add(uk);
            }
            return columns;
        }
        return null;
    }

    /** The attribute name an element maps: the field's name, or the property of a getter. */
    private static String attributeName(Element element) {
        if (element == null) {
            return "";
        }
        String name = element.getSimpleName().toString();
        if (element.getKind() == javax.lang.model.element.ElementKind.METHOD) {
            String bare = name.startsWith("get") ? name.substring(3) : name.startsWith("is") ? name.substring(2) : name;
            if (!bare.isEmpty()) {
                boolean acronym = bare.length() > 1 && Character.isUpperCase(bare.charAt(1));
                return acronym ? bare : Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
            }
        }
        return name;
    }

    private ColumnDraft referenced(Element source, AnnotationValues jc, EntityClass target, List<ColumnDraft> key) {
        return referenced(source, jc, jc.string("referencedColumnName"), target, key);
    }

    private ColumnDraft referenced(Element source, AnnotationValues jc, String name, EntityClass target,
                                   List<ColumnDraft> key) {
        for (ColumnDraft k : key) {
            if (k.logicalName().equals(name) || Identifiers.sameName(k.name(), name)
                    || Identifiers.sameName(k.logicalName(), name)) {
                return k;
            }
        }
        return keys.column(target, name).orElseThrow(() -> new MappingError(Diagnostic.UNKNOWN_COLUMN, source, jc,
                jc == null ? null : "referencedColumnName", "@" + (jc == null ? "JoinFormula"
                : jc.mirror().getAnnotationType().asElement().getSimpleName()) + "(referencedColumnName)", name, target.tableName,
                keys.columnNames(target).stream().collect(Collectors.joining(", "))));
    }

    private Resolved column(Element source, AnnotationValues jc, String prefix, ColumnDraft referenced,
                            String referencedTable) {
        String explicit = jc == null ? null : jc.nonEmpty("name");
        String logical = explicit != null ? explicit : prefix + "_" + referenced.logicalName();
        String definition = jc == null ? null : jc.nonEmpty("columnDefinition");
        // the referenced column as bound: Hibernate applies Bean Validation only after copying it
        Column c = new Column(ctx.naming().physical(logical), referenced.boundType(), true, false, null, false,
                definition, null, null);
        String owner = source.getEnclosingElement() == null ? source.toString() : source.getEnclosingElement().toString();
        return new Resolved(new ColumnDraft(logical, c, source, owner, true).readOnly(ColumnFactory.readOnly(jc)),
                referenced.name(), jc, referencedTable);
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
