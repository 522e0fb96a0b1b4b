package io.github.jpamigrate.plugin.replay;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words for a connection that could not be opened, the same for the shadow server and the
 * database {@code check-db} reads: where it tried (host and port, the default port when the URL
 * gives none), what the driver said and what its cause chain ends in (a driver's own sentence
 * often hides it: PostgreSQL's "The connection attempt failed." for an unreachable host), and the
 * usual fixes. The password is never shown: not the one given, not one in the URL.
 */
public final class ConnectionFailure {

    private static final Pattern SERVER = Pattern.compile("(?i)^jdbc:(postgresql|mariadb|mysql):(?://)?([^/?;,]*)");

    private ConnectionFailure() {
    }

    /**
     * @param url      the JDBC URL
     * @param password the password given, hidden wherever it appears
     * @param e        the driver's exception
     * @return one text: the server, the driver's message and its root cause, each ending in one period
     */
    public static String describe(String url, String password, SQLException e) {
        String driver = sentence(e.getMessage());
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String rootMessage = root == e ? "" : sentence(root.getClass().getSimpleName() + ": " + root.getMessage());
        Matcher server = SERVER.matcher(url == null ? "" : url.strip());
        StringBuilder out = new StringBuilder();
        if (server.find()) {
            String vendor = server.group(1).toLowerCase(Locale.ROOT);
            String hostPort = server.group(2);
            String host = hostPort;
            String port = vendor.equals("postgresql") ? "5432" : "3306";
            int colon = hostPort.lastIndexOf(':');
            if (colon > 0 && !hostPort.endsWith("]")) {
                host = hostPort.substring(0, colon);
                port = hostPort.substring(colon + 1);
            }
            host = host.isEmpty() ? "localhost" : host.replaceFirst("^.*@", "");
            out.append("host ").append(host).append(", port ").append(port).append(": ");
        }
        out.append(driver);
        if (!rootMessage.isEmpty() && !driver.contains(String.valueOf(root.getMessage()).strip())) {
            out.append(" Cause: ").append(rootMessage);
        }
        if (server.find(0)) {
            out.append(" Usual causes: the server is not running or not reachable from here (start it; check the host"
                    + " and any firewall), the port is wrong (PostgreSQL listens on 5432 and MariaDB/MySQL on 3306"
                    + " unless configured otherwise), or the SSL settings do not match the server's (PostgreSQL:"
                    + " sslmode=disable|require in the URL; MariaDB: sslMode=disable|trust).");
        }
        return JdbcSecrets.redact(out.toString(), url, password);
    }

    /** A message as a sentence: trailing periods collapsed to one (drivers end theirs with one or none). */
    static String sentence(String message) {
        String text = message == null ? "" : message.strip();
        text = text.replaceAll("\\.+$", "");
        return text.isEmpty() ? "(no message)." : text + ".";
    }
}
