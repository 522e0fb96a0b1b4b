package io.github.jpamigrate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.jpamigrate.core.json.ModelHash;
import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.EnumRef;
import io.github.jpamigrate.core.model.EnumStorage;
import io.github.jpamigrate.core.model.EnumType;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Sequence;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.it.harness.BuildResult;
import io.github.jpamigrate.it.harness.EndToEnd;
import io.github.jpamigrate.it.harness.ProjectTemplates;
import io.github.jpamigrate.it.harness.TestProject;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A user's {@code mvn compile} with the processor in {@code annotationProcessorPaths}: the
 * descriptor appears in the class output, and a mapping mistake stops the build with the
 * processor's message. Expected names and types are Hibernate 7's with JPA default naming.
 */
@EndToEnd
class CompileDescriptorIT {

    @Test
    void compilingTheEntitiesWritesTheirDescriptor(ProjectTemplates templates) throws IOException {
        BuildResult build = templates.copy("compile-descriptor").build("compile").assertSuccess();
        SchemaModel model = build.descriptor();

        assertThat(model.naming()).isEqualTo("jpa");
        assertThat(model.tables()).extracting(Table::name).containsExactly("Post", "User");
        assertThat(model.sequences()).containsExactly(new Sequence("User_SEQ", null, 1, 50));
        assertThat(model.tableGenerators()).isEmpty();
        assertThat(model.enums()).containsExactly(
                new EnumType("com.example.blog.Role", List.of("READER", "AUTHOR", "ADMIN")));
        assertUserTable(model);
        assertPostTable(model);
        assertSchemaCheckClass(build);
    }

    /**
     * The runtime schema check class: generated into the entities' package, compiled, hashing the descriptor,
     * and reading its tables from that descriptor in the class output.
     */
    private static void assertSchemaCheckClass(BuildResult build) throws IOException {
        Path source = build.file("target/generated-sources/annotations/com/example/blog/JpaMigrateSchema.java");
        assertThat(source).exists();
        assertThat(build.file("target/classes/com/example/blog/JpaMigrateSchema.class")).exists();
        String hash = ModelHash.of(Files.readAllBytes(build.file("target/classes/META-INF/jpa-migrate/model.json")));
        assertThat(Files.readString(source)).contains("MODEL_HASH = \"" + hash + "\"");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {build.file("target/classes").toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            List<?> tables = (List<?>) Class.forName("com.example.blog.JpaMigrateSchema", true, loader)
                    .getMethod("tables").invoke(null);
            assertThat(tables.stream().map(Object::toString).toList()).containsExactly("Post", "User");
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("JpaMigrateSchema.tables() cannot be called", e);
        }
    }

    /** The reserved word keeps its name as written; quoting is the renderers' job. */
    private static void assertUserTable(SchemaModel model) {
        Table user = model.table("User").orElseThrow();
        assertThat(user.name()).isEqualTo("User");
        assertThat(user.entities()).containsExactly("com.example.blog.User");
        assertThat(user.primaryKey().columns()).containsExactly("id");
        assertThat(user.columns())
                .extracting(Column::name, column -> column.type().toString(), Column::nullable, Column::identity)
                .containsExactly(
                        tuple("id", "bigint", false, false),
                        tuple("email", "varchar(255)", true, false),
                        tuple("role", "varchar(255)", true, false),
                        tuple("loginCount", "integer", false, false));
        assertThat(user.column("role").orElseThrow().enumRef())
                .isEqualTo(new EnumRef("com.example.blog.Role", EnumStorage.STRING));
        assertThat(user.foreignKeys()).isEmpty();
    }

    /** The @ManyToOne(optional = false) becomes a NOT NULL join column with a foreign key to "User". */
    private static void assertPostTable(SchemaModel model) {
        Table post = model.table("Post").orElseThrow();
        assertThat(post.entities()).containsExactly("com.example.blog.Post");
        assertThat(post.primaryKey().columns()).containsExactly("id");
        assertThat(post.columns())
                .extracting(Column::name, column -> column.type().toString(), Column::nullable, Column::identity)
                .containsExactly(
                        tuple("id", "bigint", false, true),
                        tuple("title", "varchar(120)", false, false),
                        tuple("publishedAt", "timestamp(6)", true, false),
                        tuple("author_id", "bigint", false, false));
        assertThat(post.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.columns()).containsExactly("author_id");
            assertThat(fk.referencedTable()).isEqualTo("User");
            assertThat(fk.referencedColumns()).containsExactly("id");
            assertThat(fk.onDelete()).isEqualTo(ReferentialAction.NO_ACTION);
        });
    }

    @Test
    void aManyToOneToAClassThatIsNoEntityFailsTheBuildWithTheProcessorsError(ProjectTemplates templates) {
        BuildResult result = templates.copy("invalid-mapping").build("compile").assertFailure();

        // Reported on the field (or its @ManyToOne, one line up), with a stable code and the target.
        assertThat(result.logLines()).anySatisfy(line -> assertThat(line)
                .startsWith("[ERROR]")
                .containsPattern("Customer\\.java:\\[1[67],\\d+\\]")
                .containsPattern("\\[JM\\d{3}\\]")
                .contains("com.example.shop.Address"));
        assertThat(result.log()).doesNotContain("at io.github.jpamigrate.");
        assertThat(result.file(TestProject.DESCRIPTOR)).doesNotExist();
    }
}
