package io.github.jpamigrate.plugin.lint;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.sql.SqlTypeText;
import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of the catalogue, on its own documented examples: the unsafe one fires, the safe one
 * does not. The examples run after a first migration that created the tables, so they are
 * "existing"; the entities map {@code orders} and {@code customer} (not {@code legacy_import},
 * not {@code orders.scratch}).
 */
class LintRuleTest {

    static final String SETUP = """
            CREATE TABLE customer (id bigint PRIMARY KEY, name varchar(100));
            CREATE TABLE orders (id bigint, customer_id bigint, total numeric(10,2), status varchar(20),
                number varchar(30), note varchar(100), scratch varchar(10), created timestamp);
            CREATE TABLE legacy_import (id bigint PRIMARY KEY);
            """;

    static SchemaModel model() {
        return ModelBuilder.of(
                TableBuilder.table("customer").columns(columns("id", "name")).primaryKey("id").build(),
                TableBuilder.table("orders").columns(columns("id", "customer_id", "total", "status", "number", "note",
                        "created", "region", "token", "seq")).primaryKey("id").build());
    }

    static List<Column> columns(String... names) {
        return Stream.of(names).map(n -> Column.of(n, SqlTypeText.parse("bigint"), true)).toList();
    }

    /** The dialect a rule's examples are written for. */
    static Dialect dialect(LintRule rule) {
        return rule.appliesTo(Dialect.POSTGRESQL) ? Dialect.POSTGRESQL : Dialect.MARIADB;
    }

    static List<String> codes(LintRule rule, String sql) {
        SchemaModel model = model();
        MigrationLint lint = new MigrationLint(new MigrationLint.Context(dialect(rule), model, model, null));
        LintState state = new LintState();
        assertThat(lint.lint("V1__setup.sql", SETUP, false, state).findings()).isEmpty();
        return lint.lint("V2__change.sql", sql, false, state).findings().stream().map(f -> f.rule().code()).toList();
    }

    @ParameterizedTest
    @EnumSource(LintRule.class)
    void firesOnItsUnsafeExample(LintRule rule) {
        assertThat(codes(rule, rule.fires())).contains(rule.code());
    }

    @ParameterizedTest
    @EnumSource(LintRule.class)
    void quietOnItsSafeExample(LintRule rule) {
        assertThat(codes(rule, rule.passes())).doesNotContain(rule.code());
    }
}
