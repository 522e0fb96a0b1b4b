package io.github.jpamigrate.processor.scan;

import io.github.jpamigrate.core.model.DerivedNames;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.processor.diag.Diagnostic;
import io.github.jpamigrate.processor.diag.MappingError;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.TableKind;
import io.github.jpamigrate.core.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads entity classes into a {@link SchemaModel}. Each entity is bound on its own: a mapping
 * mistake or an unexpected failure is reported on that entity and the others still get checked,
 * so one compile shows every mistake. The caller writes nothing when an error was reported.
 */
public final class SchemaScanner {

    private final ScanContext ctx;

    public SchemaScanner(ScanContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param entityTypes classes annotated {@code @Entity}
     * @param producer    the descriptor's {@code producer} value
     */
    public SchemaModel scan(Collection<javax.lang.model.element.TypeElement> entityTypes, String producer) {
        EntityCatalog catalog = EntityCatalog.build(ctx, entityTypes);
        ColumnTypes types = new ColumnTypes(ctx);
        ColumnFactory columns = new ColumnFactory(ctx, types);
        KeyResolver keys = new KeyResolver(ctx);
        JoinColumns joins = new JoinColumns(ctx, keys);
        ValueBinder values = new ValueBinder(ctx, columns, catalog, keys, joins);
        keys.values(values);
        Tables tables = new Tables();
        values.tables(tables);
        EntityBinder entities = new EntityBinder(ctx, tables, keys, values, columns);
        ElementCollectionBinder elements = new ElementCollectionBinder(ctx, tables, joins, values, columns, types);
        CollectionBinder collections = new CollectionBinder(ctx, tables, joins, values, elements);
        elements.collections(collections);
        Generators generators = new Generators(ctx, tables);

        List<EntityClass> ordered = new ArrayList<>(catalog.entities());
        // roots before subclasses: a single-table subclass adds to its root's table
        ordered.sort(Comparator.comparingInt((EntityClass e) -> e.lineage().size()).thenComparing(EntityClass::qualifiedName));
        forEach(ordered, entities::bind);
        forEach(ordered, collections::bind);
        joins.referencedUniques().forEach(uk -> referencedUnique(tables, uk));
        forEach(ordered, entities::bindTableKeys);
        forEach(ordered, e -> {
            if (e.isRoot()) {
                generators.bind(e, keys.idAttributes(e));
            }
        });
        List<Table> built = new ArrayList<>(DerivedNames.makeUnique(withoutKeysToUnmanaged(tables.build(), ordered)));
        built.sort(Comparator.comparing(Table::name));
        return new SchemaModel(ctx.naming().strategy().optionValue(), ctx.orm().line().id(), producer, built,
                generators.sequences(), generators.tableGenerators(), types.enums());
    }

    /**
     * No foreign key references a view, subselect or external object, nor starts from one: Hibernate
     * makes none to a {@code @Subselect} (not a physical table); a view cannot be referenced on
     * these databases, and an {@code @Immutable} entity's object may be a view (JM034 says so).
     */
    private List<Table> withoutKeysToUnmanaged(List<Table> built, List<EntityClass> entities) {
        Map<String, Long> referencing = new HashMap<>();
        List<String> unmanaged = built.stream().filter(t -> !t.managed()).map(t -> Identifiers.key(t.name())).toList();
        List<Table> out = new ArrayList<>();
        for (Table table : built) {
            List<ForeignKey> kept = table.foreignKeys().stream().filter(k -> table.managed()
                    && !unmanaged.contains(Identifiers.key(k.referencedTable()))).toList();
            table.foreignKeys().stream().filter(k -> !kept.contains(k))
                    .forEach(k -> referencing.merge(Identifiers.key(k.referencedTable()), 1L, Long::sum));
            out.add(kept.size() == table.foreignKeys().size() ? table : new Table(table.name(), table.schema(),
                    table.columns(), table.primaryKey(), kept, table.uniqueConstraints(), table.indexes(), table.checks(),
                    table.comment(), table.entities(), table.kind(), table.query()));
        }
        for (EntityClass e : entities) {
            if (e.tableKind.expectsObject() && e.ownsTable()) {
                long keys = referencing.getOrDefault(Identifiers.key(e.tableName), 0L);
                String why = e.tableKind == TableKind.VIEW
                        ? "is an @View (Hibernate 7's export creates the view from its query)"
                        : "is @Immutable (such an entity commonly maps a view; jpa-migrate cannot tell a view from a table)";
                ctx.diagnostics().report(Diagnostic.NOT_CREATED, e.type, e.qualifiedName(), why,
                        e.tableKind == TableKind.VIEW ? "the view" : "the table or view", e.tableName,
                        keys == 0 ? "" : " nor the " + keys + " foreign key(s) that would reference it");
            }
        }
        return out;
    }

    /**
     * The unique key a join over non-key columns asks of its target, on the table holding those columns:
     * the target's, a superclass's, or a secondary table of either.
     */
    private static void referencedUnique(Tables tables, JoinColumns.ReferencedUnique uk) {
        for (EntityClass e : uk.target().lineage()) {
            TableDraft primary = e.tableName == null ? null : tables.existing(e.tableName, e.schema);
            if (primary == null) {
                continue;
            }
            List<TableDraft> candidates = new ArrayList<>();
            candidates.add(primary);
            candidates.addAll(primary.secondaries(e.qualifiedName()).values());
            for (TableDraft table : candidates) {
                if (uk.columns().stream().allMatch(c -> table.column(c).isPresent())) {
                    table.addUnique(new UniqueConstraint(Identifiers.uniqueKeyName(table.name(), uk.columns()), uk.columns()));
                    return;
                }
            }
        }
    }

    private void forEach(List<EntityClass> entities, Consumer<EntityClass> step) {
        for (EntityClass e : entities) {
            try {
                step.accept(e);
            } catch (MappingError error) {
                error.report(ctx.diagnostics());
            } catch (RuntimeException | LinkageError unexpected) {
                ctx.diagnostics().report(Diagnostic.INTERNAL_ERROR, e.type, e.qualifiedName(), unexpected);
            }
        }
    }
}
