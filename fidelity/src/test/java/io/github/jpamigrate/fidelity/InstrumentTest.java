package io.github.jpamigrate.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The instrument itself, on a hand-made project of ours and on hand-written schemas: it must
 * report agreement where there is agreement, and every kind of difference where there is one.
 */
class InstrumentTest {

    @TempDir
    Path work;

    @Test
    void aModelBothSidesAgreeOnIsValidWithNoDifference() throws Exception {
        ExtractedProject project = ExtractedProject.read(Path.of("src/test/resources/projects/agreeing"));
        Measurement m = new ProjectMeasure(FidelityRunTest.SERVER).measure(project, work);

        assertThat(m.stoppedAt()).isNull();
        assertThat(m.javacErrors()).isEmpty();
        assertThat(m.processor()).isEmpty();
        assertThat(m.entities()).isEqualTo(2);
        assertThat(m.ourTables()).isEqualTo(2);
        assertThat(m.hibernateTables()).isEqualTo(2);
        assertThat(m.applyFailures()).isEmpty();
        assertThat(m.exportFailures()).isEmpty();
        assertThat(m.valid()).as(m.validation()).isTrue();
        assertThat(m.differences()).isEmpty();
        assertThat(m.rendered()).containsKeys("postgresql", "h2", "mariadb", "sqlite");
        assertThat(FidelityReport.row(m)).contains("| VALID | 0 |");
    }

    @Test
    void everyKindOfDifferenceIsListed() throws Exception {
        try (PostgresScratch ours = PostgresScratch.create(FidelityRunTest.SERVER, "test_ours");
             PostgresScratch theirs = PostgresScratch.create(FidelityRunTest.SERVER, "test_theirs")) {
            FirstMigration.run(List.of("create table parent (id bigint primary key)",
                    "create table child (id bigint primary key, parent_id bigint, note varchar(20), code int, extra int)",
                    "create sequence child_seq start 1 increment 50"), ours);
            FirstMigration.run(List.of("create table parent (id bigint primary key)",
                    "create table child (id bigint primary key, parent_id bigint not null references parent,"
                            + " note varchar(40), code int unique)",
                    "create index child_note on child (note)", "alter table child add constraint code_positive check (code > 0)",
                    "create sequence child_SEQ start 1 increment 50", "create sequence parent_seq start 1 increment 50"), theirs);

            List<String> differences = DatabaseSchema.read(ours).differencesTo(DatabaseSchema.read(theirs));

            String all = String.join("\n", differences);
            assertThat(all).contains("child.parent_id", "child.note", "drop column child.extra",
                    "foreign key child(parent_id) -> parent", "add sequence parent_seq", "add check on child: CHECK ((code > 0))");
            assertThat(differences).anyMatch(d -> d.contains("unique") && d.contains("code"))
                    .anyMatch(d -> d.contains("index") && d.contains("note"));
            assertThat(differences).noneMatch(d -> d.contains("child_seq"));
        }
    }

    @Test
    void aFolderThatIsNoExtractedProjectIsRefusedByName() {
        Path empty = work.resolve("not-a-project");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExtractedProject.read(empty))
                .hasMessageContaining(empty.toString()).hasMessageContaining("extract.sh");
    }
}
