package io.github.jpamigrate.processor.scan;

import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.core.model.UniqueConstraint;
import io.github.jpamigrate.processor.diag.Diagnostic;
import io.github.jpamigrate.processor.diag.MappingError;
import io.github.jpamigrate.processor.jpa.AnnotationValues;
import io.github.jpamigrate.processor.jpa.Jpa;
import io.github.jpamigrate.processor.jpa.MappingAnnotations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Maps collection attributes: join tables of {@code @ManyToMany} and unidirectional
 * {@code @OneToMany}, the join column a {@code @OneToMany @JoinColumn} puts into the target table,
 * and {@code @ElementCollection} tables, with their order and map-key columns and the primary or
 * unique keys Hibernate gives each collection kind.
 */
final class CollectionBinder {

    /** How Hibernate treats a collection: its keys depend on it. */
    enum Kind { SET, LIST, MAP, BAG }

    private final ScanContext ctx;
    private final Tables tables;
    private final JoinColumns joins;
    private final ValueBinder values;
    private final ElementCollectionBinder elements;

    CollectionBinder(ScanContext ctx, Tables tables, JoinColumns joins, ValueBinder values,
                     ElementCollectionBinder elements) {
        this.ctx = ctx;
        this.tables = tables;
        this.joins = joins;
        this.values = values;
        this.elements = elements;
    }

    void bind(EntityClass owner) {
        for (Attribute attr : owner.attributes) {
            if (values.isCollection(attr)) {
                bind(owner, attr);
            } else {
                embeddedCollections(owner, attr, 0);
            }
        }
    }

    /**
     * The collections of an embedded value (not a key), at any depth: Hibernate (both lines) binds each as
     * the entity's own, its tables named after the entity and the collection attribute's own name
     * ({@code Component_stuff}, {@code TestCourse_variations}).
     */
    private void embeddedCollections(EntityClass owner, Attribute attr, int depth) {
        MappingAnnotations a = ctx.annotations();
        if (depth > 8 || a.hasJpa(attr.element(), Jpa.ID) || a.hasJpa(attr.element(), Jpa.EMBEDDED_ID)
                || a.hasJpa(attr.element(), Jpa.MANY_TO_ONE) || a.hasJpa(attr.element(), Jpa.ONE_TO_ONE)
                || !values.isEmbedded(attr)) {
            return;
        }
        TypeElement type = ctx.typeElement(attr.type());
        if (type == null || !ctx.isEmbeddable(type)) {
            return;
        }
        for (Attribute inner : values.embeddableAttributes(type, (DeclaredType) attr.type(), owner.access)) {
            if (values.isCollection(inner)) {
                bind(owner, inner);
            } else {
                embeddedCollections(owner, inner, depth + 1);
            }
        }
    }

    private void bind(EntityClass owner, Attribute attr) {
        MappingAnnotations a = ctx.annotations();
        Optional<AnnotationValues> oneToMany = a.jpa(attr.element(), Jpa.ONE_TO_MANY);
        Optional<AnnotationValues> manyToMany = a.jpa(attr.element(), Jpa.MANY_TO_MANY);
        if (a.hasJpa(attr.element(), Jpa.ELEMENT_COLLECTION)) {
            TypeMirror element = elementCollectionType(attr);
            Optional<EntityClass> entity = values.entity(element);
            if (entity.isPresent()) {
                // elements that are entities: Hibernate (6.6 and 7.x) binds a collection of entities, the join
                // table of a unidirectional @ManyToMany (its CollectionBinder.bindManyToManySecondPass)
                joinTable(owner, attr, entity.get(), false);
            } else {
                elements.bind(owner, attr, kind(attr), element);
            }
            return;
        }
        if (oneToMany.isEmpty() && manyToMany.isEmpty()) {
            throw new MappingError(Diagnostic.UNMAPPED_COLLECTION, attr.element(), attr.describe(), elementType(attr));
        }
        AnnotationValues rel = oneToMany.orElseGet(manyToMany::get);
        EntityClass target = values.target(attr, rel, elementType(attr));
        String mappedBy = rel.string("mappedBy");
        if (!mappedBy.isEmpty()) {
            checkMappedBy(attr, rel, target, mappedBy);
            if (oneToMany.isPresent() && kind(attr) == Kind.LIST) {
                inverseOrderColumn(attr, target);
            }
            return;
        }
        boolean joinColumn = oneToMany.isPresent() && !a.jpaAll(attr.element(), Jpa.JOIN_COLUMN, Jpa.JOIN_COLUMNS).isEmpty();
        if (joinColumn) {
            joinColumnInTarget(owner, attr, target);
        } else {
            joinTable(owner, attr, target, oneToMany.isPresent());
        }
    }

    Kind kind(Attribute attr) {
        TypeMirror t = attr.type();
        if (t.getKind() == javax.lang.model.type.TypeKind.ARRAY) {
            // an array is always indexed: Hibernate's ArrayBinder, with an order column given or implicit
            return Kind.LIST;
        }
        if (ctx.isSubtype(t, "java.util.Map")) {
            return Kind.MAP;
        }
        if (ctx.isSubtype(t, "java.util.Set")) {
            return Kind.SET;
        }
        if (ctx.isSubtype(t, "java.util.List") && ctx.annotations().hasJpa(attr.element(), Jpa.ORDER_COLUMN)) {
            return Kind.LIST;
        }
        return Kind.BAG;
    }

    /** An element collection's element type: its {@code targetClass} when given, else {@link #elementType}. */
    private TypeMirror elementCollectionType(Attribute attr) {
        TypeElement target = ctx.annotations().jpa(attr.element(), Jpa.ELEMENT_COLLECTION)
                .map(ec -> ec.typeElement("targetClass")).orElse(null);
        return target == null || "void".contentEquals(target.getSimpleName()) ? elementType(attr) : target.asType();
    }

    /** The element type: a collection's type argument, a map's value type, an array's component type. */
    TypeMirror elementType(Attribute attr) {
        if (attr.type() instanceof javax.lang.model.type.ArrayType array) {
            return array.getComponentType();
        }
        boolean map = ctx.isSubtype(attr.type(), "java.util.Map");
        return typeArgument(attr.type(), map ? "java.util.Map" : "java.util.Collection", map ? 1 : 0);
    }

    TypeMirror typeArgument(TypeMirror type, String iface, int index) {
        if (type instanceof DeclaredType d && ctx.typeElement(d) != null
                && ctx.typeElement(d).getQualifiedName().contentEquals(iface)) {
            return d.getTypeArguments().size() > index ? d.getTypeArguments().get(index)
                    : ctx.elements().getTypeElement("java.lang.Object").asType();
        }
        for (TypeMirror sup : ctx.types().directSupertypes(type)) {
            if (ctx.isSubtype(sup, iface)) {
                return typeArgument(sup, iface, index);
            }
        }
        return ctx.elements().getTypeElement("java.lang.Object").asType();
    }

    private void checkMappedBy(Attribute attr, AnnotationValues rel, EntityClass target, String mappedBy) {
        String first = mappedBy.contains(".") ? mappedBy.substring(0, mappedBy.indexOf('.')) : mappedBy;
        List<Attribute> candidates = target.allAttributes();
        if (candidates.stream().noneMatch(c -> c.name().equals(first))) {
            String names = candidates.stream().filter(this::isRelationship).map(Attribute::name)
                    .collect(Collectors.joining(", "));
            throw new MappingError(Diagnostic.UNKNOWN_MAPPED_BY, attr.element(), rel, "mappedBy", mappedBy,
                    target.qualifiedName(), target.type.getSimpleName(), names.isEmpty() ? "none" : names);
        }
    }

    boolean isRelationship(Attribute a) {
        MappingAnnotations m = ctx.annotations();
        return m.hasJpa(a.element(), Jpa.MANY_TO_ONE) || m.hasJpa(a.element(), Jpa.ONE_TO_ONE)
                || m.hasJpa(a.element(), Jpa.ONE_TO_MANY) || m.hasJpa(a.element(), Jpa.MANY_TO_MANY)
                || ctx.isEmbeddable(ctx.typeElement(a.type()));
    }

    private void joinColumnInTarget(EntityClass owner, Attribute attr, EntityClass target) {
        TableDraft table = tables.table(target.tableName, target.schema);
        List<AnnotationValues> given = ctx.annotations().jpaAll(attr.element(), Jpa.JOIN_COLUMN, Jpa.JOIN_COLUMNS);
        List<String> names = new ArrayList<>();
        List<String> referenced = new ArrayList<>();
        List<JoinColumns.Resolved> resolved = joins.resolve(attr.element(), given, attr.name(), owner);
        for (JoinColumns.Resolved r : resolved) {
            boolean nullable = r.annotation() == null || r.annotation().bool("nullable");
            table.add(r.draft().with(r.draft().column().withNullable(nullable)));
            names.add(r.draft().name());
            referenced.add(r.referenced());
        }
        if (joins.collectionKeyConstrained(resolved, owner)) {
            JoinColumns.foreignKey(table, names, owner.tableName, referenced,
                    JoinColumns.foreignKeyOf(given, ctx.annotations().jpa(attr.element(), Jpa.JOIN_COLUMNS).orElse(null)),
                    joins.onDelete(attr.element()));
        }
        if (kind(attr) == Kind.LIST) {
            ColumnDraft order = orderColumn(attr, true);
            table.add(order);
            orderCheck(table, order);
        }
    }

    /**
     * Hibernate keeps the index of an inverse {@code @OneToMany} list in the target table (beside the
     * {@code mappedBy} join column): nullable unless {@code @OrderColumn(nullable = false)}, never a key part.
     */
    private void inverseOrderColumn(Attribute attr, EntityClass target) {
        TableDraft table = tables.table(target.tableName, target.schema);
        ColumnDraft order = orderColumn(attr, true);
        table.add(order);
        orderCheck(table, order);
    }

    private void joinTable(EntityClass owner, Attribute attr, EntityClass target, boolean oneToMany) {
        // without @JoinTable, Hibernate (both lines) reads a @CollectionTable's name, schema and key columns
        Optional<AnnotationValues> joinTable = ctx.annotations().jpa(attr.element(), Jpa.JOIN_TABLE);
        Optional<AnnotationValues> jt = joinTable.or(() -> ctx.annotations().jpa(attr.element(), Jpa.COLLECTION_TABLE));
        String explicit = jt.map(j -> j.nonEmpty("name")).orElse(null);
        String name = explicit != null ? ctx.naming().physical(explicit)
                : ctx.naming().joinTable(owner.tableName, attr.name(), target.tableName);
        String schema = jt.map(j -> j.nonEmpty("schema")).map(s -> ctx.naming().physical(s)).orElse(null);
        TableDraft table = tables.table(name, schema);
        table.addEntity(owner.qualifiedName());
        String ownerPrefix = inverseAttribute(attr, target).orElse(owner.name);
        List<AnnotationValues> ownerGiven = jt.map(j -> j.annotations("joinColumns")).orElse(List.of());
        // a key referencing other columns of the owner than its primary key: Hibernate adds no foreign key
        // for it (the elements' foreign key stays)
        boolean constrained = joins.collectionKeyConstrained(joins.resolve(attr.element(), ownerGiven, ownerPrefix, owner), owner);
        List<String> ownerColumns = joinColumns(table, attr, ownerGiven,
                ownerPrefix, owner, jt.map(j -> j.annotation("foreignKey")).orElse(null), true, constrained);
        List<String> targetColumns = joinColumns(table, attr,
                joinTable.map(j -> j.annotations("inverseJoinColumns")).orElse(List.of()), attr.name(), target,
                joinTable.map(j -> j.annotation("inverseForeignKey")).orElse(null), false, true);
        Kind kind = kind(attr);
        List<String> pk = new ArrayList<>(ownerColumns);
        if (kind == Kind.LIST) {
            ColumnDraft order = orderColumn(attr, false);
            table.add(order);
            orderCheck(table, order);
            pk.add(order.name());
        } else if (kind == Kind.MAP) {
            pk.addAll(elements.mapKey(table, owner, attr));
        }
        if (oneToMany) {
            uniqueElement(table, targetColumns, kind == Kind.SET && ctx.orm().oneToManySetKeyedByElement());
        }
        // @MapKey names an attribute of the target, so the table holds no key column: both lines key it on owner + target
        if (kind == Kind.MAP && ctx.annotations().hasJpa(attr.element(), Jpa.MAP_KEY)) {
            pk = concat(ownerColumns, targetColumns);
        }
        if (kind == Kind.SET) {
            pk = oneToMany && ctx.orm().oneToManySetKeyedByElement() ? targetColumns : concat(ownerColumns, targetColumns);
        }
        if (kind != Kind.BAG && table.primaryKey().isEmpty()) {
            table.primaryKey(pk);
        }
    }

    private static void uniqueElement(TableDraft table, List<String> columns, boolean isKey) {
        if (isKey) {
            return;
        }
        if (columns.size() == 1) {
            table.column(columns.get(0)).ifPresent(c -> table.replace(c.with(c.column().withUnique(true))));
        } else {
            table.addUnique(new UniqueConstraint(Identifiers.uniqueKeyName(table.name(), columns), columns));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The name of the attribute on the target that says {@code mappedBy = attr}, for the owner-side column names. */
    private Optional<String> inverseAttribute(Attribute attr, EntityClass target) {
        for (Attribute candidate : target.allAttributes()) {
            for (String rel : List.of(Jpa.MANY_TO_MANY, Jpa.ONE_TO_MANY, Jpa.ONE_TO_ONE)) {
                Optional<AnnotationValues> r = ctx.annotations().jpa(candidate.element(), rel);
                if (r.isPresent() && r.get().string("mappedBy").equals(attr.name())) {
                    return Optional.of(candidate.name());
                }
            }
        }
        return Optional.empty();
    }

    private List<String> joinColumns(TableDraft table, Attribute attr, List<AnnotationValues> given, String prefix,
                                     EntityClass referenced, AnnotationValues foreignKey, boolean ownerSide,
                                     boolean constrained) {
        List<String> names = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        for (JoinColumns.Resolved r : joins.resolve(attr.element(), given, prefix, referenced)) {
            table.add(r.draft().with(r.draft().column().withNullable(false)));
            names.add(r.draft().name());
            refs.add(r.referenced());
        }
        if (constrained && (referenced.ownsTable() || referenced.isSingleTableSubclass())) {
            JoinColumns.foreignKey(table, names, referenced.tableName, refs, foreignKey,
                    ownerSide ? joins.onDelete(attr.element()) : io.github.jpamigrate.core.model.ReferentialAction.NO_ACTION);
        }
        return names;
    }

    /** {@code @OrderColumn}: {@code <attribute>_ORDER}; NOT NULL in a collection table, where it is part of the key. */
    ColumnDraft orderColumn(Attribute attr, boolean inTargetTable) {
        // an array without @OrderColumn has the implicit one
        AnnotationValues order = ctx.annotations().jpa(attr.element(), Jpa.ORDER_COLUMN).orElse(null);
        String logical = order != null && order.nonEmpty("name") != null ? order.nonEmpty("name") : attr.name() + "_ORDER";
        String name = ctx.naming().physical(logical);
        boolean nullable = inTargetTable && order != null && order.bool("nullable");
        Column c = new Column(name, ColumnType.of(TypeKind.INTEGER), nullable, false, null, false,
                order == null ? null : order.nonEmpty("columnDefinition"), null, null);
        return new ColumnDraft(logical, c, attr.element(), attr.describe());
    }

    /** 7.x: an order column must not be negative. */
    void orderCheck(TableDraft table, ColumnDraft order) {
        if (ctx.orm().orderColumnCheck()) {
            table.addCheck(new CheckConstraint(null, order.name() + ">=0"));
        }
    }
}
