package io.github.jpamigrate.plugin.lint;

import io.github.jpamigrate.core.dialect.Dialect;

import java.util.EnumSet;
import java.util.Set;

/**
 * The catalogue of the migration lint: each rule has a stable code ({@code JML101}...), the
 * databases it applies to, why the statement hurts a running production database, the safe way to
 * do it, and an example that fires and one that does not (the rule's tests run both; docs/lint.md
 * shows them). Codes are never reused or renumbered.
 */
public enum LintRule {

    CREATE_INDEX_NOT_CONCURRENT("JML101", D.PG, "CREATE INDEX without CONCURRENTLY on an existing table",
            "blocks every write to the table for the whole index build",
            "CREATE INDEX CONCURRENTLY in a migration of its own (Flyway runs it outside a transaction); if it fails"
                    + " half-way, DROP INDEX CONCURRENTLY the invalid index and run it again",
            "CREATE INDEX orders_customer_idx ON orders (customer_id)",
            "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id)"),
    FOREIGN_KEY_NOT_VALID("JML102", D.PG, "ADD FOREIGN KEY without NOT VALID on an existing table",
            "scans the whole table (and the referenced one) while holding a lock that blocks writes to both",
            "ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID, then VALIDATE CONSTRAINT in a later migration",
            "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id)",
            "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id) NOT VALID"),
    CHECK_NOT_VALID("JML103", D.PG, "ADD CHECK without NOT VALID on an existing table",
            "scans the whole table under an ACCESS EXCLUSIVE lock: no reads or writes until it is done",
            "ADD CONSTRAINT ... CHECK (...) NOT VALID, then VALIDATE CONSTRAINT in a later migration",
            "ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0)",
            "ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID"),
    SET_NOT_NULL("JML104", D.PG, "SET NOT NULL without a validated CHECK (col IS NOT NULL)",
            "scans the whole table under an ACCESS EXCLUSIVE lock to prove there is no null",
            "ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT c (later); then SET NOT NULL"
                    + " (PostgreSQL 12+ uses the check and skips the scan) and DROP CONSTRAINT c",
            "ALTER TABLE orders ALTER COLUMN status SET NOT NULL",
            "ALTER TABLE orders ADD CONSTRAINT orders_status_nn CHECK (status IS NOT NULL) NOT VALID;\n"
                    + "ALTER TABLE orders VALIDATE CONSTRAINT orders_status_nn;\n"
                    + "ALTER TABLE orders ALTER COLUMN status SET NOT NULL"),
    MISSING_LOCK_TIMEOUT("JML105", D.SERVERS, "locking DDL on an existing table without a lock timeout",
            "a migration waiting for its lock behind a long transaction makes every later query on the table wait"
                    + " behind it: the service stalls",
            "SET lock_timeout = '5s' (MySQL/MariaDB: SET SESSION lock_wait_timeout = 5) at the top of the migration;"
                    + " a blocked migration then fails fast and can be retried",
            "ALTER TABLE orders ADD COLUMN note text",
            "SET lock_timeout = '5s';\nALTER TABLE orders ADD COLUMN note text"),
    MISSING_STATEMENT_TIMEOUT("JML106", D.PG, "locking DDL on an existing table without a statement timeout",
            "a statement that holds its lock longer than expected (a scan, a rewrite) keeps the table blocked"
                    + " with nothing to stop it",
            "SET statement_timeout = '60s' (or what the change needs) at the top of the migration",
            "ALTER TABLE orders ADD COLUMN note text",
            "SET statement_timeout = '60s';\nALTER TABLE orders ADD COLUMN note text"),
    TYPE_CHANGE_REWRITES("JML107", D.SERVERS, "column type change that rewrites the table",
            "rewrites the table and its indexes under an exclusive lock (MySQL/MariaDB: copies it), and the running"
                    + " old version may not read the new type",
            "expand/contract: add a column of the new type, backfill it in batches, switch the code, drop the old one"
                    + " (widening a varchar or to text is no rewrite on PostgreSQL, nor appending ENUM members on MySQL/MariaDB)",
            "ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2)",
            "ALTER TABLE orders ALTER COLUMN note TYPE text"),
    RENAME_MAPPED_TABLE("JML108", D.ALL, "rename of a table the entities map",
            "the running old version queries the old name until every instance is replaced: its queries fail",
            "expand/contract: create the new table (or a view under the old name), copy, switch the code, drop later",
            "ALTER TABLE orders RENAME TO purchase",
            "ALTER TABLE legacy_import RENAME TO legacy_import_old"),
    RENAME_MAPPED_COLUMN("JML109", D.ALL, "rename of a column the entities map",
            "the running old version reads and writes the old name until every instance is replaced: its queries fail",
            "expand/contract: add the new column, write both, backfill, switch reads, drop the old one in a later release",
            "ALTER TABLE orders RENAME COLUMN total TO amount",
            "ALTER TABLE orders RENAME COLUMN scratch TO scratch_old"),
    DROP_MAPPED_COLUMN("JML110", D.ALL, "DROP COLUMN the previous release still maps",
            "the previous release, still running during the deployment, selects and inserts the column: it fails",
            "stop mapping the column in one release (@Transient or removed), drop it in the next",
            "ALTER TABLE orders DROP COLUMN total",
            "ALTER TABLE orders DROP COLUMN scratch"),
    DROP_MAPPED_TABLE("JML111", D.ALL, "DROP TABLE the previous release still maps",
            "the previous release, still running during the deployment, queries the table: it fails",
            "stop mapping the entity in one release, drop the table in the next",
            "DROP TABLE orders",
            "DROP TABLE legacy_import"),
    TRUNCATE("JML112", D.ALL, "TRUNCATE in a migration",
            "deletes every row on every database the migration reaches, production included, under an ACCESS"
                    + " EXCLUSIVE lock; nothing can bring the rows back",
            "delete exactly the rows meant, with a WHERE clause, or accept it with a reason",
            "TRUNCATE orders",
            "DELETE FROM orders WHERE status = 'TEST'"),
    DELETE_WITHOUT_WHERE("JML113", D.ALL, "DELETE without WHERE",
            "deletes every row on every database the migration reaches, in one long transaction",
            "a WHERE clause naming the rows meant; for large tables, batches",
            "DELETE FROM orders",
            "DELETE FROM orders WHERE status = 'TEST'"),
    UPDATE_WITHOUT_WHERE("JML114", D.ALL, "UPDATE without WHERE",
            "rewrites every row in one transaction: locks all of them, bloats the table, can run for hours",
            "update in batches (WHERE id BETWEEN ...), outside the schema migration when the table is large",
            "UPDATE orders SET status = 'NEW'",
            "UPDATE orders SET status = 'NEW' WHERE status IS NULL AND id < 10000"),
    VOLATILE_DEFAULT("JML115", D.PG, "ADD COLUMN with a volatile default on an existing table",
            "a volatile default (random(), clock_timestamp(), gen_random_uuid(), nextval...) is computed for every"
                    + " row: the table is rewritten under an ACCESS EXCLUSIVE lock",
            "add the column without default (or a constant one), set the default, backfill in batches",
            "ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid()",
            "ALTER TABLE orders ADD COLUMN created timestamp DEFAULT now()"),
    SERIAL_ON_EXISTING("JML116", D.PG, "ADD COLUMN serial/identity on an existing table",
            "numbering every existing row rewrites the table under an ACCESS EXCLUSIVE lock",
            "add a nullable column, attach a sequence as default, backfill in batches",
            "ALTER TABLE orders ADD COLUMN seq bigserial",
            "ALTER TABLE orders ADD COLUMN seq bigint"),
    FOREIGN_KEY_WITHOUT_INDEX("JML117", D.PG, "foreign key column without an index",
            "PostgreSQL does not index the referencing column: every delete or key update in the referenced table"
                    + " scans this table, and joins on it scan too",
            "an index whose first columns are the foreign key's (CREATE INDEX CONCURRENTLY on an existing table)",
            "CREATE TABLE line (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id))",
            "CREATE TABLE line (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));\n"
                    + "CREATE INDEX line_order_idx ON line (order_id)"),
    VACUUM_FULL("JML118", D.PG, "VACUUM FULL",
            "rewrites the table under an ACCESS EXCLUSIVE lock: no reads or writes until it is done",
            "plain VACUUM (no exclusive lock), or pg_repack outside the migration",
            "VACUUM FULL orders",
            "VACUUM orders"),
    CLUSTER("JML119", D.PG, "CLUSTER",
            "rewrites the table in index order under an ACCESS EXCLUSIVE lock",
            "pg_repack outside the migration, or accept the downtime explicitly",
            "CLUSTER orders USING orders_pkey",
            "ANALYZE orders"),
    REINDEX_NOT_CONCURRENT("JML120", D.PG, "REINDEX without CONCURRENTLY",
            "blocks writes to the table (and reads through the index) while it rebuilds",
            "REINDEX ... CONCURRENTLY (PostgreSQL 12+) in a migration of its own",
            "REINDEX INDEX orders_customer_idx",
            "REINDEX INDEX CONCURRENTLY orders_customer_idx"),
    DDL_AND_DATA("JML121", D.PG, "DDL and a data update in one transaction",
            "Flyway runs a PostgreSQL migration in one transaction: the locks the DDL takes are held until the data"
                    + " update is done, so the table stays blocked for as long as the update runs",
            "put the data update in a migration of its own (or a batched job), after the DDL",
            "ALTER TABLE orders ADD COLUMN status text;\nUPDATE orders SET status = 'NEW' WHERE status IS NULL",
            "ALTER TABLE orders ADD COLUMN status text"),
    ALTER_WITHOUT_ALGORITHM("JML122", D.MY, "ALTER TABLE without ALGORITHM",
            "without ALGORITHM the server silently picks COPY when INSTANT/INPLACE is not possible: the table is"
                    + " copied and writes are blocked",
            "state ALGORITHM=INSTANT (or INPLACE): the server then refuses a change it cannot make that way",
            "ALTER TABLE orders ADD COLUMN note text",
            "ALTER TABLE orders ADD COLUMN note text, ALGORITHM=INSTANT"),
    ALTER_WITHOUT_LOCK("JML123", D.MY, "ALTER TABLE (not INSTANT) without LOCK",
            "without LOCK the server takes the lock the algorithm needs, up to blocking writes, without saying so",
            "state LOCK=NONE: the server then refuses a change that would block writes",
            "ALTER TABLE orders ADD INDEX orders_status_idx (status), ALGORITHM=INPLACE",
            "ALTER TABLE orders ADD INDEX orders_status_idx (status), ALGORITHM=INPLACE, LOCK=NONE"),
    CREATE_INDEX_WITHOUT_LOCK("JML124", D.MY, "CREATE INDEX on an existing table without ALGORITHM/LOCK",
            "the server may choose a copying or write-blocking build without saying so",
            "CREATE INDEX ... ALGORITHM=INPLACE LOCK=NONE",
            "CREATE INDEX orders_status_idx ON orders (status)",
            "CREATE INDEX orders_status_idx ON orders (status) ALGORITHM=INPLACE LOCK=NONE"),
    UNIQUE_ON_EXISTING("JML125", D.PG, "ADD UNIQUE constraint on an existing table",
            "builds the unique index under an ACCESS EXCLUSIVE lock",
            "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... UNIQUE USING INDEX",
            "ALTER TABLE orders ADD CONSTRAINT orders_number_key UNIQUE (number)",
            "ALTER TABLE orders ADD CONSTRAINT orders_number_key UNIQUE USING INDEX orders_number_idx"),
    PRIMARY_KEY_ON_EXISTING("JML126", D.PG, "ADD PRIMARY KEY on an existing table",
            "builds the index (and checks NOT NULL) under an ACCESS EXCLUSIVE lock",
            "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... PRIMARY KEY USING INDEX",
            "ALTER TABLE orders ADD PRIMARY KEY (id)",
            "ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_id_idx"),
    DROP_INDEX_NOT_CONCURRENT("JML127", D.PG, "DROP INDEX without CONCURRENTLY",
            "waits for and then blocks every query on the table while it drops the index",
            "DROP INDEX CONCURRENTLY in a migration of its own",
            "DROP INDEX orders_status_idx",
            "DROP INDEX CONCURRENTLY orders_status_idx"),
    LOCK_TABLE("JML128", D.ALL, "explicit LOCK TABLE",
            "holds the table lock for the rest of the transaction: every query on it waits",
            "let each statement take the lock it needs, with a lock_timeout",
            "LOCK TABLE orders IN ACCESS EXCLUSIVE MODE",
            "SET lock_timeout = '5s'"),
    NOT_NULL_WITHOUT_DEFAULT("JML129", D.ALL, "ADD COLUMN NOT NULL without a default on an existing table",
            "fails on any database where the table has rows (production), after it passed on empty test databases",
            "add it with a DEFAULT, or nullable, backfill, then SET NOT NULL the safe way",
            "ALTER TABLE orders ADD COLUMN region text NOT NULL",
            "ALTER TABLE orders ADD COLUMN region text NOT NULL DEFAULT 'EU'"),
    CONCURRENTLY_WITH_OTHERS("JML130", D.PG, "CONCURRENTLY together with other statements in one migration",
            "CREATE/DROP INDEX CONCURRENTLY cannot run inside a transaction; Flyway either fails the migration or"
                    + " runs the other statements without a transaction around them",
            "one migration per concurrent statement, with executeInTransaction=false in its .conf",
            "CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);\nALTER TABLE orders ADD COLUMN note text",
            "CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status)"),
    VALIDATE_IN_SAME_TRANSACTION("JML131", D.PG, "VALIDATE CONSTRAINT in the migration that adds it NOT VALID",
            "in one transaction the lock taken by ADD ... NOT VALID is held through the validating scan: NOT VALID"
                    + " gains nothing",
            "VALIDATE CONSTRAINT in a later migration",
            "ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;\n"
                    + "ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive",
            "ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID"),
    REFRESH_NOT_CONCURRENT("JML132", D.PG, "REFRESH MATERIALIZED VIEW without CONCURRENTLY",
            "blocks every read of the view while it refreshes",
            "REFRESH MATERIALIZED VIEW CONCURRENTLY (needs a unique index on the view)",
            "REFRESH MATERIALIZED VIEW order_totals",
            "REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals"),
    TABLE_REBUILD("JML133", D.MY, "statement that rebuilds the whole table (ENGINE=, CONVERT TO CHARACTER SET, FORCE, OPTIMIZE)",
            "copies the whole table; writes are blocked or the copy takes as long as the table is large",
            "an online schema change tool (pt-online-schema-change, gh-ost) outside the migration",
            "ALTER TABLE orders CONVERT TO CHARACTER SET utf8mb4",
            "ALTER TABLE orders ADD COLUMN note text, ALGORITHM=INSTANT"),
    DROP_CASCADE("JML134", D.ALL, "DROP ... CASCADE",
            "silently drops every view, constraint and dependent object too, which the statement does not name",
            "drop the dependants by name first, then drop without CASCADE",
            "DROP TABLE legacy_import CASCADE",
            "DROP TABLE legacy_import");

    private final String code;
    private final Set<Dialect> dialects;
    private final String title;
    private final String why;
    private final String safe;
    private final String fires;
    private final String passes;

    LintRule(String code, Set<Dialect> dialects, String title, String why, String safe, String fires, String passes) {
        this.code = code;
        this.dialects = dialects;
        this.title = title;
        this.why = why;
        this.safe = safe;
        this.fires = fires;
        this.passes = passes;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String why() {
        return why;
    }

    public String safe() {
        return safe;
    }

    /** An example migration (on an existing {@code orders} table) that the rule reports. */
    public String fires() {
        return fires;
    }

    /** The same intent written safely: the rule does not report it. */
    public String passes() {
        return passes;
    }

    public boolean appliesTo(Dialect dialect) {
        return dialect == null || dialects.contains(dialect);
    }

    public Set<Dialect> dialects() {
        return dialects;
    }

    public static java.util.Optional<LintRule> byCode(String code) {
        for (LintRule rule : values()) {
            if (rule.code.equalsIgnoreCase(code)) {
                return java.util.Optional.of(rule);
            }
        }
        return java.util.Optional.empty();
    }

    /** The dialect sets the rules apply to. */
    private static final class D {
        static final Set<Dialect> PG = EnumSet.of(Dialect.POSTGRESQL);
        static final Set<Dialect> MY = EnumSet.of(Dialect.MYSQL, Dialect.MARIADB);
        static final Set<Dialect> SERVERS = EnumSet.of(Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB);
        static final Set<Dialect> ALL = EnumSet.allOf(Dialect.class);
    }
}
