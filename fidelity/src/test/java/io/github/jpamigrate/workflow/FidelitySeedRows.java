package io.github.jpamigrate.workflow;

import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.dialect.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows {@code verify} seeds before it replays the newest migrations, for the fidelity module:
 * the same generator, reached from this package because it is not public API of the plugin.
 */
public final class FidelitySeedRows {

    private FidelitySeedRows() {
    }

    /**
     * Fills every table it can with a few rows, parents first; adds to {@code notes} the tables left
     * empty and why.
     *
     * @param model  the model whose enum constants the rows use
     * @param tables the tables as they are in the database
     * @return rows inserted per table
     */
    public static Map<String, Integer> seed(SchemaModel model, Connection connection, List<Table> tables, List<String> notes)
            throws SQLException {
        VerifySeedRows seed = new VerifySeedRows(model, Dialect.POSTGRESQL);
        Map<String, Integer> seeded = seed.seed(connection, tables);
        notes.addAll(new ArrayList<>(seed.notes()));
        return seeded;
    }
}
