package io.github.jpamigrate.core.diff;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Declared renames read both ways: forward for the migration, {@link Renames#inverse()} for its undo script. */
class RenamesTest {

    @Test
    void theInversePointsEachNewNameBackToTheOldOne() {
        Renames renames = Renames.parse(List.of("customer:client", "user.username:login"));

        Renames back = renames.inverse();

        assertThat(back.newTableName("CLIENT")).contains("customer");
        assertThat(back.newTableName("customer")).isEmpty();
        assertThat(back.newColumnName("user", "user", "login")).contains("username");
        assertThat(back.newColumnName("user", "user", "username")).isEmpty();
        assertThat(back.inverse().newTableName("customer")).contains("client");
        assertThat(Renames.NONE.inverse().isEmpty()).isTrue();
    }

    @Test
    void andAddsDeclarationsTheLaterWinningForTheSameName() {
        Renames first = Renames.parse(List.of("customer:client", "user.username:login"));

        Renames both = first.and(Renames.parse(List.of("customer:buyer", "user.email:mail")));

        assertThat(both.newTableName("customer")).contains("buyer");
        assertThat(both.newColumnName("user", "user", "username")).contains("login");
        assertThat(both.newColumnName("user", "user", "email")).contains("mail");
        assertThat(first.newTableName("customer")).as("unchanged").contains("client");
    }

    @Test
    void withoutColumnLeavesTheOtherDeclarations() {
        Renames renames = Renames.parse(List.of("customer:client", "user.username:login", "user.email:mail"));

        Renames rest = renames.withoutColumn("user", "user", "USERNAME");

        assertThat(rest.newColumnName("user", "user", "username")).isEmpty();
        assertThat(rest.newColumnName("user", "user", "email")).contains("mail");
        assertThat(rest.newTableName("customer")).contains("client");
        assertThat(rest.withoutColumn("user", "user", "email").columns()).isEmpty();
    }
}
