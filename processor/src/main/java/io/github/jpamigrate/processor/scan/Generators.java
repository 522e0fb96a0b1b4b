package io.github.jpamigrate.processor.scan;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.Sequence;
import io.github.jpamigrate.core.model.TableGenerator;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.processor.jpa.AnnotationValues;
import io.github.jpamigrate.processor.jpa.Jpa;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The database objects id generators need: a sequence for AUTO and SEQUENCE ({@code <root table>_SEQ},
 * start 1, increment 50 unless a {@code @SequenceGenerator} says otherwise), a generator table for
 * TABLE, nothing for IDENTITY (a column property) and UUID.
 */
final class Generators {

    private final ScanContext ctx;
    private final Tables tables;
    private final Map<String, Sequence> sequences = new TreeMap<>();
    private final Map<String, TableGenerator> tableGenerators = new TreeMap<>();

    Generators(ScanContext ctx, Tables tables) {
        this.ctx = ctx;
        this.tables = tables;
    }

    static boolean isIdentity(ScanContext ctx, List<Attribute> ids) {
        return ids.size() == 1 && ctx.annotations().jpa(ids.get(0).element(), Jpa.GENERATED_VALUE)
                .map(g -> "IDENTITY".equals(g.enumConstant("strategy"))).orElse(false);
    }

    List<Sequence> sequences() {
        return new ArrayList<>(sequences.values());
    }

    List<TableGenerator> tableGenerators() {
        return new ArrayList<>(tableGenerators.values());
    }

    /**
     * Registers what the root entity's {@code @GeneratedValue}s need: that of its id, or those of the
     * {@code @Id} attributes of an {@code @IdClass} key (Hibernate creates each one's generator too).
     */
    void bind(EntityClass root, List<Attribute> ids) {
        for (Attribute id : ids) {
            bind(root, id);
        }
    }

    private void bind(EntityClass root, Attribute id) {
        Optional<AnnotationValues> generated = ctx.annotations().jpa(id.element(), Jpa.GENERATED_VALUE);
        if (generated.isEmpty()) {
            return;
        }
        String strategy = generated.get().enumConstant("strategy");
        String generator = generated.get().string("generator");
        Optional<AnnotationValues> generic = generator.isEmpty() ? Optional.empty()
                : find(root, id, Jpa.GENERIC_GENERATOR, Jpa.GENERIC_GENERATORS, generator, true);
        boolean strategyWins = !"AUTO".equals(strategy) && !ctx.orm().genericGeneratorOverridesStrategy();
        if (generic.isPresent() && !strategyWins) {
            // a Hibernate @GenericGenerator of that name wins over the strategy
            generic(generic.get());
            return;
        }
        Optional<AnnotationValues> tableGen = find(root, id, Jpa.TABLE_GENERATOR, Jpa.TABLE_GENERATORS, generator);
        Optional<AnnotationValues> sequenceGen = find(root, id, Jpa.SEQUENCE_GENERATOR, Jpa.SEQUENCE_GENERATORS, generator);
        switch (strategy) {
            case "IDENTITY", "UUID" -> {
            }
            case "TABLE" -> table(root, tableGen.orElse(null));
            case "SEQUENCE" -> sequence(root, generator, sequenceGen.orElse(null));
            default -> auto(root, id, generator, tableGen, sequenceGen);
        }
    }

    private void auto(EntityClass root, Attribute id, String generator, Optional<AnnotationValues> tableGen,
                      Optional<AnnotationValues> sequenceGen) {
        if (tableGen.isPresent()) {
            table(root, tableGen.get());
            return;
        }
        String type = ctx.rawName(id.type());
        if (sequenceGen.isEmpty() && ("java.util.UUID".equals(type) || "java.lang.String".equals(type))) {
            return;
        }
        sequence(root, generator, sequenceGen.orElse(null));
    }

    private void sequence(EntityClass root, String generator, AnnotationValues gen) {
        String name;
        String schema = null;
        long initial = 1;
        int increment = 50;
        if (gen != null) {
            String logical = gen.nonEmpty("sequenceName") != null ? gen.nonEmpty("sequenceName") : gen.string("name");
            name = logical.isEmpty() ? ctx.naming().tableSequence(root.tableName) : ctx.naming().physical(logical);
            schema = gen.nonEmpty("schema") == null ? null : ctx.naming().physical(gen.nonEmpty("schema"));
            initial = gen.integer("initialValue");
            increment = gen.integer("allocationSize");
        } else {
            name = generator.isEmpty() ? ctx.naming().tableSequence(root.tableName) : ctx.naming().physical(generator);
        }
        sequences.putIfAbsent(name, new Sequence(name, schema, initial, increment));
    }

    private void table(EntityClass root, AnnotationValues gen) {
        String name = gen == null ? "default" : gen.string("name");
        String logicalTable = gen == null ? "hibernate_sequences"
                : gen.nonEmpty("table") != null ? gen.nonEmpty("table") : name;
        String table = ctx.naming().physical(logicalTable);
        String schema = gen == null || gen.nonEmpty("schema") == null ? null : ctx.naming().physical(gen.nonEmpty("schema"));
        String segmentColumn = ctx.naming().physical(gen == null || gen.nonEmpty("pkColumnName") == null
                ? "sequence_name" : gen.nonEmpty("pkColumnName"));
        String valueColumn = ctx.naming().physical(gen == null || gen.nonEmpty("valueColumnName") == null
                ? "next_val" : gen.nonEmpty("valueColumnName"));
        String segment = gen == null ? "default"
                : gen.nonEmpty("pkColumnValue") != null ? gen.nonEmpty("pkColumnValue") : root.tableName;
        long initial = gen == null ? 0 : gen.integer("initialValue");
        int allocation = gen == null ? 50 : gen.integer("allocationSize");
        TableDraft draft = tables.table(table, schema);
        draft.add(new ColumnDraft(segmentColumn, Column.of(segmentColumn, ColumnType.withLength(TypeKind.VARCHAR, 255),
                false), root.type, root.qualifiedName()));
        draft.add(new ColumnDraft(valueColumn, Column.of(valueColumn, ColumnType.of(TypeKind.BIGINT), true), root.type,
                root.qualifiedName()));
        draft.primaryKey(List.of(segmentColumn));
        tableGenerators.putIfAbsent(name + "/" + segment,
                new TableGenerator(name, table, segmentColumn, valueColumn, segment, initial, allocation));
    }

    /**
     * A generator by name, on the id attribute or the classes of the entity's hierarchy. Hibernate (6.6 and
     * 7.x alike) does not see a class-level generator of another entity: an unknown name becomes the name of
     * a sequence with the default increment. An unnamed generator applies when {@code @GeneratedValue} names
     * none (JPA 3.2).
     */
    private Optional<AnnotationValues> find(EntityClass root, Attribute id, String single, String container, String name) {
        return find(root, id, single, container, name, false);
    }

    /**
     * What a Hibernate {@code @GenericGenerator} needs, by its {@code strategy} (or {@code type}): Hibernate's
     * {@code SequenceStyleGenerator} a sequence ({@code sequence_name}, else the generator's name; start
     * {@code initial_value}; increment {@code increment_size}, 1 with a {@code hilo} or no optimizer, as only
     * pooled optimizers step the sequence itself), its {@code TableGenerator} a generator table; the others
     * ({@code increment}, {@code uuid2}, {@code assigned}, {@code foreign}, a class of the project's own)
     * no database object.
     */
    private void generic(AnnotationValues gen) {
        String strategy = gen.hasMember("strategy") ? gen.string("strategy") : "";
        if (gen.hasMember("type") && gen.isSet("type")) {
            TypeElement type = gen.typeElement("type");
            strategy = type == null ? "" : type.getQualifiedName().toString();
        }
        Map<String, String> params = new TreeMap<>();
        for (AnnotationValues p : gen.annotations("parameters")) {
            params.put(p.string("name"), p.string("value"));
        }
        switch (strategy) {
            case "sequence", "enhanced-sequence", "org.hibernate.id.enhanced.SequenceStyleGenerator" -> {
                String logical = params.getOrDefault("sequence_name", params.getOrDefault("sequence", gen.string("name")));
                long initial = parseInt(params.get("initial_value"), 1);
                int increment = parseInt(params.get("increment_size"), 1);
                String optimizer = params.getOrDefault("optimizer", increment <= 1 ? "none" : "pooled");
                int step = List.of("none", "hilo", "legacy-hilo").contains(optimizer) ? 1 : increment;
                String name = ctx.naming().physical(logical);
                String schema = params.get("schema") == null ? null : ctx.naming().physical(params.get("schema"));
                sequences.putIfAbsent(name, new Sequence(name, schema, initial, step));
            }
            case "table", "enhanced-table", "org.hibernate.id.enhanced.TableGenerator" -> {
                String table = ctx.naming().physical(params.getOrDefault("table_name", "hibernate_sequences"));
                String segmentColumn = ctx.naming().physical(params.getOrDefault("segment_column_name", "sequence_name"));
                String valueColumn = ctx.naming().physical(params.getOrDefault("value_column_name", "next_val"));
                String segment = params.getOrDefault("segment_value", "default");
                int length = parseInt(params.get("segment_value_length"), 255);
                TableDraft draft = tables.table(table, null);
                draft.add(new ColumnDraft(segmentColumn, Column.of(segmentColumn,
                        ColumnType.withLength(TypeKind.VARCHAR, length), false), gen.annotated(), gen.string("name")));
                draft.add(new ColumnDraft(valueColumn, Column.of(valueColumn, ColumnType.of(TypeKind.BIGINT), true),
                        gen.annotated(), gen.string("name")));
                draft.primaryKey(List.of(segmentColumn));
                tableGenerators.putIfAbsent(gen.string("name") + "/" + segment, new TableGenerator(gen.string("name"),
                        table, segmentColumn, valueColumn, segment, parseInt(params.get("initial_value"), 1) - 1,
                        parseInt(params.get("increment_size"), 1)));
            }
            default -> {
            }
        }
    }

    private static int parseInt(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private Optional<AnnotationValues> find(EntityClass root, Attribute id, String single, String container, String name,
                                            boolean hibernate) {
        List<Element> near = new ArrayList<>();
        near.add(id.element());
        for (TypeElement t = root.type; t != null; t = superOf(t)) {
            near.add(t);
        }
        for (Element element : near) {
            for (AnnotationValues g : hibernate ? ctx.annotations().qualifiedAll(element, single, container)
                    : ctx.annotations().jpaAll(element, single, container)) {
                if (g.string("name").equals(name)) {
                    return Optional.of(g);
                }
            }
        }
        return Optional.empty();
    }

    private static TypeElement superOf(TypeElement t) {
        return t.getSuperclass() instanceof javax.lang.model.type.DeclaredType d && d.asElement() instanceof TypeElement s
                && !"java.lang.Object".contentEquals(s.getQualifiedName()) ? s : null;
    }
}
