package io.github.jpamigrate.core.diff;

import io.github.jpamigrate.core.diff.SchemaChange.ColumnRenamed;
import io.github.jpamigrate.core.diff.SchemaChange.EnumChanged;
import io.github.jpamigrate.core.sql.RendererScenarios;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The renames a migration declares, resolved once for every renderer. */
class ChangeSetTest {

    @Test
    void resolvesTableAndColumnRenamesBothWays() {
        ChangeSet changes = ChangeSet.of(RendererScenarios.renameTableAndColumns().changes());
        assertThat(changes.oldTableName("MEMBER")).isEqualTo("user");
        assertThat(changes.newTableName("user")).isEqualTo("member");
        assertThat(changes.oldTableName("order")).isEqualTo("order");
        assertThat(changes.tableRename("member")).get().extracting(r -> r.oldTable().name()).isEqualTo("user");
        assertThat(changes.newColumnName("member", "login")).isEqualTo("handle");
        assertThat(changes.oldColumnName("member", "state")).isEqualTo("status");
        assertThat(changes.newColumnName("member", "email")).isEqualTo("email");
        assertThat(changes.columnRenames("member")).extracting(ColumnRenamed::newColumn)
                .extracting(c -> c.name()).containsExactly("handle", "state");
        assertThat(changes.firstRename("member")).get().isInstanceOf(SchemaChange.TableRenamed.class);
        assertThat(changes.firstRename("order")).isEmpty();
    }

    @Test
    void groupsTableChangesByTableAndSendsAnEnumChangeToTheTablesThatStoreIt() {
        ChangeSet changes = ChangeSet.of(RendererScenarios.enumGrows().changes());
        assertThat(changes.all()).singleElement().isInstanceOf(EnumChanged.class);
        assertThat(changes.byTable(e -> List.of("user")))
                .containsOnlyKeys("user")
                .extractingByKey("user").asList().containsExactlyElementsOf(changes.all());

        ChangeSet created = ChangeSet.of(RendererScenarios.createAll().changes());
        assertThat(created.isAdded("USER")).isTrue();
        assertThat(created.byTable(e -> List.of())).isEmpty();
    }

    @Test
    void knowsWhichColumnsAndKeysChange() {
        ChangeSet changes = ChangeSet.of(RendererScenarios.changeColumns().changes());
        assertThat(changes.columnChanges("user", "EMAIL")).isTrue();
        assertThat(changes.columnChanges("user", "login")).isFalse();
        assertThat(changes.primaryKeyChanges("user")).isFalse();
    }
}
