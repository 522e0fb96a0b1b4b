package io.github.jpamigrate.processor.scan;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.UniqueConstraint;
import io.github.jpamigrate.processor.diag.Diagnostic;
import io.github.jpamigrate.processor.jpa.AnnotationValues;
import io.github.jpamigrate.processor.jpa.Jpa;
import io.github.jpamigrate.processor.jpa.MappingAnnotations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Maps an {@code @ElementCollection}: the collection table ({@code <Entity>_<attribute>}), its key
 * columns referencing the owner ({@code <Entity>_<id>}), the value column(s) (basic, enum or
 * embeddable), order and map-key columns, and the primary or unique key of the collection kind.
 */
final class ElementCollectionBinder {

    private final ScanContext ctx;
    private final Tables tables;
    private final JoinColumns joins;
    private final ValueBinder values;
    private final ColumnFactory columns;
    private final ColumnTypes types;
    private CollectionBinder collections;

    ElementCollectionBinder(ScanContext ctx, Tables tables, JoinColumns joins, ValueBinder values,
                            ColumnFactory columns, ColumnTypes types) {
        this.ctx = ctx;
        this.tables = tables;
        this.joins = joins;
        this.values = values;
        this.columns = columns;
        this.types = types;
    }

    void collections(CollectionBinder binder) {
        this.collections = binder;
    }

    void bind(EntityClass owner, Attribute attr, CollectionBinder.Kind kind, TypeMirror elementType) {
        MappingAnnotations a = ctx.annotations();
        // without @CollectionTable, Hibernate (both lines) reads a @JoinTable's name, schema and join columns
        Optional<AnnotationValues> ct = a.jpa(attr.element(), Jpa.COLLECTION_TABLE)
                .or(() -> a.jpa(attr.element(), Jpa.JOIN_TABLE));
        String explicit = ct.map(c -> c.nonEmpty("name")).orElse(null);
        String name = explicit != null ? ctx.naming().physical(explicit) : ctx.naming().collectionTable(owner.name, attr.name());
        String schema = ct.map(c -> c.nonEmpty("schema")).map(s -> ctx.naming().physical(s)).orElse(null);
        TableDraft table = tables.table(name, schema);
        table.addEntity(owner.qualifiedName());
        List<String> ownerColumns = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        List<AnnotationValues> given = ct.map(c -> c.annotations("joinColumns")).orElse(List.of());
        List<JoinColumns.Resolved> resolved = joins.resolve(attr.element(), given, owner.name, owner);
        for (JoinColumns.Resolved r : resolved) {
            table.add(r.draft().with(r.draft().column().withNullable(false)));
            ownerColumns.add(r.draft().name());
            refs.add(r.referenced());
        }
        if (joins.collectionKeyConstrained(resolved, owner)) {
            JoinColumns.foreignKey(table, ownerColumns, owner.tableName, refs,
                    ct.map(c -> c.annotation("foreignKey")).orElse(null), joins.onDelete(attr.element()));
        }
        List<String> valueColumns = valueColumns(table, owner, attr, elementType);
        keys(table, owner, attr, kind, ownerColumns, valueColumns);
    }

    private List<String> valueColumns(TableDraft table, EntityClass owner, Attribute attr, TypeMirror elementType) {
        Overrides overrides = Overrides.of(ctx, attr.element()).under("value");
        if (ctx.isEmbeddable(ctx.typeElement(elementType))) {
            Attribute element = new Attribute(attr.name(), attr.element(), elementType, attr.declaringType());
            // Hibernate applies no Bean Validation constraint to the columns of a collection
            BindingScope scope = new BindingScope(table, owner, Overrides.NONE, true, false, null, false,
                    BeanValidation.Reach.NONE);
            List<String> names = new ArrayList<>();
            BindingScope inner = scope.inside(overrides);
            for (Attribute a : values.embeddableAttributes(ctx.typeElement(elementType), (DeclaredType) elementType,
                    owner.access)) {
                if (values.isCollection(a)) {
                    ctx.diagnostics().report(Diagnostic.UNSUPPORTED_MAPPING, a.element(),
                            "A collection inside an embeddable collection element (" + a.describe() + ")");
                }
                names.addAll(values.bind(a, inner));
            }
            return names;
        }
        AnnotationValues column = overrides.column(attr.name()) != null ? overrides.column(attr.name())
                : ctx.annotations().jpa(attr.element(), Jpa.COLUMN).orElse(null);
        Attribute element = new Attribute(attr.name(), attr.element(), elementType, attr.declaringType());
        ColumnTypes.Mapped mapped = types.map(element, elementType, columns.hints(attr.element(), column), true);
        String logical = column != null && column.nonEmpty("name") != null ? column.nonEmpty("name") : attr.name();
        String name = ctx.naming().physical(logical);
        boolean nullable = column == null || column.bool("nullable");
        Column c = new Column(name, mapped.type(), nullable, column != null && column.bool("unique"), null, false,
                column == null ? null : column.nonEmpty("columnDefinition"), mapped.enumRef(), null);
        table.add(new ColumnDraft(logical, c, attr.element(), attr.describe()));
        return List.of(name);
    }

    private void keys(TableDraft table, EntityClass owner, Attribute attr, CollectionBinder.Kind kind,
                      List<String> ownerColumns, List<String> valueColumns) {
        List<String> pk = new ArrayList<>(ownerColumns);
        switch (kind) {
            case LIST -> {
                ColumnDraft order = collections.orderColumn(attr, false);
                table.add(order);
                collections.orderCheck(table, order);
                pk.add(order.name());
            }
            case MAP -> pk.addAll(mapKey(table, owner, attr));
            case SET -> {
                boolean allNotNull = valueColumns.stream().allMatch(v -> table.column(v).map(c -> !c.column().nullable())
                        .orElse(false));
                if (!allNotNull) {
                    if (ctx.orm().uniqueSetCollectionTable()) {
                        List<String> all = new ArrayList<>(ownerColumns);
                        all.addAll(valueColumns);
                        table.addUnique(new UniqueConstraint(Identifiers.uniqueKeyName(table.name(), all), all));
                    }
                    return;
                }
                pk.addAll(valueColumns);
            }
            case BAG -> {
                return;
            }
        }
        if (table.primaryKey().isEmpty()) {
            table.primaryKey(pk);
        }
    }

    /** The map key column ({@code @MapKeyColumn}, default {@code <attribute>_KEY}); returns its name(s). */
    List<String> mapKey(TableDraft table, EntityClass owner, Attribute attr) {
        MappingAnnotations a = ctx.annotations();
        TypeMirror keyType = collections.typeArgument(attr.type(), "java.util.Map", 0);
        if (ctx.isEntity(ctx.typeElement(keyType)) || ctx.isEmbeddable(ctx.typeElement(keyType))
                || a.hasJpa(attr.element(), Jpa.MAP_KEY)) {
            if (!a.hasJpa(attr.element(), Jpa.MAP_KEY)) {
                ctx.diagnostics().report(Diagnostic.UNSUPPORTED_MAPPING, attr.element(),
                        "A map keyed by an entity or embeddable (" + attr.describe() + ")");
            }
            return List.of();
        }
        AnnotationValues keyColumn = a.jpa(attr.element(), Jpa.MAP_KEY_COLUMN).orElse(null);
        Attribute key = new Attribute(attr.name(), attr.element(), keyType, attr.declaringType());
        TypeHints hints = new TypeHints(false,
                a.jpa(attr.element(), Jpa.MAP_KEY_TEMPORAL).map(t -> t.enumConstant("value")).orElse(null),
                a.jpa(attr.element(), Jpa.MAP_KEY_ENUMERATED).orElse(null), keyColumn, null, null, false,
                BeanValidation.Resize.NONE, null, a.qualified(attr.element(), Jpa.NATIONALIZED).isPresent());
        ColumnTypes.Mapped mapped = types.map(key, keyType, hints, true);
        String logical = keyColumn != null && keyColumn.nonEmpty("name") != null ? keyColumn.nonEmpty("name")
                : attr.name() + "_KEY";
        String name = ctx.naming().physical(logical);
        Column c = new Column(name, mapped.type(), false, false, null, false,
                keyColumn == null ? null : keyColumn.nonEmpty("columnDefinition"), mapped.enumRef(), null);
        table.add(new ColumnDraft(logical, c, attr.element(), attr.describe()));
        return List.of(name);
    }
}
