package io.github.jpamigrate.fidelity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The project's own Flyway migrations (extract.sh's {@code migrations/}, with the placeholders of
 * {@code migrate.args}), applied with the Flyway API as the application applies them at start-up.
 */
final class HandWrittenMigrations {

    static final String HISTORY = "flyway_schema_history";

    private HandWrittenMigrations() {
    }

    /**
     * @return how many migrations ran
     * @throws FlywayException naming the failing migration
     */
    static int apply(ExtractedProject project, PostgresScratch database) throws IOException {
        Path folder = project.dir().resolve("migrations");
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(project.dir() + " has no migrations/ folder (extract.sh writes one)");
        }
        return Flyway.configure(HandWrittenMigrations.class.getClassLoader())
                .dataSource(database.url(), null, null)
                .locations("filesystem:" + folder.toAbsolutePath())
                .placeholders(placeholders(project.dir().resolve("migrate.args")))
                .table(HISTORY)
                .cleanDisabled(true)
                .load().migrate().migrationsExecuted;
    }

    /** {@code --placeholders k=v,k=v} in migrate.args; none without it. */
    static Map<String, String> placeholders(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        List<String> words = Arrays.asList(Files.readString(file).trim().split("\\s+"));
        int at = words.indexOf("--placeholders");
        if (at >= 0 && at + 1 < words.size()) {
            for (String pair : words.get(at + 1).split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return out;
    }
}
