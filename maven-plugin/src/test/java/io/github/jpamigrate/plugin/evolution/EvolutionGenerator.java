package io.github.jpamigrate.plugin.evolution;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Generates one {@link Evolution} from a seed: a random old model, then one to four (now and then
 * up to eight) random edits drawn by weight from the table, column and constraint edits. In one
 * case out of four the old model is itself the result of such edits (a prelude migration), so the
 * database carries a history. The same seed always gives the same case, which is what makes a
 * failure replayable.
 */
final class EvolutionGenerator {

    private record Edit(String name, int weight, Predicate<EvolutionDraft> apply) {
    }

    private static final List<Edit> EDITS = List.of(
            new Edit("add table", 2, TableEdits::addTable),
            new Edit("drop table", 2, TableEdits::dropTable),
            new Edit("rename table", 3, TableEdits::renameTable),
            new Edit("add column", 5, TableEdits::addColumn),
            new Edit("drop column", 3, TableEdits::dropColumn),
            new Edit("rename column", 4, TableEdits::renameColumn),
            new Edit("rename column into a freed name", 2, TableEdits::renameColumnIntoFreedName),
            new Edit("rename table into a freed name", 2, TableEdits::renameTableIntoFreedName),
            new Edit("widen type", 3, ColumnEdits::widenType),
            new Edit("make nullable", 2, ColumnEdits::makeNullable),
            new Edit("make not null", 3, ColumnEdits::makeNotNull),
            new Edit("append enum constant", 2, ColumnEdits::appendEnumConstant),
            new Edit("narrow type", 2, ColumnEdits::narrowType),
            new Edit("remove enum constant", 1, ColumnEdits::removeEnumConstant),
            new Edit("add unique", 2, ConstraintEdits::addUnique),
            new Edit("drop unique", 2, ConstraintEdits::dropUnique),
            new Edit("add index", 2, ConstraintEdits::addIndex),
            new Edit("drop index", 1, ConstraintEdits::dropIndex),
            new Edit("add foreign key", 3, ConstraintEdits::addForeignKey),
            new Edit("drop foreign key", 2, ConstraintEdits::dropForeignKey),
            new Edit("change on delete", 2, ConstraintEdits::changeOnDelete),
            new Edit("add check", 2, ConstraintEdits::addCheck),
            new Edit("widen primary key", 2, ConstraintEdits::widenPrimaryKey),
            new Edit("narrow primary key", 2, ConstraintEdits::narrowPrimaryKey),
            new Edit("drop check", 2, ConstraintEdits::dropCheck),
            new Edit("add join table", 2, TableEdits::addJoinTable),
            new Edit("drop join table", 1, TableEdits::dropJoinTable),
            new Edit("add single-table subtype", 2, InheritanceEdits::addSubtype),
            new Edit("remove single-table subtype", 1, InheritanceEdits::removeSubtype));

    private static final int TOTAL_WEIGHT = EDITS.stream().mapToInt(Edit::weight).sum();

    private EvolutionGenerator() {
    }

    /**
     * @param random seeded with {@code seed}; the caller goes on using it for the rows
     */
    static Evolution generate(long seed, SplittableRandom random, EvolutionEngine engine) {
        DraftModel old = ModelGenerator.generate(random, engine);
        Evolution prelude = null;
        if (random.nextInt(4) == 0) {
            EvolutionDraft first = new EvolutionDraft(random, engine, old);
            prelude = edit(first, random).finish(seed, old.freeze(), null);
            old = first.model;
        }
        EvolutionDraft draft = new EvolutionDraft(random, engine, old);
        return edit(draft, random).finish(seed, old.freeze(), prelude);
    }

    private static EvolutionDraft edit(EvolutionDraft draft, SplittableRandom random) {
        int wanted = 1 + random.nextInt(random.nextInt(10) == 0 ? 8 : 4);
        int applied = 0;
        for (int attempt = 0; applied < wanted && attempt < 50; attempt++) {
            Edit edit = pick(random);
            if (edit.apply().test(draft)) {
                draft.edits.add(edit.name());
                applied++;
            }
        }
        return draft;
    }

    private static Edit pick(SplittableRandom random) {
        int n = random.nextInt(TOTAL_WEIGHT);
        for (Edit edit : EDITS) {
            n -= edit.weight();
            if (n < 0) {
                return edit;
            }
        }
        throw new IllegalStateException("weights do not add up");
    }
}
