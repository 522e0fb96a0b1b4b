package io.github.jpamigrate.plugin.live;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.plugin.replay.ConnectionFailure;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database the application runs on, given by the user as {@code -Djpamigrate.url=jdbc:...}.
 * This tool only reads it: every connection is opened read-only, in the strongest form each
 * driver offers, so that even a bug here cannot change it:
 * <ul>
 *   <li>SQLite: the file is opened with SQLite's read-only open mode (a missing file is an
 *       error, not a new empty database);</li>
 *   <li>PostgreSQL, MariaDB, MySQL: the session is made read-only on the server
 *       ({@code SET SESSION ... READ ONLY}), which the server enforces for every statement;</li>
 *   <li>H2: {@code IFEXISTS=TRUE} (no database is created) and the JDBC read-only flag.</li>
 * </ul>
 * The password is handed to the driver and nowhere else; {@link #shownUrl()} and
 * {@link #redact(String)} keep it (and a password written into the URL) out of every message.
 */
public final class LiveDatabase {

    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password|pwd)=([^&;]*)");
    private static final Pattern URL_USER_INFO = Pattern.compile("//([^/@:]+):([^/@]*)@");

    private final String url;
    private final String user;
    private final String password;
    private final Dialect dialect;

    private LiveDatabase(String url, String user, String password, Dialect dialect) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.dialect = dialect;
    }

    /**
     * @throws LiveDatabaseException when the URL names no database this tool reads
     */
    public static LiveDatabase of(String url, String user, String password) {
        if (url == null || url.isBlank()) {
            throw new LiveDatabaseException("no database URL given: set -Djpamigrate.url=jdbc:... (and"
                    + " -Djpamigrate.user, -Djpamigrate.password when the database needs them)");
        }
        String trimmed = url.strip();
        return new LiveDatabase(trimmed, blankToNull(user), blankToNull(password), dialectOf(trimmed));
    }

    /**
     * The dialect a JDBC URL speaks: {@code jdbc:sqlite:}, {@code jdbc:h2:}, {@code jdbc:postgresql:},
     * {@code jdbc:mariadb:} or {@code jdbc:mysql:}.
     *
     * @throws LiveDatabaseException for any other URL
     */
    public static Dialect dialectOf(String url) {
        return Dialect.ofJdbcUrl(url).orElseThrow(() -> new LiveDatabaseException("jpamigrate.url " + redactUrl(url)
                + " is not a database JPA Migrate reads: use a URL starting with jdbc:sqlite:, jdbc:h2:,"
                + " jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql:"));
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The URL as messages show it: any password in it replaced by {@code ***}. */
    public String shownUrl() {
        return redactUrl(url);
    }

    /** The user, or null when none was given. */
    public String user() {
        return user;
    }

    /** {@code text} with the password, in any form a driver might echo it, replaced by {@code ***}. */
    public String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = redactUrl(text);
        if (password != null && !password.isEmpty()) {
            out = out.replace(password, "***");
        }
        return out;
    }

    static String redactUrl(String text) {
        String out = URL_PASSWORD.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "=***"));
        return URL_USER_INFO.matcher(out).replaceAll(m -> Matcher.quoteReplacement("//" + m.group(1) + ":***@"));
    }

    /**
     * A new read-only connection; the caller closes it.
     *
     * @throws LiveDatabaseException naming the URL (without password) and the driver's reason
     */
    public Connection connect() {
        Connection connection;
        try {
            connection = DriverManager.getConnection(url, properties());
        } catch (SQLException e) {
            if (dialect == Dialect.MYSQL && String.valueOf(e.getMessage()).contains("No suitable driver")) {
                throw new LiveDatabaseException("cannot connect to " + shownUrl() + ": the plugin ships the MariaDB driver,"
                        + " which reads MySQL servers too; write the URL as jdbc:mariadb://... (or add"
                        + " permitMysqlScheme to the jdbc:mysql: URL)", null);
            }
            throw new LiveDatabaseException("cannot connect to " + shownUrl() + (user == null ? "" : " as " + user) + ", "
                    + ConnectionFailure.describe(url, password, e) + " Check -Djpamigrate.url" + (dialect == Dialect.SQLITE
                    ? " (the SQLite file must exist; check-db never creates one)"
                    : ", -Djpamigrate.user and -Djpamigrate.password, and that the server is running"), null);
        }
        try {
            makeReadOnly(connection);
            return connection;
        } catch (SQLException e) {
            close(connection);
            throw new LiveDatabaseException("cannot make the connection to " + shownUrl() + " read-only: "
                    + redact(e.getMessage()) + "; JPA Migrate reads a live database only over a read-only session", null);
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        // SQLite has no users; sqlite-jdbc would read a password as an encryption key.
        if (dialect != Dialect.SQLITE) {
            if (user != null) {
                properties.setProperty("user", user);
            }
            if (password != null) {
                properties.setProperty("password", password);
            }
        }
        switch (dialect) {
            // SQLITE_OPEN_READONLY: no write, and no empty file created for a wrong path.
            case SQLITE -> properties.setProperty("open_mode", "1");
            case H2 -> {
                if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:")) {
                    properties.setProperty("IFEXISTS", "TRUE");
                }
            }
            default -> { }
        }
        return properties;
    }

    private void makeReadOnly(Connection connection) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            return; // opened read-only through open_mode, as the driver wants it
        }
        connection.setReadOnly(true);
        Optional<String> session = dialect.readOnlySessionStatement();
        if (session.isPresent()) {
            try (Statement s = connection.createStatement()) {
                s.execute(session.get());
            }
        }
    }

    /** A data source over {@link #connect()}, for the Flyway API: Flyway too only ever gets read-only connections. */
    public DataSource dataSource() {
        return new ReadOnlySource();
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection is useless either way
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Hands out {@link #connect()}'s connections; everything else a pool would offer is unsupported. */
    private final class ReadOnlySource implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            try {
                return connect();
            } catch (LiveDatabaseException e) {
                throw new SQLException(e.getMessage());
            }
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
