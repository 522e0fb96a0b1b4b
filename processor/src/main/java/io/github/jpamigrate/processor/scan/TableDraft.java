package io.github.jpamigrate.processor.scan;

import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TableKind;
import io.github.jpamigrate.core.model.UniqueConstraint;
import io.github.jpamigrate.processor.diag.Diagnostic;
import io.github.jpamigrate.processor.diag.MappingError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A table being assembled from the entities (and collections) that map to it. Several classes may
 * add the same column (single-table inheritance, two entities on one table); that is fine when they
 * agree on its type and an error when they do not.
 */
final class TableDraft {

    private final String name;
    private final String schema;
    private final Map<String, ColumnDraft> columns = new LinkedHashMap<>();
    private List<String> primaryKey = List.of();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    private final List<UniqueConstraint> uniqueConstraints = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private final List<CheckConstraint> checks = new ArrayList<>();
    private final TreeSet<String> entities = new TreeSet<>();
    private String comment;
    private TableKind kind = TableKind.TABLE;
    private String query;
    /** Per entity mapped to this table, its secondary tables by the name {@code @SecondaryTable} gives. */
    private final Map<String, Map<String, TableDraft>> secondaries = new LinkedHashMap<>();

    TableDraft(String name, String schema) {
        this.name = Identifiers.requireName(name, "table");
        this.schema = schema;
    }

    void addSecondary(String entity, String declaredName, TableDraft draft) {
        secondaries.computeIfAbsent(entity, k -> new LinkedHashMap<>()).put(declaredName, draft);
    }

    Map<String, TableDraft> secondaries(String entity) {
        return secondaries.getOrDefault(entity, Map.of());
    }

    String name() {
        return name;
    }

    String schema() {
        return schema;
    }

    /** Adds a column, or merges it with the column of the same name already there; its checks join the table's. */
    void add(ColumnDraft draft) {
        draft.checks().forEach(this::addCheck);
        String key = Identifiers.key(draft.name());
        ColumnDraft existing = columns.get(key);
        if (existing == null) {
            columns.put(key, draft);
            return;
        }
        Column a = existing.column();
        Column b = draft.column();
        // compared as bound: Bean Validation resizes the one shared column later, it does not conflict;
        // Hibernate accepts a read-only second mapping of any definition, the first one bound defines the column
        boolean readOnly = existing.readOnly() || draft.readOnly();
        if (!readOnly && (!existing.boundType().equals(draft.boundType()) || !Objects.equals(a.definition(), b.definition()))) {
            throw new MappingError(Diagnostic.COLUMN_CONFLICT, draft.source(), draft.name(), name,
                    describe(a), existing.owner(), describe(b), draft.owner());
        }
        // as in Hibernate the first bound mapping wins, and basic columns are bound before join columns
        if (existing.joinColumn() && !draft.joinColumn()) {
            columns.put(key, draft);
        }
    }

    /**
     * Adds a column that Hibernate binds before the attributes although we bind it after them (the
     * discriminator): where one of the two mappings is read-only, its definition replaces the other's.
     */
    void addBoundFirst(ColumnDraft draft) {
        ColumnDraft existing = columns.get(Identifiers.key(draft.name()));
        if (existing != null && (existing.readOnly() || draft.readOnly())) {
            draft.checks().forEach(this::addCheck);
            columns.put(Identifiers.key(draft.name()), draft);
            return;
        }
        add(draft);
    }

    private static String describe(Column c) {
        return c.definition() != null ? c.definition() : c.type().toString();
    }

    Optional<ColumnDraft> column(String physicalName) {
        return Optional.ofNullable(columns.get(Identifiers.key(physicalName)));
    }

    /** A column by the name a mapping uses for it: its logical name first, then its physical name. */
    Optional<ColumnDraft> columnByMappingName(String mappingName) {
        for (ColumnDraft c : columns.values()) {
            if (c.logicalName().equals(mappingName)) {
                return Optional.of(c);
            }
        }
        for (ColumnDraft c : columns.values()) {
            if (Identifiers.sameName(c.logicalName(), mappingName) || Identifiers.sameName(c.name(), mappingName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    List<ColumnDraft> columns() {
        return List.copyOf(columns.values());
    }

    void replace(ColumnDraft draft) {
        columns.put(Identifiers.key(draft.name()), draft);
    }

    List<String> primaryKey() {
        return primaryKey;
    }

    void primaryKey(List<String> columnNames) {
        this.primaryKey = List.copyOf(columnNames);
    }

    /**
     * Adds a foreign key unless one on the same columns and referenced columns is there already.
     * Hibernate keys a table's foreign keys so (its {@code ForeignKeyKey} leaves out the referenced
     * entity): one column joining two tables by their ids gets one key, to the target bound first.
     */
    void addForeignKey(ForeignKey fk) {
        boolean duplicate = foreignKeys.stream().anyMatch(f -> sameNames(f.columns(), fk.columns())
                && sameNames(f.referencedColumns(), fk.referencedColumns()));
        if (!duplicate) {
            foreignKeys.add(fk);
        }
    }

    private static boolean sameNames(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Identifiers.sameName(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    void addUnique(UniqueConstraint uk) {
        boolean duplicate = uniqueConstraints.stream().anyMatch(u -> u.columns().equals(uk.columns()));
        if (!duplicate) {
            uniqueConstraints.add(uk);
        }
    }

    void addIndex(Index index) {
        indexes.add(index);
    }

    void addCheck(CheckConstraint check) {
        if (!checks.contains(check)) {
            checks.add(check);
        }
    }

    void comment(String text) {
        this.comment = text;
    }

    /** The object the table stands for ({@code @Subselect}, {@code @View}, {@code @Immutable}) and its query. */
    void kind(TableKind tableKind, String tableQuery) {
        this.kind = tableKind;
        this.query = tableQuery;
    }

    void addEntity(String qualifiedName) {
        entities.add(qualifiedName);
    }

    /**
     * The finished table: primary key columns first (in key order), then the others as added. A unique
     * key over exactly the primary key columns is left out, as Hibernate (6.6 and 7) drops it from the
     * table ({@code Table.isSameAsPrimaryKeyColumns}), and its export writes no {@code unique} on the only
     * key column ({@code ColumnDefinitions}: {@code @Id @Column(unique = true)}), on 6.6 and 7.x alike.
     */
    Table toTable() {
        List<Column> ordered = new ArrayList<>();
        boolean singleKey = primaryKey.size() == 1;
        for (String pk : primaryKey) {
            column(pk).ifPresent(c -> ordered.add(c.column().withNullable(false).withUnique(c.column().unique() && !singleKey)));
        }
        for (ColumnDraft c : columns.values()) {
            if (primaryKey.stream().noneMatch(pk -> Identifiers.sameName(pk, c.name()))) {
                ordered.add(c.column());
            }
        }
        PrimaryKey pk = primaryKey.isEmpty() ? null : new PrimaryKey(null, primaryKey);
        List<UniqueConstraint> uniques = uniqueConstraints.stream().filter(u -> !sameAsPrimaryKey(u.columns())).toList();
        return new Table(name, schema, ordered, pk, foreignKeys, uniques, indexes, checks, comment,
                List.copyOf(entities), kind, query);
    }

    private boolean sameAsPrimaryKey(List<String> names) {
        return !primaryKey.isEmpty() && names.size() == primaryKey.size()
                && names.stream().allMatch(n -> primaryKey.stream().anyMatch(pk -> Identifiers.sameName(pk, n)));
    }
}
