package io.github.jpamigrate.benchmark;

import io.github.jpamigrate.benchmark.SyntheticSchema.Born;
import io.github.jpamigrate.benchmark.SyntheticSchema.TablePlan;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.EnumRef;
import io.github.jpamigrate.core.model.EnumStorage;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Identifiers;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.core.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded synthetic schemas shaped like an entity model: 5 to 15 columns per table of the types
 * entities map most often, enums by name and by ordinal, foreign keys to earlier tables, unique
 * constraints and indexes. The first migration creates 30% of the tables; the others each add a
 * few tables, and now and then a column or an index to an older table; every 25th migration also
 * widens a column of two older tables, which SQLite can only do by rebuilding them.
 */
final class SchemaGenerator {

    private static final List<String> WORDS = List.of("name", "email", "status", "amount", "quantity", "note",
            "created", "code", "title", "price", "active", "label", "rank", "weight", "city", "country");
    private static final int REBUILD_EVERY = 25;

    private final SplittableRandom random;
    private final int migrations;

    private SchemaGenerator(long seed, int migrations) {
        this.random = new SplittableRandom(seed);
        this.migrations = migrations;
    }

    static SyntheticSchema generate(long seed, int entities, int migrations) {
        return new SchemaGenerator(seed, migrations).generate(entities);
    }

    private SyntheticSchema generate(int entities) {
        int initial = Math.max(1, entities * 3 / 10);
        List<TablePlan> tables = new ArrayList<>();
        for (int i = 0; i < entities; i++) {
            int birth = i < initial || migrations == 1 ? 1
                    : 2 + (int) ((long) (i - initial) * (migrations - 1) / (entities - initial));
            tables.add(table(i, birth, tables));
        }
        for (int at = REBUILD_EVERY; at <= migrations; at += REBUILD_EVERY) {
            widenTwo(tables, at);
        }
        return new SyntheticSchema(tables, migrations);
    }

    private TablePlan table(int number, int birth, List<TablePlan> earlier) {
        String name = String.format("t%04d_%s", number, WORDS.get(number % WORDS.size()));
        List<Born<Column>> columns = new ArrayList<>();
        columns.add(new Born<>(Column.of("id", ColumnType.of(TypeKind.BIGINT), false), birth));
        List<Born<ForeignKey>> keys = new ArrayList<>();
        int total = 5 + random.nextInt(11);
        int references = earlier.isEmpty() ? 0 : random.nextInt(3);
        for (int i = 0; i < references; i++) {
            TablePlan parent = earlier.get(earlier.size() - 1 - random.nextInt(Math.min(50, earlier.size())));
            String column = "ref" + i + "_" + parent.name().substring(0, 5) + "_id";
            boolean nullable = random.nextBoolean();
            columns.add(new Born<>(Column.of(column, ColumnType.of(TypeKind.BIGINT), nullable), birth));
            ReferentialAction action = nullable && random.nextInt(3) == 0 ? ReferentialAction.SET_NULL
                    : random.nextBoolean() ? ReferentialAction.CASCADE : ReferentialAction.NO_ACTION;
            keys.add(new Born<>(new ForeignKey(Identifiers.foreignKeyName(name, List.of(column)), List.of(column),
                    parent.name(), List.of("id"), action), birth));
        }
        for (int i = columns.size(); i < total; i++) {
            columns.add(new Born<>(column("c" + i + "_" + WORDS.get(random.nextInt(WORDS.size()))), birth));
        }
        lateColumns(columns, birth);
        return new TablePlan(name, birth, columns, keys, uniques(name, columns, birth), indexes(name, columns, birth),
                null, 0);
    }

    /** Now and then a nullable column that a later migration adds (SQLite: {@code alter table add column}). */
    private void lateColumns(List<Born<Column>> columns, int birth) {
        if (birth < migrations && random.nextInt(5) == 0) {
            int at = birth + 1 + random.nextInt(migrations - birth);
            columns.add(new Born<>(Column.of("late_" + columns.size(), ColumnKind.type(random), true), at));
        }
    }

    private Column column(String name) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            List<String> types = new ArrayList<>(SyntheticSchema.ENUMS.keySet());
            String type = types.get(random.nextInt(types.size()));
            boolean ordinal = random.nextBoolean();
            return Column.of(name, ordinal ? ColumnType.of(TypeKind.TINYINT) : ColumnType.withLength(TypeKind.VARCHAR, 255),
                    random.nextBoolean()).withEnumRef(new EnumRef(type, ordinal ? EnumStorage.ORDINAL : EnumStorage.STRING));
        }
        Column column = Column.of(name, ColumnKind.type(random), random.nextInt(3) > 0);
        if (!column.nullable() && random.nextBoolean()) {
            column = column.withDefaultValue(ColumnKind.literal(column.type()));
        }
        if (kind == 1 && column.type().kind() == TypeKind.VARCHAR) {
            column = column.withUnique(true);
        }
        return column;
    }

    private List<Born<UniqueConstraint>> uniques(String table, List<Born<Column>> columns, int birth) {
        if (random.nextInt(4) > 0 || columns.size() < 4) {
            return List.of();
        }
        List<String> key = List.of(columns.get(1).item().name(), columns.get(2).item().name());
        return List.of(new Born<>(new UniqueConstraint(Identifiers.uniqueKeyName(table, key), key), birth));
    }

    /** One index on half of the tables; a third of them added by a later migration. */
    private List<Born<Index>> indexes(String table, List<Born<Column>> columns, int birth) {
        if (random.nextBoolean()) {
            return List.of();
        }
        Born<Column> column = columns.get(1 + random.nextInt(columns.size() - 1));
        int at = column.birth();
        if (at < migrations && random.nextInt(3) == 0) {
            at += 1 + random.nextInt(migrations - at);
        }
        List<String> key = List.of(column.item().name());
        return List.of(new Born<>(new Index(Identifiers.indexName(table, key), key, false), Math.max(at, birth)));
    }

    /** Two older tables get a {@code varchar(255)} column that is {@code varchar(100)} until {@code at}. */
    private void widenTwo(List<TablePlan> tables, int at) {
        int done = 0;
        for (int attempt = 0; attempt < 200 && done < 2; attempt++) {
            int i = random.nextInt(tables.size());
            TablePlan plan = tables.get(i);
            if (plan.birth() >= at || plan.widened() != null) {
                continue;
            }
            var candidate = plan.columns().stream().filter(c -> c.birth() == plan.birth())
                    .map(Born::item).filter(c -> c.enumRef() == null && !c.unique()
                            && c.type().equals(ColumnType.withLength(TypeKind.VARCHAR, 255)) && c.defaultValue() == null)
                    .findFirst();
            if (candidate.isPresent()) {
                tables.set(i, plan.withWidening(candidate.get().name(), at));
                done++;
            }
        }
    }
}
