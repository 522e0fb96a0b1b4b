package io.github.jpamigrate.plugin.introspect;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.core.diff.SchemaChange;
import io.github.jpamigrate.core.diff.SchemaDiff;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.sql.SchemaNormalForm;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Drift is just a diff: the changes that would take the model to the schema a database holds,
 * both in the dialect's normal form. Empty when they agree.
 */
public final class SchemaDrift {

    private SchemaDrift() {
    }

    /**
     * @param ignored tables that are not the model's (Flyway's history table, sequence tables)
     */
    public static List<SchemaChange> between(SchemaModel model, Connection connection, Dialect dialect,
                                             Set<String> ignored) throws SQLException {
        return between(model, new SchemaReader(dialect, ignored).read(connection, null), dialect);
    }

    /** The same for a schema already read with {@link SchemaReader}. */
    public static List<SchemaChange> between(SchemaModel model, SchemaModel read, Dialect dialect) {
        return SchemaDiff.compare(SchemaNormalForm.of(model, dialect), SchemaNormalForm.of(read, dialect));
    }
}
