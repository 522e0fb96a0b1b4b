package io.github.jpamigrate.plugin.baseline;

import io.github.jpamigrate.core.model.Column;
import io.github.jpamigrate.core.model.ColumnType;
import io.github.jpamigrate.core.model.EnumRef;
import io.github.jpamigrate.core.model.EnumStorage;
import io.github.jpamigrate.core.model.ForeignKey;
import io.github.jpamigrate.core.model.Index;
import io.github.jpamigrate.core.model.PrimaryKey;
import io.github.jpamigrate.core.model.ReferentialAction;
import io.github.jpamigrate.core.model.Table;
import io.github.jpamigrate.core.model.TypeKind;
import io.github.jpamigrate.core.model.UniqueConstraint;
import io.github.jpamigrate.plugin.io.ProjectFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The baseline file: every kind of item reads back as written, in one byte-stable form; a broken file is named. */
class BaselineFileTest {

    private static final String SINCE = "V7, adopted 2026-11-21";

    @TempDir
    Path dir;

    static DriftBaseline everyKind() {
        Column wide = new Column("name", ColumnType.withLength(TypeKind.VARCHAR, 255), true, false, "'x'", false,
                "character varying(255)", null, "shown");
        Column narrow = new Column("name", ColumnType.withLength(TypeKind.VARCHAR, 100), false, true, null, false, null,
                new EnumRef("com.example.Status", EnumStorage.STRING), null);
        Table legacy = new Table("legacy", null, List.of(Column.of("id", ColumnType.of(TypeKind.BIGINT), false)),
                new PrimaryKey("legacy_pk", List.of("id")),
                List.of(new ForeignKey("fk_legacy", List.of("id"), "customer", List.of("id"), ReferentialAction.SET_NULL)),
                List.of(new UniqueConstraint("legacy_uk", List.of("id"))), List.of(new Index("ix", List.of("id desc"), false)),
                List.of(), null, List.of());
        return new DriftBaseline(List.of(
                DriftItem.of(DriftItem.Kind.COLUMN, "customer", wide, narrow, SINCE),
                DriftItem.of(DriftItem.Kind.TABLE, "legacy", legacy, null, SINCE),
                DriftItem.of(DriftItem.Kind.PRIMARY_KEY, "customer", new PrimaryKey(null, List.of("id", "email")),
                        new PrimaryKey("pk", List.of("id")), SINCE),
                DriftItem.of(DriftItem.Kind.FOREIGN_KEY, "order", new ForeignKey("", List.of("customer_id"), "customer",
                        List.of("id"), ReferentialAction.CASCADE), null, SINCE),
                DriftItem.of(DriftItem.Kind.UNIQUE, "customer", null, new UniqueConstraint("uk", List.of("b", "a")), SINCE),
                DriftItem.of(DriftItem.Kind.INDEX, "order", new Index("idx_total", List.of("total", "created_at desc"), true),
                        null, SINCE)));
    }

    @Test
    void everyKindOfItemReadsBackAsWrittenAndTheBytesAreStable() throws Exception {
        DriftBaseline baseline = everyKind();
        Path file = dir.resolve("drift-baseline.json");
        Files.write(file, BaselineFile.content(baseline));

        DriftBaseline read = new BaselineFile(file).read();

        assertThat(read).isEqualTo(baseline);
        assertThat(BaselineFile.content(read)).isEqualTo(Files.readAllBytes(file));
        assertThat(read.ids()).containsExactly("customer.name", "customer.primary-key", "customer.unique:a+b", "legacy",
                "order.fk:customer_id=id->customer", "order.unique-index:total+created_at-desc");
        assertThat(BaselineFile.differs(file, read)).isFalse();
        assertThat(BaselineFile.differs(dir.resolve("none.json"), DriftBaseline.EMPTY)).isFalse();
    }

    @Test
    void aMissingFileIsAnEmptyBaselineAndABrokenOneIsNamedWithTheFix() throws Exception {
        assertThat(new BaselineFile(dir.resolve("absent.json")).read().isEmpty()).isTrue();
        Path file = dir.resolve("drift-baseline.json");
        Files.write(file, BaselineFile.content(everyKind()));
        String text = Files.readString(file, StandardCharsets.UTF_8);

        Files.writeString(file, text.replace("\"id\" : \"customer.name\"", "\"id\" : \"customer.nmae\""));
        assertThatThrownBy(() -> new BaselineFile(file).read())
                .isInstanceOf(ProjectFileException.class)
                .hasMessageContaining("drift-baseline.json cannot be read: item customer.nmae describes customer.name")
                .hasMessageContaining("restore it from version control");

        Files.writeString(file, text.replace("\"format\" : 1", "\"format\" : 2"));
        assertThatThrownBy(() -> new BaselineFile(file).read()).isInstanceOf(ProjectFileException.class)
                .hasMessageContaining("format 2 is not 1");

        Files.writeString(file, text.substring(0, text.length() / 2));
        assertThatThrownBy(() -> new BaselineFile(file).read()).isInstanceOf(ProjectFileException.class)
                .hasMessageContaining("drift-baseline.json cannot be read");
    }
}
