package io.github.jpamigrate.processor.scan;

import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.UniqueConstraint;
import io.github.jpamigrate.processor.diag.Diagnostic;
import io.github.jpamigrate.processor.diag.MappingError;
import io.github.jpamigrate.processor.jpa.AnnotationValues;
import io.github.jpamigrate.processor.jpa.Jpa;
import io.github.jpamigrate.processor.jpa.MappingAnnotations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Maps the single-valued attributes of an entity or embeddable into columns of one table: basic
 * values, embedded values (recursively, with overrides) and the join columns of
 * {@code @ManyToOne} / owning {@code @OneToOne}. Collections are left to {@link CollectionBinder}.
 */
final class ValueBinder {

    private final ScanContext ctx;
    private final ColumnFactory columns;
    private final EntityCatalog catalog;
    private final KeyResolver keys;
    private final JoinColumns joins;
    private final AttributeReader reader;
    private final BeanValidation validation;
    private Tables tables;

    ValueBinder(ScanContext ctx, ColumnFactory columns, EntityCatalog catalog, KeyResolver keys, JoinColumns joins) {
        this.ctx = ctx;
        this.columns = columns;
        this.catalog = catalog;
        this.keys = keys;
        this.joins = joins;
        this.reader = new AttributeReader(ctx);
        this.validation = new BeanValidation(ctx);
    }

    /** The tables being built, for the join tables of to-one relationships. */
    void tables(Tables all) {
        this.tables = all;
    }

    /** Binds a single-valued attribute; returns the physical names of the columns it added. */
    List<String> bind(Attribute attr, BindingScope scope) {
        MappingAnnotations a = ctx.annotations();
        // a @Formula is read by SQL and maps no column, unless a @Column is written too: Hibernate (6.6 and
        // 7.x, ColumnsBuilder) then binds the column and ignores the formula
        if (a.qualified(attr.element(), Jpa.FORMULA).isPresent() && !a.hasJpa(attr.element(), Jpa.COLUMN)) {
            return List.of();
        }
        if (isCollection(attr)) {
            // a collection of an entity's embedded value is bound by CollectionBinder; one inside a key is not
            if (scope.embedded() && scope.forceNotNull()) {
                ctx.diagnostics().report(Diagnostic.UNSUPPORTED_MAPPING, attr.element(),
                        "A collection inside an embeddable (" + attr.describe() + ")");
            }
            return List.of();
        }
        Optional<AnnotationValues> toOne = a.jpa(attr.element(), Jpa.MANY_TO_ONE).or(() -> a.jpa(attr.element(), Jpa.ONE_TO_ONE));
        if (toOne.isPresent() && a.qualified(attr.element(), Jpa.JOIN_FORMULA).isPresent()) {
            // joined by SQL over columns other attributes map: Hibernate adds no column and no foreign key
            return List.of();
        }
        if (toOne.isPresent() && (a.qualified(attr.element(), Jpa.JOIN_COLUMNS_OR_FORMULAS).isPresent()
                || a.qualified(attr.element(), Jpa.JOIN_COLUMN_OR_FORMULA).isPresent())) {
            return joinColumnsOrFormulas(attr, toOne.get(), scope);
        }
        if (toOne.isPresent()) {
            return toOne(attr, toOne.get(), scope);
        }
        if (isEmbedded(attr)) {
            return embedded(attr, scope, null);
        }
        ColumnFactory.Role role = a.hasJpa(attr.element(), Jpa.VERSION) ? ColumnFactory.Role.VERSION
                : a.hasJpa(attr.element(), Jpa.ID) ? ColumnFactory.Role.ID : ColumnFactory.Role.PLAIN;
        AnnotationValues override = scope.overrides().column(attr.name());
        BindingScope target = SecondaryTables.route(ctx, scope,
                override != null ? override : a.jpa(attr.element(), Jpa.COLUMN).orElse(null), attr);
        ColumnDraft column = columns.basic(attr, target, role);
        target.table().add(column);
        return List.of(column.name());
    }

    /** Binds one part of a primary key (an {@code @Id}, an {@code @EmbeddedId}, or an {@code @Id} relationship). */
    void bindKeyPart(Attribute attr, BindingScope scope) {
        if (ctx.annotations().hasJpa(attr.element(), Jpa.EMBEDDED_ID)) {
            embedded(attr, scope, keys.mappedKeyParts(scope.owner()));
        } else {
            bind(attr, scope);
        }
    }

    /**
     * Binds a value attribute into a scratch table, ignoring mistakes (the real binding reports them).
     * Relationships are skipped: a column referenced by {@code referencedColumnName} is a value column,
     * and following relationships here could loop on a self-reference.
     */
    void bindValueQuietly(Attribute attr, BindingScope scope) {
        if (ctx.annotations().hasJpa(attr.element(), Jpa.MANY_TO_ONE) || ctx.annotations().hasJpa(attr.element(), Jpa.ONE_TO_ONE)) {
            return;
        }
        try {
            bind(attr, scope);
        } catch (MappingError ignored) {
            // reported when the entity itself is bound
        }
    }

    boolean isCollection(Attribute attr) {
        MappingAnnotations a = ctx.annotations();
        if (a.hasJpa(attr.element(), Jpa.ONE_TO_MANY) || a.hasJpa(attr.element(), Jpa.MANY_TO_MANY)
                || a.hasJpa(attr.element(), Jpa.ELEMENT_COLLECTION)) {
            return true;
        }
        boolean basicOverride = a.qualified(attr.element(), Jpa.JDBC_TYPE_CODE).isPresent()
                || a.hasJpa(attr.element(), Jpa.CONVERT);
        // a List<String> without a collection annotation is one column of a basic plural (array) type
        return !basicOverride && isCollectionType(attr.type()) && !columns.types().isBasicPlural(attr.type());
    }

    boolean isCollectionType(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && (ctx.isSubtype(type, "java.util.Collection") || ctx.isSubtype(type, "java.util.Map"));
    }

    boolean isEmbedded(Attribute attr) {
        return ctx.annotations().hasJpa(attr.element(), Jpa.EMBEDDED)
                || ctx.annotations().hasJpa(attr.element(), Jpa.EMBEDDED_ID)
                || ctx.isEmbeddable(ctx.typeElement(attr.type()));
    }

    /**
     * The columns of an embedded value; in a key ({@code mappedParts} not null), ordered by attribute
     * name (records keep their order), and a part that a {@code @MapsId("part")} relationship maps is
     * bound as that relationship: its join columns and its foreign key, as Hibernate binds it.
     */
    private List<String> embedded(Attribute attr, BindingScope scope, Map<String, Attribute> mappedParts) {
        boolean keyOrder = mappedParts != null;
        TypeElement type = embeddableType(attr);
        DeclaredType seenFrom = type.equals(ctx.typeElement(attr.type())) ? (DeclaredType) attr.type()
                : (DeclaredType) type.asType();
        Overrides nested = scope.overrides().enter(attr.name(), Overrides.of(ctx, attr.element()));
        BindingScope inner = scope.inside(nested, validation.into(attr, scope.validation()));
        List<Attribute> attributes = embeddableAttributes(type, seenFrom, scope.owner().access);
        if (keyOrder && type.getKind() != ElementKind.RECORD) {
            attributes.sort(Comparator.comparing(Attribute::name));
        }
        requireOneTable(attr, attributes, inner);
        List<String> names = new ArrayList<>();
        for (Attribute a : attributes) {
            Attribute relationship = keyOrder ? mappedParts.get(a.name()) : null;
            names.addAll(relationship != null ? bind(relationship, scope) : bind(a, inner));
        }
        return names;
    }

    /** Hibernate refuses an embeddable whose basic columns go to different tables (primary, secondary). */
    private void requireOneTable(Attribute attr, List<Attribute> attributes, BindingScope inner) {
        Set<String> used = new TreeSet<>();
        for (Attribute a : attributes) {
            if (isCollection(a) || isEmbedded(a) || ctx.annotations().hasJpa(a.element(), Jpa.MANY_TO_ONE)
                    || ctx.annotations().hasJpa(a.element(), Jpa.ONE_TO_ONE)) {
                continue;
            }
            AnnotationValues override = inner.overrides().column(a.name());
            AnnotationValues column = override != null ? override : ctx.annotations().jpa(a.element(), Jpa.COLUMN).orElse(null);
            used.add(SecondaryTables.route(ctx, inner, column, a).table().name());
        }
        if (used.size() > 1) {
            throw new MappingError(Diagnostic.EMBEDDABLE_SPLIT, attr.element(), attr.describe(), used);
        }
    }

    /**
     * The class an embedded attribute binds: Hibernate's {@code @Target}/{@code @TargetEmbeddable}
     * when it names one (the implementation of an interface-typed attribute), else the attribute's
     * type. Hibernate binds any class so where {@code @Embedded} or {@code @EmbeddedId} asks for it,
     * {@code @Embeddable} or not; only what is no class (an interface, an enum) is refused.
     */
    private TypeElement embeddableType(Attribute attr) {
        MappingAnnotations a = ctx.annotations();
        TypeElement type = a.qualified(attr.element(), Jpa.TARGET_EMBEDDABLE)
                .or(() -> a.qualified(attr.element(), Jpa.TARGET))
                .map(t -> t.typeElement("value")).orElseGet(() -> ctx.typeElement(attr.type()));
        boolean marked = a.hasJpa(attr.element(), Jpa.EMBEDDED) || a.hasJpa(attr.element(), Jpa.EMBEDDED_ID);
        boolean isClass = type != null && (type.getKind() == ElementKind.CLASS || type.getKind() == ElementKind.RECORD);
        if (ctx.isEmbeddable(type) || marked && isClass && !type.getQualifiedName().toString().startsWith("java.")) {
            return type;
        }
        AnnotationValues marker = a.jpa(attr.element(), Jpa.EMBEDDED)
                .or(() -> a.jpa(attr.element(), Jpa.EMBEDDED_ID)).orElse(null);
        throw new MappingError(Diagnostic.NOT_EMBEDDABLE, attr.element(), marker, null, attr.describe(), attr.type());
    }

    /** The attributes of an embeddable, including those of embeddable or mapped superclasses. */
    List<Attribute> embeddableAttributes(TypeElement type, DeclaredType seenFrom, AccessType ownerAccess) {
        AccessType access = reader.explicitAccess(type, ownerAccess);
        List<TypeElement> levels = new ArrayList<>();
        for (TypeElement t = type; t != null; t = catalog.superclass(t)) {
            if (t == type || ctx.isEmbeddable(t) || ctx.isMappedSuperclass(t)) {
                levels.add(0, t);
            }
        }
        List<Attribute> out = new ArrayList<>();
        for (TypeElement level : levels) {
            out.addAll(reader.read(level, seenFrom, access));
        }
        return out;
    }

    /** The entity class of a type, when it is one (the element of an element collection can be). */
    Optional<EntityClass> entity(TypeMirror type) {
        TypeElement element = ctx.typeElement(type);
        return element == null ? Optional.empty() : catalog.byType(element);
    }

    /** The entity a relationship points to, from {@code targetEntity} or the attribute's (element) type. */
    EntityClass target(Attribute attr, AnnotationValues relationship, TypeMirror declared) {
        TypeElement type = relationship.typeElement("targetEntity");
        if (type == null || "void".contentEquals(type.getSimpleName())) {
            type = ctx.typeElement(declared);
        }
        TypeElement finalType = type;
        return catalog.byType(type).orElseThrow(() -> new MappingError(Diagnostic.TARGET_NOT_ENTITY, attr.element(),
                relationship, relationship.isSet("targetEntity") ? "targetEntity" : null,
                relationship.mirror().getAnnotationType().asElement().getSimpleName(),
                finalType == null ? declared : finalType.getQualifiedName(),
                finalType == null ? declared : finalType.getSimpleName()));
    }

    private List<String> toOne(Attribute attr, AnnotationValues rel, BindingScope declared) {
        MappingAnnotations a = ctx.annotations();
        boolean oneToOne = Jpa.ONE_TO_ONE.contentEquals(rel.mirror().getAnnotationType().asElement().getSimpleName());
        EntityClass target = target(attr, rel, attr.type());
        if (oneToOne && !rel.string("mappedBy").isEmpty()) {
            return List.of();
        }
        boolean sharesKey = a.hasJpa(attr.element(), Jpa.MAPS_ID) || oneToOne && a.hasJpa(attr.element(), Jpa.PRIMARY_KEY_JOIN_COLUMN);
        if (sharesKey && !declared.forceNotNull()) {
            // the relationship maps the entity's primary key columns, bound with the key
            requireMappedKeyPart(attr, declared.owner());
            return List.of();
        }
        Optional<AnnotationValues> joinTable = a.jpa(attr.element(), Jpa.JOIN_TABLE);
        if (joinTable.isPresent() && tables != null && !declared.forceNotNull() && !declared.embedded()) {
            joinTable(attr, rel, joinTable.get(), declared.owner(), target, oneToOne);
            return List.of();
        }
        AnnotationValues override = declared.overrides().association(attr.name());
        List<AnnotationValues> given = override != null ? override.annotations("joinColumns")
                : a.jpaAll(attr.element(), Jpa.JOIN_COLUMN, Jpa.JOIN_COLUMNS);
        AnnotationValues container = override != null ? override
                : a.jpa(attr.element(), Jpa.JOIN_COLUMNS).orElse(null);
        // @JoinColumn(table) puts the join columns, and the foreign key, into a secondary table
        BindingScope scope = given.isEmpty() ? declared : SecondaryTables.route(ctx, declared, given.get(0), attr);
        List<JoinColumns.Resolved> resolved = joins.resolve(attr.element(), given, attr.name(), target);
        if (oneToOne && !scope.forceNotNull() && !scope.embedded() && mapsOwnKey(resolved, declared.owner())) {
            // join columns that are the owner's primary key: Hibernate binds a shared-key one-to-one
            // (its ToOneBinder.isMapToPK), as with @PrimaryKeyJoinColumn: no column, and a foreign key
            // from the key only when the relationship is not optional (a constrained one-to-one)
            if (!rel.bool("optional") && (target.ownsTable() || target.isSingleTableSubclass())) {
                JoinColumns.foreignKey(declared.table(), resolved.stream().map(r -> r.draft().name()).toList(),
                        target.tableName, resolved.stream().map(JoinColumns.Resolved::referenced).toList(),
                        JoinColumns.foreignKeyOf(given, a.jpa(attr.element(), Jpa.JOIN_COLUMNS).orElse(null)),
                        joins.onDelete(attr.element()));
            }
            return List.of();
        }
        boolean implicitNotNull = !rel.bool("optional") || a.hasJpa(attr.element(), Jpa.ID);
        BeanValidation.Constraints valid = validation.of(attr, scope.validation());
        List<String> names = new ArrayList<>();
        List<String> referenced = new ArrayList<>();
        for (JoinColumns.Resolved r : resolved) {
            boolean explicitNotNull = r.annotation() != null && !r.annotation().bool("nullable");
            boolean nullable = joinColumnNullable(scope, explicitNotNull, implicitNotNull, valid.notNull(), attr, r);
            // a key part keeps its uniqueness (an @OneToOne in an @EmbeddedId: unique join column, as Hibernate),
            // except a relationship that shares the key (@MapsId), whose column is the key
            boolean unique = (!scope.forceNotNull() || !sharesKey)
                    && (r.annotation() != null && r.annotation().bool("unique") || oneToOne && resolved.size() == 1);
            ColumnDraft draft = r.draft().with(r.draft().column().withNullable(nullable).withUnique(unique));
            // as Hibernate, @Min / @Max on a relationship check its join columns
            scope.table().add(draft.validated(draft.boundType(), valid.checks(draft.name())));
            names.add(r.draft().name());
            referenced.add(r.referenced());
        }
        if (oneToOne && names.size() > 1 && !scope.forceNotNull()) {
            scope.table().addUnique(new UniqueConstraint(Identifiers.uniqueKeyName(scope.table().name(), names), names));
        }
        if (target.ownsTable() || target.isSingleTableSubclass()) {
            // referenced columns in a secondary table of the target: the foreign key references that table
            String referencedTable = resolved.isEmpty() || resolved.get(0).referencedTable() == null ? target.tableName
                    : resolved.get(0).referencedTable();
            JoinColumns.foreignKey(scope.table(), names, referencedTable, referenced,
                    JoinColumns.foreignKeyOf(given, container), joins.onDelete(attr.element()));
        }
        return names;
    }

    private boolean mapsOwnKey(List<JoinColumns.Resolved> resolved, EntityClass owner) {
        List<ColumnDraft> key = keys.primaryKey(owner);
        if (key.size() != resolved.size()) {
            return false;
        }
        return resolved.stream().allMatch(r -> key.stream().anyMatch(k -> Identifiers.sameName(k.name(), r.draft().name())));
    }

    /**
     * A {@code @ManyToOne} / {@code @OneToOne} through a {@code @JoinTable}: as Hibernate binds it (a join
     * of the owner), the owner's table gets no column; the join table is keyed by a copy of the owner's
     * key ({@code joinColumns}, foreign key to the owner) and holds the join columns to the target
     * ({@code inverseJoinColumns}, foreign key to the target; unique for a one-to-one).
     */
    private void joinTable(Attribute attr, AnnotationValues rel, AnnotationValues jt, EntityClass owner,
                           EntityClass target, boolean oneToOne) {
        String explicit = jt.nonEmpty("name");
        String name = explicit != null ? ctx.naming().physical(explicit)
                : ctx.naming().joinTable(owner.tableName, attr.name(), target.tableName);
        String schema = jt.nonEmpty("schema") == null ? null : ctx.naming().physical(jt.nonEmpty("schema"));
        TableDraft table = tables.table(name, schema);
        table.addEntity(owner.qualifiedName());
        List<ColumnDraft> ownerKey = keys.primaryKey(owner);
        List<ColumnDraft> key = keys.copiedKey(ownerKey, jt.annotations("joinColumns"), owner);
        key.forEach(table::add);
        List<String> keyNames = key.stream().map(ColumnDraft::name).toList();
        table.primaryKey(keyNames);
        AnnotationValues ownerFk = jt.isSet("foreignKey") ? jt.annotation("foreignKey") : null;
        JoinColumns.foreignKey(table, keyNames, owner.tableName, ownerKey.stream().map(ColumnDraft::name).toList(),
                ownerFk, joins.onDelete(attr.element()));
        List<AnnotationValues> inverse = jt.annotations("inverseJoinColumns");
        List<JoinColumns.Resolved> resolved = joins.resolve(attr.element(), inverse, attr.name(), target);
        List<String> names = new ArrayList<>();
        List<String> referenced = new ArrayList<>();
        for (JoinColumns.Resolved r : resolved) {
            boolean nullable = (r.annotation() == null || r.annotation().bool("nullable")) && rel.bool("optional")
                    && !ctx.orm().toOneJoinTableNotNull();
            boolean unique = oneToOne && resolved.size() == 1 || r.annotation() != null && r.annotation().bool("unique");
            table.add(r.draft().with(r.draft().column().withNullable(nullable).withUnique(unique)));
            names.add(r.draft().name());
            referenced.add(r.referenced());
        }
        if (oneToOne && names.size() > 1) {
            table.addUnique(new UniqueConstraint(Identifiers.uniqueKeyName(table.name(), names), names));
        }
        if (target.ownsTable() || target.isSingleTableSubclass()) {
            AnnotationValues targetFk = jt.isSet("inverseForeignKey") ? jt.annotation("inverseForeignKey") : null;
            JoinColumns.foreignKey(table, names, target.tableName, referenced, targetFk, ReferentialAction.NO_ACTION);
        }
    }

    /**
     * A join mixing columns and formulas ({@code @JoinColumnsOrFormulas}): as Hibernate, its column parts
     * are join columns, it has no foreign key (a formula cannot be constrained), and the referenced
     * columns of all its parts get a unique key on the target unless they are its primary key.
     */
    private List<String> joinColumnsOrFormulas(Attribute attr, AnnotationValues rel, BindingScope scope) {
        MappingAnnotations a = ctx.annotations();
        List<AnnotationValues> parts = a.qualified(attr.element(), Jpa.JOIN_COLUMNS_OR_FORMULAS)
                .map(c -> c.annotations("value"))
                .orElseGet(() -> List.of(a.qualified(attr.element(), Jpa.JOIN_COLUMN_OR_FORMULA).orElseThrow()));
        EntityClass target = target(attr, rel, attr.type());
        List<AnnotationValues> columnParts = new ArrayList<>();
        List<String> formulaReferences = new ArrayList<>();
        for (AnnotationValues part : parts) {
            AnnotationValues formula = part.annotation("formula");
            if (formula.nonEmpty("value") != null) {
                formulaReferences.add(formula.string("referencedColumnName"));
            } else {
                columnParts.add(part.annotation("column"));
            }
        }
        boolean implicitNotNull = !rel.bool("optional") || a.hasJpa(attr.element(), Jpa.ID);
        List<String> names = new ArrayList<>();
        for (JoinColumns.Resolved r : joins.resolveWithFormulas(attr.element(), columnParts, formulaReferences,
                attr.name(), target)) {
            boolean explicitNotNull = !r.annotation().bool("nullable");
            boolean nullable = joinColumnNullable(scope, explicitNotNull, implicitNotNull, false, attr, r);
            scope.table().add(r.draft().with(r.draft().column().withNullable(nullable)));
            names.add(r.draft().name());
        }
        return names;
    }

    /**
     * A {@code @MapsId("part")} must name an attribute of the embedded id, or an {@code @Id} attribute of an
     * {@code @IdClass} entity; Hibernate refuses the mapping otherwise.
     */
    private void requireMappedKeyPart(Attribute attr, EntityClass owner) {
        AnnotationValues mapsId = ctx.annotations().jpa(attr.element(), Jpa.MAPS_ID).orElse(null);
        if (mapsId == null || mapsId.string("value").isEmpty()) {
            return;
        }
        List<Attribute> ids = keys.idAttributes(owner);
        Attribute embeddedId = ids.stream()
                .filter(id -> ctx.annotations().hasJpa(id.element(), Jpa.EMBEDDED_ID)).findFirst().orElse(null);
        TypeElement type = embeddedId == null ? null : ctx.typeElement(embeddedId.type());
        List<Attribute> partAttributes = embeddedId == null ? ids : type == null || !ctx.isEmbeddable(type) ? List.of()
                : embeddableAttributes(type, (DeclaredType) embeddedId.type(), owner.access);
        List<String> parts = partAttributes.stream().map(Attribute::name).toList();
        if (!parts.contains(mapsId.string("value"))) {
            throw new MappingError(Diagnostic.UNKNOWN_MAPS_ID, attr.element(), mapsId, "value", mapsId.string("value"),
                    attr.describe(), owner.qualifiedName(), String.join(", ", parts));
        }
    }

    private boolean joinColumnNullable(BindingScope scope, boolean explicitNotNull, boolean implicitNotNull,
                                       boolean beanNotNull, Attribute attr, JoinColumns.Resolved r) {
        if (scope.forceNotNull() || explicitNotNull) {
            return false;
        }
        if (scope.subclassOfSingleTable()) {
            if (implicitNotNull && ctx.orm().subclassToOneStaysNotNull()) {
                return false;
            }
            if (implicitNotNull && scope.requiredInSubclass() != null) {
                scope.requiredInSubclass().add(new String[] {attr.name(), r.draft().name()});
            }
            return true;
        }
        return !implicitNotNull && !beanNotNull;
    }
}
