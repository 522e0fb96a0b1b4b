package io.github.jpamigrate.processor.oracle;

import io.github.jpamigrate.core.dialect.Dialect;

/**
 * Each of our dialects with the Hibernate dialect class that stands for it and the database
 * version Hibernate is told (no database is contacted, so Hibernate cannot ask).
 */
enum OracleDialect {
    POSTGRESQL(Dialect.POSTGRESQL, "org.hibernate.dialect.PostgreSQLDialect", "16.4", true),
    MYSQL(Dialect.MYSQL, "org.hibernate.dialect.MySQLDialect", "8.0.36", false),
    MARIADB(Dialect.MARIADB, "org.hibernate.dialect.MariaDBDialect", "10.11.8", true),
    H2(Dialect.H2, "org.hibernate.dialect.H2Dialect", "2.3.232", true),
    SQLITE(Dialect.SQLITE, "org.hibernate.community.dialect.SQLiteDialect", "3.46.0", false);

    private final Dialect dialect;
    private final String hibernateDialect;
    private final String version;
    private final boolean hasSequences;

    OracleDialect(Dialect dialect, String hibernateDialect, String version, boolean hasSequences) {
        this.dialect = dialect;
        this.hibernateDialect = hibernateDialect;
        this.version = version;
        this.hasSequences = hasSequences;
    }

    Dialect dialect() {
        return dialect;
    }

    String hibernateDialect() {
        return hibernateDialect;
    }

    String version() {
        return version;
    }

    /** Whether the database has sequences; without, Hibernate emulates each with a one-row table. */
    boolean hasSequences() {
        return hasSequences;
    }

    @Override
    public String toString() {
        return dialect.id();
    }
}
