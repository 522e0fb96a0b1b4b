package io.github.jpamigrate.core.sql;

import io.github.jpamigrate.core.model.SchemaModel;

/**
 * The Hibernate ORM release line whose DDL a model follows ({@link SchemaModel#orm()}). The lines
 * spell a few types differently, e.g. a Java {@code char} is {@code char(1)} on MySQL under 6.6
 * and {@code varchar(1)} under 7.
 */
public enum OrmLine {
    HIBERNATE_7("hibernate-7"),
    HIBERNATE_6_6("hibernate-6.6");

    private final String id;

    OrmLine(String id) {
        this.id = id;
    }

    /** The value written in the descriptor and given as {@code -Ajpamigrate.orm}. */
    public String id() {
        return id;
    }

    /** The line with this id ({@code hibernate-7}, {@code hibernate-6.6}), if there is one. */
    public static java.util.Optional<OrmLine> fromId(String id) {
        return java.util.Arrays.stream(values()).filter(line -> line.id.equals(id)).findFirst();
    }

    /** The ids users may write, for messages: {@code hibernate-7, hibernate-6.6}. */
    public static String allowedIds() {
        return String.join(", ", java.util.Arrays.stream(values()).map(OrmLine::id).toList());
    }

    /** The line a model was produced for; anything that is not a 6.x line is treated as 7. */
    public static OrmLine of(SchemaModel model) {
        return model.orm().startsWith("hibernate-6") ? HIBERNATE_6_6 : HIBERNATE_7;
    }
}
