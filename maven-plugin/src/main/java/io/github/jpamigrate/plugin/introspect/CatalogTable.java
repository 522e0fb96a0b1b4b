package io.github.jpamigrate.plugin.introspect;

import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.PrimaryKey;

import java.util.List;

/**
 * One table as the catalogue reports it, before {@link SchemaReader} turns it into the model: the
 * column rows keep the type text as declared, the indexes still include those that back the
 * primary key or a foreign key.
 */
record CatalogTable(String name, List<ColumnRow> columns, PrimaryKey primaryKey, List<ForeignKey> foreignKeys,
                    List<Index> indexes) {

    /**
     * One column row.
     *
     * @param typeText      the SQL type as declared ({@code varchar(255)}), lower case
     * @param defaultValue  the default expression as reported, or null
     * @param autoIncrement whether the database generates the value
     */
    record ColumnRow(String name, String typeText, boolean nullable, String defaultValue, boolean autoIncrement) {
    }
}
