package io.github.jpamigrate.processor.scan;

import io.github.jpamigrate.core.model.CheckConstraint;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.TableKind;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.core.model.UniqueConstraint;
import io.github.jpamigrate.processor.diag.Diagnostic;
import io.github.jpamigrate.processor.diag.MappingError;
import io.github.jpamigrate.processor.jpa.AnnotationValues;
import io.github.jpamigrate.processor.jpa.Jpa;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds an entity's table: key columns, the columns of its single-valued attributes, the
 * inheritance extras (discriminator, joined-subclass key and foreign key, 7.x subclass checks) and
 * the table-level annotations ({@code @Table} constraints and indexes, {@code @Check}, {@code @Comment}).
 */
final class EntityBinder {

    private final ScanContext ctx;
    private final Tables tables;
    private final KeyResolver keys;
    private final ValueBinder values;
    private final ColumnFactory columns;
    private final SecondaryTables secondaryTables;

    EntityBinder(ScanContext ctx, Tables tables, KeyResolver keys, ValueBinder values, ColumnFactory columns) {
        this.ctx = ctx;
        this.tables = tables;
        this.keys = keys;
        this.values = values;
        this.columns = columns;
        this.secondaryTables = new SecondaryTables(ctx, tables, keys);
    }

    void bind(EntityClass e) {
        if (!e.ownsTable() && !e.isSingleTableSubclass()) {
            // an abstract TABLE_PER_CLASS entity: its attributes live in each concrete subclass's table
            return;
        }
        TableDraft table = tables.table(e.tableName, e.schema);
        table.addEntity(e.qualifiedName());
        if (e.tableKind != TableKind.TABLE) {
            table.kind(e.tableKind, e.tableQuery);
        }
        if (e.ownsTable()) {
            bindKey(e, table);
        }
        secondaryTables.bind(e, table);
        List<String[]> required = e.isSingleTableSubclass() && ctx.orm().singleTableChecks() ? new ArrayList<>() : null;
        BindingScope scope = new BindingScope(table, e, Overrides.of(ctx, e.type), false, e.isSingleTableSubclass(),
                required, false, BeanValidation.Reach.ALL);
        List<Attribute> ids = keys.idAttributes(e);
        List<String> naturalId = new ArrayList<>();
        for (Attribute attr : e.tableAttributes()) {
            // an @Id attribute is part of the key, also one the id class maps in its place
            if (ids.contains(attr) || ctx.annotations().hasJpa(attr.element(), Jpa.ID)) {
                continue;
            }
            List<String> names = values.bind(attr, scope);
            if (ctx.annotations().qualified(attr.element(), Jpa.NATURAL_ID).isPresent()) {
                naturalId.addAll(names);
            }
        }
        unique(table, naturalId);
        discriminator(e, table);
        subclassCheck(e, table, required);
        if (e.ownsTable()) {
            tableAnnotations(e, table);
        }
    }

    private void bindKey(EntityClass e, TableDraft table) {
        List<ColumnDraft> key = keys.primaryKey(e);
        boolean keyFromRoot = e.isRoot() || e.strategy == InheritanceStrategy.TABLE_PER_CLASS;
        boolean identity = keyFromRoot && Generators.isIdentity(ctx, keys.idAttributes(e));
        for (ColumnDraft c : key) {
            table.add(identity && key.size() == 1 ? c.with(c.column().withIdentity(true)) : c);
        }
        table.primaryKey(key.stream().map(ColumnDraft::name).collect(Collectors.toList()));
        if (keyFromRoot) {
            // @Id relationships add their foreign keys, also those inside an @EmbeddedId
            BindingScope scope = new BindingScope(table, e, Overrides.of(ctx, e.root().type), false, false, null, true,
                    BeanValidation.Reach.ALL);
            List<Attribute> keyParts = new ArrayList<>(keys.idAttributes(e));
            keys.derivedIdentity(e).ifPresent(keyParts::add);
            keyParts.addAll(keys.mappedKeyParts(e).values());
            for (Attribute id : keyParts) {
                if (ctx.annotations().hasJpa(id.element(), Jpa.MANY_TO_ONE) || ctx.annotations().hasJpa(id.element(), Jpa.ONE_TO_ONE)
                        || ctx.annotations().hasJpa(id.element(), Jpa.EMBEDDED_ID)
                        || ctx.isEmbeddable(ctx.typeElement(id.type()))) {
                    values.bindKeyPart(id, scope);
                }
            }
            return;
        }
        List<AnnotationValues> pkJoins = ctx.annotations().jpaAll(e.type, Jpa.PRIMARY_KEY_JOIN_COLUMN,
                Jpa.PRIMARY_KEY_JOIN_COLUMNS);
        AnnotationValues container = ctx.annotations().jpa(e.type, Jpa.PRIMARY_KEY_JOIN_COLUMNS).orElse(null);
        ReferentialAction onDelete = new JoinColumns(ctx, keys).onDelete(e.type);
        JoinColumns.foreignKey(table, table.primaryKey(), e.parent.tableName,
                keys.primaryKey(e.parent).stream().map(ColumnDraft::name).collect(Collectors.toList()),
                JoinColumns.foreignKeyOf(pkJoins, container), onDelete);
    }

    private static void unique(TableDraft table, List<String> names) {
        if (names.size() == 1) {
            table.column(names.get(0)).ifPresent(c -> table.replace(c.with(c.column().withUnique(true))));
        } else if (names.size() > 1) {
            table.addUnique(new UniqueConstraint(Identifiers.uniqueKeyName(table.name(), names), names));
        }
    }

    private void discriminator(EntityClass e, TableDraft table) {
        // a @DiscriminatorFormula computes the subtype in queries: Hibernate maps no column, even beside @DiscriminatorColumn
        if (!e.isRoot() || ctx.annotations().qualified(e.type, Jpa.DISCRIMINATOR_FORMULA).isPresent()) {
            return;
        }
        Optional<AnnotationValues> column = ctx.annotations().jpa(e.type, Jpa.DISCRIMINATOR_COLUMN);
        boolean singleTable = e.strategy == InheritanceStrategy.SINGLE_TABLE;
        boolean needed = singleTable && (!e.children.isEmpty() || column.isPresent()
                || ctx.annotations().hasJpa(e.type, Jpa.DISCRIMINATOR_VALUE))
                || e.strategy == InheritanceStrategy.JOINED && column.isPresent();
        if (!needed) {
            return;
        }
        String kind = column.map(c -> c.enumConstant("discriminatorType")).orElse("STRING");
        String logical = column.map(c -> c.nonEmpty("name")).orElse("DTYPE");
        ColumnType type = switch (kind) {
            case "CHAR" -> ColumnType.withLength(TypeKind.CHAR, 1);
            case "INTEGER" -> ColumnType.of(TypeKind.INTEGER);
            default -> ColumnType.withLength(TypeKind.VARCHAR, column.map(c -> c.integer("length")).orElse(31));
        };
        String name = ctx.naming().physical(logical == null ? "DTYPE" : logical);
        String definition = column.map(c -> c.nonEmpty("columnDefinition")).orElse(null);
        // @DiscriminatorOptions(insert = false): another mapping (an id part, say) writes the column
        boolean notInserted = ctx.annotations().qualified(e.type, Jpa.DISCRIMINATOR_OPTIONS)
                .map(o -> o.hasMember("insert") && !o.bool("insert")).orElse(false);
        table.addBoundFirst(new ColumnDraft(logical, new Column(name, type, false, false, null, false, definition, null,
                null), e.type, e.qualifiedName()).readOnly(notInserted));
        if (ctx.orm().singleTableChecks()) {
            List<String> valuesList = e.concreteSubtree().stream().map(x -> literal(discriminatorValue(x), kind))
                    .collect(Collectors.toList());
            if (!valuesList.isEmpty()) {
                table.addCheck(new CheckConstraint(null, name + " in (" + String.join(",", valuesList) + ")"));
            }
        }
    }

    String discriminatorValue(EntityClass e) {
        return ctx.annotations().jpa(e.type, Jpa.DISCRIMINATOR_VALUE).map(v -> v.string("value")).orElse(e.name);
    }

    private static String literal(String value, String kind) {
        return "INTEGER".equals(kind) ? value : "'" + value.replace("'", "''") + "'";
    }

    /** 7.x: a single-table subclass's otherwise NOT NULL columns must be set on its rows. */
    private void subclassCheck(EntityClass e, TableDraft table, List<String[]> required) {
        if (required == null || required.isEmpty() || e.isAbstract()) {
            return;
        }
        String discriminator = discriminatorColumn(e.root());
        String kind = ctx.annotations().jpa(e.root().type, Jpa.DISCRIMINATOR_COLUMN)
                .map(c -> c.enumConstant("discriminatorType")).orElse("STRING");
        String conditions = required.stream().sorted(Comparator.comparing((String[] r) -> r[0]))
                .map(r -> r[1] + " is not null").collect(Collectors.joining(" and "));
        table.addCheck(new CheckConstraint(null, discriminator + " <> " + literal(discriminatorValue(e), kind)
                + " or (" + conditions + ")"));
    }

    /** The discriminator column, or the {@code @DiscriminatorFormula} text verbatim, as Hibernate 7 writes it in checks. */
    private String discriminatorColumn(EntityClass root) {
        Optional<AnnotationValues> formula = ctx.annotations().qualified(root.type, Jpa.DISCRIMINATOR_FORMULA);
        if (formula.isPresent()) {
            return formula.get().string("value");
        }
        String logical = ctx.annotations().jpa(root.type, Jpa.DISCRIMINATOR_COLUMN).map(c -> c.nonEmpty("name"))
                .orElse(null);
        return ctx.naming().physical(logical == null ? "DTYPE" : logical);
    }

    /**
     * The {@code @Table} unique constraints and indexes, bound once every entity and collection has
     * added its columns: they may name a column a subclass or another entity's collection maps.
     */
    void bindTableKeys(EntityClass e) {
        Optional<AnnotationValues> t = ctx.annotations().jpa(e.type, Jpa.TABLE);
        if (t.isEmpty() || !e.ownsTable()) {
            return;
        }
        TableDraft table = tables.table(e.tableName, e.schema);
        for (AnnotationValues uk : t.get().annotations("uniqueConstraints")) {
            uniqueConstraint(table, uk);
        }
        for (AnnotationValues index : t.get().annotations("indexes")) {
            index(table, index);
        }
    }

    private void tableAnnotations(EntityClass e, TableDraft table) {
        Optional<AnnotationValues> t = ctx.annotations().jpa(e.type, Jpa.TABLE);
        if (t.isPresent()) {
            if (t.get().hasMember("comment") && t.get().nonEmpty("comment") != null) {
                table.comment(t.get().nonEmpty("comment"));
            }
        }
        columns.checks(e.type, table);
        ctx.annotations().qualified(e.type, Jpa.COMMENT).ifPresent(c -> table.comment(c.string("value")));
    }

    private void uniqueConstraint(TableDraft table, AnnotationValues uk) {
        List<String> names = new ArrayList<>();
        for (String mappingName : uk.strings("columnNames")) {
            Optional<String> column = resolve(table, uk, "columnNames", "@UniqueConstraint(columnNames)", mappingName.trim());
            if (column.isEmpty()) {
                return;
            }
            names.add(column.get());
        }
        String name = uk.nonEmpty("name");
        if (name == null && names.size() == 1) {
            unique(table, names);
            return;
        }
        table.addUnique(new UniqueConstraint(name != null ? name : Identifiers.uniqueKeyName(table.name(), names), names));
    }

    private void index(TableDraft table, AnnotationValues index) {
        List<String> names = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (String part : index.string("columnList").split(",")) {
            String[] words = part.trim().split("\\s+");
            Optional<String> column = resolve(table, index, "columnList", "@Index(columnList)", words[0]);
            if (column.isEmpty()) {
                return;
            }
            plain.add(column.get());
            boolean desc = words.length > 1 && "desc".equalsIgnoreCase(words[1]);
            names.add(desc ? column.get() + " desc" : column.get());
        }
        String name = index.nonEmpty("name");
        table.addIndex(new Index(name != null ? name : Identifiers.indexName(table.name(), plain), names,
                index.bool("unique")));
    }

    /**
     * The table's column a constraint names: by its logical name, its physical name, or the name
     * after the physical naming strategy (all Hibernate does). Hibernate never checks the name, so
     * an unknown one only warns (its DDL would fail on the database) and the constraint is left out.
     */
    private Optional<String> resolve(TableDraft table, AnnotationValues annotation, String member, String what,
                                     String mappingName) {
        Optional<ColumnDraft> column = table.columnByMappingName(mappingName)
                .or(() -> table.column(ctx.naming().physical(mappingName)));
        if (column.isEmpty()) {
            ctx.diagnostics().report(Diagnostic.UNKNOWN_CONSTRAINT_COLUMN, annotation.annotated(), annotation, member,
                    what, mappingName, table.name(), ctx.naming().physical(mappingName),
                    table.columns().stream().map(ColumnDraft::name).collect(Collectors.joining(", ")));
        }
        return column.map(ColumnDraft::name);
    }
}
