package io.github.jpamigrate.processor.scan;

import io.github.jpamigrate.core.model.TableKind;
import io.github.jpamigrate.processor.diag.Diagnostic;
import io.github.jpamigrate.processor.jpa.AnnotationValues;
import io.github.jpamigrate.processor.jpa.Jpa;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * All entities of the compilation, linked into hierarchies, with their names, inheritance
 * strategy, access type, attributes and primary table names.
 */
final class EntityCatalog {

    private final ScanContext ctx;
    private final AttributeReader reader;
    private final Map<String, EntityClass> byClass = new TreeMap<>();
    private final Map<String, EntityClass> byName = new HashMap<>();

    private EntityCatalog(ScanContext ctx) {
        this.ctx = ctx;
        this.reader = new AttributeReader(ctx);
    }

    /** Builds the catalog; entity superclasses outside the given set are added too. */
    static EntityCatalog build(ScanContext ctx, Collection<TypeElement> entityTypes) {
        EntityCatalog catalog = new EntityCatalog(ctx);
        for (TypeElement type : entityTypes) {
            for (TypeElement t = type; t != null; t = catalog.superclass(t)) {
                if (ctx.isEntity(t)) {
                    catalog.register(t);
                }
            }
        }
        catalog.link();
        return catalog;
    }

    private void register(TypeElement type) {
        String qualified = type.getQualifiedName().toString();
        if (byClass.containsKey(qualified)) {
            return;
        }
        AnnotationValues entity = ctx.annotations().jpa(type, Jpa.ENTITY).orElseThrow();
        String name = Optional.ofNullable(entity.nonEmpty("name")).orElse(type.getSimpleName().toString());
        EntityClass previous = byName.get(name);
        if (previous != null) {
            ctx.diagnostics().report(Diagnostic.DUPLICATE_ENTITY_NAME, type, entity, "name", name,
                    previous.qualifiedName(), qualified);
            return;
        }
        EntityClass e = new EntityClass(type, name);
        byClass.put(qualified, e);
        byName.put(name, e);
    }

    private void link() {
        for (EntityClass e : byClass.values()) {
            for (TypeElement t = superclass(e.type); t != null; t = superclass(t)) {
                EntityClass parent = byClass.get(t.getQualifiedName().toString());
                if (parent != null) {
                    e.parent = parent;
                    parent.children.add(e);
                    break;
                }
            }
        }
        for (EntityClass e : byClass.values()) {
            EntityClass root = e.root();
            e.strategy = strategyOf(root);
            e.access = accessOf(root);
            e.attributes = readAttributes(e);
            nameTable(e);
        }
    }

    private InheritanceStrategy strategyOf(EntityClass root) {
        return ctx.annotations().jpa(root.type, Jpa.INHERITANCE)
                .map(a -> InheritanceStrategy.valueOf(a.enumConstant("strategy")))
                .orElse(InheritanceStrategy.SINGLE_TABLE);
    }

    /** Explicit {@code @Access} on the root, else where the identifier annotation sits in the hierarchy. */
    private AccessType accessOf(EntityClass root) {
        Optional<AccessType> explicit = ctx.annotations().jpa(root.type, Jpa.ACCESS)
                .map(a -> "PROPERTY".equals(a.enumConstant("value")) ? AccessType.PROPERTY : AccessType.FIELD);
        if (explicit.isPresent()) {
            return explicit.get();
        }
        for (TypeElement t = root.type; t != null; t = superclass(t)) {
            for (Element member : t.getEnclosedElements()) {
                if (ctx.annotations().hasJpa(member, Jpa.ID) || ctx.annotations().hasJpa(member, Jpa.EMBEDDED_ID)) {
                    return member.getKind() == ElementKind.METHOD ? AccessType.PROPERTY : AccessType.FIELD;
                }
            }
        }
        return AccessType.FIELD;
    }

    /** Attributes of the mapped superclasses between the entity superclass and this class, then its own. */
    private List<Attribute> readAttributes(EntityClass e) {
        List<TypeElement> levels = new ArrayList<>();
        for (TypeElement t = e.type; t != null; t = superclass(t)) {
            if (t != e.type && ctx.isEntity(t)) {
                break;
            }
            if (t == e.type || ctx.isMappedSuperclass(t)) {
                levels.add(0, t);
            }
        }
        List<Attribute> out = new ArrayList<>();
        DeclaredType seenFrom = (DeclaredType) e.type.asType();
        for (TypeElement level : levels) {
            for (Attribute a : reader.read(level, seenFrom, e.access)) {
                // as Hibernate (PropertyBinder, both lines), the topmost class mapping a name wins: an entity's
                // getter overriding a mapped superclass's property adds nothing (its annotations included)
                if (out.stream().noneMatch(o -> o.name().equals(a.name()))) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    private void nameTable(EntityClass e) {
        if (e.isSingleTableSubclass()) {
            EntityClass root = e.root();
            e.tableName = tableNameOf(root);
            e.schema = schemaOf(root);
        } else {
            e.tableName = tableNameOf(e);
            e.schema = schemaOf(e);
        }
        tableKind(e.isSingleTableSubclass() ? e.root() : e, e);
    }

    /**
     * {@code @Subselect} (no database object: Hibernate's export creates nothing), Hibernate 7's
     * {@code @View} (a view from its query), {@code @Immutable} (a table Hibernate would create, but
     * commonly a view the project writes itself: JPA Migrate creates neither and says so); the
     * first that applies, from the class that owns the table or else the root, where mutability is
     * declared.
     */
    private void tableKind(EntityClass owner, EntityClass e) {
        for (EntityClass from : owner == owner.root() ? List.of(owner) : List.of(owner, owner.root())) {
            Optional<AnnotationValues> subselect = ctx.annotations().qualified(from.type, Jpa.SUBSELECT);
            Optional<AnnotationValues> view = ctx.annotations().qualified(from.type, Jpa.VIEW);
            if (subselect.isPresent()) {
                e.tableKind = TableKind.SUBSELECT;
                e.tableQuery = subselect.get().string("value");
                return;
            }
            if (view.isPresent()) {
                e.tableKind = TableKind.VIEW;
                e.tableQuery = view.get().string("query");
                return;
            }
            if (ctx.annotations().qualified(from.type, Jpa.IMMUTABLE).isPresent()) {
                e.tableKind = TableKind.EXTERNAL;
                return;
            }
        }
    }

    private String tableNameOf(EntityClass e) {
        String explicit = ctx.annotations().jpa(e.type, Jpa.TABLE).map(t -> t.nonEmpty("name")).orElse(null);
        return explicit != null ? ctx.naming().physical(explicit) : ctx.naming().entityTable(e.name);
    }

    private String schemaOf(EntityClass e) {
        String schema = ctx.annotations().jpa(e.type, Jpa.TABLE).map(t -> t.nonEmpty("schema")).orElse(null);
        return schema == null ? null : ctx.naming().physical(schema);
    }

    TypeElement superclass(TypeElement type) {
        TypeMirror sup = type.getSuperclass();
        if (sup.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement te = (TypeElement) ((DeclaredType) sup).asElement();
        return "java.lang.Object".contentEquals(te.getQualifiedName()) ? null : te;
    }

    /** Entities in a stable order (by class name). */
    Collection<EntityClass> entities() {
        return byClass.values();
    }

    Optional<EntityClass> byType(TypeElement type) {
        return type == null ? Optional.empty() : Optional.ofNullable(byClass.get(type.getQualifiedName().toString()));
    }

    /** Fields and getters of a class, for looking up attributes by name (mappedBy, @IdClass). */
    static List<Element> members(TypeElement type) {
        List<Element> out = new ArrayList<>(ElementFilter.fieldsIn(type.getEnclosedElements()));
        out.addAll(ElementFilter.methodsIn(type.getEnclosedElements()));
        return out;
    }
}
