package io.github.jpamigrate.plugin.live;

import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.plugin.introspect.SchemaDrift;
import io.github.jpamigrate.plugin.introspect.SchemaReader;
import io.github.jpamigrate.plugin.replay.FlywaySettings;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.VersionSteps;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Which migration's schema a database without Flyway history holds: the migration folder is
 * replayed on a scratch database one version at a time ({@link VersionSteps}), the schema read
 * after each version, and compared with the live one the way {@code check-db} compares the live
 * schema with the model (JDBC metadata, the dialect's normal form, structurally). The version to
 * baseline at is the newest whose schema equals the database's.
 *
 * @param steps every version replayed, in Flyway's order, with the differences of its schema from the database's
 */
record SchemaVersionMatch(List<Step> steps) {

    /**
     * One version and how the database differs from the schema the migrations build up to it.
     *
     * @param version     the version ({@code 11})
     * @param script      its script ({@code V11__add_phone.sql})
     * @param differences the changes from the schema after this version to the database's; empty when equal
     */
    record Step(String version, String script, List<SchemaChange> differences) {
        Step {
            differences = List.copyOf(differences);
        }
    }

    SchemaVersionMatch {
        steps = List.copyOf(steps);
    }

    /**
     * Replays the migrations of {@code settings} on {@code scratch} and compares the schema after each
     * version with {@code live}.
     *
     * @param live    the live database's schema, read with the same {@code ignored} tables and {@code mapped} names
     * @param views   the live database's views
     * @throws io.github.jpamigrate.plugin.replay.ReplayException when a migration fails on the scratch database
     */
    static SchemaVersionMatch find(ScratchDatabase scratch, FlywaySettings settings, SchemaModel live, Set<String> views,
                                   Set<String> ignored, Collection<String> mapped) throws SQLException {
        List<Step> steps = new ArrayList<>();
        SchemaReader reader = new SchemaReader(scratch.dialect(), ignored);
        VersionSteps.replay(scratch, settings, (version, script) -> {
            try (Connection connection = scratch.connect()) {
                SchemaModel built = reader.read(connection, null, mapped);
                steps.add(new Step(version, script, SchemaDrift.between(built, live, scratch.dialect(), views)));
            }
        });
        return new SchemaVersionMatch(steps);
    }

    /** The newest version whose schema equals the database's. */
    Optional<Step> match() {
        return IntStream.iterate(steps.size() - 1, i -> i >= 0, i -> i - 1).mapToObj(steps::get)
                .filter(s -> s.differences().isEmpty()).findFirst();
    }

    /** The versions before {@link #match()} that build the same schema too (a data-only migration in between). */
    List<Step> alsoMatching() {
        Optional<Step> match = match();
        return match.isEmpty() ? List.of() : steps.stream()
                .filter(s -> s != match.get() && s.differences().isEmpty()).toList();
    }

    /** The version with the fewest differences (the newest among equals); empty when nothing was replayed. */
    Optional<Step> closest() {
        return steps.stream().min(Comparator.<Step>comparingInt(s -> s.differences().size())
                .thenComparing(s -> -steps.indexOf(s)));
    }

    /** The scripts the baseline at {@code step} stands for: that version's and every one before it. */
    Set<String> coveredBy(Step step) {
        return Set.copyOf(steps.subList(0, steps.indexOf(step) + 1).stream().map(Step::script).toList());
    }

    /** The versions after {@code step}: what the deploy applies once the database is baselined there. */
    List<Step> after(Step step) {
        return steps.subList(steps.indexOf(step) + 1, steps.size());
    }
}
