package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.diff.Renames;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.core.sql.RendererScenarios.Scenario;
import io.github.jpamigrate.core.testing.ModelBuilder;
import io.github.jpamigrate.core.testing.TableBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The scenarios first written for SQLite's in-place changes and rebuilds (a {@code user} table with
 * an identity key, a unique login and an optional email); the golden test renders them for every
 * dialect too.
 */
final class SqliteScenarios {

    private static final ColumnType BIGINT = ColumnType.of(TypeKind.BIGINT);
    private static final ColumnType NAME = ColumnType.withLength(TypeKind.VARCHAR, 255);
    private static final Index EMAIL_INDEX = new Index("idx_user_email", List.of("email"), false);

    private SqliteScenarios() {
    }

    static Map<String, Supplier<Scenario>> all() {
        Map<String, Supplier<Scenario>> out = new LinkedHashMap<>();
        out.put("reserved-name-table", () -> scenario(model(), model(user(c -> c, List.of(EMAIL_INDEX)))));
        out.put("add-not-null-with-default", () -> scenario(model(user(c -> c, List.of())), model(user(c -> {
            c.add(Column.of("role", ColumnType.withLength(TypeKind.VARCHAR, 20), false).withDefaultValue("'user'"));
            return c;
        }, List.of()))));
        out.put("rename-column-drop-index", () -> scenario(model(user(c -> c, List.of(EMAIL_INDEX))), mailUser(),
                "user.email:mail"));
        out.put("drop-renamed-column", () -> scenario(mailUser(), model(user(c -> c.subList(0, 2), List.of()))));
        out.put("narrow-indexed-column", () -> scenario(model(user(c -> c, List.of(EMAIL_INDEX))), model(user(c -> {
            c.set(2, c.get(2).withType(ColumnType.withLength(TypeKind.VARCHAR, 100)));
            return c;
        }, List.of(EMAIL_INDEX)))));
        out.put("rename-with-derived-index-names", SqliteScenarios::renameWithDerivedIndexNames);
        out.put("rename-into-dropped-column", () -> scenario(model(user(c -> {
            c.add(Column.of("contact", NAME, true));
            return c;
        }, List.of())), model(user(c -> c, List.of())), "user.contact:email"));
        return out;
    }

    /** {@code user} becomes {@code member} and {@code email} becomes {@code mail}; both indexes are named after them. */
    private static Scenario renameWithDerivedIndexNames() {
        SchemaModel from = model(user(c -> c, List.of(EMAIL_INDEX,
                new Index("idx_user_login_email", List.of("login", "email desc"), true))));
        Table renamed = user(c -> {
            c.set(2, c.get(2).withName("mail"));
            return c;
        }, List.of(new Index("idx_member_mail", List.of("mail"), false),
                new Index("idx_member_login_mail", List.of("login", "mail desc"), true)));
        SchemaModel to = model(TableBuilder.from(renamed).name("member").build());
        return scenario(from, to, "user:member", "user.email:mail");
    }

    /** SQLite's test model of {@code user} with its {@code email} column renamed to {@code mail}. */
    static SchemaModel mailUser() {
        return model(user(c -> {
            c.set(2, c.get(2).withName("mail"));
            return c;
        }, List.of()));
    }

    static Table user(UnaryOperator<List<Column>> columns, List<Index> indexes) {
        List<Column> base = new ArrayList<>(List.of(Column.of("id", BIGINT, false).withIdentity(true),
                Column.of("login", NAME, false).withUnique(true), Column.of("email", NAME, true)));
        return TableBuilder.table("user").columns(columns.apply(base)).primaryKey("id").indexes(indexes)
                .entity("com.acme.User").build();
    }

    static SchemaModel model(Table... tables) {
        return ModelBuilder.of(tables);
    }

    private static Scenario scenario(SchemaModel from, SchemaModel to, String... renames) {
        return new Scenario(from, to, Renames.parse(List.of(renames)), RenderOptions.DEFAULTS);
    }
}
