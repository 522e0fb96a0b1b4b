package io.github.jpamigrate.processor.scan;

import io.github.jpamigrate.core.model.TableKind;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * One entity class and where it sits: its entity name, its entity superclass and subclasses, the
 * hierarchy's inheritance strategy and access type, the attributes it declares (including those of
 * {@code @MappedSuperclass}es between it and its entity superclass) and its primary table.
 */
final class EntityClass {

    final TypeElement type;
    final String name;
    EntityClass parent;
    final List<EntityClass> children = new ArrayList<>();
    InheritanceStrategy strategy = InheritanceStrategy.SINGLE_TABLE;
    AccessType access = AccessType.FIELD;
    List<Attribute> attributes = List.of();
    /** Physical primary table name (the root's for single-table subclasses); null when the class has no table. */
    String tableName;
    String schema;
    /** What the primary table stands for: an ordinary table unless {@code @Subselect}, {@code @View} or {@code @Immutable}. */
    TableKind tableKind = TableKind.TABLE;
    /** The query of a {@code @Subselect} or {@code @View} entity, else null. */
    String tableQuery;

    EntityClass(TypeElement type, String name) {
        this.type = type;
        this.name = name;
    }

    String qualifiedName() {
        return type.getQualifiedName().toString();
    }

    EntityClass root() {
        EntityClass e = this;
        while (e.parent != null) {
            e = e.parent;
        }
        return e;
    }

    boolean isRoot() {
        return parent == null;
    }

    boolean isAbstract() {
        return type.getModifiers().contains(Modifier.ABSTRACT);
    }

    /** The entities from the root down to this one. */
    List<EntityClass> lineage() {
        List<EntityClass> out = new ArrayList<>();
        for (EntityClass e = this; e != null; e = e.parent) {
            out.add(0, e);
        }
        return out;
    }

    /** Attributes mapped into this entity's own table: for TABLE_PER_CLASS those of all its ancestors too. */
    List<Attribute> tableAttributes() {
        if (strategy != InheritanceStrategy.TABLE_PER_CLASS) {
            return attributes;
        }
        List<Attribute> all = new ArrayList<>();
        lineage().forEach(e -> all.addAll(e.attributes));
        return all;
    }

    /** Every attribute this entity has, inherited ones first. */
    List<Attribute> allAttributes() {
        List<Attribute> all = new ArrayList<>();
        lineage().forEach(e -> all.addAll(e.attributes));
        return all;
    }

    /** Whether this class has a table of its own (single-table subclasses share the root's). */
    boolean ownsTable() {
        return switch (strategy) {
            case SINGLE_TABLE -> isRoot();
            case JOINED -> true;
            case TABLE_PER_CLASS -> !isAbstract();
        };
    }

    boolean isSingleTableSubclass() {
        return strategy == InheritanceStrategy.SINGLE_TABLE && !isRoot();
    }

    /** Non-abstract entities of this hierarchy from this one down, root first, then by entity name. */
    List<EntityClass> concreteSubtree() {
        List<EntityClass> out = new ArrayList<>();
        if (!isAbstract()) {
            out.add(this);
        }
        children.stream().sorted((a, b) -> a.name.compareTo(b.name)).forEach(c -> out.addAll(c.concreteSubtree()));
        return out;
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
