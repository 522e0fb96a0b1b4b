package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.SchemaModel;

/**
 * Spells a column's type in one dialect's SQL exactly as Hibernate ORM does in its DDL, so that
 * {@code ddl-auto=validate} accepts a schema built from our migrations.
 */
public interface ColumnTypeNames {

    /**
     * The SQL type of the column, e.g. {@code varchar(255)} or {@code timestamp(6) with time zone}.
     *
     * @param column the column; its {@code definition}, when present, is returned verbatim
     * @param model  the model it belongs to: enum constants and the ORM line come from there
     * @throws IllegalArgumentException when the column stores an enum the model does not list
     */
    String sqlType(Column column, SchemaModel model);
}
