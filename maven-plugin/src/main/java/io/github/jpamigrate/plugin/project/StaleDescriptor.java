package io.github.jpamigrate.plugin.project;

import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A descriptor older than the entities it describes: an entity was edited and not compiled since
 * ({@code mvn jpa-migrate:verify} without {@code compile}), so a goal that reads the descriptor
 * would judge the old entities and pass. The descriptor names each table's entity classes; their
 * sources are looked up in the source roots (a nested class in its outer class's file). A source
 * the descriptor does not name (an {@code @Embeddable}, a {@code @MappedSuperclass}) is not seen.
 * In a build, {@code compile} runs before the goal and rewrites the descriptor whenever a source
 * changed, so this never trips there.
 */
public final class StaleDescriptor {

    private StaleDescriptor() {
    }

    /**
     * @param sourceRoots the project's Java source folders; none means {@code src/main/java}
     * @param goal        the goal's name, for the command in the message ({@code verify})
     * @throws WorkflowFailure naming the entity sources edited after the descriptor was written
     */
    public static void require(ProjectLayout layout, SchemaModel model, List<Path> sourceRoots, String goal)
            throws IOException {
        if (!Files.isRegularFile(layout.descriptor())) {
            return;
        }
        List<Path> roots = sourceRoots == null || sourceRoots.isEmpty()
                ? List.of(layout.projectDirectory().resolve("src/main/java")) : sourceRoots;
        FileTime written = Files.getLastModifiedTime(layout.descriptor());
        TreeSet<String> newer = new TreeSet<>();
        for (String entity : entities(model)) {
            String file = entity.replaceFirst("\\$.*$", "").replace('.', '/') + ".java";
            for (Path root : roots) {
                Path source = root.resolve(file);
                if (Files.isRegularFile(source) && Files.getLastModifiedTime(source).compareTo(written) > 0) {
                    newer.add(layout.show(source));
                }
            }
        }
        if (!newer.isEmpty()) {
            throw new WorkflowFailure("the model descriptor " + layout.show(layout.descriptor()) + " is older than "
                    + String.join(", ", newer) + ": the entities were edited after the last compile, so " + goal
                    + " would check the entities as they were. Compile first:\n  mvn compile jpa-migrate:" + goal
                    + "\n(in a build, mvn verify compiles before the goal runs)");
        }
    }

    private static List<String> entities(SchemaModel model) {
        List<String> entities = new ArrayList<>();
        for (Table table : model.tables()) {
            if (table.entities() != null) {
                entities.addAll(table.entities());
            }
        }
        return entities;
    }
}
