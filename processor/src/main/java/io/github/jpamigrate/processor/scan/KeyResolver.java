package io.github.jpamigrate.processor.scan;

import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.processor.diag.Diagnostic;
import io.github.jpamigrate.processor.diag.MappingError;
import io.github.jpamigrate.processor.jpa.AnnotationValues;
import io.github.jpamigrate.processor.jpa.Jpa;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * The primary key columns of each entity, computed on demand (relationships need the key of their
 * target before its table is built). Composite keys are ordered by attribute name, as Hibernate
 * orders the properties of an id class or embedded id.
 */
final class KeyResolver {

    private final ScanContext ctx;
    private final Map<EntityClass, List<ColumnDraft>> cache = new HashMap<>();
    private final Map<EntityClass, TableDraft> columnsCache = new HashMap<>();
    private ValueBinder values;

    KeyResolver(ScanContext ctx) {
        this.ctx = ctx;
    }

    void values(ValueBinder binder) {
        this.values = binder;
    }

    /**
     * The id attributes of the hierarchy ({@code @Id} or {@code @EmbeddedId}), root first. When the
     * {@code @IdClass} itself carries mapping annotations, each key part is mapped by the id class's
     * member of that name instead of the entity's {@code @Id} attribute (see {@link #annotatedIdClass}).
     */
    List<Attribute> idAttributes(EntityClass e) {
        List<Attribute> ids = e.root().allAttributes().stream()
                .filter(a -> ctx.annotations().hasJpa(a.element(), Jpa.ID)
                        || ctx.annotations().hasJpa(a.element(), Jpa.EMBEDDED_ID))
                .collect(Collectors.toList());
        TypeElement idClass = ids.size() > 1 ? annotatedIdClass(e.root()) : null;
        if (idClass == null) {
            return ids;
        }
        List<Attribute> mapped = new ArrayList<>();
        for (Attribute id : ids) {
            Element member = idClassMember(idClass, id.name());
            // the id class's member with its own type: Hibernate binds that member, not the entity's attribute
            mapped.add(member == null ? id : new Attribute(id.name(), member,
                    member instanceof javax.lang.model.element.ExecutableElement m ? m.getReturnType() : member.asType(),
                    id.declaringType()));
        }
        return mapped;
    }

    /**
     * The entity's {@code @IdClass} when one of its own fields or methods carries {@code @Column},
     * {@code @Id}, {@code @GeneratedValue} or a relationship annotation, else null. Hibernate (6.6 and 7.x,
     * {@code EmbeddableBinder.hasAnnotationsOnIdClass}) then binds the key from the id class's members, as
     * before JPA 2: an {@code @Id Order order} of the entity, mapped by nothing, is the id class's
     * {@code @ManyToOne @JoinColumn(name = "order_fk") Order order}.
     */
    private TypeElement annotatedIdClass(EntityClass root) {
        Optional<AnnotationValues> declared = Optional.empty();
        for (Element t = root.type; t instanceof TypeElement te && declared.isEmpty(); t = superclassOf(te)) {
            declared = ctx.annotations().jpa(te, Jpa.ID_CLASS);
        }
        TypeElement idClass = declared.map(a -> a.typeElement("value")).orElse(null);
        if (idClass == null) {
            return null;
        }
        for (Element member : idClass.getEnclosedElements()) {
            boolean candidate = member.getKind() == ElementKind.FIELD || member.getKind() == ElementKind.METHOD;
            if (candidate && TRIGGERING.stream().anyMatch(name -> ctx.annotations().hasJpa(member, name))) {
                return idClass;
            }
        }
        return null;
    }

    /** The annotations that make Hibernate map an {@code @IdClass} key by the id class's own members. */
    private static final List<String> TRIGGERING = List.of(Jpa.COLUMN, Jpa.ONE_TO_MANY, Jpa.MANY_TO_ONE, Jpa.ID,
            Jpa.GENERATED_VALUE, Jpa.ONE_TO_ONE, Jpa.MANY_TO_MANY);

    /** The id class's field of that name, else its getter. */
    private static Element idClassMember(TypeElement idClass, String name) {
        String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        Element getter = null;
        for (Element member : idClass.getEnclosedElements()) {
            String simple = member.getSimpleName().toString();
            if (member.getKind() == ElementKind.FIELD && simple.equals(name)) {
                return member;
            }
            if (member.getKind() == ElementKind.METHOD && (simple.equals("get" + suffix) || simple.equals("is" + suffix))) {
                getter = member;
            }
        }
        return getter;
    }

    /**
     * A {@code @MapsId} relationship that borrows the whole key of its target: the entity's key columns
     * are then its join columns (named after the relationship), not the {@code @Id} attribute's.
     */
    Optional<Attribute> derivedIdentity(EntityClass e) {
        return e.root().allAttributes().stream()
                .filter(a -> ctx.annotations().jpa(a.element(), Jpa.MAPS_ID).map(m -> m.string("value").isEmpty()).orElse(false))
                .filter(a -> ctx.annotations().hasJpa(a.element(), Jpa.MANY_TO_ONE) || ctx.annotations().hasJpa(a.element(), Jpa.ONE_TO_ONE))
                .findFirst();
    }

    /**
     * The {@code @MapsId("attr")} relationships of the hierarchy by the embedded id (or {@code @IdClass}
     * {@code @Id}) attribute each one maps: that part of the key is the relationship's join columns (names
     * included), not the attribute's own column.
     */
    Map<String, Attribute> mappedKeyParts(EntityClass e) {
        Map<String, Attribute> parts = new TreeMap<>();
        for (Attribute a : e.root().allAttributes()) {
            String mapped = ctx.annotations().jpa(a.element(), Jpa.MAPS_ID).map(m -> m.string("value")).orElse("");
            if (!mapped.isEmpty() && (ctx.annotations().hasJpa(a.element(), Jpa.MANY_TO_ONE)
                    || ctx.annotations().hasJpa(a.element(), Jpa.ONE_TO_ONE))) {
                parts.putIfAbsent(mapped, a);
            }
        }
        return parts;
    }

    /** Key columns (not null, no identity flag) with logical and physical names. */
    List<ColumnDraft> primaryKey(EntityClass e) {
        List<ColumnDraft> cached = cache.get(e);
        if (cached != null) {
            return cached;
        }
        List<ColumnDraft> key = e.strategy == InheritanceStrategy.JOINED && !e.isRoot()
                ? joinedSubclassKey(e)
                : rootKey(e.root());
        cache.put(e, key);
        return key;
    }

    private List<ColumnDraft> rootKey(EntityClass root) {
        Optional<Attribute> derived = derivedIdentity(root);
        if (derived.isPresent()) {
            TableDraft scratch = new TableDraft(root.tableName, null);
            values.bindKeyPart(derived.get(), new BindingScope(scratch, root, Overrides.NONE, false, false, null, true,
                    BeanValidation.Reach.ALL));
            return scratch.columns();
        }
        List<Attribute> ids = idAttributes(root);
        if (ids.isEmpty()) {
            throw new MappingError(Diagnostic.NO_ID, root.type, root.qualifiedName());
        }
        TableDraft scratch = new TableDraft(root.tableName, null);
        BindingScope scope = new BindingScope(scratch, root, Overrides.of(ctx, root.type), false, false, null, true,
                BeanValidation.Reach.ALL);
        if (ids.size() > 1) {
            checkIdClass(root, ids);
            ids.sort(Comparator.comparing(Attribute::name));
        }
        // an @Id attribute that a @MapsId("attr") relationship maps is bound as that relationship
        Map<String, Attribute> mapped = ids.size() == 1 && ctx.annotations().hasJpa(ids.get(0).element(), Jpa.EMBEDDED_ID)
                ? Map.of() : mappedKeyParts(root);
        for (Attribute id : ids) {
            values.bindKeyPart(mapped.getOrDefault(id.name(), id), scope);
        }
        return scratch.columns();
    }

    private List<ColumnDraft> joinedSubclassKey(EntityClass e) {
        return copiedKey(primaryKey(e.parent), ctx.annotations().jpaAll(e.type, Jpa.PRIMARY_KEY_JOIN_COLUMN,
                Jpa.PRIMARY_KEY_JOIN_COLUMNS), e);
    }

    /**
     * The key of a table joined to another by its primary key (a joined subclass, a secondary table):
     * the other table's key columns, renamed by the {@code @PrimaryKeyJoinColumn}s given.
     */
    List<ColumnDraft> copiedKey(List<ColumnDraft> parentKey, List<AnnotationValues> given, EntityClass e) {
        List<ColumnDraft> out = new ArrayList<>();
        for (int i = 0; i < parentKey.size(); i++) {
            ColumnDraft parent = parentKey.get(i);
            AnnotationValues pk = matching(given, parent, i);
            String logical = pk != null && pk.nonEmpty("name") != null ? pk.nonEmpty("name") : parent.logicalName();
            String definition = pk == null ? null : pk.nonEmpty("columnDefinition");
            // Hibernate copies the parent key while binding, before Bean Validation resizes it
            out.add(new ColumnDraft(logical, parent.column().withName(ctx.naming().physical(logical))
                    .withType(parent.boundType()).withIdentity(false).withDefinition(definition).withUnique(false),
                    e.type, e.qualifiedName()));
        }
        return out;
    }

    private static AnnotationValues matching(List<AnnotationValues> given, ColumnDraft parent, int index) {
        for (AnnotationValues pk : given) {
            String ref = pk.string("referencedColumnName");
            if (!ref.isEmpty() && (ref.equalsIgnoreCase(parent.name()) || ref.equals(parent.logicalName()))) {
                return pk;
            }
        }
        return index < given.size() && given.get(index).string("referencedColumnName").isEmpty() ? given.get(index) : null;
    }

    /** {@code @IdClass} must have one field per {@code @Id} attribute, same name and type. */
    private void checkIdClass(EntityClass root, List<Attribute> ids) {
        Optional<AnnotationValues> idClass = Optional.empty();
        for (Element t = root.type; t instanceof TypeElement te && idClass.isEmpty(); t = superclassOf(te)) {
            idClass = ctx.annotations().jpa(te, Jpa.ID_CLASS);
        }
        TypeElement type = idClass.map(a -> a.typeElement("value")).orElse(null);
        if (type == null) {
            return;
        }
        List<String> problems = idClassProblems(type, ids);
        if (!problems.isEmpty()) {
            throw new MappingError(Diagnostic.ID_CLASS_MISMATCH, idClass.get().annotated(), idClass.get(), "value",
                    type.getQualifiedName(), root.qualifiedName(), String.join(", ", problems));
        }
    }

    private List<String> idClassProblems(TypeElement idClass, List<Attribute> ids) {
        Map<String, String> declared = new TreeMap<>();
        // persistent fields only, also those a superclass declares (a @MappedSuperclass of the key)
        for (Element t = idClass; t instanceof TypeElement te && !"java.lang.Object".contentEquals(te.getQualifiedName());
                t = superclassOf(te)) {
            for (VariableElement f : ElementFilter.fieldsIn(te.getEnclosedElements())) {
                boolean persistent = !f.getModifiers().contains(Modifier.STATIC)
                        && !f.getModifiers().contains(Modifier.TRANSIENT) && !ctx.annotations().hasJpa(f, Jpa.TRANSIENT);
                if (persistent) {
                    declared.putIfAbsent(f.getSimpleName().toString(), boxed(f.asType()));
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (Attribute id : ids) {
            boolean toOne = ctx.annotations().hasJpa(id.element(), Jpa.MANY_TO_ONE)
                    || ctx.annotations().hasJpa(id.element(), Jpa.ONE_TO_ONE);
            String found = declared.remove(id.name());
            if (found == null) {
                problems.add("it lacks field " + id.name());
            } else if (!toOne && !boxed(id.type()).equals(found)) {
                problems.add("field " + id.name() + " is " + found + " but the @Id attribute is " + boxed(id.type()));
            }
        }
        declared.keySet().forEach(f -> problems.add("field " + f + " matches no @Id attribute"));
        return problems;
    }

    private String boxed(javax.lang.model.type.TypeMirror t) {
        if (t.getKind().isPrimitive()) {
            return ctx.types().boxedClass((javax.lang.model.type.PrimitiveType) t).getQualifiedName().toString();
        }
        return ctx.rawName(t);
    }

    private static Element superclassOf(TypeElement te) {
        return te.getSuperclass() instanceof javax.lang.model.type.DeclaredType d ? d.asElement() : null;
    }

    /**
     * A column of the entity's table(s) by mapping name, for {@code referencedColumnName} to a non-key column:
     * of its primary table, else of one of its (or its superclasses') secondary tables, as Hibernate's
     * {@code findReferencedColumnOwner} looks.
     */
    Optional<ColumnDraft> column(EntityClass e, String mappingName) {
        TableDraft scratch = columnsOf(e);
        return scratch.columnByMappingName(mappingName).or(() -> joinColumn(e, mappingName))
                .or(() -> secondaries(e, scratch).stream().map(t -> t.columnByMappingName(mappingName))
                        .flatMap(Optional::stream).findFirst());
    }

    /** The secondary table (physical name) that holds a column {@link #column} found, or null for the primary table. */
    String secondaryTableOf(EntityClass e, ColumnDraft column) {
        // only a column found by column(e, ...) can be there, and that computed the scratch tables already:
        // computing them here could recurse (an embedded value joining back to its own entity)
        TableDraft scratch = columnsCache.get(e);
        if (scratch == null) {
            return null;
        }
        for (TableDraft t : secondaries(e, scratch)) {
            if (t.columns().contains(column)) {
                return t.name();
            }
        }
        return null;
    }

    private List<TableDraft> secondaries(EntityClass e, TableDraft scratch) {
        List<TableDraft> out = new ArrayList<>();
        for (EntityClass level : e.lineage()) {
            out.addAll(scratch.secondaries(level.qualifiedName()).values());
        }
        return out;
    }

    /**
     * A join column of one of the entity's own to-one associations: Hibernate looks a
     * {@code referencedColumnName} up among all the columns of the target's table, these included.
     */
    private Optional<ColumnDraft> joinColumn(EntityClass e, String mappingName) {
        for (EntityClass level : e.lineage()) {
            for (Attribute a : level.attributes) {
                Optional<AnnotationValues> rel = ctx.annotations().jpa(a.element(), Jpa.MANY_TO_ONE)
                        .or(() -> ctx.annotations().jpa(a.element(), Jpa.ONE_TO_ONE));
                List<AnnotationValues> given = ctx.annotations().jpaAll(a.element(), Jpa.JOIN_COLUMN, Jpa.JOIN_COLUMNS);
                boolean names = given.stream().map(jc -> jc.nonEmpty("name"))
                        .anyMatch(n -> n != null && (n.equals(mappingName) || Identifiers.sameName(n, mappingName)));
                if (rel.isPresent() && names) {
                    EntityClass next = values.target(a, rel.get(), a.type());
                    return new JoinColumns(ctx, this).resolve(a.element(), given, a.name(), next).stream()
                            .map(JoinColumns.Resolved::draft)
                            .filter(d -> d.logicalName().equals(mappingName) || Identifiers.sameName(d.name(), mappingName))
                            .findFirst();
                }
            }
        }
        return Optional.empty();
    }

    List<String> columnNames(EntityClass e) {
        return columnsOf(e).columns().stream().map(ColumnDraft::name).collect(Collectors.toList());
    }

    private TableDraft columnsOf(EntityClass e) {
        return columnsCache.computeIfAbsent(e, x -> {
            TableDraft scratch = new TableDraft(x.tableName == null ? x.name : x.tableName, null);
            primaryKey(x).forEach(scratch::add);
            // the secondary tables of the entity and its superclasses, so that their columns are found too
            for (EntityClass level : x.lineage()) {
                for (AnnotationValues st : ctx.annotations().jpaAll(level.type, Jpa.SECONDARY_TABLE, Jpa.SECONDARY_TABLES)) {
                    scratch.addSecondary(level.qualifiedName(), st.string("name"),
                            new TableDraft(ctx.naming().physical(st.string("name")), null));
                }
            }
            BindingScope scope = new BindingScope(scratch, x, Overrides.of(ctx, x.type), false, false, null, false,
                    BeanValidation.Reach.ALL);
            for (EntityClass level : x.lineage()) {
                for (Attribute a : level.attributes) {
                    values.bindValueQuietly(a, scope);
                }
            }
            return scratch;
        });
    }
}
