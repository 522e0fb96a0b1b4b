package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/** A data migration in Java: Flyway finds it in the package of its location, classpath:db/migration. */
public class V2__Seed_notes extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("insert into Note (text, owner) values ('Welcome', 'setup')");
        }
    }
}
