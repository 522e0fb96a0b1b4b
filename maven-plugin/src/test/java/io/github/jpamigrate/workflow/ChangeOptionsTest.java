package io.github.jpamigrate.workflow;

import io.github.jpamigrate.core.dialect.Dialect;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The goal parameters as users type them. */
class ChangeOptionsTest {

    @Test
    void commaSeparatedRenamesAndAcknowledgementsAreSplit() {
        ChangeOptions options = ChangeOptions.parse("SQLite", List.of("user.username:login, customer:client"),
                List.of("customer.role='a,b'"), List.of("order.total,customer"));

        assertThat(options.dialect()).isEqualTo(Dialect.SQLITE);
        assertThat(options.renames()).containsExactly("user.username:login", "customer:client");
        assertThat(options.backfills()).containsExactly("customer.role='a,b'");
        assertThat(options.allowAll()).isFalse();
        assertThat(options.dropAcknowledged("ORDER.total")).isTrue();
        assertThat(options.dropAcknowledged("order.id")).isFalse();
        assertThat(options.parsedRenames().newTableName("customer")).contains("client");
    }

    @Test
    void allowDestructiveTakesTrueFalseOrAList() {
        assertThat(ChangeOptions.parse(null, null, null, List.of("true")).allowAll()).isTrue();
        ChangeOptions none = ChangeOptions.parse(null, null, null, List.of("false"));
        assertThat(none.allowAll()).isFalse();
        assertThat(none.allowedDestructive()).isEmpty();
        assertThat(ChangeOptions.parse(null, null, null, null).dialect()).isEqualTo(Dialect.SQLITE);
    }

    @Test
    void undoRenamesPointBack() {
        ChangeOptions options = ChangeOptions.parse("sqlite", List.of("user.username:login", "customer:client"), null, null);

        assertThat(options.invertedRenames().newTableName("client")).contains("customer");
        assertThat(options.invertedRenames().newColumnName("user", "user", "login")).contains("username");
    }

    @Test
    void mistakesNameTheParameterAndTheForm() {
        assertThatThrownBy(() -> ChangeOptions.parse("oracle", null, null, null))
                .isInstanceOf(WorkflowFailure.class).hasMessageContaining("jpamigrate.dialect: unknown dialect 'oracle'");
        assertThatThrownBy(() -> ChangeOptions.parse(null, List.of("user.username"), null, null))
                .isInstanceOf(WorkflowFailure.class).hasMessageContaining("table.column:newColumn");
        assertThatThrownBy(() -> ChangeOptions.parse(null, null, List.of("role=1"), null))
                .isInstanceOf(WorkflowFailure.class).hasMessageContaining("table.column=<sql literal>");
    }
}
