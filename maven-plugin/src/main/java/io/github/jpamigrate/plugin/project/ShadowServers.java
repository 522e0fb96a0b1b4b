package io.github.jpamigrate.plugin.project;

import io.github.jpamigrate.core.dialect.Dialect;
import io.github.jpamigrate.plugin.replay.JdbcSecrets;
import io.github.jpamigrate.plugin.replay.ScratchDatabase;
import io.github.jpamigrate.plugin.replay.ShadowDatabase;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The servers scratch databases may be made on: one {@code shadowUrl} for the one server target,
 * or {@code shadowUrls} with one server per vendor folder ({@code postgresql}, {@code mysql}), so
 * that PostgreSQL and MariaDB listed together are each proven on their own server.
 *
 * @param shared   the {@code shadowUrl} server, or null
 * @param byVendor vendor folder id -> its server ({@code shadowUrls}); empty when not given
 */
public record ShadowServers(ShadowDatabase shared, Map<String, ShadowDatabase> byVendor) {

    public static final ShadowServers NONE = new ShadowServers(null, Map.of());

    public ShadowServers {
        byVendor = Map.copyOf(byVendor);
    }

    /** One server (or none, when {@code shared} is null). */
    public static ShadowServers of(ShadowDatabase shared) {
        return new ShadowServers(shared, Map.of());
    }

    /**
     * Reads {@code shadowUrl} and {@code shadowUrls} for {@code targets}; {@code user} and
     * {@code password} apply to every server whose URL does not carry its own.
     *
     * @throws WorkflowFailure for both parameters at once, a key that is no server target's vendor
     *                         folder, a URL of another vendor than its key, or a listed server
     *                         vendor left without a server
     */
    public static ShadowServers parse(MigrationTargets targets, ShadowDatabase shared, Map<String, String> urls,
                                      String user, String password) {
        Map<String, String> given = urls == null ? Map.of() : urls;
        if (given.isEmpty()) {
            return of(shared);
        }
        if (shared != null) {
            throw new WorkflowFailure("both jpamigrate.shadowUrl and <shadowUrls> are set. Use shadowUrl for one server"
                    + " target, or <shadowUrls> with one element per vendor folder (<postgresql>, <mysql>), not both.");
        }
        List<String> vendors = targets.dialects().stream().filter(ScratchDatabase::isServer)
                .map(MigrationTargets::vendor).toList();
        Map<String, ShadowDatabase> byVendor = new LinkedHashMap<>();
        for (var entry : given.entrySet()) {
            String vendor = entry.getKey().strip();
            String url = entry.getValue() == null ? "" : entry.getValue().strip();
            byVendor.put(vendor, server(vendor, url, vendors, user, password));
        }
        for (Dialect dialect : targets.dialects()) {
            if (ScratchDatabase.needsShadow(dialect) && !byVendor.containsKey(MigrationTargets.vendor(dialect))) {
                String vendor = MigrationTargets.vendor(dialect);
                throw new WorkflowFailure("<shadowUrls> has no server for " + dialect.id() + ", which the targets list."
                        + " Add <" + vendor + ">jdbc:...</" + vendor + "> to <shadowUrls>: a server where JPA Migrate may"
                        + " create and drop a scratch database.");
            }
        }
        return new ShadowServers(null, byVendor);
    }

    private static ShadowDatabase server(String vendor, String url, List<String> vendors, String user, String password) {
        if (!vendors.contains(vendor)) {
            throw new WorkflowFailure("<shadowUrls> has an element <" + vendor + ">, but the server targets' vendor folders"
                    + " are " + (vendors.isEmpty() ? "none (SQLite and H2 need no server)" : String.join(", ", vendors))
                    + ClosestName.hint(vendor, vendors) + ". Name each element after a listed vendor's folder"
                    + " (MariaDB and MySQL share mysql).");
        }
        if (url.isEmpty()) {
            throw new WorkflowFailure("<shadowUrls><" + vendor + "> is empty. Give the JDBC URL of a " + vendor
                    + " server, e.g. jdbc:" + (vendor.equals("postgresql") ? "postgresql://localhost:5432/postgres"
                    : "mariadb://localhost:3306/test") + ".");
        }
        Optional<Dialect> server = Dialect.ofJdbcUrl(url).filter(ScratchDatabase::isServer);
        if (server.isPresent() && !MigrationTargets.vendor(server.get()).equals(vendor)) {
            throw new WorkflowFailure("<shadowUrls><" + vendor + "> is " + JdbcSecrets.redactUrl(url) + ", a "
                    + server.get().id() + " server. Point it at a " + vendor + " server, or move it under <"
                    + MigrationTargets.vendor(server.get()) + ">.");
        }
        return new ShadowDatabase(url, user, password);
    }

    /**
     * The server for {@code dialect}: its vendor's {@code shadowUrls} entry; else the shared one
     * when it serves the dialect (a {@code jdbc:postgresql:} URL serves PostgreSQL,
     * {@code jdbc:mariadb:}/{@code jdbc:mysql:} serve MariaDB and MySQL, a URL of another form
     * such as a proxy driver's serves the one server dialect among the targets).
     */
    Optional<ShadowDatabase> forDialect(Dialect dialect, MigrationTargets targets) {
        if (!ScratchDatabase.isServer(dialect)) {
            return Optional.empty();
        }
        if (!byVendor.isEmpty()) {
            return Optional.ofNullable(byVendor.get(MigrationTargets.vendor(dialect)));
        }
        if (shared == null) {
            return Optional.empty();
        }
        Optional<Dialect> server = Dialect.ofJdbcUrl(shared.url()).filter(ScratchDatabase::isServer);
        if (server.isPresent()) {
            return MigrationTargets.vendor(server.get()).equals(MigrationTargets.vendor(dialect))
                    ? Optional.of(shared) : Optional.empty();
        }
        long servers = targets.dialects().stream().filter(ScratchDatabase::isServer).count();
        return servers == 1 ? Optional.of(shared) : Optional.empty();
    }

    /**
     * Refuses a {@code shadowUrl} that serves none of the server targets (a {@code jdbc:mariadb:}
     * URL for {@code dialect=postgresql}), which would otherwise leave every server check skipped.
     * With only SQLite and H2 targets a shadow server is not needed and is ignored.
     *
     * @throws WorkflowFailure naming the URL's database and the targets
     */
    public void requireUsed(MigrationTargets targets) {
        List<Dialect> dialects = targets.dialects();
        boolean servers = dialects.stream().anyMatch(ScratchDatabase::isServer);
        if (shared != null && servers && dialects.stream().noneMatch(d -> forDialect(d, targets).isPresent())) {
            throw new WorkflowFailure("jpamigrate.shadowUrl " + shared.url().replaceFirst("\\?.*", "")
                    + " is not a server of the target " + (dialects.size() > 1 ? "databases " : "database ")
                    + String.join(", ", dialects.stream().map(Dialect::id).toList()) + ". Point it at a "
                    + String.join(" or ", dialects.stream().filter(ScratchDatabase::isServer).map(Dialect::id).toList())
                    + " server.");
        }
    }
}
