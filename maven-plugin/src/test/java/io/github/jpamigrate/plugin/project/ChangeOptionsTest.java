package io.github.jpamigrate.plugin.project;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The goal parameters as users type them. */
class ChangeOptionsTest {

    @Test
    void commaSeparatedRenamesAndAcknowledgementsAreSplit() {
        ChangeOptions options = ChangeOptions.parse(List.of("user.username:login, customer:client"),
                List.of("customer.role='a,b'"), List.of("order.total,customer"));

        assertThat(options.renames().newColumnName("user", "user", "username")).contains("login");
        assertThat(options.render().backfill("customer", "role")).contains("'a,b'");
        assertThat(options.allowAll()).isFalse();
        assertThat(options.dropAcknowledged("ORDER.total")).isTrue();
        assertThat(options.dropAcknowledged("order.id")).isFalse();
        assertThat(options.renames().newTableName("customer")).contains("client");
    }

    @Test
    void allowDestructiveTakesTrueFalseOrAList() {
        assertThat(ChangeOptions.parse(null, null, List.of("true")).allowAll()).isTrue();
        ChangeOptions none = ChangeOptions.parse(null, null, List.of("false"));
        assertThat(none.allowAll()).isFalse();
        assertThat(none.allowedDestructive()).isEmpty();
    }

    @Test
    void undoRenamesPointBack() {
        ChangeOptions options = ChangeOptions.parse(List.of("user.username:login", "customer:client"), null, null);

        assertThat(options.renames().inverse().newTableName("client")).contains("customer");
        assertThat(options.renames().inverse().newColumnName("user", "user", "login")).contains("username");
    }

    @Test
    void mistakesNameTheParameterAndTheForm() {
        assertThatThrownBy(() -> ChangeOptions.parse(List.of("user.username"), null, null))
                .isInstanceOf(WorkflowFailure.class).hasMessageContaining("table.column:newColumn");
        assertThatThrownBy(() -> ChangeOptions.parse(null, List.of("role=1"), null))
                .isInstanceOf(WorkflowFailure.class).hasMessageContaining("table.column=<sql literal>");
    }
}
